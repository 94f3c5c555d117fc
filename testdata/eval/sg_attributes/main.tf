variable "office" {}

# Rules written as attributes instead of nested blocks.
resource "aws_security_group" "legacy" {
  name = "legacy"
  ingress = [ # expect: AWS-EC2-001
    {
      description      = "SSH"
      from_port        = 22
      to_port          = 22
      protocol         = "tcp"
      cidr_blocks      = ["0.0.0.0/0"]
      ipv6_cidr_blocks = []
      prefix_list_ids  = []
      security_groups  = []
      self             = false
    },
    {
      description      = "HTTPS"
      from_port        = 443
      to_port          = 443
      protocol         = "tcp"
      cidr_blocks      = ["0.0.0.0/0"]
      ipv6_cidr_blocks = []
      prefix_list_ids  = []
      security_groups  = []
      self             = false
    },
  ]
}

# The rule list comes from a variable without a value: unknown, silent.
resource "aws_security_group" "configurable" {
  name    = "configurable"
  ingress = var.office
}
