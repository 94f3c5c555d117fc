resource "aws_s3_bucket" "this" { # expect: ACME-TAG-001
  bucket = "acme-ops-untagged-logs"
}
