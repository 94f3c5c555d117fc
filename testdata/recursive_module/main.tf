# A module that calls itself: evaluation stops at the depth limit with an error, never hangs.
variable "depth" {
  default = 0
}

module "again" {
  source = "./"
  depth  = var.depth + 1
}

resource "aws_ebs_volume" "v" {
  availability_zone = "eu-west-1a"
}
