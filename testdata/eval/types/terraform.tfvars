admin_ports = ["22"]
