//! Container registries: the shared admin user, anonymous pull and network access.

use crate::adapt::{boolean, string, Field, Source};
use crate::model::azure::ContainerRegistry;

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for item in src.items("azurerm_container_registry", "") {
        let r = &item.res;
        let mut t = item.tracker();
        let name = t.field(r, "name", "name", string).known();
        let admin = t
            .field(r, "admin_enabled", "admin_enabled", boolean)
            .or_default(false);
        let anonymous = t
            .field(
                r,
                "anonymous_pull_enabled",
                "anonymous_pull_enabled",
                boolean,
            )
            .or_default(false);
        let public = super::public_network_access(&mut t, r);
        let path = "network_default_action";
        let action = match t.block(r, "network_rule_set", path) {
            Field::Known(rules) => t
                .field(&rules, "default_action", path, string)
                .or_default("Allow".to_string()),
            Field::Unknown => None,
            Field::NotWritten => Some("Allow".to_string()),
        };
        let mut c = ContainerRegistry {
            name,
            admin_enabled: admin,
            anonymous_pull_enabled: anonymous,
            public_network_access_enabled: public,
            network_default_action: action,
            ..ContainerRegistry::default()
        };
        c.meta = t.finish(src.locations());
        src.model().azure.containerregistry.registries.push(c);
    }
}
