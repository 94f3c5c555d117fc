terraform {
  required_providers {
    aws = {
      source                = "hashicorp/aws"
      configuration_aliases = [aws.replica]
    }
  }
}

# Declares the name the caller passes (the older form of configuration_aliases): not a configuration.
provider "aws" {
  alias = "replica"
}

resource "aws_s3_bucket" "primary" {
  bucket = "acme-data-primary"
}

resource "aws_s3_bucket" "copy" {
  provider = aws.replica
  bucket   = "acme-data-copy"
}
