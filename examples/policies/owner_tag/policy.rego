# METADATA
# title: Resource without an owner tag
# description: |
#   Acme bills each team for what it runs and pages it when something breaks: a resource that does not
#   name its owner in an `owner` tag is paid for by nobody and fixed by nobody. Low: a missing tag
#   exposes no data, it slows down the response when something else does.
# related_resources:
#   - ref: https://docs.aws.amazon.com/whitepapers/latest/tagging-best-practices/what-are-tags.html
# custom:
#   id: ACME-TAG-001
#   name: owner-tag-missing
#   severity: low
#   category: sharing
#   input: raw
#   recommended_action: Add an `owner` key with the team's name to the resource's tags.
#   recommended_action_cloudformation: Add a Tags entry with Key `owner` and the team's name as Value.
package acme.tags.owner_tag

import data.preflight.lib
import data.preflight.lib.tags

# The resource types this rule expects tags on; any other resource that writes tags is checked too.
taggable_types := {
	"aws_s3_bucket", "aws_db_instance", "aws_rds_cluster", "aws_ebs_volume", "aws_instance",
	"aws_security_group", "aws_vpc", "aws_kms_key", "aws_sns_topic", "aws_sqs_queue",
	"aws_lambda_function", "aws_iam_role", "aws_dynamodb_table", "aws_efs_file_system",
	"AWS::S3::Bucket", "AWS::RDS::DBInstance", "AWS::RDS::DBCluster", "AWS::EC2::Volume",
	"AWS::EC2::Instance", "AWS::EC2::SecurityGroup", "AWS::EC2::VPC", "AWS::KMS::Key",
	"AWS::SNS::Topic", "AWS::SQS::Queue", "AWS::Lambda::Function", "AWS::IAM::Role",
	"AWS::DynamoDB::Table", "AWS::EFS::FileSystem",
}

taggable(r) if r.type in taggable_types

# `tags.path(r)` is where the resource keeps its tags: `tags_all` on Terraform's AWS resources (with
# the provider's `default_tags`), `tags` on other Terraform resources, `Tags` in CloudFormation.
taggable(r) if lib.has_key(r.attributes, tags.path(r))

# `tags.missing` holds only when no unknown value could be the owner tag: another tag's unknown
# value (a name built from a data source) does not silence the rule.
deny contains lib.result(r, tags.where(r, "owner"), msg) if {
	some r in input.resources
	taggable(r)
	tags.missing(r, "owner")
	msg := sprintf("`%s` has no `owner` tag", [r.address])
}
