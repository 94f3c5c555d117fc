# METADATA
# title: Cloud SQL instance accepts unencrypted connections
# description: |
#   Unless `ssl_mode` is `ENCRYPTED_ONLY` or `TRUSTED_CLIENT_CERTIFICATE_REQUIRED` (or, before provider
#   5, `require_ssl = true`), Cloud SQL accepts plain-text connections on its IP addresses: passwords
#   and query results cross the network readable by anyone on the path, and a client misconfigured to
#   skip TLS is never told. Connections through the Cloud SQL Auth Proxy or connectors are encrypted
#   either way, which is why the severity is medium rather than high.
# related_resources:
#   - ref: https://cloud.google.com/sql/docs/postgres/configure-ssl-instance
# custom:
#   id: GCP-SQL-002
#   name: sql-instance-ssl-not-required
#   severity: medium
#   category: encryption
#   recommended_action: |
#     Set `ssl_mode = "ENCRYPTED_ONLY"` (or `"TRUSTED_CLIENT_CERTIFICATE_REQUIRED"`) in
#     `settings.ip_configuration` of the google_sql_database_instance (`require_ssl = true` on provider
#     versions before 5).
package preflight.gcp.sql.ssl_not_required

import data.preflight.lib

deny contains lib.result(db, "ssl_required", msg) if {
	some db in input.gcp.sql.instances
	db.ssl_required == false
	msg := sprintf("Cloud SQL instance `%s` accepts connections without SSL/TLS", [db.label])
}
