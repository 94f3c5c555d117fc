# METADATA
# title: App Service app accepts TLS 1.0 or 1.1
# description: |
#   TLS 1.0 and 1.1 are deprecated (RFC 8996): they rely on SHA-1 and weak cipher suites, and a client
#   (or an attacker who can force a downgrade) may use them to talk to the app. An App Service web app
#   or function app whose minimum TLS version is below 1.2, on its site or on its deployment (SCM,
#   Kudu) endpoint, accepts such connections; the deployment endpoint carries publishing credentials
#   and code. The provider sets 1.2 when the arguments are left out, so only a version written in the
#   code is reported. Medium: exploiting it needs a position on the network path.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/app-service/overview-tls
# custom:
#   id: AZURE-WEB-002
#   name: app-service-old-tls
#   severity: medium
#   category: encryption
#   recommended_action: |
#     Set `minimum_tls_version = "1.2"` (or `"1.3"`) and `scm_minimum_tls_version = "1.2"` in the
#     `site_config` block (`min_tls_version` and `scm_min_tls_version` on azurerm_app_service and
#     azurerm_function_app).
#   frameworks:
#     - CIS Microsoft Azure Foundations Benchmark 9.3
package preflight.azure.web.old_tls

import data.preflight.lib

deny contains lib.result(a, "min_tls_version", msg) if {
	some a in input.azure.web.apps
	a.min_tls_version in old_versions
	msg := sprintf("%s `%s` accepts TLS %s on its site, below 1.2", [kinds[a.kind], a.label, a.min_tls_version])
}

deny contains lib.result(a, "scm_min_tls_version", msg) if {
	some a in input.azure.web.apps
	a.scm_min_tls_version in old_versions
	msg := sprintf("%s `%s` accepts TLS %s on its deployment (SCM) endpoint, below 1.2", [kinds[a.kind], a.label, a.scm_min_tls_version])
}

old_versions := {"1.0", "1.1"}

kinds := {"web_app": "Web app", "function_app": "Function app"}
