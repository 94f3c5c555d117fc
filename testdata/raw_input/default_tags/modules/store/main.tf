# Configured by the root module's default provider, whose default tags name the owner.
resource "aws_sqs_queue" "this" {
  name = "store"
}
