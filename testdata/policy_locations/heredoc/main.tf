resource "aws_s3_bucket" "site" {
  bucket = "example-site"
}

resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = <<-POLICY
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Sid": "Deploy",
          "Effect": "Allow",
          "Principal": {"AWS": "arn:aws:iam::111122223333:role/deploy"},
          "Action": "s3:PutObject",
          "Resource": "${aws_s3_bucket.site.arn}/*"
        },
        {
          "Sid": "PublicRead", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
          "Resource": "${aws_s3_bucket.site.arn}/*"
        }
      ]
    }
  POLICY
}
