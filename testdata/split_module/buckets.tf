resource "aws_s3_bucket" "site" {
  bucket = "acme-site"
  acl    = "public-read"
}

resource "aws_s3_bucket" "reports" {
  bucket = "acme-reports"
  acl    = "public-read"
}
