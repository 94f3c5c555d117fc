# METADATA
# title: EBS encryption by default turned off
# description: |
#   EBS encryption by default makes every new volume and snapshot copy in the region encrypted, whatever
#   each instance, launch template or module says. Turning it off in code means any volume that forgets
#   `encrypted = true`, including root volumes made from unencrypted AMIs, stores its data in the clear.
#   Medium, like an unencrypted volume: EBS does not encrypt on its own.
# related_resources:
#   - ref: https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html
# custom:
#   id: AWS-EBS-003
#   name: ebs-default-encryption-disabled
#   severity: medium
#   category: encryption
#   recommended_action: |
#     Set `enabled = true` on the aws_ebs_encryption_by_default (or remove the argument: it defaults to
#     true), and optionally choose the key with aws_ebs_default_kms_key.
#   frameworks:
#     - AWS Foundational Security Best Practices EC2.7
package preflight.aws.ebs.default_encryption_disabled

import data.preflight.lib

deny contains lib.result(d, "enabled", msg) if {
	some d in input.aws.compute.ebs_encryption_defaults
	d.enabled == false
	msg := sprintf("`%s` turns off EBS encryption by default for the region", [d.label])
}
