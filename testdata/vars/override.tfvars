logs_acl = "private"
ssh_port = 3389
