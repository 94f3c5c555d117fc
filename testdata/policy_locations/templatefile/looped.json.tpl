{
  "Version": "2012-10-17",
  "Statement": [
%{ for a in actions ~}
    {"Effect": "Allow", "Action": "${a}", "Resource": "*"}
%{ endfor ~}
  ]
}
