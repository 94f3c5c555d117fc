//! Google Cloud (docs/model.md, `gcp`): filled from Terraform's `google` (and `google-beta`) provider
//! only; CloudFormation has no Google resources. One file per service.

pub mod bigquery;
pub mod compute;
pub mod dataproc;
pub mod gke;
pub mod iam;
pub mod sql;
pub mod storage;

use serde::Serialize;

pub use bigquery::{Bigquery, BigqueryDataset};
pub use compute::{ComputeDisk, ComputeInstance, CreatedDisk, Firewall, FirewallRule, Gce};
pub use dataproc::{Dataproc, DataprocCluster};
pub use gke::{Gke, GkeCluster};
pub use iam::{GcpBinding, GcpIam, IamGrant};
pub use sql::{AuthorizedNetwork, CloudSql, SqlInstance};
pub use storage::{GcsBucket, Storage};

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Gcp {
    pub iam: GcpIam,
    pub storage: Storage,
    pub bigquery: Bigquery,
    pub compute: Gce,
    pub sql: CloudSql,
    pub gke: Gke,
    pub dataproc: Dataproc,
}
