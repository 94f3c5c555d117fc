package preflight.azure.messaging.namespace_all_networks_test

import data.preflight.azure.messaging.namespace_all_networks as p

namespace(extra) := object.union(
	{"id": "azurerm_eventhub_namespace.events", "label": "events", "unknown": [], "service": "eventhub", "public_network_access_enabled": true, "network_default_action": "Allow"},
	extra,
)

deny_for(n) := results if {
	results := p.deny with input as {"azure": {"messaging": {"namespaces": [n]}}}
}

test_all_networks_denied if {
	results := deny_for(namespace({}))
	count(results) == 1
	some r in results
	r.path == "network_default_action"
	r.message == "Event Hubs namespace `events` accepts connections from all networks"
}

test_service_bus_named if {
	some r in deny_for(namespace({"service": "servicebus"}))
	startswith(r.message, "Service Bus namespace `events`")
}

test_private_allowed if count(deny_for(namespace({"public_network_access_enabled": false}))) == 0

test_deny_by_default_allowed if count(deny_for(namespace({"network_default_action": "Deny"}))) == 0

test_unknown_action_silent if {
	n := json.remove(namespace({"unknown": ["network_default_action"]}), ["network_default_action"])
	count(deny_for(n)) == 0
}
