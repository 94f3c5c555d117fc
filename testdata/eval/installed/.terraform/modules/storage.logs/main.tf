resource "aws_sns_topic" "log_events" { # expect: AWS-SNS-001
  name = "log-events"
}
