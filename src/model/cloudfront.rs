//! CloudFront (docs/model.md, `aws.cloudfront`).

use super::Meta;
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Cloudfront {
    pub distributions: Vec<Distribution>,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Distribution {
    #[serde(flatten)]
    pub meta: Meta,
    /// The default cache behavior first, then the ordered ones in source order.
    pub behaviors: Vec<CacheBehavior>,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct CacheBehavior {
    /// `*` for the default behavior.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path_pattern: Option<String>,
    /// `allow-all`, `redirect-to-https` or `https-only`; absent when unknown or not written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub viewer_protocol_policy: Option<String>,
}

entity!(Distribution);
