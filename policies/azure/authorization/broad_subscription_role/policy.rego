# METADATA
# title: Owner, Contributor or User Access Administrator assigned at subscription scope or above
# description: |
#   A role assignment of Owner, Contributor or User Access Administrator at a subscription, a management
#   group or the root scope gives the principal control of every resource underneath, including ones
#   created later: it can read storage keys and secrets, open networks, or (Owner, User Access
#   Administrator) grant itself and others any role. A group, or a pipeline's service principal, with
#   such a role makes every member or every leaked credential a subscription administrator. Scoping to
#   resource groups and narrower built-in roles limits what one mistake exposes. Low: the principal is
#   usually meant to be trusted; the finding is the breadth. A scope read from a data source
#   (`data.azurerm_subscription.current.id`) is unknown until plan, but its level is not: the ID of a
#   subscription data source is a subscription scope.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/role-based-access-control/best-practices
# custom:
#   id: AZURE-AUTHORIZATION-001
#   name: role-assignment-privileged-at-subscription
#   severity: low
#   category: sharing
#   recommended_action: |
#     Set `scope` of the azurerm_role_assignment to the resource groups or resources the principal needs,
#     and `role_definition_name` to a narrower built-in role (Reader, a service's Contributor role); grant
#     standing subscription-wide administration through Privileged Identity Management instead.
package preflight.azure.authorization.broad_subscription_role

import data.preflight.lib

deny contains lib.result(a, "role_definition_name", msg) if {
	some a in input.azure.authorization.role_assignments
	some role in privileged
	lower(a.role_definition_name) == lower(role)
	where := scopes[a.scope_level]
	msg := sprintf("Role assignment `%s` grants %s on %s%s", [a.label, role, where, principal(a)])
}

privileged := {"Owner", "Contributor", "User Access Administrator"}

scopes := {
	"subscription": "a whole subscription",
	"management_group": "a whole management group",
	"/": "the root scope",
}

principal_types := {"Group": "a group", "User": "a user", "ServicePrincipal": "a service principal"}

principal(a) := sprintf(" to %s", [principal_types[a.principal_type]])

principal(a) := "" if not principal_types[a.principal_type]
