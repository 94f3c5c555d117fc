resource "aws_iam_role" "cross_account_reader" {
  name = "cross-account-reader"
  assume_role_policy = jsonencode({ # expect: AWS-IAM-002
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { AWS = "*" }
        Action    = "sts:AssumeRole"
        Condition = {
          StringEquals = { "sts:ExternalId" = "acme-partner-7f3a9c" }
        }
      }
    ]
  })
}

resource "aws_iam_role_policy" "cross_account_reader" {
  name = "read-reports"
  role = aws_iam_role.cross_account_reader.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "s3:GetObject"
      Resource = "arn:aws:s3:::acme-reports/*"
    }]
  })
}

resource "aws_iam_role" "legacy_automation" {
  name = "legacy-automation"
  assume_role_policy = jsonencode({ # expect: AWS-IAM-002
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { Service = "ec2.amazonaws.com" }
        Action    = "sts:AssumeRole"
      },
      {
        Effect    = "Allow"
        Principal = "*"
        Action    = ["sts:AssumeRole", "sts:TagSession"]
      }
    ]
  })
}
