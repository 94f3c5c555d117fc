variable "encrypted" {
  type    = bool
  default = true
}

variable "admin_cidr" {
  type    = string
  default = "10.0.0.0/8"
}

resource "aws_db_instance" "this" {
  engine            = "postgres"
  instance_class    = "db.t4g.micro"
  storage_encrypted = var.encrypted # expect: AWS-RDS-001
}

# A module calling another module.
module "sg" {
  source   = "../network"
  ssh_cidr = var.admin_cidr
}
