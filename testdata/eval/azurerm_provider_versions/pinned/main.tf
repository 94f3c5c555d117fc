# Provider 2 only: blobs stay private unless asked for, but TLS 1.0 is accepted.
provider "azurerm" {
  version = "~> 2.99"
  features {}
}

resource "azurerm_storage_account" "archive" { # expect: AZURE-STORAGE-005, AZURE-STORAGE-003, AZURE-STORAGE-006, AZURE-STORAGE-007, AZURE-STORAGE-008
  name                     = "starchive"
  resource_group_name      = "rg-app"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}
