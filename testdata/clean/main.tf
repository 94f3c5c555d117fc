resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"
}

resource "aws_db_instance" "main" {
  engine            = "postgres"
  instance_class    = "db.t4g.micro"
  storage_encrypted = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}
