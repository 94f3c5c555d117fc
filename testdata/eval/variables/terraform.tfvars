logs_acl = "private"
