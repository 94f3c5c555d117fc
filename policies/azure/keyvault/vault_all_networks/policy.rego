# METADATA
# title: Key Vault accepts connections from all networks
# description: |
#   A Key Vault without `network_acls` (or with `default_action = "Allow"`) and with public network
#   access on answers requests from any address on the internet. Keys, secrets and certificates are then
#   one leaked token or over-broad access policy away from being read from anywhere. Restricting the
#   firewall to known networks or private endpoints adds a second barrier to the identity check. Medium:
#   every request still needs an Entra ID token with access to the vault.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/key-vault/general/network-security
# custom:
#   id: AZURE-KEYVAULT-001
#   name: key-vault-all-networks
#   severity: medium
#   category: public-access
#   recommended_action: |
#     Add a `network_acls` block with `default_action = "Deny"`, `bypass = "AzureServices"` and the
#     `ip_rules` / `virtual_network_subnet_ids` that need the vault, or set
#     `public_network_access_enabled = false` and use a private endpoint.
#   frameworks:
#     - CIS Microsoft Azure Foundations Benchmark 8.7
package preflight.azure.keyvault.vault_all_networks

import data.preflight.lib

deny contains lib.result(v, "network_default_action", msg) if {
	some v in input.azure.keyvault.vaults
	v.public_network_access_enabled == true
	lower(v.network_default_action) == "allow"
	msg := sprintf("Key Vault `%s` accepts connections from all networks", [v.label])
}
