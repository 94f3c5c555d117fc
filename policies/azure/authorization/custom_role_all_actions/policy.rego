# METADATA
# title: Custom role allows every action at subscription scope or above
# description: |
#   A custom role whose `actions` include `*` allows every management operation on every resource
#   type: reading storage and database keys, opening networks, deleting resources and, unless
#   `not_actions` takes them out, writing role assignments, which makes it an Owner under another
#   name. Defined assignable at a subscription, a management group or the root scope, it can be given
#   to anyone for all of that at once, and reviews that look for Owner assignments do not see it.
#   Custom roles should list the operations a job needs. Low: the definition grants nothing until it
#   is assigned; the finding is its breadth. A role assignable only at resource groups or resources
#   is not reported.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/role-based-access-control/custom-roles
# custom:
#   id: AZURE-AUTHORIZATION-002
#   name: custom-role-all-actions
#   severity: low
#   category: sharing
#   recommended_action: |
#     List the operations the role needs in `permissions.actions` of the azurerm_role_definition instead
#     of `*`, and narrow `assignable_scopes` to the resource groups where it is used; for full control
#     assign the built-in Owner role through Privileged Identity Management.
#   frameworks:
#     - CIS Microsoft Azure Foundations Benchmark 1.23
package preflight.azure.authorization.custom_role_all_actions

import data.preflight.lib

deny contains lib.result(d, "actions", msg) if {
	some d in input.azure.authorization.role_definitions
	"*" in d.actions
	broad := [scopes[l] | some l in assignable_levels(d); scopes[l]]
	count(broad) > 0
	msg := sprintf("Custom role `%s` allows every action (`*`) and can be assigned at %s", [d.label, concat(" and ", sort({b | some b in broad}))])
}

# Where the role can be assigned: its `assignable_scopes`, or its `scope` when none is written.
assignable_levels(d) := d.assignable_scope_levels if count(d.assignable_scope_levels) > 0

assignable_levels(d) := [d.scope_level] if count(d.assignable_scope_levels) == 0

scopes := {
	"subscription": "a whole subscription",
	"management_group": "a whole management group",
	"/": "the root scope",
}
