resource "aws_s3_bucket" "never" {
  bucket = "never"
  acl    = "public-read" # preflight:ignore AWS-S3-001 -- exp:never
}

resource "aws_s3_bucket" "month_13" {
  bucket = "month-13"
  acl    = "public-read" # preflight:ignore AWS-S3-001 -- exp:2099-13-45
}

resource "aws_s3_bucket" "us_style" {
  bucket = "us-style"
  acl    = "public-read" # preflight:ignore AWS-S3-001 -- exp:12/31/2099
}

resource "aws_s3_bucket" "empty" {
  bucket = "empty"
  acl    = "public-read" # preflight:ignore AWS-S3-001 -- who knows exp:
}

resource "aws_s3_bucket" "future" {
  bucket = "future"
  acl    = "public-read" # preflight:ignore AWS-S3-001 -- reviewed exp:2099-12-31
}

resource "aws_s3_bucket" "leap" {
  bucket = "leap"
  # preflight:ignore AWS-S3-001 exp:2096-02-29 -- leap day, a real date
  acl = "public-read"
}
