# Policy documents read from files next to the module, as real modules do: findings on them point
# into the files (policies/expect).
resource "aws_s3_bucket" "docs" { # expect: AWS-S3-006
  bucket = "acme-docs"
}

resource "aws_s3_bucket_policy" "docs" {
  bucket = aws_s3_bucket.docs.id
  policy = file("${path.module}/policies/public-read.json")
}

resource "aws_iam_policy" "deploy" {
  name = "deploy"
  policy = templatefile("${path.module}/policies/deploy.json.tftpl", {
    actions = ["*"]
  })
}

# A file outside the scanned directories is not read: unknown, so silent.
resource "aws_iam_policy" "outside" {
  name   = "outside"
  policy = file("${path.module}/../../outside_secret/admin.json")
}

locals {
  subnets = [for i in range(3) : cidrsubnet("10.0.0.0/16", 8, i)]
}

resource "aws_security_group" "internal" {
  name = "internal"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = local.subnets
  }
}
