# METADATA
# title: Container registry allows anonymous pull
# description: |
#   With anonymous pull, anyone who can reach the registry can list and download its images without
#   signing in. Images often carry more than their authors meant to publish: configuration files,
#   keys and tokens baked into a layer, internal host names, and the code itself. Unless the registry
#   exists to publish images to the world, every client should authenticate. The provider leaves
#   anonymous pull off unless asked. High: no credential is needed.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/container-registry/anonymous-pull-access
# custom:
#   id: AZURE-CONTAINERREGISTRY-002
#   name: container-registry-anonymous-pull
#   severity: high
#   category: public-access
#   recommended_action: |
#     Set `anonymous_pull_enabled = false` on the azurerm_container_registry (or leave it out) and grant
#     AcrPull to the identities that need the images.
package preflight.azure.containerregistry.anonymous_pull

import data.preflight.lib

deny contains lib.result(r, "anonymous_pull_enabled", msg) if {
	some r in input.azure.containerregistry.registries
	r.anonymous_pull_enabled == true
	msg := sprintf("Container registry `%s` lets anyone pull its images without signing in", [r.label])
}
