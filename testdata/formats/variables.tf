variable "bucket_acl" {
  type    = string
  default = "public-read"
}
