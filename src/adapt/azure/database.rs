//! Azure SQL servers and Azure Database for PostgreSQL / MySQL servers (single and flexible), their
//! firewall rules and the flexible servers' `require_secure_transport` configuration.

use super::{names, parent};
use crate::adapt::{boolean, string, Field, Source};
use crate::model::azure::{DatabaseServer, FirewallRule};

/// Server types: (Terraform type, engine, configuration resource type for a flexible server).
const SERVERS: &[(&str, &str, &str)] = &[
    ("azurerm_mssql_server", "mssql", ""),
    ("azurerm_sql_server", "mssql", ""),
    ("azurerm_postgresql_server", "postgresql", ""),
    ("azurerm_mysql_server", "mysql", ""),
    (
        "azurerm_postgresql_flexible_server",
        "postgresql_flexible",
        "azurerm_postgresql_flexible_server_configuration",
    ),
    (
        "azurerm_mysql_flexible_server",
        "mysql_flexible",
        "azurerm_mysql_flexible_server_configuration",
    ),
];

const FIREWALL_RULES: &[(&str, &str)] = &[
    ("azurerm_mssql_firewall_rule", "mssql"),
    ("azurerm_sql_firewall_rule", "mssql"),
    ("azurerm_postgresql_firewall_rule", "postgresql"),
    ("azurerm_mysql_firewall_rule", "mysql"),
    (
        "azurerm_postgresql_flexible_server_firewall_rule",
        "postgresql_flexible",
    ),
    (
        "azurerm_mysql_flexible_server_firewall_rule",
        "mysql_flexible",
    ),
];

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for (rtype, engine, config_type) in SERVERS {
        let configs: Vec<_> = src
            .items(config_type, "")
            .into_iter()
            .filter(|c| {
                c.res
                    .attr("name")
                    .is_some_and(|(v, _)| string(&v).as_deref() == Some("require_secure_transport"))
            })
            .collect();
        for item in src.items(rtype, "") {
            let r = &item.res;
            let mut t = item.tracker();
            let name = t.field(r, "name", "name", string).known();
            let flexible = engine.ends_with("_flexible");
            let path = "public_network_access_enabled";
            let public = match t.field(r, path, path, boolean) {
                // A flexible server placed in a delegated subnet has no public endpoint.
                Field::NotWritten if flexible => {
                    match t.field(r, "delegated_subnet_id", "delegated_subnet_id", string) {
                        Field::NotWritten => Some(true),
                        _ => Some(false),
                    }
                }
                // The retired `azurerm_sql_server` has no such argument.
                Field::NotWritten if *rtype == "azurerm_sql_server" => None,
                f => f.or_default(true),
            };
            let path = "ssl_enforced";
            let ssl = if *engine == "mssql" {
                None
            } else if flexible {
                let config = configs.iter().find(|c| {
                    let target = parent(&c.res, &["server_id", "server_name"]);
                    names(&target, &item.address, name.as_deref())
                });
                match config {
                    // The server requires TLS unless a configuration turns it off.
                    None => Some(true),
                    Some(c) => match t.field(&c.res, "value", path, string) {
                        Field::Known(v) => Some(!v.eq_ignore_ascii_case("off")),
                        _ => None,
                    },
                }
            } else {
                match t.field(r, "ssl_enforcement_enabled", path, boolean) {
                    // Provider 2 spelled it `ssl_enforcement = "Enabled"`.
                    Field::NotWritten => match t.field(r, "ssl_enforcement", path, string) {
                        Field::Known(v) => Some(v.eq_ignore_ascii_case("enabled")),
                        // Required by the provider: without it the configuration does not apply.
                        _ => None,
                    },
                    f => f.known(),
                }
            };
            let tls_attr = if *engine == "mssql" {
                "minimum_tls_version"
            } else {
                "ssl_minimal_tls_version_enforced"
            };
            // Provider 3 made TLS 1.2 the default minimum. Before it, a SQL server left without one
            // accepted every version (Azure's `None`) and a single server defaulted to
            // `TLSEnforcementDisabled`.
            let old_default = r.azurerm_provider_major().is_some_and(|m| m < 3);
            let tls = if flexible {
                None
            } else {
                let field = t.field(r, tls_attr, "min_tls_version", string);
                match (*rtype, *engine) {
                    // The retired `azurerm_sql_server` has no such argument.
                    ("azurerm_sql_server", _) => field.known(),
                    _ if !old_default => field.known(),
                    (_, "mssql") => field.or_default("None".to_string()),
                    _ => field.or_default("TLSEnforcementDisabled".to_string()),
                }
            };
            let path = "infrastructure_encryption_enabled";
            let double = if matches!(*engine, "postgresql" | "mysql") {
                t.field(r, path, path, boolean).or_default(false)
            } else {
                None
            };
            let mut s = DatabaseServer {
                infrastructure_encryption_enabled: double,
                engine: engine.to_string(),
                name,
                public_network_access_enabled: public,
                ssl_enforced: ssl,
                min_tls_version: tls,
                ..DatabaseServer::default()
            };
            s.meta = t.finish(src.locations());
            src.model().azure.database.servers.push(s);
        }
    }
    for (rtype, engine) in FIREWALL_RULES {
        for item in src.items(rtype, "") {
            let r = &item.res;
            let mut t = item.tracker();
            let name = t.field(r, "name", "name", string).known();
            let start = t
                .field(r, "start_ip_address", "start_ip_address", string)
                .known();
            let end = t
                .field(r, "end_ip_address", "end_ip_address", string)
                .known();
            let count = match (&start, &end) {
                (Some(a), Some(b)) => match (
                    a.trim().parse::<std::net::Ipv4Addr>(),
                    b.trim().parse::<std::net::Ipv4Addr>(),
                ) {
                    (Ok(a), Ok(b)) => {
                        let (a, b) = (u64::from(u32::from(a)), u64::from(u32::from(b)));
                        Some(if b >= a { b - a + 1 } else { 0 })
                    }
                    _ => None,
                },
                _ => None,
            };
            if t.is_unknown("start_ip_address") || t.is_unknown("end_ip_address") {
                t.mark_unknown("address_count");
            }
            let mut f = FirewallRule {
                engine: engine.to_string(),
                address_count: count,
                name,
                start_ip_address: start,
                end_ip_address: end,
                ..FirewallRule::default()
            };
            f.meta = t.finish(src.locations());
            src.model().azure.database.firewall_rules.push(f);
        }
    }
}
