variable "db" {
  type = object({
    name      = string
    public    = optional(bool, true)
    encrypted = optional(bool, false)
    tags      = optional(map(string), {})
  })
}

resource "aws_db_instance" "this" {
  identifier          = var.db.name
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  storage_encrypted   = var.db.encrypted # expect: AWS-RDS-001
  publicly_accessible = var.db.public    # expect: AWS-RDS-002
}
