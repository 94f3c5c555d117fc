//! Role assignments: which role, at which scope, to what kind of principal.

use crate::adapt::{string, Field, Source};
use crate::model::azure::RoleAssignment;
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

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for item in src.items("azurerm_role_assignment", "") {
        let r = &item.res;
        let mut t = item.tracker();
        // A reference to a resource created alongside tells the level by the resource's type.
        let (scope, level) = match r.attr("scope") {
            Some((Value::Ref(reference), span)) => {
                t.at("scope", span);
                let rtype = reference.address.split('.').next().unwrap_or_default();
                let level = match rtype {
                    "azurerm_subscription" => "subscription",
                    "azurerm_management_group" => "management_group",
                    "azurerm_resource_group" => "resource_group",
                    _ => "resource",
                };
                (
                    Some(format!("{}.{}", reference.address, reference.attr)),
                    Some(level.to_string()),
                )
            }
            _ => {
                let scope = t.field(r, "scope", "scope", string).known();
                let level = scope.as_deref().map(|s| scope_level(s).to_string());
                (scope, level)
            }
        };
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

#[cfg(test)]
mod tests {
    use super::scope_level;

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
