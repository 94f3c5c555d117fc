resource "aws_s3_bucket" "site" {
  bucket = "example-site"
}

resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = file("${path.module}/policy.json")
}

resource "aws_iam_role" "anyone" {
  name               = "anyone"
  assume_role_policy = file("trust.json")
}
