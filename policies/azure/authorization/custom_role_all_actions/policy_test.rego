package preflight.azure.authorization.custom_role_all_actions_test

import data.preflight.azure.authorization.custom_role_all_actions as p

role(extra) := object.union(
	{"id": "azurerm_role_definition.ops", "label": "ops", "unknown": [], "actions": ["*"], "not_actions": [], "assignable_scope_levels": [], "scope_level": "subscription"},
	extra,
)

deny_for(d) := results if {
	results := p.deny with input as {"azure": {"authorization": {"role_definitions": [d], "role_assignments": []}}}
}

test_all_actions_at_subscription_denied if {
	results := deny_for(role({}))
	count(results) == 1
	some r in results
	r.path == "actions"
	r.message == "Custom role `ops` allows every action (`*`) and can be assigned at a whole subscription"
}

test_assignable_at_management_group_denied if {
	some r in deny_for(role({"scope_level": "resource_group", "assignable_scope_levels": ["resource_group", "management_group"]}))
	endswith(r.message, "can be assigned at a whole management group")
}

test_narrow_assignable_scopes_allowed if count(deny_for(role({"assignable_scope_levels": ["resource_group"]}))) == 0

test_resource_group_scope_allowed if count(deny_for(role({"scope_level": "resource_group"}))) == 0

test_listed_actions_allowed if count(deny_for(role({"actions": ["Microsoft.Compute/virtualMachines/read"]}))) == 0

test_unknown_actions_silent if {
	d := json.remove(role({"unknown": ["actions"]}), ["actions"])
	count(deny_for(d)) == 0
}

test_unknown_scope_silent if {
	d := json.remove(role({"unknown": ["scope"]}), ["scope_level"])
	count(deny_for(d)) == 0
}

test_unknown_assignable_scopes_silent if {
	d := json.remove(role({"unknown": ["assignable_scope_levels"]}), ["assignable_scope_levels"])
	count(deny_for(d)) == 0
}
