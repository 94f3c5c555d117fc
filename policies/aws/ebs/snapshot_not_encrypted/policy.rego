# METADATA
# title: EBS snapshot not encrypted
# description: |
#   A snapshot of an unencrypted volume holds a full copy of its blocks in the clear, and snapshots are
#   what gets copied to other regions, shared with other accounts and kept long after the volume is
#   gone: whoever can reach one can create a volume from it and read the file system. A snapshot is
#   encrypted exactly when its volume is, so this flags `aws_ebs_snapshot` of an unencrypted
#   `aws_ebs_volume` in the scanned code (a volume defined elsewhere is not judged), and an
#   `aws_ebs_snapshot_copy` that does not ask for encryption while neither encryption by default nor an
#   encrypted source in the scanned code makes AWS encrypt it. CloudFormation has no snapshot resource.
#   Severity medium, as for unencrypted volumes: the data is only exposed once the snapshot is shared or
#   its account is compromised.
# related_resources:
#   - ref: https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html
#   - ref: https://docs.aws.amazon.com/ebs/latest/userguide/ebs-copy-snapshot.html
# custom:
#   id: AWS-EBS-005
#   name: ebs-snapshot-not-encrypted
#   severity: medium
#   category: encryption
#   recommended_action: |
#     Snapshot an encrypted volume: set `encrypted = true` (optionally with `kms_key_id`) on the
#     aws_ebs_volume named by `volume_id`, or turn on aws_ebs_encryption_by_default. On an
#     aws_ebs_snapshot_copy, set `encrypted = true`, optionally with `kms_key_id`.
#   recommended_action_cloudformation: |
#     CloudFormation has no EBS snapshot resource; set `Encrypted: true` on the `AWS::EC2::Volume`
#     whose snapshots are taken.
package preflight.aws.ebs.snapshot_not_encrypted

import data.preflight.lib

deny contains lib.result(s, "encrypted", msg) if {
	some s in input.aws.ebs.snapshots
	not s.copy
	s.encrypted == false
	msg := sprintf("EBS snapshot `%s` is taken of an unencrypted volume, so it is not encrypted", [s.label])
}

deny contains lib.result(s, "encrypted", msg) if {
	some s in input.aws.ebs.snapshots
	s.copy
	s.encrypted == false
	msg := sprintf("EBS snapshot copy `%s` does not ask for encryption", [s.label])
}
