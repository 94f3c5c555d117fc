resource "aws_sqs_queue" "this" {
  name = "json-jobs"
}

resource "aws_sqs_queue" "replica" { # expect: ACME-TAG-001
  provider = aws.copy
  name     = "json-jobs-replica"
}
