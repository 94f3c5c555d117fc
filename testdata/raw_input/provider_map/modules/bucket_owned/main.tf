resource "aws_s3_bucket" "this" {
  bucket = "acme-ops-owned-logs"
}
