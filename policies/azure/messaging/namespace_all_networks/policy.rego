# METADATA
# title: Event Hubs or Service Bus namespace accepts connections from all networks
# description: |
#   A namespace with public network access and no network rule set that denies by default takes
#   connections from any address on the internet. Its shared access keys and connection strings, which
#   end up in application settings, pipelines and laptops, then work from anywhere once one leaks:
#   whoever holds one can read every message or event, or send forged ones that consumers trust.
#   Namespaces that serve workloads in Azure can be reached through private endpoints, or limited to
#   listed networks and addresses. The provider enables public access and allows all networks unless
#   told otherwise. Medium: every connection still needs a key or an Entra identity.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/event-hubs/network-security
#   - ref: https://learn.microsoft.com/en-us/azure/service-bus-messaging/network-security
# custom:
#   id: AZURE-MESSAGING-001
#   name: messaging-namespace-all-networks
#   severity: medium
#   category: public-access
#   recommended_action: |
#     Set `public_network_access_enabled = false` on the azurerm_eventhub_namespace or
#     azurerm_servicebus_namespace and reach it through an azurerm_private_endpoint, or add a
#     `network_rulesets` (Event Hubs) or `network_rule_set` (Service Bus) block with
#     `default_action = "Deny"` and the networks that need access.
package preflight.azure.messaging.namespace_all_networks

import data.preflight.lib

deny contains lib.result(n, "network_default_action", msg) if {
	some n in input.azure.messaging.namespaces
	n.public_network_access_enabled == true
	lower(n.network_default_action) == "allow"
	msg := sprintf("%s `%s` accepts connections from all networks", [services[n.service], n.label])
}

services := {"eventhub": "Event Hubs namespace", "servicebus": "Service Bus namespace"}
