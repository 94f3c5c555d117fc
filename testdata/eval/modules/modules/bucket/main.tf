variable "name" {
  type = string
}

variable "acl" {
  type    = string
  default = "private"
}

resource "aws_s3_bucket" "this" { # expect: AWS-S3-006
  bucket = var.name
}

resource "aws_s3_bucket_acl" "this" {
  bucket = aws_s3_bucket.this.id
  acl    = var.acl # expect: AWS-S3-001
}

output "bucket_id" {
  value = aws_s3_bucket.this.id
}

output "arn" {
  value = aws_s3_bucket.this.arn
}
