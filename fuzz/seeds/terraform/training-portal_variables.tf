# A training portal run by a contractor for a public subsidy programme: trainees are enrolled on a
# roster, companies upload subsidy applications, and partner training providers exchange files.

variable "environment" {
  type    = string
  default = "prod"
}

variable "partner_account_ids" {
  type    = list(string)
  default = ["111111111111", "222222222222", "333333333333"]
}

variable "office_cidr" {
  type    = string
  default = "203.0.113.0/24"
}

variable "db_password" {
  type      = string
  sensitive = true
}

locals {
  prefix = "acme-training-${var.environment}"
  tags = {
    Project     = "training-portal"
    Environment = var.environment
  }
}
