variable "reader_principal" {
  type        = string
  description = "Who may read the exports bucket"
}

variable "restrict_public_buckets" {
  type = bool
}

# The policy document comes from a data source, which is not evaluated.
resource "aws_s3_bucket" "logs" {
  bucket = "acme-access-logs"
}

data "aws_iam_policy_document" "logs" {
  statement {
    effect    = "Allow"
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::acme-access-logs/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

resource "aws_s3_bucket_policy" "logs" {
  bucket = aws_s3_bucket.logs.id
  policy = data.aws_iam_policy_document.logs.json
}

# The principal comes from a variable without a value.
resource "aws_s3_bucket" "exports" {
  bucket = "acme-data-exports"
}

resource "aws_s3_bucket_policy" "exports" {
  bucket = aws_s3_bucket.exports.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { AWS = var.reader_principal }
        Action    = "s3:GetObject"
        Resource  = "${aws_s3_bucket.exports.arn}/*"
      }
    ]
  })
}

# A public statement, but whether the public access block neutralizes it is unknown.
resource "aws_s3_bucket" "gallery" {
  bucket = "acme-photo-gallery"
}

resource "aws_s3_bucket_public_access_block" "gallery" {
  bucket                  = aws_s3_bucket.gallery.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = false
  restrict_public_buckets = var.restrict_public_buckets
}

resource "aws_s3_bucket_policy" "gallery" {
  bucket = aws_s3_bucket.gallery.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = "*"
        Action    = "s3:GetObject"
        Resource  = "${aws_s3_bucket.gallery.arn}/*"
      }
    ]
  })
}
