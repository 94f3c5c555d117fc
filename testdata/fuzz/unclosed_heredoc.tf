resource "aws_iam_policy" "p" {
  name   = "p"
  policy = <<EOT
{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
EOT_NOT_QUITE
  description = "x"
}
