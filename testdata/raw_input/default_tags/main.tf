# The AWS provider's default_tags in the raw input: `tags_all` is the default tags with the
# resource's own `tags` over them, as Terraform computes it; child modules inherit the root's
# provider. The owner-tag example (ACME-TAG-001) reads `tags_all`.

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
