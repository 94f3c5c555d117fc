# METADATA
# title: Container registry admin user enabled
# description: |
#   The admin user of a container registry is one user name with two passwords that can push, pull
#   and delete every image. It is not tied to a person or a workload, so it ends up shared between
#   pipelines, developers' machines and cluster pull secrets; whoever holds a copy can replace an image
#   that production pulls, and the registry's logs cannot tell who did. Microsoft Entra identities,
#   repository-scoped tokens and managed identities give each client its own, narrower access. The
#   provider leaves the admin user off unless asked. Medium: a password is still needed.
# related_resources:
#   - ref: https://learn.microsoft.com/en-us/azure/container-registry/container-registry-authentication#admin-account
# custom:
#   id: AZURE-CONTAINERREGISTRY-001
#   name: container-registry-admin-user
#   severity: medium
#   category: sharing
#   recommended_action: |
#     Set `admin_enabled = false` on the azurerm_container_registry and give each client its own access:
#     an azurerm_role_assignment of AcrPull or AcrPush to its managed identity or service principal, or
#     an azurerm_container_registry_token scoped to its repositories.
package preflight.azure.containerregistry.admin_user

import data.preflight.lib

deny contains lib.result(r, "admin_enabled", msg) if {
	some r in input.azure.containerregistry.registries
	r.admin_enabled == true
	msg := sprintf("Container registry `%s` has its shared admin user enabled (push, pull and delete for anyone with its password)", [r.label])
}
