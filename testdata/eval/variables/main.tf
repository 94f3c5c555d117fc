variable "logs_acl" {
  type = string
}

variable "db_encrypted" {
  type    = bool
  default = true
}

variable "ssh_port" {
  type = number
}

variable "from_env" {
  type    = string
  default = "private"
}

# terraform.tfvars sets logs_acl; prod.auto.tfvars overrides it later in Terraform's order.
resource "aws_s3_bucket" "logs" { # expect: AWS-S3-006
  bucket = "acme-logs"
  acl    = var.logs_acl # expect: AWS-S3-001
}

# The default (true) is overridden by terraform.tfvars.json with the string "false".
resource "aws_db_instance" "main" {
  engine            = "postgres"
  storage_encrypted = var.db_encrypted # expect: AWS-RDS-001
}

# No value anywhere in this folder: unknown, so silent (the CLI test passes it with --var).
resource "aws_security_group" "bastion" {
  name = "bastion"
  ingress {
    from_port   = var.ssh_port
    to_port     = var.ssh_port
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_s3_bucket" "exports" { # expect: AWS-S3-006
  bucket = "acme-exports"
  acl    = var.from_env
}

# The value goes through a local to a variable default: both are shown as its origin.
variable "site_acl" {
  default = "public-read"
}

locals {
  site_acl = var.site_acl
}

resource "aws_s3_bucket" "site" { # expect: AWS-S3-006
  bucket = "acme-site"
  acl    = local.site_acl # expect: AWS-S3-001
}
