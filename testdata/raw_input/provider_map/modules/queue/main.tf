resource "aws_sqs_queue" "jobs" { # expect: ACME-TAG-001
  name = "billing-jobs"
}
