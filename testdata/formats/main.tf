resource "aws_s3_bucket" "assets" {
  bucket = "acme-assets"
  acl    = var.bucket_acl
}

resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"
  acl    = "public-read" # preflight:ignore AWS-S3-001 -- log bucket served to the partner's reader, 100% reviewed
}

resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 20
}

resource "aws_ebs_volume" "scratch" {
  availability_zone = "eu-west-1a"
  encrypted         = false
}
