# Google Cloud grants through for_each, locals and the google_iam_policy data source.
locals {
  readers = toset(["group:analysts@example.com", "allUsers"])
}

resource "google_storage_bucket_iam_member" "readers" {
  for_each = local.readers
  bucket   = "acme-public-site"
  role     = "roles/storage.objectViewer"
  member   = each.value # expect: GCP-STORAGE-001
}

data "google_iam_policy" "topic" {
  dynamic "binding" {
    for_each = { "roles/pubsub.publisher" = ["allAuthenticatedUsers"], "roles/pubsub.viewer" = ["group:ops@example.com"] }
    content {
      role    = binding.key
      members = binding.value
    }
  }
}

resource "google_pubsub_topic_iam_policy" "orders" {
  topic       = "orders"
  policy_data = data.google_iam_policy.topic.policy_data # expect: GCP-PUBSUB-001
}
