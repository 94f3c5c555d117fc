//! The normalized cloud model: the only input policies see (documented in `docs/model.md`).
//!
//! Adapters (Terraform today, CloudFormation later) fill it; it knows nothing of syntax trees or formats.
//! `None` means absent: not written (and no cloud default applies) or unknown, which the entity's
//! `unknown` list tells apart. Locations live beside the model in [`Locations`], never in the policy input.

/// Gives entity types (structs with a `meta: Meta` field) `meta()` and [`HasMeta`].
macro_rules! entity {
    ($($t:ty),*) => {$(
        impl $t {
            pub fn meta(&self) -> &$crate::model::Meta {
                &self.meta
            }
        }
        impl $crate::model::HasMeta for $t {
            fn meta_mut(&mut self) -> &mut $crate::model::Meta {
                &mut self.meta
            }
        }
    )*};
}

pub mod apigateway;
pub mod azure;
pub mod backup;
pub mod cloudfront;
pub mod cloudtrail;
pub mod cloudwatch;
pub mod codebuild;
pub mod compute;
pub mod containers;
pub mod dax;
pub mod dms;
pub mod docdb;
pub mod document;
pub mod dynamodb;
pub mod efs;
pub mod elasticache;
pub mod elb;
pub mod emr;
pub mod eventbridge;
pub mod gcp;
pub mod glacier;
pub mod glue;
pub mod kinesis;
pub mod kms;
pub mod lambda;
pub mod mq;
pub mod msk;
pub mod neptune;
pub mod network_acl;
pub mod opensearch;
pub mod rds_snapshots;
pub mod redshift;
pub mod sagemaker;
pub mod secretsmanager;
pub mod ses;
pub mod sqs;
pub mod workspaces;

use crate::finding::Trace;
use crate::source::Span;
use serde::Serialize;
use std::collections::HashMap;

pub use apigateway::{
    ApiGateway, ApiGatewayMethod, ApiGatewayMethodSetting, ApiGatewayRestApi, ApiGatewayRoute,
    ApiGatewayStage,
};
pub use backup::{Backup, BackupVault};
pub use cloudfront::{CacheBehavior, Cloudfront, Distribution};
pub use cloudtrail::{Cloudtrail, Trail};
pub use cloudwatch::{Cloudwatch, LogDestination, LogGroup, LogResourcePolicy};
pub use codebuild::{Codebuild, CodebuildProject};
pub use compute::{
    BlockDevice, Compute, EbsEncryptionDefault, ImagePermission, LaunchPermission, Machine,
    SnapshotPermission,
};
pub use containers::{
    Ecr, EcrRepository, Ecs, EcsTaskDefinition, EfsVolume, Eks, EksCluster, EksNodeGroup,
    EksVpcConfig,
};
pub use dax::{Dax, DaxCluster};
pub use dms::{Dms, DmsEndpoint, DmsReplicationInstance};
pub use docdb::{Docdb, DocdbCluster};
pub use document::{Condition, Document, Principal, Statement};
pub use dynamodb::{Dynamodb, Table};
pub use efs::{Efs, EfsFileSystem};
pub use elasticache::{CacheReplicationGroup, Elasticache};
pub use elb::{ClassicListener, Elb, LbAction, LbListener, LoadBalancer};
pub use emr::{Emr, EmrCluster, EmrSecurityConfiguration};
pub use eventbridge::{EventBus, Eventbridge};
pub use glacier::{Glacier, GlacierVault};
pub use glue::{Glue, GlueCatalogEncryption};
pub use kinesis::{DeliveryStream, Firehose, Kinesis, KinesisStream};
pub use kms::{Kms, KmsKey};
pub use lambda::{
    Lambda, LambdaFunction, LambdaFunctionUrl, LambdaLayerPermission, LambdaPermission,
};
pub use mq::{Mq, MqBroker};
pub use msk::{KafkaCluster, Msk};
pub use neptune::{Neptune, NeptuneCluster, NeptuneClusterSnapshot, NeptuneInstance};
pub use network_acl::{AclRule, NetworkAcl};
pub use opensearch::{Opensearch, SearchDomain};
pub use rds_snapshots::DbSnapshot;
pub use redshift::{Redshift, RedshiftCluster};
pub use sagemaker::{Sagemaker, SagemakerEndpointConfiguration, SagemakerNotebookInstance};
pub use secretsmanager::{Secret, Secretsmanager};
pub use ses::{Ses, SesIdentityPolicy};
pub use sqs::{Sqs, SqsQueue};
pub use workspaces::{Workspace, Workspaces};

/// Fields every entity has.
#[derive(Debug, Clone, Default, Serialize, schemars::JsonSchema)]
pub struct Meta {
    /// Unique in one model: the Terraform address (or logical ID), with a suffix for nested entities.
    pub id: String,
    /// Short name for messages.
    pub label: String,
    /// Attribute paths whose value could not be resolved.
    pub unknown: Vec<String>,
}

/// The JSON Schema of the model, as `preflight schema` prints it: the contract between the adapters
/// and the policies (docs/model.md).
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Model);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// What policies read as `input`.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Model {
    pub aws: Aws,
    pub azure: azure::Azure,
    pub gcp: gcp::Gcp,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Aws {
    pub s3: S3,
    pub rds: Rds,
    pub ebs: Ebs,
    pub ec2: Ec2,
    pub iam: Iam,
    pub sns: Sns,
    pub dynamodb: Dynamodb,
    pub sqs: Sqs,
    pub kinesis: Kinesis,
    pub firehose: Firehose,
    pub cloudtrail: Cloudtrail,
    pub cloudwatch: Cloudwatch,
    pub secretsmanager: Secretsmanager,
    pub backup: Backup,
    pub efs: Efs,
    pub elb: Elb,
    pub msk: Msk,
    pub neptune: Neptune,
    pub docdb: Docdb,
    pub dax: Dax,
    pub redshift: Redshift,
    pub opensearch: Opensearch,
    pub elasticache: Elasticache,
    pub dms: Dms,
    pub codebuild: Codebuild,
    pub cloudfront: Cloudfront,
    pub mq: Mq,
    pub lambda: Lambda,
    pub apigateway: ApiGateway,
    pub sagemaker: Sagemaker,
    pub emr: Emr,
    pub glue: Glue,
    pub compute: Compute,
    pub eks: Eks,
    pub ecr: Ecr,
    pub ecs: Ecs,
    pub workspaces: Workspaces,
    pub kms: Kms,
    pub glacier: Glacier,
    pub eventbridge: Eventbridge,
    pub ses: Ses,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct S3 {
    pub buckets: Vec<Bucket>,
    pub objects: Vec<Object>,
    pub access_points: Vec<AccessPoint>,
    pub account_public_access_blocks: Vec<AccountPublicAccessBlock>,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Bucket {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub acl: Option<String>,
    pub grants: Vec<Grant>,
    pub public_access_block: PublicAccessBlock,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy: Option<Document>,
    pub encryption: Encryption,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub object_ownership: Option<String>,
    /// Whether the bucket hosts a static website that serves its objects (an index document or routing
    /// rules; a configuration that only redirects every request serves none): `false` when none is
    /// written, absent when unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub website: Option<bool>,
    /// The bucket is not defined in the scanned code: only companion resources (a policy, an ACL, a
    /// public access block) name it.
    pub external: bool,
}

/// An object uploaded by the code (`aws_s3_object`, `aws_s3_bucket_object`, `aws_s3_object_copy`).
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Object {
    #[serde(flatten)]
    pub meta: Meta,
    /// The bucket's name, when it is a literal or the bucket in the scan has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bucket: Option<String>,
    /// The id of the bucket entity in this model; absent when the bucket is not in the scanned code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bucket_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub acl: Option<String>,
    pub grants: Vec<Grant>,
}

/// An S3 access point (`aws_s3_access_point`, `AWS::S3::AccessPoint`).
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct AccessPoint {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bucket: Option<String>,
    /// The id of the bucket entity in this model; absent when the bucket is not in the scanned code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bucket_id: Option<String>,
    /// `Internet`, or `VPC` when a VPC configuration restricts it to one network.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub network_origin: Option<String>,
    /// The access point's own block (`configured` is always true: every access point has one).
    pub public_access_block: PublicAccessBlock,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy: Option<Document>,
}

/// The account-level public access block (`aws_s3_account_public_access_block`): it applies to every
/// bucket and access point of the account.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct AccountPublicAccessBlock {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub block_public_acls: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub block_public_policy: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ignore_public_acls: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub restrict_public_buckets: Option<bool>,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Grant {
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub grantee_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permission: Option<String>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct PublicAccessBlock {
    /// Whether the bucket has a public access block; absent when that is unknown (a block that may or
    /// may not be written, a bucket defined outside the scanned code).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub configured: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub block_public_acls: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub block_public_policy: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ignore_public_acls: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub restrict_public_buckets: Option<bool>,
}

impl Default for PublicAccessBlock {
    fn default() -> Self {
        PublicAccessBlock {
            configured: Some(false),
            block_public_acls: None,
            block_public_policy: None,
            ignore_public_acls: None,
            restrict_public_buckets: None,
        }
    }
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Encryption {
    /// Whether default encryption is written; absent when unknown (a bucket outside the scanned code).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub configured: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub algorithm: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Rds {
    pub instances: Vec<DbInstance>,
    pub clusters: Vec<DbCluster>,
    pub snapshots: Vec<DbSnapshot>,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct DbInstance {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub engine: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub storage_encrypted: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publicly_accessible: Option<bool>,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct DbCluster {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub engine: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub engine_mode: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub storage_encrypted: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Ebs {
    pub volumes: Vec<Volume>,
    pub snapshots: Vec<EbsSnapshot>,
}

/// `aws_ebs_snapshot` (of a volume) or `aws_ebs_snapshot_copy` (of another snapshot); Terraform only:
/// CloudFormation has no snapshot resource.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct EbsSnapshot {
    #[serde(flatten)]
    pub meta: Meta,
    /// `true` for an `aws_ebs_snapshot_copy`.
    pub copy: bool,
    /// A snapshot: its volume's encryption, absent (and listed in `unknown`) when the volume is not in
    /// the scanned code. A copy: `true` when it asks for encryption, when encryption by default is on,
    /// or when its source snapshot in the scanned code is encrypted; else `false` (the copy is then
    /// encrypted only if a source outside the scanned code happens to be).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encrypted: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Volume {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encrypted: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<f64>,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Ec2 {
    pub security_groups: Vec<SecurityGroup>,
    pub network_acls: Vec<NetworkAcl>,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct SecurityGroup {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The VPC's default security group (`aws_default_security_group`, or rules added through
    /// `aws_vpc.x.default_security_group_id` / `!GetAtt Vpc.DefaultSecurityGroup`); absent (and listed
    /// in `unknown`) for rules whose group is not in the scanned code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vpc_default: Option<bool>,
    pub ingress: Vec<SgRule>,
    pub egress: Vec<SgRule>,
    /// The resources that attach the group (load balancers, instances, launch templates, functions…),
    /// sorted; absent (and listed in `unknown`) when the scanned code cannot tell, e.g. a resource's
    /// security group list is unresolved or the group is defined elsewhere.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attached_to: Option<Vec<Attachment>>,
}

/// A resource that attaches a security group.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
pub struct Attachment {
    /// Terraform address or logical ID.
    pub resource: String,
    /// `load_balancer` (ALB, NLB, Classic ELB) or `other`.
    pub kind: &'static str,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct SgRule {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from_port: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to_port: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protocol: Option<String>,
    pub cidr_blocks: Vec<String>,
    pub ipv6_cidr_blocks: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Iam {
    pub policies: Vec<IamPolicy>,
    pub roles: Vec<Role>,
    pub users: Vec<IamUser>,
    pub groups: Vec<IamGroup>,
    pub policy_attachments: Vec<PolicyAttachment>,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct IamPolicy {
    #[serde(flatten)]
    pub meta: Meta,
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<Document>,
    /// The identities the policy applies to: entity IDs when in the scanned code, else as written.
    pub roles: Vec<String>,
    pub users: Vec<String>,
    pub groups: Vec<String>,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Role {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trust_policy: Option<Document>,
    pub managed_policy_arns: Vec<String>,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct IamUser {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub managed_policy_arns: Vec<String>,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct IamGroup {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub managed_policy_arns: Vec<String>,
}

/// A managed policy that is not in the scanned code (an AWS managed policy ARN) attached to identities.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct PolicyAttachment {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy_arn: Option<String>,
    pub roles: Vec<String>,
    pub users: Vec<String>,
    pub groups: Vec<String>,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Sns {
    pub topics: Vec<Topic>,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Topic {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_master_key_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encrypted: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy: Option<Document>,
}

/// Every collection of entities, once: `Model::extend`, `Model::metas` and
/// `Model::present_collections` are generated from this list.
macro_rules! collections {
    ($($path:literal => $($field:ident).+;)*) => {
        impl Model {
            /// Appends every entity of `other` (a child module's model).
            pub fn extend(&mut self, mut other: Model) {
                $(self.$($field).+.append(&mut other.$($field).+);)*
            }

            /// Every entity's meta with the collection it is in (`aws.s3.buckets`).
            pub fn metas(&self) -> Vec<(&'static str, &Meta)> {
                let mut out: Vec<(&'static str, &Meta)> = Vec::new();
                $(out.extend(self.$($field).+.iter().map(|e| ($path, e.meta())));)*
                out
            }

            /// The dotted input paths that hold at least one entity (`aws.s3.buckets`), for choosing
            /// policies.
            pub fn present_collections(&self) -> Vec<&'static str> {
                let mut out = Vec::new();
                $(if !self.$($field).+.is_empty() {
                    out.push($path);
                })*
                out
            }

            /// Every collection path, present or not.
            pub fn collection_paths() -> &'static [&'static str] {
                &[$($path),*]
            }
        }
    };
}

collections! {
    "aws.s3.buckets" => aws.s3.buckets;
    "aws.s3.objects" => aws.s3.objects;
    "aws.s3.access_points" => aws.s3.access_points;
    "aws.s3.account_public_access_blocks" => aws.s3.account_public_access_blocks;
    "aws.rds.instances" => aws.rds.instances;
    "aws.rds.clusters" => aws.rds.clusters;
    "aws.ebs.volumes" => aws.ebs.volumes;
    "aws.ec2.security_groups" => aws.ec2.security_groups;
    "aws.ec2.network_acls" => aws.ec2.network_acls;
    "aws.iam.policies" => aws.iam.policies;
    "aws.iam.roles" => aws.iam.roles;
    "aws.iam.users" => aws.iam.users;
    "aws.iam.groups" => aws.iam.groups;
    "aws.iam.policy_attachments" => aws.iam.policy_attachments;
    "aws.sns.topics" => aws.sns.topics;
    "aws.dynamodb.tables" => aws.dynamodb.tables;
    "aws.sqs.queues" => aws.sqs.queues;
    "aws.kinesis.streams" => aws.kinesis.streams;
    "aws.firehose.delivery_streams" => aws.firehose.delivery_streams;
    "aws.cloudtrail.trails" => aws.cloudtrail.trails;
    "aws.cloudwatch.log_groups" => aws.cloudwatch.log_groups;
    "aws.secretsmanager.secrets" => aws.secretsmanager.secrets;
    "aws.backup.vaults" => aws.backup.vaults;
    "aws.efs.file_systems" => aws.efs.file_systems;
    "aws.elb.load_balancers" => aws.elb.load_balancers;
    "aws.elb.listeners" => aws.elb.listeners;
    "aws.ebs.snapshots" => aws.ebs.snapshots;
    "aws.msk.clusters" => aws.msk.clusters;
    "aws.neptune.clusters" => aws.neptune.clusters;
    "aws.neptune.instances" => aws.neptune.instances;
    "aws.neptune.cluster_snapshots" => aws.neptune.cluster_snapshots;
    "aws.docdb.clusters" => aws.docdb.clusters;
    "aws.rds.snapshots" => aws.rds.snapshots;
    "aws.dax.clusters" => aws.dax.clusters;
    "aws.redshift.clusters" => aws.redshift.clusters;
    "aws.opensearch.domains" => aws.opensearch.domains;
    "aws.elasticache.replication_groups" => aws.elasticache.replication_groups;
    "aws.dms.replication_instances" => aws.dms.replication_instances;
    "aws.dms.endpoints" => aws.dms.endpoints;
    "aws.mq.brokers" => aws.mq.brokers;
    "aws.codebuild.projects" => aws.codebuild.projects;
    "aws.cloudfront.distributions" => aws.cloudfront.distributions;
    "aws.lambda.functions" => aws.lambda.functions;
    "aws.lambda.function_urls" => aws.lambda.function_urls;
    "aws.apigateway.methods" => aws.apigateway.methods;
    "aws.apigateway.stages" => aws.apigateway.stages;
    "aws.apigateway.routes" => aws.apigateway.routes;
    "aws.sagemaker.notebook_instances" => aws.sagemaker.notebook_instances;
    "aws.sagemaker.endpoint_configurations" => aws.sagemaker.endpoint_configurations;
    "aws.emr.clusters" => aws.emr.clusters;
    "aws.emr.security_configurations" => aws.emr.security_configurations;
    "aws.glue.catalog_encryption_settings" => aws.glue.catalog_encryption_settings;
    "aws.compute.instances" => aws.compute.instances;
    "aws.compute.launch_templates" => aws.compute.launch_templates;
    "aws.compute.launch_configurations" => aws.compute.launch_configurations;
    "aws.compute.ebs_encryption_defaults" => aws.compute.ebs_encryption_defaults;
    "aws.compute.snapshot_permissions" => aws.compute.snapshot_permissions;
    "aws.compute.image_permissions" => aws.compute.image_permissions;
    "aws.eks.clusters" => aws.eks.clusters;
    "aws.eks.node_groups" => aws.eks.node_groups;
    "aws.ecr.repositories" => aws.ecr.repositories;
    "aws.ecs.task_definitions" => aws.ecs.task_definitions;
    "aws.workspaces.workspaces" => aws.workspaces.workspaces;
    "aws.kms.keys" => aws.kms.keys;
    "aws.glacier.vaults" => aws.glacier.vaults;
    "aws.eventbridge.buses" => aws.eventbridge.buses;
    "aws.cloudwatch.log_destinations" => aws.cloudwatch.log_destinations;
    "aws.apigateway.rest_apis" => aws.apigateway.rest_apis;
    "aws.cloudwatch.log_resource_policies" => aws.cloudwatch.log_resource_policies;
    "aws.ses.identity_policies" => aws.ses.identity_policies;
    "aws.lambda.permissions" => aws.lambda.permissions;
    "aws.lambda.layer_permissions" => aws.lambda.layer_permissions;
    "azure.storage.accounts" => azure.storage.accounts;
    "azure.storage.containers" => azure.storage.containers;
    "azure.network.security_groups" => azure.network.security_groups;
    "azure.network.security_rules" => azure.network.security_rules;
    "azure.database.servers" => azure.database.servers;
    "azure.database.firewall_rules" => azure.database.firewall_rules;
    "azure.compute.disks" => azure.compute.disks;
    "azure.compute.virtual_machines" => azure.compute.virtual_machines;
    "azure.keyvault.vaults" => azure.keyvault.vaults;
    "azure.cosmosdb.accounts" => azure.cosmosdb.accounts;
    "azure.authorization.role_assignments" => azure.authorization.role_assignments;
    "azure.authorization.role_definitions" => azure.authorization.role_definitions;
    "azure.aks.clusters" => azure.aks.clusters;
    "azure.aks.node_pools" => azure.aks.node_pools;
    "azure.web.apps" => azure.web.apps;
    "azure.redis.caches" => azure.redis.caches;
    "azure.containerregistry.registries" => azure.containerregistry.registries;
    "azure.messaging.namespaces" => azure.messaging.namespaces;
    "gcp.iam.grants" => gcp.iam.grants;
    "gcp.storage.buckets" => gcp.storage.buckets;
    "gcp.bigquery.datasets" => gcp.bigquery.datasets;
    "gcp.compute.firewalls" => gcp.compute.firewalls;
    "gcp.compute.disks" => gcp.compute.disks;
    "gcp.compute.instances" => gcp.compute.instances;
    "gcp.compute.instance_templates" => gcp.compute.instance_templates;
    "gcp.sql.instances" => gcp.sql.instances;
    "gcp.gke.clusters" => gcp.gke.clusters;
    "gcp.dataproc.clusters" => gcp.dataproc.clusters;
}

/// Where an entity and its attributes are in the source.
#[derive(Debug, Clone)]
pub struct EntityLocations {
    /// The resource reported to users (Terraform address or logical ID).
    pub resource: String,
    /// The resource's header: where findings on attributes left out point.
    pub header: Span,
    /// Attribute path → span of the code that set it. Paths filled with a cloud default are absent
    /// (they resolve to the header).
    pub attrs: HashMap<String, Span>,
    /// Attribute path filled with a default → the source attribute that was left out.
    pub missing: HashMap<String, String>,
    /// Attribute path → where its value came from (variables, locals), when not written in place.
    pub traces: HashMap<String, Vec<Trace>>,
    /// Attribute path → why (parts of) its value are unknown.
    pub unknown_why: HashMap<String, Vec<String>>,
    /// What every finding on the entity adds to its trace (the entity stands for an unknown number
    /// of instances).
    pub note: Option<Trace>,
}

/// Entity id → locations.
#[derive(Debug, Default)]
pub struct Locations {
    pub entities: HashMap<String, EntityLocations>,
}

impl Locations {
    /// The span for `path` of entity `id`: the longest prefix of the path that has a location, else the
    /// entity header, with the source attribute that was left out when the adapter knows it.
    ///
    /// The trace is the located prefix's, followed by the path's own when the path itself has no
    /// location (notes on values that were left out: which default made a finding).
    pub fn locate(&self, id: &str, path: &str) -> Option<Located<'_>> {
        let e = self.entities.get(id)?;
        let own = || e.traces.get(path).cloned().unwrap_or_default();
        let mut p = path;
        loop {
            if let Some(span) = e.attrs.get(p) {
                let mut trace = e.traces.get(p).cloned().unwrap_or_default();
                if p != path {
                    trace.extend(own());
                }
                return Some(Located {
                    entity: e,
                    span: span.clone(),
                    missing: None,
                    trace,
                });
            }
            match parent_path(p) {
                Some(parent) => p = parent,
                None => {
                    return Some(Located {
                        entity: e,
                        span: e.header.clone(),
                        missing: Some(e.missing.get(path).cloned().unwrap_or_default()),
                        trace: own(),
                    })
                }
            }
        }
    }
}

impl Locations {
    /// Applies `f` to every span: headers, attributes and traces.
    pub fn map_spans(&mut self, mut f: impl FnMut(&mut Span)) {
        for e in self.entities.values_mut() {
            f(&mut e.header);
            e.attrs.values_mut().for_each(&mut f);
            for t in e.traces.values_mut().flatten() {
                if let Some(span) = &mut t.span {
                    f(span);
                }
            }
        }
    }

    /// Why the value at `path` (or the longest prefix that has a reason) is unknown.
    pub fn why(&self, id: &str, path: &str) -> Vec<String> {
        let Some(e) = self.entities.get(id) else {
            return Vec::new();
        };
        let mut p = path;
        loop {
            if let Some(w) = e.unknown_why.get(p) {
                return w.clone();
            }
            match parent_path(p) {
                Some(parent) => p = parent,
                None => return Vec::new(),
            }
        }
    }
}

/// Where a policy result points.
pub struct Located<'a> {
    pub entity: &'a EntityLocations,
    pub span: Span,
    /// `Some` when the result points at the resource header because an attribute was left out: the
    /// source attribute's name, or empty when unknown.
    pub missing: Option<String>,
    pub trace: Vec<Trace>,
}

/// `a.b[2].c` → `a.b[2]` → `a.b` → `a` → None; a quoted key is one segment:
/// `tags["kubernetes.io/cluster"]` → `tags`.
fn parent_path(path: &str) -> Option<&str> {
    // Inside a quoted key a `"` is escaped (`\"`), so the last `["` starts the last quoted segment.
    if path.ends_with("\"]") {
        if let Some(cut) = path.rfind("[\"") {
            return Some(&path[..cut]);
        }
    }
    let cut = path.rfind(['.', '['])?;
    Some(&path[..cut])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quoted_key_is_one_segment_of_a_path() {
        assert_eq!(parent_path("a.b[2].c"), Some("a.b[2]"));
        assert_eq!(parent_path("a.b[2]"), Some("a.b"));
        assert_eq!(parent_path("tags[\"kubernetes.io/cluster\"]"), Some("tags"));
        assert_eq!(parent_path("x.tags[\"a[\\\"b.c\"]"), Some("x.tags"));
        assert_eq!(parent_path("a"), None);
    }
    use crate::source::FileId;

    #[test]
    fn locate_falls_back_to_prefix_then_header() {
        let mut attrs = HashMap::new();
        attrs.insert("policy".to_string(), Span::new(FileId(0), 10..20));
        let mut locs = Locations::default();
        locs.entities.insert(
            "b".into(),
            EntityLocations {
                resource: "aws_s3_bucket.b".into(),
                header: Span::new(FileId(0), 0..5),
                attrs,
                missing: HashMap::from([("acl".to_string(), "acl".to_string())]),
                traces: HashMap::new(),
                unknown_why: HashMap::new(),
                note: None,
            },
        );
        let l = locs
            .locate("b", "policy.statements[0].principals")
            .expect("found");
        assert_eq!((l.span.range, l.missing), (10..20, None));
        let l = locs.locate("b", "acl").expect("found");
        assert_eq!((l.span.range, l.missing.as_deref()), (0..5, Some("acl")));
        assert!(locs.locate("nope", "acl").is_none());
    }

    /// A note on a left-out path follows its located parent's trace, or stands alone at the header.
    #[test]
    fn locate_adds_the_paths_own_notes() {
        let note = |n: &str| Trace {
            span: None,
            note: n.to_string(),
            hint: None,
        };
        let mut locs = Locations::default();
        locs.entities.insert(
            "c".into(),
            EntityLocations {
                resource: "aws_eks_cluster.c".into(),
                header: Span::new(FileId(0), 0..5),
                attrs: HashMap::from([("vpc".to_string(), Span::new(FileId(0), 10..20))]),
                missing: HashMap::new(),
                traces: HashMap::from([
                    ("vpc".to_string(), vec![note("vpc from var")]),
                    ("vpc.cidrs".to_string(), vec![note("cidrs default")]),
                    ("name".to_string(), vec![note("name default")]),
                ]),
                unknown_why: HashMap::new(),
                note: None,
            },
        );
        let notes = |path: &str| -> Vec<String> {
            let l = locs.locate("c", path).expect("found");
            l.trace.into_iter().map(|t| t.note).collect()
        };
        assert_eq!(notes("vpc.cidrs"), ["vpc from var", "cidrs default"]);
        assert_eq!(notes("vpc"), ["vpc from var"]);
        assert_eq!(notes("name"), ["name default"]);
        assert!(notes("other").is_empty());
    }

    #[test]
    fn absent_values_are_not_serialized() {
        let v = serde_json::to_value(DbInstance::default()).expect("serializes");
        assert!(v.get("storage_encrypted").is_none());
        assert_eq!(v["unknown"], serde_json::json!([]));
    }
}

/// Every entity type: adapters fill its meta last.
pub trait HasMeta: Default {
    fn meta_mut(&mut self) -> &mut Meta;
}

entity!(
    Bucket,
    Object,
    AccessPoint,
    AccountPublicAccessBlock,
    DbInstance,
    DbCluster,
    Volume,
    EbsSnapshot,
    SecurityGroup,
    IamPolicy,
    IamUser,
    IamGroup,
    PolicyAttachment,
    Role,
    Topic
);
