# The AWS provider's default_tags in the raw input: `tags_all` is the default tags with the
# resource's own `tags` over them, as Terraform computes it; child modules inherit the root's
# provider, unless the resource overrides them. The owner-tag example (ACME-TAG-001) reads `tags_all`.

provider "aws" {
  default_tags {
    tags = {
      owner = "platform"
    }
  }
}

provider "aws" {
  alias = "audit"
}

# The owner comes from the provider.
resource "aws_s3_bucket" "inherits" {
  bucket = "inherits"
}

# Its own tags add to the default ones.
resource "aws_s3_bucket" "adds" {
  bucket = "adds"
  tags = {
    env = "prod"
  }
}

# The aliased provider has no default tags.
resource "aws_s3_bucket" "audit" { # expect: ACME-TAG-001
  provider = aws.audit
  bucket   = "audit"
}

resource "aws_s3_bucket" "audit_tagged" {
  provider = aws.audit
  bucket   = "audit-tagged"
  tags = { # expect: ACME-TAG-001
    env = "prod"
  }
}

module "store" {
  source = "./modules/store"
}

# `override_provider` replaces the provider's default tags for one resource: `tags = {}` drops them.
resource "aws_sqs_queue" "overridden" { # expect: ACME-TAG-001
  name = "overridden"
  override_provider {
    default_tags {
      tags = {}
    }
  }
}

resource "aws_sqs_queue" "overridden_with_owner" {
  name = "overridden-with-owner"
  override_provider {
    default_tags {
      tags = {
        owner = "queues"
      }
    }
  }
}

variable "drop_default_tags" {
  type = bool
}

# Whether the override exists is unknown: so is `tags_all`.
resource "aws_sqs_queue" "maybe_overridden" {
  name = "maybe-overridden"
  dynamic "override_provider" {
    for_each = var.drop_default_tags ? [true] : []
    content {
      default_tags {
        tags = {}
      }
    }
  }
}
