# Type constraints: values are converted to the declared type, and optional object attributes left out
# take their defaults, as Terraform does.

variable "admin_ports" {
  type = list(number)
}

module "reporting_db" {
  source = "./modules/db"
  # `public` is left out: the module's optional(bool, true) default applies.
  db = {
    name = "reporting"
  }
}

module "orders_db" {
  source = "./modules/db"
  db = {
    name      = "orders"
    public    = false
    encrypted = "true" # converted to bool
  }
}

resource "aws_security_group" "admin" {
  name = "admin"

  ingress {
    from_port   = var.admin_ports[0]
    to_port     = var.admin_ports[0]
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"] # expect: AWS-EC2-001
  }
}

# `nullable = false`: the null in terraform.tfvars means the default (true), so the volume is encrypted.
variable "encrypt_volumes" {
  type     = bool
  default  = true
  nullable = false
}

resource "aws_ebs_volume" "scratch" { # expect: AWS-EBS-006
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = var.encrypt_volumes
}
