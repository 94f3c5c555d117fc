# METADATA
# title: Storage account accepts connections from all networks
# description: |
#   A storage account's firewall admits every network unless `network_rules` (or an
#   azurerm_storage_account_network_rules resource) sets `default_action = "Deny"`, or public network
#   access is turned off. Open to all networks, the account's blob, file, queue and table endpoints take
#   requests from anywhere on the internet: a leaked account key, SAS token or over-broad role assignment
#   can then be used from any address, and nothing narrows who can even try. Medium: every request still
#   needs a credential unless a container is public.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/storage/common/storage-network-security
# custom:
#   id: AZURE-STORAGE-003
#   name: storage-account-all-networks
#   severity: medium
#   category: public-access
#   recommended_action: |
#     Add a `network_rules` block with `default_action = "Deny"` and the `ip_rules` and
#     `virtual_network_subnet_ids` that need access (`bypass = ["AzureServices"]` for trusted Azure
#     services), or set `public_network_access_enabled = false` and reach the account through a private
#     endpoint.
#   frameworks:
#     - CIS Microsoft Azure Foundations Benchmark 3.8
package preflight.azure.storage.account_all_networks

import data.preflight.lib

deny contains lib.result(a, "network_default_action", msg) if {
	some a in input.azure.storage.accounts
	a.public_network_access_enabled == true
	lower(a.network_default_action) == "allow"
	msg := sprintf("Storage account `%s` accepts connections from all networks", [a.label])
}
