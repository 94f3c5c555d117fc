//! Event Hubs and Service Bus namespaces: network access and the minimum TLS version.

use super::{names, parent};
use crate::adapt::{boolean, string, Field, Source, Target};
use crate::model::azure::MessagingNamespace;

/// Namespace types: (Terraform type, service, inline network rule block, separate network rule set
/// resource).
const NAMESPACES: &[(&str, &str, &str, &str)] = &[
    (
        "azurerm_eventhub_namespace",
        "eventhub",
        "network_rulesets",
        "",
    ),
    (
        "azurerm_servicebus_namespace",
        "servicebus",
        "network_rule_set",
        "azurerm_servicebus_namespace_network_rule_set",
    ),
];

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for (rtype, service, block, companion_type) in NAMESPACES {
        let companions: Vec<_> = if companion_type.is_empty() {
            Vec::new()
        } else {
            src.items(companion_type, "")
                .into_iter()
                .map(|c| (parent(&c.res, &["namespace_id"]), c.res))
                .collect()
        };
        for item in src.items(rtype, "") {
            let r = &item.res;
            let mut t = item.tracker();
            let name = t.field(r, "name", "name", string).known();
            let mut public = super::public_network_access(&mut t, r);
            let path = "network_default_action";
            let action = match t.block(r, *block, path) {
                Field::Known(rules) => {
                    // Provider 3's Service Bus rule set could turn public access off on its own.
                    let inner = "public_network_access_enabled";
                    if rules.attr(inner).is_some() {
                        match t.field(&rules, inner, inner, boolean) {
                            Field::Known(false) => public = Some(false),
                            Field::Known(true) | Field::NotWritten => {}
                            Field::Unknown if public == Some(true) => public = None,
                            Field::Unknown => {}
                        }
                    }
                    t.field(&rules, "default_action", path, string)
                        .or_default("Allow".to_string())
                }
                Field::Unknown => None,
                Field::NotWritten => {
                    let mine = companions
                        .iter()
                        .find(|(target, _)| names(target, &item.address, name.as_deref()));
                    match mine {
                        Some((_, c)) => t
                            .field(c, "default_action", path, string)
                            .or_default("Allow".to_string()),
                        // A rule set whose namespace cannot be told may be this one's.
                        None if companions
                            .iter()
                            .any(|(target, _)| matches!(target, Target::Unknown)) =>
                        {
                            t.mark_unknown(path);
                            None
                        }
                        None => Some("Allow".to_string()),
                    }
                }
            };
            let path = "min_tls_version";
            let tls = t
                .field(r, "minimum_tls_version", path, string)
                .or_default("1.2".to_string());
            let mut n = MessagingNamespace {
                service: service.to_string(),
                name,
                public_network_access_enabled: public,
                network_default_action: action,
                min_tls_version: tls,
                ..MessagingNamespace::default()
            };
            n.meta = t.finish(src.locations());
            src.model().azure.messaging.namespaces.push(n);
        }
    }
}
