# METADATA
# title: Event Hubs or Service Bus namespace accepts TLS 1.0 or 1.1
# description: |
#   TLS 1.0 and 1.1 are deprecated (RFC 8996). A namespace whose minimum TLS version is below 1.2 lets
#   a client, or an attacker who can force a downgrade, carry keys, tokens and message bodies over
#   them. The provider sets 1.2 when the argument is left out, so only a version written in the code
#   is reported. Medium: exploiting it needs a position on the network path.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/event-hubs/transport-layer-security-configure-minimum-version
#   - ref: https://learn.microsoft.com/en-us/azure/service-bus-messaging/transport-layer-security-configure-minimum-version
# custom:
#   id: AZURE-MESSAGING-002
#   name: messaging-namespace-old-tls
#   severity: medium
#   category: encryption
#   recommended_action: |
#     Set `minimum_tls_version = "1.2"` on the azurerm_eventhub_namespace or azurerm_servicebus_namespace
#     (or leave it out) and update clients that still use older versions.
package preflight.azure.messaging.namespace_old_tls

import data.preflight.lib

deny contains lib.result(n, "min_tls_version", msg) if {
	some n in input.azure.messaging.namespaces
	n.min_tls_version in {"1.0", "1.1"}
	msg := sprintf("%s `%s` accepts TLS %s, below 1.2", [services[n.service], n.label, n.min_tls_version])
}

services := {"eventhub": "Event Hubs namespace", "servicebus": "Service Bus namespace"}
