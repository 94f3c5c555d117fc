//! Network ACLs (docs/model.md, `aws.ec2.network_acls`): the stateless, numbered rules of a subnet.

use super::Meta;
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct NetworkAcl {
    #[serde(flatten)]
    pub meta: Meta,
    /// Inbound and outbound rules in source order (AWS evaluates them by `rule_number`).
    pub ingress: Vec<AclRule>,
    pub egress: Vec<AclRule>,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct AclRule {
    /// Rules are evaluated lowest number first; the first that matches decides.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule_number: Option<f64>,
    /// `allow` or `deny`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// `-1` (all), `tcp`, `udp`, `icmp`, `icmpv6`, or another protocol number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protocol: Option<String>,
    /// `0`/`65535` when the protocol is all.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from_port: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to_port: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cidr_block: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ipv6_cidr_block: Option<String>,
}

entity!(NetworkAcl);
