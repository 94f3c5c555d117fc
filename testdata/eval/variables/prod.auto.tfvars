logs_acl = "public-read"
