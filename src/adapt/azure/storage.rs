//! Storage accounts (with their separate network rules and customer-managed key resources) and blob
//! containers.

use super::{names, parent};
use crate::adapt::{boolean, string, Field, Res, Source, Target, Tracker};
use crate::model::azure::{StorageAccount, StorageContainer};

/// `azurerm_storage_account_network_rules` or `azurerm_storage_account_customer_managed_key`: the
/// account it names and the resource itself.
struct Companion<'r, 'a> {
    target: Target,
    res: Res<'r, 'a>,
}

fn companions<'r, 'a: 'r>(src: &impl Source<'r, 'a>, rtype: &str) -> Vec<Companion<'r, 'a>> {
    src.items(rtype, "")
        .into_iter()
        .map(|item| Companion {
            // Provider 3 names the account by `storage_account_name` (with `resource_group_name`),
            // provider 4 by `storage_account_id`.
            target: parent(&item.res, &["storage_account_id", "storage_account_name"]),
            res: item.res,
        })
        .collect()
}

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    let network_rules = companions(src, "azurerm_storage_account_network_rules");
    let cmks = companions(src, "azurerm_storage_account_customer_managed_key");
    let mut accounts: Vec<(StorageAccount, Tracker, String)> = Vec::new();
    for item in src.items("azurerm_storage_account", "") {
        let r = &item.res;
        let major = r.azurerm_provider_major();
        let mut t = item.tracker();
        let name = t.field(r, "name", "name", string).known();
        let path = "allow_nested_items_to_be_public";
        let nested = match t.field(r, path, path, boolean) {
            // Provider 2 called it `allow_blob_public_access`, default `false`; from 3.0 on the
            // default is `true`. As for every version-dependent default, the riskier one counts when
            // the constraints admit both: only a constraint that stops below 3.0 keeps `false`.
            Field::NotWritten => t
                .field(r, "allow_blob_public_access", path, boolean)
                .or_default(r.azurerm_provider_highest_major().is_none_or(|m| m >= 3)),
            f => f.known(),
        };
        let public_network = t
            .field(
                r,
                "public_network_access_enabled",
                "public_network_access_enabled",
                boolean,
            )
            .or_default(true);
        let path = "network_default_action";
        let default_action = match t.block(r, "network_rules", path) {
            Field::Known(rules) => t.field(&rules, "default_action", path, string).known(),
            Field::Unknown => None,
            Field::NotWritten => {
                match network_rules
                    .iter()
                    .find(|c| names(&c.target, &item.address, name.as_deref()))
                {
                    Some(c) => t.field(&c.res, "default_action", path, string).known(),
                    None => Some("Allow".to_string()),
                }
            }
        };
        let path = "https_traffic_only_enabled";
        let https = match t.field(r, path, path, boolean) {
            Field::NotWritten => t
                .field(r, "enable_https_traffic_only", path, boolean)
                .or_default(true),
            f => f.known(),
        };
        // Provider 2 defaulted to TLS 1.0; 3.0 and later to TLS 1.2. A constraint admitting 2
        // admits the riskier default.
        let old_default = major.is_some_and(|m| m < 3);
        let tls = t
            .field(r, "min_tls_version", "min_tls_version", string)
            .or_default(if old_default { "TLS1_0" } else { "TLS1_2" }.to_string());
        let shared_key = t
            .field(
                r,
                "shared_access_key_enabled",
                "shared_access_key_enabled",
                boolean,
            )
            .or_default(true);
        let infra = t
            .field(
                r,
                "infrastructure_encryption_enabled",
                "infrastructure_encryption_enabled",
                boolean,
            )
            .or_default(false);
        let path = "customer_managed_key";
        let cmk = match t.block(r, path, path) {
            Field::Known(_) => Some(true),
            Field::Unknown => None,
            Field::NotWritten => {
                match cmks
                    .iter()
                    .find(|c| names(&c.target, &item.address, name.as_deref()))
                {
                    Some(c) => {
                        t.at(path, c.res.span.clone());
                        Some(true)
                    }
                    None => Some(false),
                }
            }
        };
        let account = StorageAccount {
            name,
            allow_nested_items_to_be_public: nested,
            public_network_access_enabled: public_network,
            network_default_action: default_action,
            https_traffic_only_enabled: https,
            min_tls_version: tls,
            shared_access_key_enabled: shared_key,
            infrastructure_encryption_enabled: infra,
            customer_managed_key: cmk,
            ..StorageAccount::default()
        };
        accounts.push((account, t, item.address.clone()));
    }

    let mut containers = Vec::new();
    for item in src.items("azurerm_storage_container", "") {
        let r = &item.res;
        let mut t = item.tracker();
        let name = t.field(r, "name", "name", string).known();
        let access = t
            .field(r, "container_access_type", "container_access_type", string)
            .or_default("private".to_string());
        let target = parent(r, &["storage_account_id", "storage_account_name"]);
        let path = "account_allows_public";
        let account = accounts
            .iter()
            .find(|(a, _, address)| names(&target, address, a.name.as_deref()));
        let allows = match account {
            Some((a, at, _)) => {
                if a.allow_nested_items_to_be_public.is_none() {
                    t.mark_unknown(path);
                    t.explain(
                        path,
                        vec![format!(
                            "`allow_nested_items_to_be_public` of {} is not known",
                            at.id()
                        )],
                    );
                }
                a.allow_nested_items_to_be_public
            }
            None => {
                t.mark_unknown(path);
                t.explain(
                    path,
                    vec!["the storage account is not in the scanned code, so whether it lets containers be public is unknown".to_string()],
                );
                None
            }
        };
        let mut c = StorageContainer {
            name,
            container_access_type: access,
            account_allows_public: allows,
            ..StorageContainer::default()
        };
        c.meta = t.finish(src.locations());
        containers.push(c);
    }

    for (mut a, t, _) in accounts {
        a.meta = t.finish(src.locations());
        src.model().azure.storage.accounts.push(a);
    }
    src.model().azure.storage.containers.extend(containers);
}
