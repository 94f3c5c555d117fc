variable "upload_count" {
  type = number
}

data "aws_availability_zones" "all" {}

# An unknown `count`: one instance stands for all of them (`module.uploads[*]`). The literal public ACL
# holds for each; `encrypted` depends on `count.index`, which is unknown (never 0), so it stays silent.
module "uploads" {
  source    = "./modules/store"
  count     = var.upload_count
  name      = "acme-uploads-${count.index}"
  acl       = "public-read"
  encrypted = count.index > 0
}

# An unknown `for_each`: the ACL comes from `each`, unknown, so it stays silent.
module "per_zone" {
  source   = "./modules/store"
  for_each = toset(data.aws_availability_zones.all.names)
  name     = "acme-${each.key}"
  acl      = each.key == "eu-west-1a" ? "public-read" : "private"
}

# A known `count`: one instance per index, as before; only the second volume is not encrypted.
module "replicas" {
  source    = "./modules/store"
  count     = 2
  name      = "acme-replica-${count.index}"
  encrypted = count.index == 0
}

# Joins the bucket of the instance that stands for all through an indexed output.
resource "aws_s3_bucket_policy" "uploads" {
  bucket = module.uploads[0].bucket_id
  policy = jsonencode({
    Statement = [{ # expect: AWS-S3-003
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "*"
    }]
  })
}
