# METADATA
# title: Artifact Registry repository or Container Registry open to everyone
# description: |
#   An IAM member, binding or policy on an Artifact Registry repository, or on the storage bucket behind
#   a Container Registry (`google_container_registry`), that names `allUsers` or `allAuthenticatedUsers`
#   lets anyone pull the images and packages (with a writer role, push them). Private images carry the
#   application's code, its dependencies with their versions, and too often configuration and
#   credentials baked into a layer; a writable registry lets anyone replace what production runs. Public
#   open-source images are better served from a repository that holds only those. Severity is high.
# related_resources:
#   - ref: https://cloud.google.com/artifact-registry/docs/access-control
# custom:
#   id: GCP-ARTIFACTREGISTRY-001
#   name: registry-public
#   severity: high
#   category: public-access
#   recommended_action: |
#     Remove `allUsers` / `allAuthenticatedUsers` from the `member` / `members` (or `policy_data`) of
#     google_artifact_registry_repository_iam_* (or of the google_storage_bucket_iam_* on the Container
#     Registry bucket); grant `roles/artifactregistry.reader` to the service accounts of the clusters
#     and pipelines that pull.
package preflight.gcp.artifactregistry.repository_public

import data.preflight.lib
import data.preflight.lib.gcp

deny contains lib.result(g, sprintf("bindings[%d].members", [i]), gcp.public_message(g, b.role, who)) if {
	some g in input.gcp.iam.grants
	g.kind in {"artifact_registry_repository", "container_registry"}
	some i, b in g.bindings
	who := gcp.public_principals(b)
}
