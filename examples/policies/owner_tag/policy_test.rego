package acme.tags.owner_tag_test

import data.acme.tags.owner_tag as policy

resource(type, format, attributes, unknown) := {"resources": [{
	"id": "r", "type": type, "name": "r", "address": "r", "file": "main.tf",
	"format": format, "attributes": attributes, "unknown": unknown,
}]}

test_tags_without_owner_denied if {
	count(policy.deny) == 1 with input as resource("aws_s3_bucket", "terraform", {"tags_all": {"team": "a"}}, [])
}

test_owner_allowed if {
	count(policy.deny) == 0 with input as resource("aws_s3_bucket", "terraform", {"tags_all": {"owner": "data"}}, [])
}

# Left out: a taggable resource that writes no tags at all.
test_left_out_denied if {
	count(policy.deny) == 1 with input as resource("aws_s3_bucket", "terraform", {"bucket": "b"}, [])
}

test_not_taggable_allowed if {
	count(policy.deny) == 0 with input as resource("aws_s3_bucket_policy", "terraform", {}, [])
}

test_unknown_silent if {
	count(policy.deny) == 0 with input as resource("aws_s3_bucket", "terraform", {"tags_all": {}}, ["tags_all.owner"])
	count(policy.deny) == 0 with input as resource("aws_s3_bucket", "terraform", {}, ["tags_all"])
}

test_cloudformation_tags if {
	count(policy.deny) == 1 with input as resource("AWS::S3::Bucket", "cloudformation", {"Tags": [{"Key": "team", "Value": "a"}]}, [])
	count(policy.deny) == 0 with input as resource("AWS::S3::Bucket", "cloudformation", {"Tags": [{"Key": "owner", "Value": "data"}]}, [])
	count(policy.deny) == 0 with input as resource("AWS::S3::Bucket", "cloudformation", {"Tags": [null]}, ["Tags[0]"])
}

# Terraform's AWS resources: `tags_all` holds the provider's `default_tags` under the resource's tags.
test_owner_from_default_tags_allowed if {
	count(policy.deny) == 0 with input as resource("aws_s3_bucket", "terraform", {"tags_all": {"owner": "data"}}, [])
	count(policy.deny) == 1 with input as resource("aws_s3_bucket", "terraform", {"tags_all": {"env": "prod"}}, [])
	count(policy.deny) == 0 with input as resource("aws_s3_bucket", "terraform", {"tags_all": {}}, ["tags_all.owner"])
}

test_other_providers_read_tags if {
	count(policy.deny) == 1 with input as resource("azurerm_storage_account", "terraform", {"tags": {"env": "prod"}}, [])
	count(policy.deny) == 0 with input as resource("azurerm_storage_account", "terraform", {"tags": {"owner": "data"}}, [])
}

test_tags_of_another_shape_silent if {
	count(policy.deny) == 0 with input as resource("AWS::S3::Bucket", "cloudformation", {"Tags": "#!PyPlate ..."}, [])
}
