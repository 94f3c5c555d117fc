//! EC2 compute storage and image sharing (docs/model.md, `aws.compute`): instances, launch templates and
//! launch configurations with their EBS block devices, the account's EBS encryption default, and the
//! permissions that share EBS snapshots and AMIs. (Kept apart from `aws.ec2` and `aws.ebs`, whose
//! structs live in `model/mod.rs`.)

use super::Meta;
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Compute {
    pub instances: Vec<Machine>,
    pub launch_templates: Vec<Machine>,
    pub launch_configurations: Vec<Machine>,
    pub ebs_encryption_defaults: Vec<EbsEncryptionDefault>,
    pub snapshot_permissions: Vec<SnapshotPermission>,
    pub image_permissions: Vec<ImagePermission>,
}

/// An EC2 instance, launch template or launch configuration: the EBS volumes it creates.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Machine {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// EBS volumes only: instance-store (`virtual_name`) and suppressed (`no_device`) mappings are left
    /// out.
    pub block_devices: Vec<BlockDevice>,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct BlockDevice {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub device_name: Option<String>,
    /// `true` for the root volume (Terraform `root_block_device`, or the AMI's root volume when nothing
    /// is written), `false` for an extra volume; absent for a mapping that may be either.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub root: Option<bool>,
    /// Absent when unknown, or when the volume comes from a snapshot without saying (it then keeps the
    /// snapshot's encryption).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encrypted: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
}

/// `aws_ebs_encryption_by_default`: the account's EBS encryption default in one region.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct EbsEncryptionDefault {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
}

/// A create-volume permission on an EBS snapshot.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct SnapshotPermission {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snapshot_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
}

/// Who may launch an AMI: an `aws_ami_launch_permission`, or the launch permissions an Image Builder
/// distribution configuration puts on the AMIs it distributes.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct ImagePermission {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image_id: Option<String>,
    pub launch_permissions: Vec<LaunchPermission>,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct LaunchPermission {
    /// `all` makes the AMI public.
    pub user_groups: Vec<String>,
    pub user_ids: Vec<String>,
    pub organization_arns: Vec<String>,
    pub organizational_unit_arns: Vec<String>,
}

entity!(
    Machine,
    EbsEncryptionDefault,
    SnapshotPermission,
    ImagePermission
);
