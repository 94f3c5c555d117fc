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

# Where each format keeps tags: a map in Terraform (`tags_all` on AWS resources, which adds the
# provider's `default_tags`), a list of {Key, Value} in CloudFormation.
tags_key(r) := "tags_all" if {
	r.format == "terraform"
	startswith(r.type, "aws_")
}

tags_key(r) := "tags" if {
	r.format == "terraform"
	not startswith(r.type, "aws_")
}

tags_key(r) := "Tags" if r.format == "cloudformation"

taggable(r) if r.type in taggable_types

taggable(r) if lib.has_key(r.attributes, tags_key(r))

has_owner(r) if r.attributes[tags_key(r)].owner != ""

has_owner(r) if {
	is_array(r.attributes.Tags)
	some tag in r.attributes.Tags
	tag.Key == "owner"
	tag.Value != ""
}

# The path a finding points at: the tag when the map is written, else the Tags property.
result_path(r) := concat(".", [tags_key(r), "owner"]) if r.format == "terraform"

result_path(r) := "Tags" if r.format == "cloudformation"

# Tags that are neither a map nor a list (a template macro's text, say) cannot be judged.
unexpected_shape(r) if {
	tags := r.attributes[tags_key(r)]
	not is_object(tags)
	not is_array(tags)
}

deny contains lib.result(r, result_path(r), msg) if {
	some r in input.resources
	taggable(r)
	not has_owner(r)
	not lib.unknown_under(r, tags_key(r))
	not unexpected_shape(r)
	msg := sprintf("`%s` has no `owner` tag", [r.address])
}
