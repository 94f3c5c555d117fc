# METADATA
# title: BigQuery dataset or table shared with everyone
# description: |
#   A dataset `access` entry, a `google_bigquery_dataset_access` resource, or a dataset or table IAM
#   member, binding or policy that names `allUsers` or `allAuthenticatedUsers` lets anyone on the
#   internet, or anyone with any Google account, query the tables with the role granted (and pay nothing
#   for it: the queries bill their own project). Datasets hold records in bulk, customer data, events
#   and exports, and are almost never meant to be public outside of deliberate public-data programmes;
#   severity is critical.
# related_resources:
#   - ref: https://cloud.google.com/bigquery/docs/control-access-to-resources-iam
# custom:
#   id: GCP-BIGQUERY-001
#   name: bigquery-dataset-public
#   severity: critical
#   category: public-access
#   recommended_action: |
#     Remove the `access` block with `special_group = "allAuthenticatedUsers"` or `iam_member =
#     "allUsers"` from the google_bigquery_dataset (or the google_bigquery_dataset_access resource), and
#     `allUsers` / `allAuthenticatedUsers` from google_bigquery_dataset_iam_* and
#     google_bigquery_table_iam_*; grant `group_by_email` or `user_by_email` entries, or authorized
#     views, to the readers who need the data.
package preflight.gcp.bigquery.dataset_public

import data.preflight.lib
import data.preflight.lib.gcp

deny contains lib.result(g, sprintf("bindings[%d].members", [i]), gcp.public_message(g, b.role, who)) if {
	some g in input.gcp.iam.grants
	g.kind in {"bigquery_dataset", "bigquery_table"}
	some i, b in g.bindings
	who := gcp.public_principals(b)
}
