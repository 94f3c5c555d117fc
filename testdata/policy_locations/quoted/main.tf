resource "aws_sns_topic" "events" {
  name   = "events"
  policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Own\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"${var.owner}\"},\"Action\":\"sns:Publish\",\"Resource\":\"*\"},\n{\"Sid\":\"All\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"sns:Subscribe\",\"Resource\":\"*\"}]}" # expect: AWS-SNS-002
}

variable "owner" {
  type = string
}
