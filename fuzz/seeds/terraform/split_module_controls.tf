# The site bucket's ACL is neutralized here, in another file of the same module.
resource "aws_s3_bucket_public_access_block" "site" {
  bucket                  = "acme-site"
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}

resource "aws_sns_topic" "alerts" {
  name = "alerts"
}
