resource "aws_sns_topic" "events" {
  name = "events"
}

# The topic's ARN is known only after apply: the template still yields its statements.
resource "aws_sns_topic_policy" "events" {
  arn    = aws_sns_topic.events.arn
  policy = templatefile("${path.module}/topic-policy.json.tpl", { topic_arn = aws_sns_topic.events.arn })
}

resource "aws_iam_policy" "admin" {
  name   = "admin"
  policy = templatefile("${path.module}/admin.tpl", { name = "admin" })
}

# A template whose shape depends on a `%{ for }` is not mapped: the finding stays here.
resource "aws_iam_policy" "looped" {
  name   = "looped"
  policy = templatefile("${path.module}/looped.json.tpl", { actions = ["*"] }) # expect: AWS-IAM-001
}
