//! Managed disks: whether a key the customer controls encrypts them, and from where they can be
//! exported.

use super::id;
use crate::adapt::{boolean, string, Field, Source};
use crate::model::azure::ManagedDisk;

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
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
        let path = "public_network_access_enabled";
        let public = t.field(r, path, path, boolean).or_default(true);
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
