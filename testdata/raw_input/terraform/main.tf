# Raw input for custom policies: the owner-tag example policy (examples/policies/owner_tag) on
# evaluated resources. Each line a finding points at carries an expect marker naming the rule.

variable "team" {
  type    = string
  default = "data"
}

# No default: its value is unknown.
variable "owner" {
  type = string
}

locals {
  common = {
    owner = var.team
  }
}

resource "aws_s3_bucket" "untagged" { # expect: ACME-TAG-001
  bucket = "untagged"
}

resource "aws_s3_bucket" "no_owner" {
  bucket = "no-owner"
  tags = { # expect: ACME-TAG-001
    team = "data"
  }
}

resource "aws_s3_bucket" "from_variable" {
  bucket = "from-variable"
  tags = {
    owner = var.team
  }
}

resource "aws_s3_bucket" "from_local" {
  bucket = "from-local"
  tags   = merge(local.common, { name = "from-local" })
}

resource "aws_s3_bucket" "unknown_owner" {
  bucket = "unknown-owner"
  tags = {
    owner = var.owner
  }
}

# Another tag's value is unknown: it cannot be the owner, which is surely missing.
resource "aws_s3_bucket" "unknown_name" {
  bucket = "acme-data-unknown-name"
  tags = { # expect: ACME-TAG-001
    Name = var.owner
  }
}

resource "aws_sqs_queue" "counted" {
  count = 2
  name  = "queue-${count.index}"
  tags = {
    owner = count.index == 0 ? "data" : "" # expect: ACME-TAG-001
  }
}

# A model policy beside the raw one still runs (ACME-S3-002 reads the model's object ownership).
resource "aws_s3_bucket_ownership_controls" "untagged" {
  bucket = aws_s3_bucket.untagged.id
  rule {
    object_ownership = "ObjectWriter" # expect: ACME-S3-002
  }
}

# preflight:ignore ACME-TAG-001 -- a scratch bucket, deleted nightly
resource "aws_s3_bucket" "suppressed" {
  bucket = "scratch"
}

module "queue" {
  source = "./modules/queue"
  owner  = var.team
}
