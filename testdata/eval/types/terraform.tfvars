admin_ports = ["22"]
encrypt_volumes = null
