resource "aws_sns_topic" "this" { # expect: ACME-TAG-001
  name = "alerts"
}
