# Provider configurations passed to modules: a module call's `providers` map decides which of the
# root's configurations (and so whose default_tags) a module's resources use; a module called
# without one inherits its caller's default configuration, and so on down. The owner-tag example
# (ACME-TAG-001) reads `tags_all`: only the default configuration and `aws.data` add an owner.

provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = {
      owner = "platform"
    }
  }
}

provider "aws" {
  alias  = "billing"
  region = "eu-west-1"
  default_tags {
    tags = {
      cost-center = "billing"
    }
  }
}

provider "aws" {
  alias  = "untagged"
  region = "us-east-1"
}

provider "aws" {
  alias  = "data"
  region = "eu-central-1"
  default_tags {
    tags = {
      owner = "data"
    }
  }
}

# The module's default configuration is `aws.billing`, whose default tags name no owner.
module "billing" {
  source = "./modules/queue"
  providers = {
    aws = aws.billing
  }
}

# The module's default configuration is one without default tags.
module "untagged" {
  source = "./modules/bucket"
  providers = {
    aws = aws.untagged
  }
}

# `outer` gets `aws.untagged` as its default and calls `inner` without a map: `inner` inherits it.
module "outer" {
  source = "./modules/outer"
  providers = {
    aws = aws.untagged
  }
}

# Only the alias is passed: the module's aliased resources use `aws.data`, its other resources still
# inherit the root's default configuration.
module "replica" {
  source = "./modules/replica"
  providers = {
    aws.replica = aws.data
  }
}

# No map: the root's default configuration, with its owner.
module "inherits" {
  source = "./modules/bucket_owned"
}
