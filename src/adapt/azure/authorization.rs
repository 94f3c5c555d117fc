//! Role assignments (which role, at which scope, to what kind of principal) and custom role
//! definitions (which actions, assignable where).

use crate::adapt::{string, strings, Field, Res, Source, Tracker};
use crate::model::azure::{RoleAssignment, RoleDefinition};
use crate::terraform::value::Value;

/// Built-in roles by their definition GUID (the same in every tenant).
const BUILT_IN: &[(&str, &str)] = &[
    ("8e3af657-a8ff-443c-a75c-2fe8c4bcb635", "Owner"),
    ("b24988ac-6180-42a0-ab88-20f7382dd24c", "Contributor"),
    (
        "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9",
        "User Access Administrator",
    ),
];

/// The level of an Azure resource ID used as a scope.
fn scope_level(scope: &str) -> &'static str {
    let parts: Vec<&str> = scope
        .trim_end_matches('/')
        .split('/')
        .filter(|p| !p.is_empty())
        .collect();
    match parts.as_slice() {
        [] => "/",
        [p, _] if p.eq_ignore_ascii_case("subscriptions") => "subscription",
        [p, _, r, _]
            if p.eq_ignore_ascii_case("subscriptions")
                && r.eq_ignore_ascii_case("resourcegroups") =>
        {
            "resource_group"
        }
        [pr, mp, mg, _]
            if pr.eq_ignore_ascii_case("providers")
                && mp.eq_ignore_ascii_case("microsoft.management")
                && mg.eq_ignore_ascii_case("managementgroups") =>
        {
            "management_group"
        }
        _ => "resource",
    }
}

/// The level of the resource type a reference names: `azurerm_subscription.x`,
/// `data.azurerm_subscription.x`, `module.m.azurerm_resource_group.y`.
fn referenced_level(address: &str) -> &'static str {
    let parts: Vec<&str> = address.split('.').collect();
    // The type is the second-to-last part (`type.name`), an index aside.
    let rtype = parts.len().checked_sub(2).and_then(|i| parts.get(i));
    match rtype.copied().unwrap_or_default() {
        "azurerm_subscription" => "subscription",
        "azurerm_management_group" => "management_group",
        "azurerm_resource_group" => "resource_group",
        _ => "resource",
    }
}

/// A scope attribute: as written (or `address.attr` for a reference, which tells the level by the
/// referenced resource's type), and its level.
fn scope(r: &Res, t: &mut Tracker, attr: &str) -> (Option<String>, Option<String>) {
    match r.attr(attr) {
        Some((Value::Ref(reference), span)) => {
            t.at(attr, span);
            (
                Some(format!("{}.{}", reference.address, reference.attr)),
                Some(referenced_level(&reference.address).to_string()),
            )
        }
        _ => {
            let scope = t.field(r, attr, attr, string).known();
            let level = scope.as_deref().map(|s| scope_level(s).to_string());
            (scope, level)
        }
    }
}

/// One element of a list of scopes: its level, or `None` when it is unknown.
fn element_level(v: &Value) -> Option<String> {
    match v {
        Value::Ref(reference) => Some(referenced_level(&reference.address).to_string()),
        Value::String(s) => Some(scope_level(s).to_string()),
        _ => None,
    }
}

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    assignments(src);
    definitions(src);
}

fn assignments<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for item in src.items("azurerm_role_assignment", "") {
        let r = &item.res;
        let mut t = item.tracker();
        let (scope, level) = scope(r, &mut t, "scope");
        let path = "role_definition_name";
        let role = match t.field(r, path, path, string) {
            Field::NotWritten => t
                .field(r, "role_definition_id", path, string)
                .known()
                .map(|id| {
                    let id = id.to_ascii_lowercase();
                    BUILT_IN
                        .iter()
                        .find(|(guid, _)| id.ends_with(guid))
                        .map_or(id.clone(), |(_, n)| n.to_string())
                }),
            f => f.known(),
        };
        let principal_type = t
            .field(r, "principal_type", "principal_type", string)
            .known();
        let mut a = RoleAssignment {
            scope,
            scope_level: level,
            role_definition_name: role,
            principal_type,
            ..RoleAssignment::default()
        };
        a.meta = t.finish(src.locations());
        src.model().azure.authorization.role_assignments.push(a);
    }
}

fn definitions<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for item in src.items("azurerm_role_definition", "") {
        let r = &item.res;
        let mut t = item.tracker();
        let name = t.field(r, "name", "name", string).known();
        let (scope, level) = scope(r, &mut t, "scope");
        let path = "assignable_scope_levels";
        let assignable = match r.attr("assignable_scopes") {
            None => {
                t.left_out(path, "assignable_scopes");
                Some(Vec::new())
            }
            Some((v, span)) => {
                t.at(path, span);
                match v {
                    Value::List(items) => items.iter().map(element_level).collect(),
                    Value::Null => Some(Vec::new()),
                    _ => None,
                }
            }
        };
        if assignable.is_none() {
            t.mark_unknown(path);
        }
        let (mut actions, mut not_actions) = (Some(Vec::new()), Some(Vec::new()));
        match t.blocks(r, "permissions", "actions") {
            Field::Known(blocks) => {
                for b in &blocks {
                    for (attr, list) in
                        [("actions", &mut actions), ("not_actions", &mut not_actions)]
                    {
                        match t.field(b, attr, attr, strings) {
                            Field::Known(v) => {
                                if let Some(l) = list.as_mut() {
                                    l.extend(v);
                                }
                            }
                            Field::Unknown => *list = None,
                            Field::NotWritten => {}
                        }
                    }
                }
            }
            Field::Unknown => {
                t.mark_unknown("not_actions");
                actions = None;
                not_actions = None;
            }
            Field::NotWritten => {}
        }
        let mut d = RoleDefinition {
            name,
            scope,
            scope_level: level,
            assignable_scope_levels: assignable,
            actions,
            not_actions,
            ..RoleDefinition::default()
        };
        d.meta = t.finish(src.locations());
        src.model().azure.authorization.role_definitions.push(d);
    }
}

#[cfg(test)]
mod tests {
    use super::{referenced_level, scope_level};

    #[test]
    fn referenced_levels() {
        assert_eq!(
            referenced_level("azurerm_subscription.main"),
            "subscription"
        );
        assert_eq!(
            referenced_level("data.azurerm_subscription.current"),
            "subscription"
        );
        assert_eq!(
            referenced_level("module.m.azurerm_resource_group.rg[0]"),
            "resource_group"
        );
        assert_eq!(
            referenced_level("module.m.azurerm_resource_group.rg"),
            "resource_group"
        );
        assert_eq!(referenced_level("azurerm_storage_account.s"), "resource");
        assert_eq!(referenced_level(""), "resource");
    }

    #[test]
    fn scope_levels() {
        assert_eq!(scope_level("/subscriptions/0000"), "subscription");
        assert_eq!(scope_level("/subscriptions/0000/"), "subscription");
        assert_eq!(
            scope_level("/subscriptions/0000/resourceGroups/rg"),
            "resource_group"
        );
        assert_eq!(
            scope_level("/providers/Microsoft.Management/managementGroups/root"),
            "management_group"
        );
        assert_eq!(
            scope_level(
                "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/s"
            ),
            "resource"
        );
        assert_eq!(scope_level("/"), "/");
    }
}
