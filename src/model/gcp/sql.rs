//! Cloud SQL instances (docs/model.md, `gcp.sql`).

use crate::model::Meta;
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct CloudSql {
    pub instances: Vec<SqlInstance>,
}

/// A `google_sql_database_instance`.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct SqlInstance {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub database_version: Option<String>,
    /// The instance has a public IPv4 address (`settings.ip_configuration.ipv4_enabled`, default `true`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ipv4_enabled: Option<bool>,
    pub authorized_networks: Vec<AuthorizedNetwork>,
    /// Connections must use SSL/TLS: `require_ssl = true`, or an `ssl_mode` other than
    /// `ALLOW_UNENCRYPTED_AND_ENCRYPTED` (default `false`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ssl_required: Option<bool>,
    /// The customer-managed Cloud KMS key the instance's disks and backups are encrypted with
    /// (`encryption_key_name`); absent when Google's own key is used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_key_name: Option<String>,
    /// A read replica (`master_instance_name` is written): its key follows its primary's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replica: Option<bool>,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct AuthorizedNetwork {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

entity!(SqlInstance);
