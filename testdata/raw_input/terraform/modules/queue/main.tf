variable "owner" {
  type = string
}

resource "aws_sqs_queue" "this" {
  name = "from-module"
  tags = {
    owner = var.owner
  }
}

resource "aws_sns_topic" "this" { # expect: ACME-TAG-001
  name = "from-module"
}
