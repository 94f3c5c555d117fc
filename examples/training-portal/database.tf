# The applications database, opened to the internet "temporarily" during a migration.
resource "aws_db_instance" "applications" {
  identifier          = "${local.prefix}-applications"
  engine              = "postgres"
  engine_version      = "16.3"
  instance_class      = "db.t4g.medium"
  allocated_storage   = 100
  username            = "portal"
  password            = var.db_password
  publicly_accessible = true
  skip_final_snapshot = false
  tags                = local.tags
}

# Scratch disk for document conversion.
resource "aws_ebs_volume" "conversion_scratch" {
  availability_zone = "eu-central-1a"
  size              = 200
  encrypted         = false
}
