# METADATA
# title: RDS instance whose key is not one of Acme's
# description: |
#   Acme keeps the keys of its databases under aliases that start with `alias/acme-`, where key
#   rotation and access reviews are set up; a database encrypted with another key escapes both.
#   Low: the data is still encrypted, with a key nobody reviews.
# related_resources:
#   - ref: https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html
# custom:
#   id: ACME-RDS-901
#   name: rds-key-outside-acme-aliases
#   severity: low
#   category: encryption
#   recommended_action: Set kms_key_id to a key under an `alias/acme-` alias.
package acme.rds.key_outside_acme_aliases

import data.preflight.lib

deny contains lib.result(db, "kms_key_id", msg) if {
	some db in input.aws.rds.instances
	key := db.kms_key_id
	not startswith(key)
	msg := sprintf("RDS instance `%s` is encrypted with `%s`, not an `alias/acme-` key", [db.label, key])
}
