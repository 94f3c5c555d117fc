resource "aws_s3_bucket" "oops" {
  bucket = "acme-oops"
  acl    = 
}
