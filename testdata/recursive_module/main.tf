# A module that calls itself: reported once at the call, which is not followed.
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
