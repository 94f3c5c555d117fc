package preflight.azure.messaging.namespace_old_tls_test

import data.preflight.azure.messaging.namespace_old_tls as p

namespace(extra) := object.union({"id": "azurerm_servicebus_namespace.orders", "label": "orders", "unknown": [], "service": "servicebus"}, extra)

deny_for(n) := results if {
	results := p.deny with input as {"azure": {"messaging": {"namespaces": [n]}}}
}

test_tls_1_0_denied if {
	results := deny_for(namespace({"min_tls_version": "1.0"}))
	count(results) == 1
	some r in results
	r.path == "min_tls_version"
	r.message == "Service Bus namespace `orders` accepts TLS 1.0, below 1.2"
}

test_tls_1_2_allowed if count(deny_for(namespace({"min_tls_version": "1.2"}))) == 0

test_unknown_silent if count(deny_for(namespace({"unknown": ["min_tls_version"]}))) == 0
