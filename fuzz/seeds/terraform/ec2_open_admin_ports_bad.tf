# Inline rules on the group itself.
resource "aws_security_group" "bastion" {
  name        = "bastion"
  description = "Jump host"
  vpc_id      = "vpc-0a1b2c3d4e5f67890"

  ingress {
    description      = "SSH from anywhere"
    from_port        = 22
    to_port          = 22
    protocol         = "tcp"
    cidr_blocks      = ["0.0.0.0/0"] # expect: AWS-EC2-001
    ipv6_cidr_blocks = ["::/0"]      # expect: AWS-EC2-001
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# Separate rule resources joined to their group.
resource "aws_security_group" "windows_jump" {
  name        = "windows-jump"
  description = "Windows administration host"
  vpc_id      = "vpc-0a1b2c3d4e5f67890"
}

resource "aws_security_group_rule" "windows_jump_rdp" {
  type              = "ingress"
  from_port         = 3389
  to_port           = 3389
  protocol          = "6"
  cidr_blocks       = ["10.0.0.0/8", "0.0.0.0/0"] # expect: AWS-EC2-001
  security_group_id = aws_security_group.windows_jump.id
}

resource "aws_vpc_security_group_ingress_rule" "windows_jump_ssh" {
  security_group_id = aws_security_group.windows_jump.id
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_ipv6         = "::/0" # expect: AWS-EC2-001
}

# A port range that happens to include 22.
resource "aws_security_group" "legacy_ftp" {
  name   = "legacy-ftp"
  vpc_id = "vpc-0a1b2c3d4e5f67890"

  ingress {
    from_port   = 20
    to_port     = 23
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"] # expect: AWS-EC2-001
  }
}
