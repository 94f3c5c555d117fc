# preflight:ignore ACME-S3-001 -- a rule from the company's own policies
resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "aws:kms"
      }
    }
  }
}
