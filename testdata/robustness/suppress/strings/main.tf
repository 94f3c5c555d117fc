resource "aws_s3_bucket" "described" {
  bucket = "described"
  tags   = { Note = "${upper("see")} # preflight:ignore AWS-S3-001 in the docs" }
  acl    = "public-read"
}

resource "aws_s3_bucket" "slashes" {
  bucket = "slashes"
  tags   = { Runbook = "https://wiki.example.com//preflight:ignore AWS-S3-001" }
  acl    = "public-read"
}

locals {
  doc = <<EOT
To silence a finding, write:
# preflight:ignore AWS-S3-001 -- reason
EOT
}
