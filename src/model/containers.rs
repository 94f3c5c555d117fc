//! EKS, ECR and ECS (docs/model.md, `aws.eks`, `aws.ecr`, `aws.ecs`).

use super::{Document, Meta};
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Eks {
    pub clusters: Vec<EksCluster>,
    pub node_groups: Vec<EksNodeGroup>,
}

/// A managed node group (`aws_eks_node_group`, `AWS::EKS::Nodegroup`) and how SSH reaches its nodes.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct EksNodeGroup {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A `remote_access` / `RemoteAccess` block is written. Default `false`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remote_access: Option<bool>,
    /// The EC2 key pair remote access installs on the nodes; absent without remote access.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ssh_key: Option<String>,
    /// The security groups allowed to reach port 22 of the nodes; `[]` when remote access names none
    /// (EKS then opens port 22 to every address).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_security_group_ids: Option<Vec<String>>,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct EksCluster {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub vpc_config: EksVpcConfig,
    /// Who holds the key that envelope-encrypts Kubernetes secrets: `AWS_OWNED` (EKS's default for
    /// every cluster on Kubernetes 1.28 and later) or `CUSTOMER_MANAGED` (an `encryption_config` for
    /// `secrets` with a KMS key).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secrets_key_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secrets_kms_key_id: Option<String>,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct EksVpcConfig {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub endpoint_public_access: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub endpoint_private_access: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_access_cidrs: Option<Vec<String>>,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Ecr {
    pub repositories: Vec<EcrRepository>,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct EcrRepository {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `AES256` (the default: S3-managed keys), `KMS` or `KMS_DSSE`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encryption_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    /// The repository policy (`aws_ecr_repository_policy`, `RepositoryPolicyText`); absent when none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy: Option<Document>,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Ecs {
    pub task_definitions: Vec<EcsTaskDefinition>,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct EcsTaskDefinition {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    /// Volumes backed by EFS; other volume kinds are left out.
    pub efs_volumes: Vec<EfsVolume>,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct EfsVolume {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file_system_id: Option<String>,
    /// `ENABLED` or `DISABLED` (the default).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transit_encryption: Option<String>,
}

entity!(EksNodeGroup, EksCluster, EcrRepository, EcsTaskDefinition);
