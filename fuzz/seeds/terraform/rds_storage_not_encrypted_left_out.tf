# storage_encrypted is not written: RDS creates the instance unencrypted.
resource "aws_db_instance" "wiki" { # expect: AWS-RDS-001
  identifier          = "wiki-mysql"
  engine              = "mysql"
  engine_version      = "8.0"
  instance_class      = "db.t4g.small"
  allocated_storage   = 20
  username            = "wiki"
  password            = "change-me-in-secrets-manager"
  skip_final_snapshot = true
}

# A provisioned Aurora cluster is unencrypted unless told otherwise.
resource "aws_rds_cluster" "sessions" { # expect: AWS-RDS-001
  cluster_identifier  = "sessions-aurora"
  engine              = "aurora-postgresql"
  master_username     = "sessions"
  master_password     = "change-me-in-secrets-manager"
  skip_final_snapshot = true
}

# Aurora Serverless v1 clusters are always encrypted.
resource "aws_rds_cluster" "reporting" {
  cluster_identifier  = "reporting-serverless"
  engine              = "aurora-mysql"
  engine_mode         = "serverless"
  master_username     = "reporting"
  master_password     = "change-me-in-secrets-manager"
  skip_final_snapshot = true
}
