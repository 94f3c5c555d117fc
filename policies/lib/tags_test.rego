package preflight.lib.tags_test

import data.preflight.lib.tags

tf(type, attributes, unknown) := {"id": "r", "type": type, "format": "terraform", "attributes": attributes, "unknown": unknown}

cfn(attributes, unknown) := {"id": "r", "type": "AWS::S3::Bucket", "format": "cloudformation", "attributes": attributes, "unknown": unknown}

test_terraform_reads_tags_all_on_aws_and_tags_elsewhere if {
	tags.value(tf("aws_vpc", {"tags_all": {"team": "net"}, "tags": {}}, []), "team") == "net"
	tags.value(tf("azurerm_resource_group", {"tags": {"team": "net"}}, []), "team") == "net"
	tags.missing(tf("aws_vpc", {"tags_all": {"Name": "x"}}, []), "team")
	tags.missing(tf("aws_vpc", {}, []), "team")
	tags.missing(tf("aws_vpc", {"tags_all": {"team": ""}}, []), "team")
	not tags.missing(tf("aws_vpc", {"tags_all": {"team": "net"}}, []), "team")
}

# Another tag's unknown value decides nothing about `team`; its own, or the whole map, does.
test_terraform_unknowns if {
	tags.missing(tf("aws_vpc", {"tags_all": {}}, ["tags_all.Name"]), "team")
	not tags.missing(tf("aws_vpc", {"tags_all": {}}, ["tags_all.team"]), "team")
	not tags.missing(tf("aws_vpc", {}, ["tags_all"]), "team")
	not tags.missing(tf("aws_vpc", {"tags_all": {}}, ["tags_all[\"a.b\"]"]), "a.b")
	tags.missing(tf("aws_vpc", {"tags_all": {}}, ["tags_all[\"a.b\"]"]), "a")
	not tags.missing(tf("aws_vpc", {"tags_all": "${x}"}, []), "team")
	not tags.missing(cfn({"Tags": "#!PyPlate"}, []), "team")
}

test_cloudformation if {
	tags.value(cfn({"Tags": [{"Key": "team", "Value": "net"}]}, []), "team") == "net"
	tags.missing(cfn({"Tags": [{"Key": "Name", "Value": "x"}]}, []), "team")
	tags.missing(cfn({}, []), "team")
	# An unknown value of another tag decides nothing; one of this tag, or an unknown key, may.
	tags.missing(cfn({"Tags": [{"Key": "Name"}]}, ["Tags[0].Value"]), "team")
	not tags.missing(cfn({"Tags": [{"Key": "team"}]}, ["Tags[0].Value"]), "team")
	not tags.missing(cfn({"Tags": [{"Value": "net"}]}, ["Tags[0].Key"]), "team")
	not tags.missing(cfn({"Tags": [null]}, ["Tags[0]"]), "team")
	not tags.missing(cfn({}, ["Tags"]), "team")
}

test_where if {
	tags.where(tf("aws_vpc", {}, []), "team") == "tags_all.team"
	tags.where(tf("aws_vpc", {}, []), "kubernetes.io/role") == "tags_all[\"kubernetes.io/role\"]"
	tags.where(cfn({"Tags": [{"Key": "a", "Value": "1"}, {"Key": "team", "Value": ""}]}, []), "team") == "Tags[1]"
	tags.where(cfn({"Tags": []}, []), "team") == "Tags"
}
