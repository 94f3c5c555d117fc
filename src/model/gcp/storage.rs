//! Cloud Storage buckets (docs/model.md, `gcp.storage`).

use crate::model::Meta;
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Storage {
    pub buckets: Vec<GcsBucket>,
}

/// A `google_storage_bucket`.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct GcsBucket {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Uniform bucket-level access: IAM alone decides access, object ACLs are off (default `false`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uniform_bucket_level_access: Option<bool>,
    /// `enforced` or `inherited` (the default: the organization policy decides).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_access_prevention: Option<String>,
    /// The customer-managed Cloud KMS key new objects are encrypted with (`encryption.default_kms_key_name`);
    /// absent when Google's own key is used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_key_name: Option<String>,
}

entity!(GcsBucket);
