resource "aws_s3_bucket" "site" {
  bucket = "acme-public-site"
  acl    = "public-read" # preflight:ignore AWS-S3-001 -- static marketing site, no private data
}

# preflight:ignore AWS-EBS-001 -- scratch disk, wiped nightly
resource "aws_ebs_volume" "scratch" {
  availability_zone = "eu-west-1a"
  encrypted         = false
}

resource "aws_sns_topic" "alerts" {
  # preflight:ignore AWS-SNS-001 -- exp:2020-01-01
  name = "alerts"
}

resource "aws_db_instance" "main" {
  engine = "postgres"
  # preflight:ignore AWS-RDS-002 -- nothing to suppress here
  storage_encrypted = true
}
