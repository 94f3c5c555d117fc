package preflight.lib.aws.partner_test

import data.preflight.lib.aws.partner

test_s3_bucket_name_from_arns if {
	partner.s3_bucket_name("arn:aws:s3:::exchange/partner-a/*") == "exchange"
	partner.s3_bucket_name("arn:aws:s3:::exchange") == "exchange"
	not partner.s3_bucket_name("arn:aws:s3:::*")
	not partner.s3_bucket_name("arn:aws:sqs:us-east-1:111122223333:q")
}

test_exposure_names_each_reason_once if {
	open := {"effect": "Allow", "actions": ["sqs:SendMessage"], "resources": ["*"], "principals": [{"type": "*", "value": "*"}], "conditions": []}
	q := {"id": "q", "label": "q", "unknown": [], "encrypted": false, "policy": {"statements": [open, open]}}
	why := partner.exposure(["sqs", "queues", "q"], []) with input as {"aws": {"sqs": {"queues": [q]}}}
	why == "`q` is also open to anyone through its policy and `q` is not encrypted"
}

test_no_exposure_is_empty if {
	q := {"id": "q", "label": "q", "unknown": ["encrypted"], "policy": {"statements": []}}
	partner.exposure(["sqs", "queues", "q"], []) == "" with input as {"aws": {"sqs": {"queues": [q]}}}
}
