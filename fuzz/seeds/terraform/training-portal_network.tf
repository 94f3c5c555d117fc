resource "aws_security_group" "portal" {
  name        = "${local.prefix}-portal"
  description = "Training portal web servers"

  ingress {
    description = "HTTPS from anywhere"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    description = "SSH for the on-call engineer"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "admin" {
  name        = "${local.prefix}-admin"
  description = "Admin access from the office only"
}

resource "aws_vpc_security_group_ingress_rule" "admin_rdp" {
  security_group_id = aws_security_group.admin.id
  description       = "RDP from the office"
  ip_protocol       = "tcp"
  from_port         = 3389
  to_port           = 3389
  cidr_ipv4         = var.office_cidr
}
