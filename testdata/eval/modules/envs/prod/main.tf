variable "uploads_acl" {
  default = "public-read"
}

module "uploads" {
  source = "../../modules/bucket"
  name   = "acme-prod-uploads"
  acl    = var.uploads_acl
}

module "archive" {
  source = "../../modules/bucket"
  name   = "acme-prod-archive"
}

module "db" {
  source     = "../../modules/database"
  encrypted  = false
  admin_cidr = "0.0.0.0/0"
}

# Not instantiated: nothing inside it is reported.
module "legacy" {
  source    = "../../modules/database"
  count     = 0
  encrypted = false
}

# Joined to the bucket inside module.archive through the module's output.
resource "aws_s3_bucket_policy" "archive" {
  bucket = module.archive.bucket_id
  policy = jsonencode({
    Statement = [{ # expect: AWS-S3-003
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "${module.archive.arn}/*"
    }]
  })
}

# One instance per team; only the analytics bucket is public.
module "team_buckets" {
  source   = "../../modules/bucket"
  for_each = { analytics = "public-read", finance = "private" }
  name     = "acme-prod-${each.key}"
  acl      = each.value
}

# Two replicas; only the first one is encrypted.
module "replicas" {
  source    = "../../modules/database"
  count     = 2
  encrypted = count.index == 0
}

# Joined to one instance's bucket through an indexed output.
resource "aws_s3_bucket_policy" "analytics" {
  bucket = module.team_buckets["analytics"].bucket_id
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "*" }] # expect: AWS-S3-003
  })
}
