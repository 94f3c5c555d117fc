# METADATA
# title: Firewall rule opens database, cache or broker ports to the internet
# description: |
#   Data services listen on well-known ports that scanners sweep the internet for: the list of AWS-
#   EC2-003 (SQL Server 1433, Oracle 1521, NFS 2049, Docker API 2375/2376, etcd 2379, MySQL 3306,
#   PostgreSQL 5432, Redis 6379, Cassandra, Neo4j, HDFS, Solr, Kafka 9092, Elasticsearch 9200/9300,
#   Memcached 11211, MongoDB 27017-27019 and more). An ingress firewall rule that admits one of them
#   from 0.0.0.0/0 or ::/0 (or from every source, by naming none) leaves the data one default password
#   or missing authentication away from being read or wiped. A port that an ingress deny rule of the
#   same network refuses first (a lower or equal priority number, the same or wider targets, the whole
#   internet as source) is not reported. Rules that admit every port are GCP-COMPUTE-003. Severity is
#   high.
# related_resources:
#   - ref: https://cloud.google.com/firewall/docs/firewalls
# custom:
#   id: GCP-COMPUTE-002
#   name: firewall-open-data-ports
#   severity: high
#   category: public-access
#   recommended_action: |
#     Narrow `source_ranges` to the application's subnets, or use `source_tags` /
#     `source_service_accounts` of the clients; reach the data from outside through a VPN, Private
#     Service Connect or an API.
package preflight.gcp.compute.firewall_open_data_ports

import data.preflight.lib
import data.preflight.lib.aws.ec2
import data.preflight.lib.gcp

deny contains lib.result(f, sprintf("allow[%d]", [first]), msg) if {
	some f in input.gcp.compute.firewalls
	f.direction == "INGRESS"
	f.disabled == false
	some c in f.source_ranges
	gcp.world(c)
	some block in {r.block | some r in f.allow}
	entries := [i | some i, r in f.allow; r.block == block]
	first := min(entries)
	exposed := [e | some i in entries; rule := f.allow[i]; not gcp.all_ports(rule); some e in gcp.exposed(input.gcp.compute.firewalls, f, rule, ec2.data_ports)]
	count(exposed) > 0
	msg := sprintf("Firewall rule `%s` allows %s from %s", [f.label, ec2.shortened(exposed, 4), gcp.firewall_sources(f)])
}
