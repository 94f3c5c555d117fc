//! App Service web apps and function apps (`azure.web`).

use crate::model::Meta;
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Web {
    pub apps: Vec<WebApp>,
}

/// `azurerm_linux_web_app`, `azurerm_windows_web_app`, `azurerm_linux_function_app`,
/// `azurerm_windows_function_app`, their deployment slots, and the retired `azurerm_app_service`,
/// `azurerm_app_service_slot` and `azurerm_function_app`.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct WebApp {
    #[serde(flatten)]
    pub meta: Meta,
    /// `web_app` or `function_app`.
    pub kind: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `https_only`: plain HTTP requests are redirected to HTTPS; `false` when not written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub https_only: Option<bool>,
    /// `site_config.minimum_tls_version` (`site_config.min_tls_version` of the retired types): `1.0`,
    /// `1.1`, `1.2`, `1.3`; `1.2` when not written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_tls_version: Option<String>,
    /// `site_config.scm_minimum_tls_version` (`scm_min_tls_version` of the retired types): the same
    /// for the deployment (Kudu) endpoint; `1.2` when not written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scm_min_tls_version: Option<String>,
}

entity!(WebApp);
