//! Key Vaults: network access and purge protection.

use crate::adapt::{boolean, string, Field, Source};
use crate::model::azure::KeyVault;

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for item in src.items("azurerm_key_vault", "") {
        let r = &item.res;
        let mut t = item.tracker();
        let name = t.field(r, "name", "name", string).known();
        let public = super::public_network_access(&mut t, r);
        let path = "network_default_action";
        let action = match t.block(r, "network_acls", path) {
            Field::Known(acls) => t.field(&acls, "default_action", path, string).known(),
            Field::Unknown => None,
            Field::NotWritten => Some("Allow".to_string()),
        };
        let purge = t
            .field(
                r,
                "purge_protection_enabled",
                "purge_protection_enabled",
                boolean,
            )
            .or_default(false);
        let mut v = KeyVault {
            name,
            public_network_access_enabled: public,
            network_default_action: action,
            purge_protection_enabled: purge,
            ..KeyVault::default()
        };
        v.meta = t.finish(src.locations());
        src.model().azure.keyvault.vaults.push(v);
    }
}
