${jsonencode({
  Version = "2012-10-17"
  Statement = [
    {
      Sid      = "Read"
      Effect   = "Allow"
      Action   = ["s3:GetObject"]
      Resource = "arn:aws:s3:::${name}/*"
    },
    {
      Sid      = "Everything"
      Effect   = "Allow"
      Action   = "*"
      Resource = "*"
    },
  ]
})}
