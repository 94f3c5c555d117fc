resource "aws_s3_bucket" "typo" {
  bucket = "typo"
  acl    = "public-read" # preflight:ignore AWS-S3-01 -- one zero short
}

resource "aws_s3_bucket" "second_of_several" {
  bucket = "second"
  acl    = "public-read" # preflight:ignore AWS-S3-001, AWS-S3-01 -- the first still works
}

# preflight:ignore AWS-EBS-001, AWS-S3-001, NO-SUCH-RULE -- one used, one unused, one unknown
resource "aws_s3_bucket" "mixed" {
  bucket = "mixed"
  acl    = "public-read"
}

resource "aws_s3_bucket" "by_name" {
  bucket = "by-name"
  acl    = "public-read" # preflight:ignore public-bucket-acl -- a rule's name works too
}

resource "aws_s3_bucket" "no_ids" {
  bucket = "no-ids"
  acl    = "public-read" # preflight:ignore -- forgot the rule
}
