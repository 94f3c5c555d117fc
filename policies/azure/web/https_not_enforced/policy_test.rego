package preflight.azure.web.https_not_enforced_test

import data.preflight.azure.web.https_not_enforced as p

app(extra) := object.union({"id": "azurerm_linux_web_app.site", "label": "site", "unknown": [], "kind": "web_app"}, extra)

deny_for(a) := results if {
	results := p.deny with input as {"azure": {"web": {"apps": [a]}}}
}

test_http_denied if {
	results := deny_for(app({"https_only": false}))
	count(results) == 1
	some r in results
	r.path == "https_only"
	r.message == "Web app `site` accepts plain HTTP requests (HTTPS is not enforced)"
}

test_function_app_denied if {
	some r in deny_for(app({"kind": "function_app", "https_only": false}))
	startswith(r.message, "Function app `site`")
}

test_https_only_allowed if count(deny_for(app({"https_only": true}))) == 0

test_unknown_silent if count(deny_for(app({"unknown": ["https_only"]}))) == 0
