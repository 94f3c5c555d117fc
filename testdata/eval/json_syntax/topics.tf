# Native syntax beside JSON syntax in one module: locals declared in cdk.tf.json are visible here.
resource "aws_sns_topic" "events" { # expect: AWS-SNS-001
  name = "${local.prefix}-events"
}
