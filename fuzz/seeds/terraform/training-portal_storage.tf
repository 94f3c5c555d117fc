# The trainee roster: names, employers and certificates. Someone made it public "for the website".
resource "aws_s3_bucket" "roster" {
  bucket = "${local.prefix}-roster"
  tags   = local.tags
}

resource "aws_s3_bucket_ownership_controls" "roster" {
  bucket = aws_s3_bucket.roster.id
  rule {
    object_ownership = "BucketOwnerPreferred"
  }
}

resource "aws_s3_bucket_public_access_block" "roster" {
  bucket                  = aws_s3_bucket.roster.id
  block_public_acls       = false
  ignore_public_acls      = false
  block_public_policy     = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_acl" "roster" {
  bucket = aws_s3_bucket.roster.id
  acl    = "public-read"
}

# Subsidy applications, with bank details and tax numbers: readable by anyone who has the link.
resource "aws_s3_bucket" "applications" {
  bucket = "${local.prefix}-subsidy-applications"
  tags   = local.tags
}

resource "aws_s3_bucket_policy" "applications" {
  bucket = aws_s3_bucket.applications.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DownloadByLink"
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "${aws_s3_bucket.applications.arn}/*"
    }]
  })
}

# The partner exchange is private, encrypted with KMS and only reachable from the VPC endpoint:
# this one is done right, and preflight stays quiet about it.
resource "aws_s3_bucket" "exchange" {
  bucket = "${local.prefix}-partner-exchange"
}

resource "aws_s3_bucket_public_access_block" "exchange" {
  bucket                  = aws_s3_bucket.exchange.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}

resource "aws_kms_key" "exchange" {
  description = "Partner exchange"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "exchange" {
  bucket = aws_s3_bucket.exchange.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.exchange.arn
    }
  }
}

resource "aws_s3_bucket_policy" "exchange" {
  bucket = aws_s3_bucket.exchange.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "OnlyThroughTheEndpoint"
      Effect    = "Allow"
      Principal = "*"
      Action    = ["s3:GetObject", "s3:PutObject"]
      Resource  = "${aws_s3_bucket.exchange.arn}/*"
      Condition = { StringEquals = { "aws:SourceVpce" = "vpce-0a1b2c3d4e5f" } }
    }]
  })
}
