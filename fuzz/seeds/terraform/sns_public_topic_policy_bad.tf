resource "aws_sns_topic" "build_status" {
  name = "build-status"
}

# v4-style companion policy: anyone may publish and subscribe.
resource "aws_sns_topic_policy" "build_status" {
  arn = aws_sns_topic.build_status.arn
  policy = jsonencode({ # expect: AWS-SNS-002
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AnyonePublish"
        Effect    = "Allow"
        Principal = { AWS = "*" }
        Action    = ["SNS:Publish", "SNS:Subscribe"]
        Resource  = aws_sns_topic.build_status.arn
      }
    ]
  })
}

# Policy written on the topic itself.
resource "aws_sns_topic" "webhooks" {
  name = "inbound-webhooks"
  policy = jsonencode({ # expect: AWS-SNS-002
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = "*"
        Action    = "sns:Publish"
        Resource  = "arn:aws:sns:eu-west-1:111122223333:inbound-webhooks"
      }
    ]
  })
}
