variable "name" {}
variable "acl" {}

resource "aws_s3_bucket" "this" { # expect: AWS-S3-006
  bucket = var.name
  acl    = var.acl # expect: AWS-S3-001
}

module "logs" {
  source = "example-org/logs/aws"
}
