# The azurerm version is constrained only by the provider block's legacy `version` argument. It admits
# provider 2 (TLS 1.0 by default) as well as 3 and later (nested items public by default): each riskier
# default is reported.
provider "azurerm" {
  version = ">= 2.0.0"
  features {}
}

resource "azurerm_storage_account" "logs" { # expect: AZURE-STORAGE-001, AZURE-STORAGE-005, AZURE-STORAGE-003, AZURE-STORAGE-006, AZURE-STORAGE-007, AZURE-STORAGE-008
  name                     = "stlogs"
  resource_group_name      = "rg-app"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_mssql_server" "reports" { # expect: AZURE-DATABASE-005
  name                          = "sql-reports"
  resource_group_name           = "rg-app"
  location                      = "westeurope"
  version                       = "12.0"
  administrator_login           = "dbadmin"
  public_network_access_enabled = false
}

module "pinned" {
  source = "./pinned"
}

module "current" {
  source = "./current"
}
