# Partner training providers assume this role to fetch their files. The trust policy lets any AWS
# account in, and the role's policy reaches every object of every partner.
resource "aws_iam_role" "partner_access" {
  name = "${local.prefix}-partner-access"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "partner_access" {
  name = "partner-files"
  role = aws_iam_role.partner_access.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "*"
      Resource = "*"
    }]
  })
}

# The auditors' role is scoped the way the partner role should be: named accounts, one action, one
# prefix.
resource "aws_iam_role" "auditor" {
  name = "${local.prefix}-auditor"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = [for id in var.partner_account_ids : "arn:aws:iam::${id}:root"] }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_policy" "auditor_read" {
  name = "${local.prefix}-auditor-read"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:GetObject"]
      Resource = "${aws_s3_bucket.exchange.arn}/audit/*"
    }]
  })
}

# Enrolment notifications carry trainee names and e-mail addresses.
resource "aws_sns_topic" "enrolments" {
  name = "${local.prefix}-enrolments"
}
