//! Network security groups (with inline `security_rule` blocks) and `azurerm_network_security_rule`.

use crate::adapt::{number, string, strings, Field, Fields, ObjectFields, Source, Tracker};
use crate::model::azure::network::{PortRange, RuleFields};
use crate::model::azure::{NetworkSecurityGroup, SecurityRule};
use crate::terraform::value::Value;
use std::collections::HashMap;

/// Reads a rule's fields from `r` into model paths under `prefix` (`security_rule[0].` or empty).
fn rule(t: &mut Tracker, r: &impl Fields, prefix: &str) -> RuleFields {
    let mut s = |attr: &str| t.field(r, attr, &format!("{prefix}{attr}"), string).known();
    let name = s("name");
    let direction = s("direction");
    let access = s("access");
    let protocol = s("protocol");
    let source_address_prefix = s("source_address_prefix");
    let destination_port_range = s("destination_port_range");
    let mut list = |attr: &str| {
        // An empty list is the same as not writing it.
        match t.field(r, attr, &format!("{prefix}{attr}"), strings) {
            Field::Known(v) if !v.is_empty() => Some(v),
            _ => None,
        }
    };
    let source_address_prefixes = list("source_address_prefixes");
    let destination_port_ranges = list("destination_port_ranges");
    let mut ports = Vec::new();
    // An unknown port field leaves the numeric ranges unknown too (the probe of `--show-unknown`
    // tries values there).
    for field in ["destination_port_range", "destination_port_ranges"] {
        if t.is_unknown(&format!("{prefix}{field}")) {
            t.mark_unknown(format!("{prefix}ports"));
        }
    }
    for (field, specs) in [
        (
            "destination_port_range",
            destination_port_range.iter().cloned().collect::<Vec<_>>(),
        ),
        (
            "destination_port_ranges",
            destination_port_ranges.clone().unwrap_or_default(),
        ),
    ] {
        for spec in specs {
            match port_range(&spec) {
                Some((from_port, to_port)) => ports.push(PortRange {
                    from_port,
                    to_port,
                    field: field.to_string(),
                }),
                None => {
                    let path = format!("{prefix}{field}");
                    t.mark_unknown(path.clone());
                    t.mark_unknown(format!("{prefix}ports"));
                    t.explain(
                        &path,
                        vec![format!("`{spec}` is not a port or a port range")],
                    );
                }
            }
        }
    }
    let priority = t
        .field(r, "priority", &format!("{prefix}priority"), number)
        .known();
    RuleFields {
        name,
        priority,
        direction,
        access,
        protocol,
        source_address_prefix,
        source_address_prefixes,
        destination_port_range,
        destination_port_ranges,
        ports,
    }
}

/// `*`, `22` or `1000-2000` as an inclusive range.
fn port_range(spec: &str) -> Option<(u32, u32)> {
    let spec = spec.trim();
    if spec == "*" {
        return Some((0, 65535));
    }
    let (from, to) = spec.split_once('-').unwrap_or((spec, spec));
    let (from, to) = (from.trim().parse().ok()?, to.trim().parse().ok()?);
    (from <= to && to <= 65535).then_some((from, to))
}

/// How a group is found by the rules that name it: its name (Azure names are not case-sensitive) or
/// a reference, with its resource group the same way.
fn join_key(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.to_ascii_lowercase()),
        Value::Ref(r) => Some(format!("{}.{}", r.address, r.attr)),
        _ => None,
    }
}

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    // (name, resource group) → group id; name → the ids of the groups of that name.
    let mut by_name_rg: HashMap<(String, String), String> = HashMap::new();
    let mut by_name: HashMap<String, Vec<String>> = HashMap::new();
    let mut addresses: HashMap<String, String> = HashMap::new();
    for item in src.items("azurerm_network_security_group", "") {
        let r = &item.res;
        let mut t = item.tracker();
        let name = t.field(r, "name", "name", string).known();
        let name_key = r.attr("name").and_then(|(v, _)| join_key(&v));
        let rg_key = r
            .attr("resource_group_name")
            .and_then(|(v, _)| join_key(&v));
        let id = t.id().to_string();
        if let Some(n) = &name_key {
            if let Some(rg) = &rg_key {
                by_name_rg.insert((n.clone(), rg.clone()), id.clone());
            }
            by_name.entry(n.clone()).or_default().push(id.clone());
        }
        addresses.insert(item.address.clone(), id.clone());
        let mut rules = Vec::new();
        // `security_rule` is written as blocks, or as a list of objects (an attribute).
        match r.attr("security_rule") {
            Some((Value::List(items), span)) => {
                for (i, v) in items.iter().enumerate() {
                    let prefix = format!("security_rule[{i}].");
                    match v {
                        Value::Object(map) => {
                            let fields = ObjectFields {
                                map,
                                span: span.clone(),
                            };
                            rules.push(rule(&mut t, &fields, &prefix));
                        }
                        _ => {
                            t.at(format!("security_rule[{i}]"), span.clone());
                            t.mark_unknown(format!("security_rule[{i}]"));
                            rules.push(RuleFields::default());
                        }
                    }
                }
            }
            Some((Value::Null, _)) => {}
            Some((_, span)) => {
                t.at("security_rule", span);
                t.mark_unknown("security_rule");
            }
            None => {
                if let Field::Known(blocks) = t.blocks(r, "security_rule", "security_rule") {
                    for (i, b) in blocks.iter().enumerate() {
                        t.at(format!("security_rule[{i}]"), b.span.clone());
                        rules.push(rule(&mut t, b, &format!("security_rule[{i}].")));
                    }
                }
            }
        }
        let mut g = NetworkSecurityGroup {
            name,
            security_rule: rules,
            ..NetworkSecurityGroup::default()
        };
        g.meta = t.finish(src.locations());
        src.model().azure.network.security_groups.push(g);
    }
    for item in src.items("azurerm_network_security_rule", "") {
        let mut t = item.tracker();
        let fields = rule(&mut t, &item.res, "rule.");
        // The group of the scan the rule belongs to: the one it refers to, else the one with its name
        // in its resource group, else the only one with its name.
        let group_value = item.res.attr("network_security_group_name").map(|(v, _)| v);
        let group = match &group_value {
            Some(Value::Ref(r)) if addresses.contains_key(&r.address) => {
                addresses.get(&r.address).cloned()
            }
            Some(v) => join_key(v).and_then(|n| {
                let rg = item
                    .res
                    .attr("resource_group_name")
                    .and_then(|(v, _)| join_key(&v));
                rg.and_then(|rg| by_name_rg.get(&(n.clone(), rg)).cloned())
                    .or_else(|| match by_name.get(&n) {
                        Some(ids) if ids.len() == 1 => ids.first().cloned(),
                        _ => None,
                    })
            }),
            None => None,
        };
        let mut r = SecurityRule {
            rule: fields,
            group,
            ..SecurityRule::default()
        };
        r.meta = t.finish(src.locations());
        src.model().azure.network.security_rules.push(r);
    }
}

#[cfg(test)]
mod tests {
    use super::port_range;

    #[test]
    fn port_ranges() {
        assert_eq!(port_range("*"), Some((0, 65535)));
        assert_eq!(port_range("22"), Some((22, 22)));
        assert_eq!(port_range(" 1000 - 2000 "), Some((1000, 2000)));
        assert_eq!(port_range("2000-1000"), None);
        assert_eq!(port_range("ssh"), None);
        assert_eq!(port_range("70000"), None);
    }
}
