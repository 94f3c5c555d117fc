//! Role assignments (`azure.authorization`).

use crate::model::Meta;
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Authorization {
    pub role_assignments: Vec<RoleAssignment>,
    pub role_definitions: Vec<RoleDefinition>,
}

/// An `azurerm_role_assignment`.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct RoleAssignment {
    #[serde(flatten)]
    pub meta: Meta,
    /// The scope as written, or `address.attr` for a reference to a resource in the code
    /// (`azurerm_resource_group.app.id`); a data source's ID (`data.azurerm_subscription.x.id`) is
    /// unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// `/`, `management_group`, `subscription`, `resource_group` or `resource`, from `scope` (or the
    /// type of the resource it references).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope_level: Option<String>,
    /// `role_definition_name`, or the built-in role a `role_definition_id` names (`Owner`,
    /// `Contributor`, `User Access Administrator` by their well-known GUIDs).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role_definition_name: Option<String>,
    /// `User`, `Group` or `ServicePrincipal`, when written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub principal_type: Option<String>,
}

/// An `azurerm_role_definition` (a custom role).
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct RoleDefinition {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The scope the role is defined at, as [`RoleAssignment::scope`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// The level of `scope`, as [`RoleAssignment::scope_level`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope_level: Option<String>,
    /// The levels of the `assignable_scopes` (`[]` when not written: the role is assignable at its
    /// `scope`). Unknown when one of them is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assignable_scope_levels: Option<Vec<String>>,
    /// The `actions` of every `permissions` block; `[]` when none is written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actions: Option<Vec<String>>,
    /// The `not_actions` of every `permissions` block; `[]` when none is written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_actions: Option<Vec<String>>,
}

entity!(RoleAssignment, RoleDefinition);
