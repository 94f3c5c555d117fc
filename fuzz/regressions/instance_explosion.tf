resource "aws_s3_bucket" "b0" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b1" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b2" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b3" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b4" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b5" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b6" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b7" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b8" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b9" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b10" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b11" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b12" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b13" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b14" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b15" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b16" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b17" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b18" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b19" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b20" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b21" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b22" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b23" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b24" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b25" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b26" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b27" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b28" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b29" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b30" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b31" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b32" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b33" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b34" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b35" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b36" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b37" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b38" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b39" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b40" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b41" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b42" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b43" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b44" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b45" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b46" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b47" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b48" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b49" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b50" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b51" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b52" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b53" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b54" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b55" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b56" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b57" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b58" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b59" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b60" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b61" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b62" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b63" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b64" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b65" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b66" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b67" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b68" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b69" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b70" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b71" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b72" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b73" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b74" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b75" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b76" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b77" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b78" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b79" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b80" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b81" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b82" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b83" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b84" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b85" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b86" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b87" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b88" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b89" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b90" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b91" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b92" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b93" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b94" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b95" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b96" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b97" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b98" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b99" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b100" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b101" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b102" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b103" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b104" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b105" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b106" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b107" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b108" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b109" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b110" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b111" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b112" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b113" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b114" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b115" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b116" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b117" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b118" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b119" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b120" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b121" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b122" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b123" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b124" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b125" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b126" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b127" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b128" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b129" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b130" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b131" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b132" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b133" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b134" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b135" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b136" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b137" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b138" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b139" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b140" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b141" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b142" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b143" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b144" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b145" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b146" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b147" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b148" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b149" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b150" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b151" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b152" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b153" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b154" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b155" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b156" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b157" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b158" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b159" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b160" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b161" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b162" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b163" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b164" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b165" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b166" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b167" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b168" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b169" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b170" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b171" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b172" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b173" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b174" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b175" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b176" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b177" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b178" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b179" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b180" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b181" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b182" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b183" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b184" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b185" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b186" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b187" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b188" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b189" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b190" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b191" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b192" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b193" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b194" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b195" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b196" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b197" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b198" {
  count = 100000
  acl = "public-read"
}
resource "aws_s3_bucket" "b199" {
  count = 100000
  acl = "public-read"
}
