variable "buckets" {
  default = {
    public  = "public-read"
    private = "private"
  }
}

variable "create_debug_db" {
  default = false
}

variable "unknown_count" {
  type = number
}

# for_each over a map: one instance per key, `each.value` is the ACL.
resource "aws_s3_bucket" "site" { # expect: AWS-S3-006
  for_each = var.buckets
  bucket   = "acme-${each.key}"
  acl      = each.value # expect: AWS-S3-001
}

# count = 0: the resource does not exist, so nothing is reported.
resource "aws_db_instance" "debug" {
  count               = var.create_debug_db ? 1 : 0
  engine              = "postgres"
  publicly_accessible = true
}

# count = 2: two instances, each reported at the same line.
resource "aws_ebs_volume" "scratch" {
  count             = 2
  availability_zone = "eu-west-1a"
  encrypted         = count.index > 5 # expect: AWS-EBS-001
}

# A companion joined to one instance through an index.
resource "aws_s3_bucket" "logs" { # expect: AWS-S3-006
  count  = 1
  bucket = "acme-logs-${count.index}"
}

resource "aws_s3_bucket_acl" "logs" {
  count  = 1
  bucket = aws_s3_bucket.logs[count.index].id
  acl    = "public-read-write" # expect: AWS-S3-001
}

# An unknown count: one representative instance, judged on its configuration.
resource "aws_sns_topic" "events" { # expect: AWS-SNS-001
  count = var.unknown_count
  name  = "events"
}

# Dynamic ingress blocks, generated from a list.
locals {
  open_ports = [22, 443]
}

resource "aws_security_group" "web" {
  name = "web"
  dynamic "ingress" {
    for_each = local.open_ports
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"] # expect: AWS-EC2-001
    }
  }
}

# A dynamic block with an unknown collection generates nothing.
variable "extra_rules" {}

resource "aws_security_group" "extra" {
  name = "extra"
  dynamic "ingress" {
    for_each = var.extra_rules
    iterator = rule
    content {
      from_port   = rule.value.port
      to_port     = rule.value.port
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}
