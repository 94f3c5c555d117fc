# METADATA
# title: DMS endpoint connects without TLS
# description: |
#   A Database Migration Service endpoint with `ssl_mode` `none` talks to its database in plain text, so
#   every row being migrated, and the database credentials, cross the network readable by anyone on the
#   path. DMS supports TLS for the relational and document engines it connects to; endpoints of services
#   reached through AWS APIs (S3, DynamoDB, Kinesis, …) have no such setting and are not judged. Medium:
#   the traffic usually stays inside a VPC or a VPN, but a migration often runs across networks.
# related_resources:
#   - ref: https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Security.SSL.html
# custom:
#   id: AWS-DMS-002
#   name: dms-endpoint-ssl-disabled
#   severity: medium
#   category: encryption
#   recommended_action: |
#     Set `ssl_mode` on the aws_dms_endpoint to `verify-full` (or at least `require`), with
#     `certificate_arn` pointing at an aws_dms_certificate holding the database's CA when it verifies.
#   recommended_action_cloudformation: |
#     Set `SslMode` on the `AWS::DMS::Endpoint` to `verify-full` (or at least `require`), with
#     `CertificateArn` naming an `AWS::DMS::Certificate` when it verifies.
#   frameworks: []
package preflight.aws.dms.endpoint_ssl_disabled

import data.preflight.lib

# Engines whose DMS endpoints accept an SSL mode.
tls_engines := {
	"aurora", "aurora-postgresql", "aurora-serverless", "babelfish", "db2", "db2-zos", "docdb",
	"mariadb", "mongodb", "mysql", "oracle", "postgres", "sqlserver", "sybase",
}

deny contains lib.result(e, "ssl_mode", msg) if {
	some e in input.aws.dms.endpoints
	e.ssl_mode == "none"
	e.engine_name in tls_engines
	msg := sprintf("DMS endpoint `%s` connects to its %s database without TLS", [e.label, e.engine_name])
}
