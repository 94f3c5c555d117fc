//! Azure (`azurerm` provider, Terraform only; docs/model.md, `azure`). One file per service.

pub mod aks;
pub mod authorization;
pub mod compute;
pub mod containerregistry;
pub mod cosmosdb;
pub mod database;
pub mod keyvault;
pub mod messaging;
pub mod network;
pub mod redis;
pub mod storage;
pub mod web;

use serde::Serialize;

pub use aks::{Aks, AksCluster, AksNodePool};
pub use authorization::{Authorization, RoleAssignment, RoleDefinition};
pub use compute::{Compute, ManagedDisk, VirtualMachine};
pub use containerregistry::{ContainerRegistry, Containerregistry};
pub use cosmosdb::{CosmosAccount, Cosmosdb};
pub use database::{Database, DatabaseServer, FirewallRule};
pub use keyvault::{KeyVault, Keyvault};
pub use messaging::{Messaging, MessagingNamespace};
pub use network::{Network, NetworkSecurityGroup, SecurityRule};
pub use redis::{Redis, RedisCache};
pub use storage::{Storage, StorageAccount, StorageContainer};
pub use web::{Web, WebApp};

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Azure {
    pub storage: Storage,
    pub network: Network,
    pub database: Database,
    pub compute: Compute,
    pub keyvault: Keyvault,
    pub cosmosdb: Cosmosdb,
    pub authorization: Authorization,
    pub aks: Aks,
    pub web: Web,
    pub redis: Redis,
    pub containerregistry: Containerregistry,
    pub messaging: Messaging,
}
