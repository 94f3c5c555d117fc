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
  policy = jsonencode({ # expect: AWS-S3-003
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "${module.archive.arn}/*"
    }]
  })
}
