//! IAM grants on Google Cloud resources (docs/model.md, `gcp.iam`): every `google_*_iam_member`,
//! `google_*_iam_binding` and `google_*_iam_policy`, BigQuery dataset `access` blocks and
//! `google_bigquery_dataset_access`, and legacy Cloud Storage ACL resources, as one shape.

use crate::model::Meta;
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct GcpIam {
    pub grants: Vec<IamGrant>,
}

/// One resource that grants roles on a Google Cloud resource.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct IamGrant {
    #[serde(flatten)]
    pub meta: Meta,
    /// What the roles are granted on: `storage_bucket`, `bigquery_dataset`, `bigquery_table`,
    /// `kms_crypto_key`, `kms_key_ring`, `pubsub_topic`, `pubsub_subscription`, `cloud_run_service`,
    /// `cloudfunctions_function`, `artifact_registry_repository`, `project`, `folder`, `organization`.
    pub kind: String,
    /// The resource granted on, as a message names it: its name when written literally, else the
    /// address of the resource in the code it refers to; absent when unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
    /// How it is granted: `member`, `binding`, `policy` (authoritative, the whole IAM policy),
    /// `access` (a BigQuery dataset access entry) or `acl` (a legacy Cloud Storage ACL).
    pub via: String,
    pub bindings: Vec<GcpBinding>,
    /// For a grant on a Cloud Run service or Cloud Function of the scanned code: where that service
    /// accepts requests from, `all` (the default), `internal` or `internal-and-cloud-load-balancing`
    /// (read from any of the four spellings). Absent when the service is not in the code; listed in
    /// `unknown` when its setting cannot be told.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ingress: Option<String>,
}

/// A role and who holds it through this grant.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct GcpBinding {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Principals as IAM spells them (`allUsers`, `allAuthenticatedUsers`, `user:a@example.com`,
    /// `group:…`, `serviceAccount:…`, `domain:…`); unknown members are left out (listed in `unknown`).
    pub members: Vec<String>,
    /// The binding has an IAM condition.
    pub condition: bool,
}

entity!(IamGrant);
