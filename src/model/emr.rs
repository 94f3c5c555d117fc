//! EMR (docs/model.md, `aws.emr`).

use super::Meta;
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Emr {
    pub clusters: Vec<EmrCluster>,
    pub security_configurations: Vec<EmrSecurityConfiguration>,
}

/// `aws_emr_cluster`, `AWS::EMR::Cluster`.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct EmrCluster {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The name of the security configuration; absent when none is written or unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub security_configuration: Option<String>,
}

/// `aws_emr_security_configuration`, `AWS::EMR::SecurityConfiguration`: its JSON document read.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct EmrSecurityConfiguration {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `EncryptionConfiguration.EnableAtRestEncryption` (`false` when the document has no encryption
    /// configuration).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at_rest_encryption: Option<bool>,
    /// `EncryptionConfiguration.EnableInTransitEncryption`, likewise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_transit_encryption: Option<bool>,
}

entity!(EmrCluster, EmrSecurityConfiguration);
