package preflight.azure.authorization.broad_subscription_role_test

import data.preflight.azure.authorization.broad_subscription_role as p

assignment(extra) := object.union(
	{
		"id": "azurerm_role_assignment.ops", "label": "ops", "unknown": [],
		"scope": "/subscriptions/00000000-0000-0000-0000-000000000000", "scope_level": "subscription",
		"role_definition_name": "Owner",
	},
	extra,
)

deny_for(a) := results if {
	results := p.deny with input as {"azure": {"authorization": {"role_assignments": [a]}}}
}

test_owner_on_subscription_denied if {
	results := deny_for(assignment({"principal_type": "Group"}))
	count(results) == 1
	some r in results
	r.path == "role_definition_name"
	r.message == "Role assignment `ops` grants Owner on a whole subscription to a group"
}

test_contributor_on_management_group_denied if {
	results := deny_for(assignment({"role_definition_name": "contributor", "scope_level": "management_group"}))
	some r in results
	r.message == "Role assignment `ops` grants Contributor on a whole management group"
}

test_resource_group_allowed if count(deny_for(assignment({"scope_level": "resource_group"}))) == 0

test_reader_allowed if count(deny_for(assignment({"role_definition_name": "Reader"}))) == 0

test_unknown_scope_silent if {
	a := object.remove(assignment({"unknown": ["scope"]}), ["scope", "scope_level"])
	count(deny_for(a)) == 0
}
