//! Cosmos DB accounts: public network access and the IP firewall.

use crate::adapt::{boolean, string, strings, Field, Source};
use crate::model::azure::CosmosAccount;
use crate::terraform::value::Value;

/// `ip_range_filter` as a list of ranges: a list (provider 4) or a comma-separated string (3).
fn ranges(v: &Value) -> Option<Vec<String>> {
    match v {
        Value::String(s) => Some(
            s.split(',')
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty())
                .collect(),
        ),
        _ => strings(v),
    }
}

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for item in src.items("azurerm_cosmosdb_account", "") {
        let r = &item.res;
        let mut t = item.tracker();
        let name = t.field(r, "name", "name", string).known();
        let public = super::public_network_access(&mut t, r);
        let filter = match t.field(r, "ip_range_filter", "ip_range_filter", ranges) {
            Field::Known(v) => Some(v),
            Field::NotWritten => Some(Vec::new()),
            Field::Unknown => None,
        };
        let vnet = t
            .field(
                r,
                "is_virtual_network_filter_enabled",
                "is_virtual_network_filter_enabled",
                boolean,
            )
            .or_default(false);
        let mut a = CosmosAccount {
            name,
            public_network_access_enabled: public,
            ip_range_filter: filter,
            is_virtual_network_filter_enabled: vnet,
            ..CosmosAccount::default()
        };
        a.meta = t.finish(src.locations());
        src.model().azure.cosmosdb.accounts.push(a);
    }
}
