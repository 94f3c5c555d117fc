//! Network security groups and their rules (`azure.network`).

use crate::model::Meta;
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Network {
    pub security_groups: Vec<NetworkSecurityGroup>,
    /// `azurerm_network_security_rule` resources, each an entity of its own.
    pub security_rules: Vec<SecurityRule>,
}

/// An `azurerm_network_security_group` with its inline `security_rule` blocks.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct NetworkSecurityGroup {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub security_rule: Vec<RuleFields>,
}

/// A rule's fields as the provider names them. Strings are as written (`Inbound`, `Allow`, `Tcp`,
/// `*`, `Internet`, `22`, `1000-2000`); the policies compare them without regard to case.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct RuleFields {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direction: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protocol: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_address_prefix: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_address_prefixes: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub destination_port_range: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub destination_port_ranges: Option<Vec<String>>,
    /// The destination ports of both fields as numeric ranges (`*` is 0–65535); an entry that is not
    /// a port or a range makes the field unknown.
    pub ports: Vec<PortRange>,
}

/// One destination port range of a rule, with the field it was written in.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct PortRange {
    pub from_port: u32,
    pub to_port: u32,
    /// `destination_port_range` or `destination_port_ranges`.
    pub field: String,
}

/// An `azurerm_network_security_rule`.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct SecurityRule {
    #[serde(flatten)]
    pub meta: Meta,
    pub rule: RuleFields,
    /// The id of the network security group of the scan the rule belongs to (by reference, or by
    /// `network_security_group_name` and `resource_group_name`); absent when it is not in the scan.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
}

entity!(NetworkSecurityGroup, SecurityRule);
