{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Owner",
      "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
      "Action": "sns:Publish",
      "Resource": "${topic_arn}"
    },
    {
      "Sid": "Anyone",
      "Effect": "Allow",
      "Principal": "*",
      "Action": "sns:Subscribe",
      "Resource": "${topic_arn}"
    }
  ]
}
