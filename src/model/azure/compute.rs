//! Managed disks and virtual machines (`azure.compute`).

use crate::model::Meta;
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Compute {
    pub disks: Vec<ManagedDisk>,
    pub virtual_machines: Vec<VirtualMachine>,
}

/// `azurerm_linux_virtual_machine`, `azurerm_windows_virtual_machine` and their scale sets
/// (`azurerm_linux_virtual_machine_scale_set`, `azurerm_windows_virtual_machine_scale_set`,
/// `azurerm_orchestrated_virtual_machine_scale_set`).
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct VirtualMachine {
    #[serde(flatten)]
    pub meta: Meta,
    /// `virtual_machine` or `scale_set`.
    pub kind: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `encryption_at_host_enabled`: temporary disks, disk caches and data between the host and its
    /// disks encrypted on the host; `false` when not written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encryption_at_host_enabled: Option<bool>,
}

/// An `azurerm_managed_disk`. Azure encrypts every managed disk with a platform-managed key; what the
/// model records is whether a key the customer controls is used as well.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct ManagedDisk {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `disk_encryption_set_id` or `secure_vm_disk_encryption_set_id` (a customer-managed key).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disk_encryption_set_id: Option<String>,
    /// An `encryption_settings` block (Azure Disk Encryption with keys in a Key Vault) that is not
    /// disabled.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub azure_disk_encryption: Option<bool>,
    /// From which networks the disk may be exported or uploaded to through a SAS URI: `AllowAll`
    /// (the default), `AllowPrivate` (through a disk access resource) or `DenyAll`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub network_access_policy: Option<String>,
    /// Whether such a SAS URI works from the internet (default `true`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_network_access_enabled: Option<bool>,
}

entity!(ManagedDisk, VirtualMachine);
