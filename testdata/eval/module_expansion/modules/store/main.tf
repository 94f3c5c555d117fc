variable "name" {
  type = string
}

variable "acl" {
  type    = string
  default = "private"
}

variable "encrypted" {
  type    = bool
  default = true
}

resource "aws_s3_bucket" "this" { # expect: AWS-S3-006
  bucket = var.name
}

# Joins the bucket above by its address, also in the instance that stands for all.
resource "aws_s3_bucket_acl" "this" {
  bucket = aws_s3_bucket.this.id
  acl    = var.acl # expect: AWS-S3-001
}

resource "aws_ebs_volume" "scratch" { # expect: AWS-EBS-006
  availability_zone = "eu-west-1a"
  size              = 8
  encrypted         = var.encrypted # expect: AWS-EBS-001
}

output "bucket_id" {
  value = aws_s3_bucket.this.id
}
