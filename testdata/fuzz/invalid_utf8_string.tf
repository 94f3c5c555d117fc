resource "aws_s3_bucket" "b" {
  bucket = "acme-ÿþÃ(-í €"
  acl    = "public-read"
}
