//! Compute Engine firewall rules, disks, instances and instance templates (docs/model.md,
//! `gcp.compute`).

use crate::model::Meta;
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Gce {
    pub firewalls: Vec<Firewall>,
    pub disks: Vec<ComputeDisk>,
    pub instances: Vec<ComputeInstance>,
    pub instance_templates: Vec<ComputeInstance>,
}

/// A `google_compute_firewall`.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Firewall {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `INGRESS` (the default) or `EGRESS`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direction: Option<String>,
    /// The rule is switched off (default `false`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disabled: Option<bool>,
    /// The source address ranges that apply: those written, or `0.0.0.0/0` for an ingress rule that
    /// names no source range, tag or service account (Google's default).
    pub source_ranges: Vec<String>,
    pub source_tags: Vec<String>,
    pub source_service_accounts: Vec<String>,
    /// What the `allow` blocks admit, one entry per protocol and port range.
    pub allow: Vec<FirewallRule>,
    /// What the `deny` blocks refuse, in the same shape.
    pub deny: Vec<FirewallRule>,
    /// Lower numbers are evaluated first (0–65535, default 1000); at equal priority a deny wins.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority: Option<i64>,
    /// The VPC network the rule belongs to, as a key to compare rules by: the network's name (the
    /// last segment of a self link), prefixed `project/` when the rule names its project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub network: Option<String>,
    /// The instances the rule applies to; both empty: every instance of the network.
    pub target_tags: Vec<String>,
    pub target_service_accounts: Vec<String>,
}

/// One protocol and port range an `allow` block admits (or a `deny` block refuses).
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct FirewallRule {
    /// As security group rules spell it: `tcp`, `udp`, `icmp`, `-1` for `all`, or a protocol number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protocol: Option<String>,
    /// The range `ports` names; `0`-`65535` when `ports` is left out (every port).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from_port: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to_port: Option<u32>,
    /// Which `allow` (or `deny`) block (0-based) the entry comes from.
    pub block: usize,
}

/// A `google_compute_disk` (and `google_compute_region_disk`).
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct ComputeDisk {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Who holds the key: `GOOGLE_MANAGED` (the default), `CUSTOMER_MANAGED` (a Cloud KMS key) or
    /// `CUSTOMER_SUPPLIED` (a raw or RSA-wrapped key).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_type: Option<String>,
}

/// A `google_compute_instance`, or a `google_compute_instance_template` /
/// `google_compute_region_instance_template` (each VM made from it gets what it says).
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct ComputeInstance {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A `network_interface` has an `access_config` block, which gives the instance an external
    /// (ephemeral or static) IPv4 address; `false` when none has.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_ip: Option<bool>,
    /// The persistent disks created with the instance (its boot disk made from an image; a
    /// template's `disk` blocks without `source`), not existing disks it attaches (those are
    /// `google_compute_disk` resources of their own) nor local SSDs (which cannot take a key).
    pub created_disks: Vec<CreatedDisk>,
}

/// A disk an instance (or template) creates.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct CreatedDisk {
    /// The boot disk.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub boot: Option<bool>,
    /// As for [`ComputeDisk`]: `GOOGLE_MANAGED`, `CUSTOMER_MANAGED` or `CUSTOMER_SUPPLIED`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_type: Option<String>,
}

entity!(Firewall, ComputeDisk, ComputeInstance);
