//! App Service web apps and function apps: whether they redirect HTTP to HTTPS and which TLS
//! versions their endpoints accept.

use crate::adapt::{boolean, string, Field, Source};
use crate::model::azure::WebApp;

/// App types: (Terraform type, kind, whether `site_config` spells the TLS arguments the retired way:
/// `min_tls_version`, `scm_min_tls_version`).
const APPS: &[(&str, &str, bool)] = &[
    ("azurerm_linux_web_app", "web_app", false),
    ("azurerm_windows_web_app", "web_app", false),
    ("azurerm_linux_web_app_slot", "web_app", false),
    ("azurerm_windows_web_app_slot", "web_app", false),
    ("azurerm_linux_function_app", "function_app", false),
    ("azurerm_windows_function_app", "function_app", false),
    ("azurerm_linux_function_app_slot", "function_app", false),
    ("azurerm_windows_function_app_slot", "function_app", false),
    ("azurerm_app_service", "web_app", true),
    ("azurerm_app_service_slot", "web_app", true),
    ("azurerm_function_app", "function_app", true),
    ("azurerm_function_app_slot", "function_app", true),
];

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for (rtype, kind, retired) in APPS {
        let (tls_attr, scm_attr) = if *retired {
            ("min_tls_version", "scm_min_tls_version")
        } else {
            ("minimum_tls_version", "scm_minimum_tls_version")
        };
        for item in src.items(rtype, "") {
            let r = &item.res;
            let mut t = item.tracker();
            let name = t.field(r, "name", "name", string).known();
            let https = t
                .field(r, "https_only", "https_only", boolean)
                .or_default(false);
            let (tls, scm) = match t.block(r, "site_config", "site_config") {
                Field::Known(c) => (
                    t.field(&c, tls_attr, "min_tls_version", string)
                        .or_default("1.2".to_string()),
                    t.field(&c, scm_attr, "scm_min_tls_version", string)
                        .or_default("1.2".to_string()),
                ),
                Field::NotWritten => (Some("1.2".to_string()), Some("1.2".to_string())),
                Field::Unknown => {
                    t.mark_unknown("min_tls_version");
                    t.mark_unknown("scm_min_tls_version");
                    (None, None)
                }
            };
            let mut a = WebApp {
                kind: kind.to_string(),
                name,
                https_only: https,
                min_tls_version: tls,
                scm_min_tls_version: scm,
                ..WebApp::default()
            };
            a.meta = t.finish(src.locations());
            src.model().azure.web.apps.push(a);
        }
    }
}
