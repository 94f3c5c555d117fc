# METADATA
# title: App Service app serves plain HTTP
# description: |
#   A web app or function app without `https_only` answers requests on port 80 as well as 443. A
#   link, bookmark or client configured with `http://` then sends cookies, bearer tokens, function
#   keys and form data in the clear, where anyone on the network path can read or change them, and
#   the response can be rewritten on its way back. With `https_only = true` App Service redirects every
#   HTTP request to HTTPS before it reaches the app. The provider leaves it off when not written.
#   Medium: exploiting it needs a position on the network path or a client that uses HTTP.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/app-service/configure-ssl-bindings#enforce-https
# custom:
#   id: AZURE-WEB-001
#   name: app-service-http-allowed
#   severity: medium
#   category: encryption
#   recommended_action: |
#     Set `https_only = true` on the azurerm_linux_web_app, azurerm_windows_web_app, function app or
#     slot (azurerm_app_service and azurerm_function_app alike).
#   frameworks:
#     - CIS Microsoft Azure Foundations Benchmark 9.2
package preflight.azure.web.https_not_enforced

import data.preflight.lib

deny contains lib.result(a, "https_only", msg) if {
	some a in input.azure.web.apps
	a.https_only == false
	msg := sprintf("%s `%s` accepts plain HTTP requests (HTTPS is not enforced)", [kinds[a.kind], a.label])
}

kinds := {"web_app": "Web app", "function_app": "Function app"}
