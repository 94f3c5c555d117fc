# METADATA
# title: Container registry accepts connections from all networks
# description: |
#   A registry with public network access and no network rule set that denies by default can be
#   reached from any address on the internet. Its credentials (admin passwords, tokens, service
#   principal secrets) then work from anywhere once leaked, and the registry's login endpoint can be
#   attacked from anywhere. A registry that serves clusters and pipelines inside Azure can be limited
#   to private endpoints, or (Premium) to listed networks. The provider enables public access and
#   allows all networks unless told otherwise. Low: every pull and push still needs a credential
#   unless anonymous pull is on (AZURE-CONTAINERREGISTRY-002), and many registries serve build
#   systems outside Azure by design.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/container-registry/container-registry-access-selected-networks
# custom:
#   id: AZURE-CONTAINERREGISTRY-003
#   name: container-registry-all-networks
#   severity: low
#   category: public-access
#   recommended_action: |
#     Set `public_network_access_enabled = false` on the azurerm_container_registry and reach it through
#     an azurerm_private_endpoint, or (Premium) add a `network_rule_set` block with
#     `default_action = "Deny"` and the `ip_rule` ranges that need access.
package preflight.azure.containerregistry.all_networks

import data.preflight.lib

deny contains lib.result(r, "network_default_action", msg) if {
	some r in input.azure.containerregistry.registries
	r.public_network_access_enabled == true
	lower(r.network_default_action) == "allow"
	msg := sprintf("Container registry `%s` accepts connections from all networks", [r.label])
}
