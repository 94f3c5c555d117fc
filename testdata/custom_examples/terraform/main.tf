# The example policies of examples/policies that read the raw input: the bucket naming rule
# (ACME-NAME-001) and SageMaker notebook instances, which the model does not cover (ACME-SM-001).
# Each line a finding points at carries an expect marker naming the rule.

variable "team" {
  type    = string
  default = "ml"
}

# No default: its value is unknown.
variable "bucket_name" {
  type = string
}

provider "aws" {
  default_tags {
    tags = {
      owner = "ml-platform"
    }
  }
}

resource "aws_s3_bucket" "features" {
  bucket = "acme-${var.team}-features"
}

resource "aws_s3_bucket" "scratch" {
  bucket = "ml-scratch" # expect: ACME-NAME-001
}

resource "aws_s3_bucket" "generated" { # expect: ACME-NAME-001
}

resource "aws_s3_bucket" "prefixed" {
  bucket_prefix = "acme-ml-runs-"
}

resource "aws_s3_bucket" "from_variable" {
  bucket = var.bucket_name
}

resource "aws_sagemaker_notebook_instance" "research" { # expect: ACME-SM-001
  name          = "research"
  role_arn      = "arn:aws:iam::123456789012:role/notebook"
  instance_type = "ml.t3.medium"
}

resource "aws_sagemaker_notebook_instance" "open" {
  name                   = "open"
  role_arn               = "arn:aws:iam::123456789012:role/notebook"
  instance_type          = "ml.t3.medium"
  direct_internet_access = "Enabled" # expect: ACME-SM-001
}

resource "aws_sagemaker_notebook_instance" "closed" {
  name                   = "closed"
  role_arn               = "arn:aws:iam::123456789012:role/notebook"
  instance_type          = "ml.t3.medium"
  subnet_id              = "subnet-0123456789abcdef0"
  security_groups        = ["sg-0123456789abcdef0"]
  direct_internet_access = "Disabled"
}
