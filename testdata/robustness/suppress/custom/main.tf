# preflight:ignore ACME-S3-001 -- a rule from the company's own policies
resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"
}
