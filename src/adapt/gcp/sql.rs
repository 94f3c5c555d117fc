//! Cloud SQL instances: a public IP and who may connect to it, whether connections must use SSL, and
//! which key encrypts the data.

use super::key_ref;
use crate::adapt::{boolean, string, Field, Source};
use crate::model::gcp::{AuthorizedNetwork, SqlInstance};

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for item in src.items("google_sql_database_instance", "") {
        let r = &item.res;
        let mut t = item.tracker();
        let name = t.field(r, "name", "name", string).known();
        let database_version = t
            .field(r, "database_version", "database_version", string)
            .known();
        let kms_key_name = t
            .field(r, "encryption_key_name", "kms_key_name", key_ref)
            .known()
            .filter(|k| !k.trim().is_empty());
        let replica = match t.field(r, "master_instance_name", "replica", |_| Some(true)) {
            Field::Known(_) | Field::Unknown => Some(true),
            Field::NotWritten => Some(false),
        };
        let mut ipv4_enabled = Some(true);
        let mut ssl_required = Some(false);
        let mut authorized_networks = Vec::new();
        let settings = t.block(r, "settings", "ipv4_enabled");
        let ip = match settings {
            Field::Known(s) => t.block(&s, "ip_configuration", "ipv4_enabled"),
            Field::Unknown => Field::Unknown,
            Field::NotWritten => Field::NotWritten,
        };
        match ip {
            Field::Unknown => {
                t.mark_unknown("ssl_required");
                t.mark_unknown("authorized_networks");
                ipv4_enabled = None;
                ssl_required = None;
            }
            Field::NotWritten => {
                t.left_out("ssl_required", "ip_configuration");
            }
            Field::Known(ip) => {
                ipv4_enabled = t
                    .field(&ip, "ipv4_enabled", "ipv4_enabled", boolean)
                    .or_default(true);
                // `ssl_mode` (provider 4.x and later) decides when written; `require_ssl` before it.
                ssl_required = match t.field(&ip, "ssl_mode", "ssl_required", string) {
                    Field::Known(m) => Some(m != "ALLOW_UNENCRYPTED_AND_ENCRYPTED"),
                    Field::Unknown => None,
                    Field::NotWritten => t
                        .field(&ip, "require_ssl", "ssl_required", boolean)
                        .or_default(false),
                };
                match t.blocks(&ip, "authorized_networks", "authorized_networks") {
                    Field::Known(nets) => {
                        for (i, n) in nets.iter().enumerate() {
                            t.at(format!("authorized_networks[{i}]"), n.span.clone());
                            let name = t
                                .field(n, "name", &format!("authorized_networks[{i}].name"), string)
                                .known();
                            let value = t
                                .field(
                                    n,
                                    "value",
                                    &format!("authorized_networks[{i}].value"),
                                    string,
                                )
                                .known();
                            authorized_networks.push(AuthorizedNetwork { name, value });
                        }
                    }
                    Field::Unknown | Field::NotWritten => {}
                }
            }
        }
        let mut inst = SqlInstance {
            name,
            database_version,
            ipv4_enabled,
            authorized_networks,
            ssl_required,
            kms_key_name,
            replica,
            ..SqlInstance::default()
        };
        inst.meta = t.finish(src.locations());
        src.model().gcp.sql.instances.push(inst);
    }
}
