# METADATA
# title: A policy that never finishes in time
# description: Iterates far more than any scan allows.
# custom:
#   id: SLOW-001
#   name: slow
#   severity: low
#   category: sharing
#   recommended_action: Nothing; it exists to test the time budget.
package slow

deny contains {"id": b.id, "path": "name", "message": "never"} if {
	some b in input.aws.s3.buckets
	some i in numbers.range(1, 5000)
	some j in numbers.range(1, 5000)
	some k in numbers.range(1, 5000)
	i + j + k < 0
}
