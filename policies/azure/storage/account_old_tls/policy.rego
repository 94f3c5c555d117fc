# METADATA
# title: Storage account accepts TLS 1.0 or 1.1
# description: |
#   TLS 1.0 and 1.1 have known weaknesses (BEAST, weak cipher suites, SHA-1 in the handshake) and are
#   retired by Azure Storage; an account whose minimum is below TLS 1.2 lets a client, or an attacker
#   who can downgrade its connection, use them. The azurerm provider defaults to TLS 1.2 from version 3.0;
#   provider 2 defaulted to TLS 1.0, so an account that leaves the argument out is reported only when
#   the module requires provider 2. Medium: exploiting it needs a position on the network path.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/storage/common/transport-layer-security-configure-minimum-version
# custom:
#   id: AZURE-STORAGE-005
#   name: storage-account-old-tls
#   severity: medium
#   category: encryption
#   recommended_action: |
#     Set `min_tls_version = "TLS1_2"` on the azurerm_storage_account and update clients that still use
#     older TLS versions.
#   frameworks:
#     - CIS Microsoft Azure Foundations Benchmark 3.15
package preflight.azure.storage.account_old_tls

import data.preflight.lib

deny contains lib.result(a, "min_tls_version", msg) if {
	some a in input.azure.storage.accounts
	upper(a.min_tls_version) in {"TLS1_0", "TLS1_1"}
	msg := sprintf("Storage account `%s` accepts %s, below TLS 1.2", [a.label, a.min_tls_version])
}
