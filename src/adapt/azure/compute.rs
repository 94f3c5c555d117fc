//! Managed disks: whether a key the customer controls encrypts them, and from where they can be
//! exported. Virtual machines and scale sets: whether their hosts encrypt what stays on them.

use super::id;
use crate::adapt::{boolean, string, Field, Source};
use crate::model::azure::{ManagedDisk, VirtualMachine};

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    disks(src);
    machines(src);
}

fn disks<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for item in src.items("azurerm_managed_disk", "") {
        let r = &item.res;
        let mut t = item.tracker();
        let name = t.field(r, "name", "name", string).known();
        let path = "disk_encryption_set_id";
        let set = match t.field(r, path, path, id) {
            Field::NotWritten => t
                .field(r, "secure_vm_disk_encryption_set_id", path, id)
                .known(),
            f => f.known(),
        };
        let path = "azure_disk_encryption";
        let ade = match t.block(r, "encryption_settings", path) {
            Field::NotWritten => Some(false),
            Field::Unknown => None,
            // Provider 3 still had `enabled` in the block; it is on unless set to false.
            Field::Known(b) => t.field(&b, "enabled", path, boolean).or_default(true),
        };
        let path = "network_access_policy";
        let policy = t
            .field(r, path, path, string)
            .or_default("AllowAll".to_string());
        let public = super::public_network_access(&mut t, r);
        let mut d = ManagedDisk {
            name,
            network_access_policy: policy,
            public_network_access_enabled: public,
            disk_encryption_set_id: set,
            azure_disk_encryption: ade,
            ..ManagedDisk::default()
        };
        d.meta = t.finish(src.locations());
        src.model().azure.compute.disks.push(d);
    }
}

/// Virtual machine types: (Terraform type, kind).
const MACHINES: &[(&str, &str)] = &[
    ("azurerm_linux_virtual_machine", "virtual_machine"),
    ("azurerm_windows_virtual_machine", "virtual_machine"),
    ("azurerm_linux_virtual_machine_scale_set", "scale_set"),
    ("azurerm_windows_virtual_machine_scale_set", "scale_set"),
    (
        "azurerm_orchestrated_virtual_machine_scale_set",
        "scale_set",
    ),
];

fn machines<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for (rtype, kind) in MACHINES {
        for item in src.items(rtype, "") {
            let r = &item.res;
            let mut t = item.tracker();
            let name = t.field(r, "name", "name", string).known();
            let path = "encryption_at_host_enabled";
            let host = t.field(r, path, path, boolean).or_default(false);
            let mut m = VirtualMachine {
                kind: kind.to_string(),
                name,
                encryption_at_host_enabled: host,
                ..VirtualMachine::default()
            };
            m.meta = t.finish(src.locations());
            src.model().azure.compute.virtual_machines.push(m);
        }
    }
}
