resource "aws_iam_policy" "ops_admin" {
  name        = "ops-admin"
  description = "Operations team access"
  policy = jsonencode({ # expect: AWS-IAM-001
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "ReadLogs"
        Effect   = "Allow"
        Action   = ["logs:GetLogEvents", "logs:FilterLogEvents"]
        Resource = "*"
      },
      {
        Sid      = "Everything"
        Effect   = "Allow"
        Action   = ["*"]
        Resource = ["*"]
      }
    ]
  })
}

resource "aws_iam_role" "ci_deployer" {
  name = "ci-deployer"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "codebuild.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "ci_deployer" {
  name = "deploy-anything"
  role = aws_iam_role.ci_deployer.id
  policy = jsonencode({ # expect: AWS-IAM-001
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "*:*"
      Resource = "*"
    }]
  })
}

resource "aws_iam_user_policy" "contractor" {
  name   = "contractor-access"
  user   = "jane.contractor"
  policy = <<JSON
{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-handover/*"}
  ]
}
JSON
}
