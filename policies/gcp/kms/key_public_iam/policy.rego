# METADATA
# title: Cloud KMS key or key ring usable by everyone
# description: |
#   An IAM member, binding or policy on a crypto key or a key ring that names `allUsers` or
#   `allAuthenticatedUsers` lets anyone (or anyone with a Google account) use the key with the role
#   granted: decrypt what it protects, encrypt or sign in your name, or manage and destroy it. A key is
#   the control that stands between an attacker and data whose storage is otherwise reachable, so
#   handing it to everyone removes that control. Severity is high.
# related_resources:
#   - ref: https://cloud.google.com/kms/docs/iam
# custom:
#   id: GCP-KMS-001
#   name: kms-key-public
#   severity: high
#   category: public-access
#   recommended_action: |
#     Remove `allUsers` and `allAuthenticatedUsers` from the `member` / `members` (or `policy_data`) of
#     google_kms_crypto_key_iam_* and google_kms_key_ring_iam_*; grant
#     `roles/cloudkms.cryptoKeyEncrypterDecrypter` to the service accounts that use the key.
package preflight.gcp.kms.key_public_iam

import data.preflight.lib
import data.preflight.lib.gcp

deny contains lib.result(g, sprintf("bindings[%d].members", [i]), gcp.public_message(g, b.role, who)) if {
	some g in input.gcp.iam.grants
	g.kind in {"kms_crypto_key", "kms_key_ring"}
	some i, b in g.bindings
	who := gcp.public_principals(b)
}
