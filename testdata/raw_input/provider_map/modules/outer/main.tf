module "inner" {
  source = "../topic"
}

# Tags of its own, no owner among them, none added by `aws.untagged`.
resource "aws_kms_key" "this" {
  description = "outer"
  tags = { # expect: ACME-TAG-001
    env = "prod"
  }
}
