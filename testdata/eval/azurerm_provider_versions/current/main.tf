# The legacy argument admits provider 2 but `required_providers` does not: Terraform needs both, so
# the provider-3 defaults hold (TLS 1.2, nested items public).
provider "azurerm" {
  version = ">= 2.0"
  features {}
}

terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = ">= 3.10"
    }
  }
}

resource "azurerm_storage_account" "media" { # expect: AZURE-STORAGE-001, AZURE-STORAGE-003, AZURE-STORAGE-006, AZURE-STORAGE-007, AZURE-STORAGE-008
  name                     = "stmedia"
  resource_group_name      = "rg-app"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_mssql_server" "billing" {
  name                          = "sql-billing"
  resource_group_name           = "rg-app"
  location                      = "westeurope"
  version                       = "12.0"
  administrator_login           = "dbadmin"
  public_network_access_enabled = false
}
