package preflight.azure.web.old_tls_test

import data.preflight.azure.web.old_tls as p

app(extra) := object.union({"id": "azurerm_linux_web_app.site", "label": "site", "unknown": [], "kind": "web_app"}, extra)

deny_for(a) := results if {
	results := p.deny with input as {"azure": {"web": {"apps": [a]}}}
}

test_site_tls_1_1_denied if {
	results := deny_for(app({"min_tls_version": "1.1", "scm_min_tls_version": "1.2"}))
	count(results) == 1
	some r in results
	r.path == "min_tls_version"
	r.message == "Web app `site` accepts TLS 1.1 on its site, below 1.2"
}

test_scm_tls_1_0_denied if {
	results := deny_for(app({"kind": "function_app", "min_tls_version": "1.2", "scm_min_tls_version": "1.0"}))
	count(results) == 1
	some r in results
	r.path == "scm_min_tls_version"
	r.message == "Function app `site` accepts TLS 1.0 on its deployment (SCM) endpoint, below 1.2"
}

test_both_denied if count(deny_for(app({"min_tls_version": "1.0", "scm_min_tls_version": "1.1"}))) == 2

test_tls_1_2_and_1_3_allowed if count(deny_for(app({"min_tls_version": "1.3", "scm_min_tls_version": "1.2"}))) == 0

test_unknown_silent if count(deny_for(app({"unknown": ["min_tls_version", "scm_min_tls_version"]}))) == 0
