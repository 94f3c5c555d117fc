logs_acl = 
