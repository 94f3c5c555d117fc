# METADATA
# title: Security group opens database, cache or broker ports to the internet
# description: |
#   Data services listen on well-known ports that scanners sweep the whole internet for, within minutes
#   of an address going live: SQL Server 1433, Oracle 1521, NFS 2049, ZooKeeper 2181, Docker API
#   2375/2376, etcd 2379, MySQL 3306, PostgreSQL 5432, Redshift 5439, Kibana 5601, RabbitMQ 5672/15672,
#   CouchDB 5984, Redis 6379, Cassandra 7000/7001/7199/9042/9160, Neo4j 7474/7687, HDFS 8020/50070,
#   Neptune 8182, Solr 8983, Kafka 9092, Elasticsearch 9200/9300, Memcached 11211 (also UDP, as NFS),
#   CockroachDB 26257, MongoDB 27017-27019 and ActiveMQ 61616. A security group rule that admits one of
#   them from 0.0.0.0/0 or ::/0 leaves the data behind it one default password, missing authentication
#   or unpatched server away from being read, encrypted for ransom or wiped; several of these services
#   have no authentication at all by default. Severity is high because the data itself is reachable by
#   anyone on the internet. Rules that open every port are reported by AWS-EC2-002 (or AWS-EC2-004).
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
# custom:
#   id: AWS-EC2-003
#   name: security-group-open-data-ports
#   severity: high
#   category: public-access
#   recommended_action: |
#     Remove the rule, or narrow `cidr_blocks` / `ipv6_cidr_blocks` (`cidr_ipv4` / `cidr_ipv6` on an
#     aws_vpc_security_group_ingress_rule) to the application's subnets, or better reference the
#     application's security group with `security_groups` / `source_security_group_id` /
#     `referenced_security_group_id`. Clients outside the VPC should come through a VPN, PrivateLink or
#     an API in front of the data store.
#   recommended_action_cloudformation: |
#     Remove the rule, or narrow `CidrIp` / `CidrIpv6` to the application's subnets, or better use
#     `SourceSecurityGroupId` with the application's security group.
#   frameworks:
#     - AWS Foundational Security Best Practices EC2.19
package preflight.aws.ec2.open_data_ports

import data.preflight.lib
import data.preflight.lib.aws.ec2

deny contains lib.result(sg, sprintf("ingress[%d].%s", [i, field]), msg) if {
	some sg in input.aws.ec2.security_groups
	some i, rule in sg.ingress

	# Open to the whole internet first: that rules most rules out before their ports are named.
	some field in ec2.world_open_fields(rule)

	# Every-port rules belong to AWS-EC2-002 and AWS-EC2-004; one rule is reported once.
	not ec2.all_ports(rule)
	exposed := ec2.exposed(rule, ec2.data_ports)
	count(exposed) > 0
	msg := sprintf(
		"Security group `%s` allows %s from the whole internet (%s)",
		[sg.label, ec2.shortened(exposed, 4), ec2.world_cidrs[field]],
	)
}
