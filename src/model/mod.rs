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

pub mod compute;
pub mod containers;
pub mod document;
pub mod dynamodb;
pub mod workspaces;

use crate::finding::Trace;
use crate::source::Span;
use serde::Serialize;
use std::collections::HashMap;

pub use compute::{
    BlockDevice, Compute, EbsEncryptionDefault, ImagePermission, LaunchPermission, Machine,
    SnapshotPermission,
};
pub use containers::{
    Ecr, EcrRepository, Ecs, EcsTaskDefinition, EfsVolume, Eks, EksCluster, EksVpcConfig,
};
pub use document::{Condition, Document, Principal, Statement};
pub use dynamodb::{Dynamodb, Table};
pub use workspaces::{Workspace, Workspaces};

/// Fields every entity has.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Meta {
    /// Unique in one model: the Terraform address (or logical ID), with a suffix for nested entities.
    pub id: String,
    /// Short name for messages.
    pub label: String,
    /// Attribute paths whose value could not be resolved.
    pub unknown: Vec<String>,
}

#[derive(Debug, Default, Serialize)]
pub struct Model {
    pub aws: Aws,
}

#[derive(Debug, Default, Serialize)]
pub struct Aws {
    pub s3: S3,
    pub rds: Rds,
    pub ebs: Ebs,
    pub ec2: Ec2,
    pub iam: Iam,
    pub sns: Sns,
    pub dynamodb: Dynamodb,
    pub compute: Compute,
    pub eks: Eks,
    pub ecr: Ecr,
    pub ecs: Ecs,
    pub workspaces: Workspaces,
}

#[derive(Debug, Default, Serialize)]
pub struct S3 {
    pub buckets: Vec<Bucket>,
}

#[derive(Debug, Default, Serialize)]
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
}

#[derive(Debug, Default, Serialize)]
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

#[derive(Debug, Serialize)]
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

#[derive(Debug, Default, Serialize)]
pub struct Encryption {
    pub configured: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub algorithm: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
}

#[derive(Debug, Default, Serialize)]
pub struct Rds {
    pub instances: Vec<DbInstance>,
    pub clusters: Vec<DbCluster>,
}

#[derive(Debug, Default, Serialize)]
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

#[derive(Debug, Default, Serialize)]
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

#[derive(Debug, Default, Serialize)]
pub struct Ebs {
    pub volumes: Vec<Volume>,
}

#[derive(Debug, Default, Serialize)]
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

#[derive(Debug, Default, Serialize)]
pub struct Ec2 {
    pub security_groups: Vec<SecurityGroup>,
}

#[derive(Debug, Default, Serialize)]
pub struct SecurityGroup {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub ingress: Vec<SgRule>,
    pub egress: Vec<SgRule>,
}

#[derive(Debug, Default, Serialize)]
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

#[derive(Debug, Default, Serialize)]
pub struct Iam {
    pub policies: Vec<IamPolicy>,
    pub roles: Vec<Role>,
}

#[derive(Debug, Default, Serialize)]
pub struct IamPolicy {
    #[serde(flatten)]
    pub meta: Meta,
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<Document>,
}

#[derive(Debug, Default, Serialize)]
pub struct Role {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trust_policy: Option<Document>,
}

#[derive(Debug, Default, Serialize)]
pub struct Sns {
    pub topics: Vec<Topic>,
}

#[derive(Debug, Default, Serialize)]
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
    "aws.rds.instances" => aws.rds.instances;
    "aws.rds.clusters" => aws.rds.clusters;
    "aws.ebs.volumes" => aws.ebs.volumes;
    "aws.ec2.security_groups" => aws.ec2.security_groups;
    "aws.iam.policies" => aws.iam.policies;
    "aws.iam.roles" => aws.iam.roles;
    "aws.sns.topics" => aws.sns.topics;
    "aws.dynamodb.tables" => aws.dynamodb.tables;
    "aws.compute.instances" => aws.compute.instances;
    "aws.compute.launch_templates" => aws.compute.launch_templates;
    "aws.compute.launch_configurations" => aws.compute.launch_configurations;
    "aws.compute.ebs_encryption_defaults" => aws.compute.ebs_encryption_defaults;
    "aws.compute.snapshot_permissions" => aws.compute.snapshot_permissions;
    "aws.compute.image_permissions" => aws.compute.image_permissions;
    "aws.eks.clusters" => aws.eks.clusters;
    "aws.ecr.repositories" => aws.ecr.repositories;
    "aws.ecs.task_definitions" => aws.ecs.task_definitions;
    "aws.workspaces.workspaces" => aws.workspaces.workspaces;
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
}

/// Entity id → locations.
#[derive(Debug, Default)]
pub struct Locations {
    pub entities: HashMap<String, EntityLocations>,
}

impl Locations {
    /// The span for `path` of entity `id`: the longest prefix of the path that has a location, else the
    /// entity header, with the source attribute that was left out when the adapter knows it.
    pub fn locate(&self, id: &str, path: &str) -> Option<Located<'_>> {
        let e = self.entities.get(id)?;
        let mut p = path;
        loop {
            if let Some(span) = e.attrs.get(p) {
                return Some(Located {
                    entity: e,
                    span: span.clone(),
                    missing: None,
                    trace: e.traces.get(p).cloned().unwrap_or_default(),
                });
            }
            match parent_path(p) {
                Some(parent) => p = parent,
                None => {
                    return Some(Located {
                        entity: e,
                        span: e.header.clone(),
                        missing: Some(e.missing.get(path).cloned().unwrap_or_default()),
                        trace: Vec::new(),
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

/// `a.b[2].c` → `a.b[2]` → `a.b` → `a` → None.
fn parent_path(path: &str) -> Option<&str> {
    let cut = path.rfind(['.', '['])?;
    Some(&path[..cut])
}

#[cfg(test)]
mod tests {
    use super::*;
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
    DbInstance,
    DbCluster,
    Volume,
    SecurityGroup,
    IamPolicy,
    Role,
    Topic
);
