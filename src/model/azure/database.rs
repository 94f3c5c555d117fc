//! Azure SQL, Azure Database for PostgreSQL and for MySQL, single and flexible servers
//! (`azure.database`).

use crate::model::Meta;
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Database {
    pub servers: Vec<DatabaseServer>,
    pub firewall_rules: Vec<FirewallRule>,
}

/// `azurerm_mssql_server`, `azurerm_sql_server`, `azurerm_postgresql_server`, `azurerm_mysql_server`,
/// `azurerm_postgresql_flexible_server`, `azurerm_mysql_flexible_server`.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct DatabaseServer {
    #[serde(flatten)]
    pub meta: Meta,
    /// `mssql`, `postgresql`, `mysql`, `postgresql_flexible` or `mysql_flexible`.
    pub engine: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `true` when not written; for a flexible server in a delegated subnet, `false`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_network_access_enabled: Option<bool>,
    /// Connections must use TLS: `ssl_enforcement_enabled` of a single server; for a flexible server the
    /// `require_secure_transport` server configuration (`true` when no such configuration is in the
    /// code); absent for SQL servers, which always require it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ssl_enforced: Option<bool>,
    /// `minimum_tls_version` / `ssl_minimal_tls_version_enforced` as written (`1.2`, `TLS1_2`, `Disabled`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_tls_version: Option<String>,
    /// `infrastructure_encryption_enabled` of a PostgreSQL or MySQL single server (default `false`): a
    /// second encryption layer at the storage infrastructure; absent for other servers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub infrastructure_encryption_enabled: Option<bool>,
}

/// A server-level firewall rule (`azurerm_mssql_firewall_rule`, `azurerm_sql_firewall_rule`,
/// `azurerm_postgresql_firewall_rule`, `azurerm_mysql_firewall_rule` and the flexible servers' ones).
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct FirewallRule {
    #[serde(flatten)]
    pub meta: Meta,
    pub engine: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_ip_address: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_ip_address: Option<String>,
    /// How many IPv4 addresses the rule admits, when both ends are IPv4 addresses.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address_count: Option<u64>,
}

entity!(DatabaseServer, FirewallRule);
