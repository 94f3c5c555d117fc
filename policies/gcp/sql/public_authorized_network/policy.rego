# METADATA
# title: Cloud SQL instance reachable from the whole internet
# description: |
#   A Cloud SQL instance with a public IPv4 address (`ipv4_enabled`, true by default) accepts
#   connections from the networks in `authorized_networks`; one of 0.0.0.0/0 opens the database port to
#   every address on the internet, leaving only the database password between the data and anyone who
#   finds it. The Cloud SQL Auth Proxy and connectors need no authorized network at all. Severity is
#   high.
# related_resources:
#   - ref: https://cloud.google.com/sql/docs/mysql/authorize-networks
# custom:
#   id: GCP-SQL-001
#   name: sql-instance-open-to-internet
#   severity: high
#   category: public-access
#   recommended_action: |
#     Remove the `authorized_networks` entry with `value = "0.0.0.0/0"` from
#     `settings.ip_configuration`; connect through the Cloud SQL Auth Proxy or a private IP
#     (`ipv4_enabled = false` with `private_network`), or list only the clients' addresses.
package preflight.gcp.sql.public_authorized_network

import data.preflight.lib
import data.preflight.lib.aws.ec2

deny contains lib.result(db, sprintf("authorized_networks[%d].value", [i]), msg) if {
	some db in input.gcp.sql.instances
	db.ipv4_enabled == true
	some i, net in db.authorized_networks
	ec2.is_world(net.value)
	msg := sprintf("Cloud SQL instance `%s` has a public IP and authorizes the whole internet (`%s`)", [db.label, net.value])
}
