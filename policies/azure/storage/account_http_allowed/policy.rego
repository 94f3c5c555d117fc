# METADATA
# title: Storage account accepts unencrypted HTTP
# description: |
#   With HTTPS-only traffic turned off, the account's endpoints also answer plain HTTP (and SMB without
#   encryption): blobs, queue messages and the SAS tokens or shared-key signatures in request URLs and
#   headers cross the network readable by anyone on the path, and can be altered in transit. The
#   provider turns HTTPS-only on unless told otherwise. Medium: an attacker needs a position on the
#   network path.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/storage/common/storage-require-secure-transfer
# custom:
#   id: AZURE-STORAGE-004
#   name: storage-account-http-allowed
#   severity: medium
#   category: encryption
#   recommended_action: |
#     Set `https_traffic_only_enabled = true` (`enable_https_traffic_only` before provider 4) on the
#     azurerm_storage_account, or remove the argument: true is the default.
#   frameworks:
#     - CIS Microsoft Azure Foundations Benchmark 3.1
package preflight.azure.storage.account_http_allowed

import data.preflight.lib

deny contains lib.result(a, "https_traffic_only_enabled", msg) if {
	some a in input.azure.storage.accounts
	a.https_traffic_only_enabled == false
	msg := sprintf("Storage account `%s` accepts requests over unencrypted HTTP", [a.label])
}
