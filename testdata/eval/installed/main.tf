# A registry module, installed by `terraform init` under .terraform/modules.
module "storage" {
  source  = "example-org/bucket/aws"
  version = "1.2.0"
  name    = "acme-installed"
  acl     = "public-read"
}

# A registry module that was never installed: its contents are unknown; a warning says it is not scanned.
module "missing" {
  source = "example-org/missing/aws"
}
