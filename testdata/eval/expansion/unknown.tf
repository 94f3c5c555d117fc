variable "bucket_acls" {
  type = map(string)
}

variable "volume_count" {
  type = number
}

# An unknown `for_each`: every instance has what the body writes, so a literal setting is judged once,
# for all of them (`aws_s3_bucket.uploads[*]`); what comes from `each` is unknown and stays silent.
resource "aws_s3_bucket" "uploads" { # expect: AWS-S3-006
  for_each = var.bucket_acls
  bucket   = "acme-uploads-${each.key}"
  acl      = "public-read" # expect: AWS-S3-001
}

resource "aws_s3_bucket" "per_key" { # expect: AWS-S3-006
  for_each = var.bucket_acls
  bucket   = "acme-per-key-${each.key}"
  acl      = each.value
}

# An unknown `count`: `count.index` is unknown, not 0.
resource "aws_ebs_volume" "data" {
  count             = var.volume_count
  availability_zone = "eu-west-1a"
  encrypted         = count.index > 0
}

resource "aws_ebs_volume" "plain" { # expect: AWS-EBS-001
  count             = var.volume_count
  availability_zone = "eu-west-1a"
}
