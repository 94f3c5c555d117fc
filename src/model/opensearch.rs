//! OpenSearch Service and its Elasticsearch predecessor (docs/model.md, `aws.opensearch`).

use super::{Document, Meta};
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Opensearch {
    pub domains: Vec<SearchDomain>,
}

/// An OpenSearch or Elasticsearch domain.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct SearchDomain {
    #[serde(flatten)]
    pub meta: Meta,
    /// `opensearch` or `elasticsearch`: which resource type declared it (for messages).
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The domain is placed in a VPC (`vpc_options`); `false` means a public endpoint.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_vpc: Option<bool>,
    /// The resource-based access policy (inline, or from a domain policy resource).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy: Option<Document>,
    /// Fine-grained access control (`advanced_security_options.enabled`), default `false`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fine_grained_access_control: Option<bool>,
    /// Fine-grained access control lets requests without credentials in, default `false`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anonymous_auth_enabled: Option<bool>,
    /// Encryption at rest, default `false`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encrypt_at_rest: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    /// TLS between the domain's nodes, default `false`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node_to_node_encryption: Option<bool>,
    /// Plain HTTP requests are refused. `false` when no endpoint options are written; `true` when the
    /// Terraform block is written without it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enforce_https: Option<bool>,
}

entity!(SearchDomain);
