//! EKS clusters (endpoint exposure, secrets encryption), ECR repositories (encryption) and ECS task
//! definitions (EFS volumes and their transit encryption).

use crate::adapt::{boolean, string, strings, Field, Format, Joiner, Source};
use crate::model::{
    EcrRepository, EcsTaskDefinition, EfsVolume, EksCluster, EksNodeGroup, EksVpcConfig,
};
use crate::terraform::value::Value;

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    eks(src);
    node_groups(src);
    ecr(src);
    ecs(src);
}

fn eks<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for item in src.items("aws_eks_cluster", "AWS::EKS::Cluster") {
        let r = &item.res;
        let mut t = item.tracker();
        let name = t.field(r, ("name", "Name"), "name", string).known();
        // The endpoint is public, to every address, unless said otherwise. Findings on its CIDRs say
        // which of the two values was left out to its default.
        let cfn = r.format() == Format::CloudFormation;
        let (public_name, cidrs_name) = if cfn {
            ("`EndpointPublicAccess`", "`PublicAccessCidrs`")
        } else {
            ("`endpoint_public_access`", "`public_access_cidrs`")
        };
        let cidrs_path = "vpc_config.public_access_cidrs";
        let vpc_config = match t.block(r, ("vpc_config", "ResourcesVpcConfig"), "vpc_config") {
            Field::Unknown => EksVpcConfig::default(),
            Field::NotWritten => {
                let at = t.span_of("vpc_config");
                let block = if cfn {
                    "`ResourcesVpcConfig`"
                } else {
                    "`vpc_config`"
                };
                t.because(
                    cidrs_path,
                    at,
                    format!("{block} is not set, so {public_name} defaults to true and {cidrs_name} to 0.0.0.0/0"),
                );
                EksVpcConfig {
                    endpoint_public_access: Some(true),
                    endpoint_private_access: Some(false),
                    public_access_cidrs: Some(vec!["0.0.0.0/0".into()]),
                }
            }
            Field::Known(v) => {
                // In a template, point at the property's key rather than the first line of its value.
                if let Some((_, span)) = r.attr("ResourcesVpcConfig") {
                    t.at("vpc_config", span);
                }
                let public = t.field(
                    &v,
                    ("endpoint_public_access", "EndpointPublicAccess"),
                    "vpc_config.endpoint_public_access",
                    boolean,
                );
                let cidrs = t.field(
                    &v,
                    ("public_access_cidrs", "PublicAccessCidrs"),
                    cidrs_path,
                    strings,
                );
                let public_at = t.span_of("vpc_config.endpoint_public_access");
                match public {
                    Field::NotWritten => t.because(
                        cidrs_path,
                        public_at,
                        format!("{public_name} is not set, so it defaults to true: the endpoint is public"),
                    ),
                    Field::Known(true) => {
                        t.because(
                            cidrs_path,
                            public_at,
                            format!("{public_name} is true: the endpoint is public"),
                        );
                        t.trace_too(cidrs_path, "vpc_config.endpoint_public_access");
                    }
                    Field::Known(false) | Field::Unknown => {}
                }
                if matches!(cidrs, Field::NotWritten) {
                    let at = t.span_of(cidrs_path);
                    t.because(
                        cidrs_path,
                        at,
                        format!(
                            "{cidrs_name} is not set, so it defaults to 0.0.0.0/0 (every address)"
                        ),
                    );
                }
                EksVpcConfig {
                    endpoint_public_access: public.or_default(true),
                    endpoint_private_access: t
                        .field(
                            &v,
                            ("endpoint_private_access", "EndpointPrivateAccess"),
                            "vpc_config.endpoint_private_access",
                            boolean,
                        )
                        .or_default(false),
                    public_access_cidrs: cidrs.or_default(vec!["0.0.0.0/0".into()]),
                }
            }
        };
        // Kubernetes 1.28+ clusters envelope-encrypt all API data with a key AWS owns; an
        // `encryption_config` for `secrets` puts a customer managed KMS key in its place.
        let (key_type, key) = match t.blocks(
            r,
            ("encryption_config", "EncryptionConfig"),
            "secrets_key_type",
        ) {
            Field::NotWritten => (Some("AWS_OWNED".to_string()), None),
            Field::Unknown => (None, None),
            Field::Known(configs) => {
                let mut out = (Some("AWS_OWNED".to_string()), None);
                for c in configs {
                    let resources =
                        t.field(&c, ("resources", "Resources"), "secrets_key_type", strings);
                    let covers = match resources {
                        Field::Known(list) => list.iter().any(|x| x == "secrets"),
                        Field::Unknown => {
                            out = (None, None);
                            break;
                        }
                        Field::NotWritten => false,
                    };
                    if !covers {
                        continue;
                    }
                    let key = match t.block(&c, ("provider", "Provider"), "secrets_kms_key_id") {
                        Field::Known(p) => {
                            t.field(&p, ("key_arn", "KeyArn"), "secrets_kms_key_id", string)
                        }
                        Field::Unknown => Field::Unknown,
                        Field::NotWritten => Field::NotWritten,
                    };
                    out = match key {
                        Field::Known(k) => (Some("CUSTOMER_MANAGED".to_string()), Some(k)),
                        // A reference to a key made in the same code is a customer managed key too.
                        Field::Unknown => (Some("CUSTOMER_MANAGED".to_string()), None),
                        Field::NotWritten => out,
                    };
                    t.unknown_remove("secrets_kms_key_id");
                }
                out
            }
        };
        let mut c = EksCluster {
            name,
            vpc_config,
            secrets_key_type: key_type,
            secrets_kms_key_id: key,
            ..EksCluster::default()
        };
        c.meta = t.finish(src.locations());
        src.model().aws.eks.clusters.push(c);
    }
}

/// Managed node groups: SSH remote access, and who may use it. With a key pair and no source security
/// groups, EKS opens port 22 of the nodes to every address.
fn node_groups<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for item in src.items("aws_eks_node_group", "AWS::EKS::Nodegroup") {
        let r = &item.res;
        let mut t = item.tracker();
        let name = t
            .field(r, ("node_group_name", "NodegroupName"), "name", string)
            .known();
        let (remote_access, ssh_key, sources) =
            match t.block(r, ("remote_access", "RemoteAccess"), "remote_access") {
                Field::NotWritten => (Some(false), None, None),
                Field::Unknown => (None, None, None),
                Field::Known(b) => {
                    // In a template, point at the property's key rather than its first member.
                    if let Some((_, span)) = r.attr("RemoteAccess") {
                        t.at("remote_access", span);
                    }
                    let key = t
                        .field(&b, ("ec2_ssh_key", "Ec2SshKey"), "ssh_key", string)
                        .known()
                        .filter(|k| !k.trim().is_empty());
                    let sources = t
                        .field(
                            &b,
                            ("source_security_group_ids", "SourceSecurityGroups"),
                            "remote_access.source_security_group_ids",
                            group_ids,
                        )
                        .or_default(Vec::new());
                    (Some(true), key, sources)
                }
            };
        let mut g = EksNodeGroup {
            name,
            remote_access,
            ssh_key,
            source_security_group_ids: sources,
            ..EksNodeGroup::default()
        };
        g.meta = t.finish(src.locations());
        src.model().aws.eks.node_groups.push(g);
    }
}

/// Security group IDs as written, a reference to a group of the same code as its address: any element
/// that is not known makes the list unknown (it names a group, but which one cannot be told).
fn group_ids(v: &Value) -> Option<Vec<String>> {
    match v {
        Value::List(items) => items.iter().map(super::cmk::key_ref).collect(),
        Value::Null => Some(Vec::new()),
        _ => None,
    }
}

fn ecr<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    let mut repos: Joiner<EcrRepository> = Joiner::new();
    for item in src.items("aws_ecr_repository", "AWS::ECR::Repository") {
        let r = &item.res;
        let mut t = item.tracker();
        let name = t
            .field(r, ("name", "RepositoryName"), "name", string)
            .known();
        // Without a setting, images are encrypted with AES256 (keys Amazon S3 manages).
        let (encryption_type, kms_key_id) = match t.block(
            r,
            ("encryption_configuration", "EncryptionConfiguration"),
            "encryption_type",
        ) {
            Field::NotWritten => (Some("AES256".to_string()), None),
            Field::Unknown => (None, None),
            Field::Known(e) => (
                t.field(
                    &e,
                    ("encryption_type", "EncryptionType"),
                    "encryption_type",
                    string,
                )
                .or_default("AES256".to_string()),
                t.field(&e, ("kms_key", "KmsKey"), "kms_key_id", string)
                    .known(),
            ),
        };
        // A template writes the policy on the repository; Terraform in `aws_ecr_repository_policy`.
        let policy = if r.format() == Format::CloudFormation {
            t.document(r, "RepositoryPolicyText", "policy").known()
        } else {
            None
        };
        let repo = EcrRepository {
            name: name.clone(),
            encryption_type,
            kms_key_id,
            policy,
            ..EcrRepository::default()
        };
        repos.add(repo, t, name.as_deref());
    }
    for item in src.items("aws_ecr_repository_policy", "") {
        let (repo, t) = repos.join(&item, "repository", &["encryption_type"]);
        if let Some(doc) = t.document(&item.res, "policy", "policy").known() {
            repo.policy = Some(doc);
        }
    }
    let list = repos.finish(src.locations());
    src.model().aws.ecr.repositories.extend(list);
}

fn ecs<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for item in src.items("aws_ecs_task_definition", "AWS::ECS::TaskDefinition") {
        let r = &item.res;
        let mut t = item.tracker();
        let family = t.field(r, ("family", "Family"), "family", string).known();
        let mut efs_volumes = Vec::new();
        match r.nested(("volume", "Volumes")) {
            Err(why) => {
                t.mark_unknown("efs_volumes");
                t.explain("efs_volumes", why);
            }
            Ok(volumes) => {
                for v in volumes {
                    let efs = match v.nested(("efs_volume_configuration", "EFSVolumeConfiguration"))
                    {
                        Ok(list) => match list.into_iter().next() {
                            Some(e) => e,
                            None => continue,
                        },
                        Err(why) => {
                            t.mark_unknown("efs_volumes");
                            t.explain("efs_volumes", why);
                            continue;
                        }
                    };
                    let path = format!("efs_volumes[{}]", efs_volumes.len());
                    let at = v
                        .attr("EFSVolumeConfiguration")
                        .map_or_else(|| efs.span.clone(), |(_, s)| s);
                    t.at(path.clone(), at);
                    efs_volumes.push(EfsVolume {
                        name: t
                            .field(&v, ("name", "Name"), &format!("{path}.name"), string)
                            .known(),
                        file_system_id: t
                            .field(
                                &efs,
                                ("file_system_id", "FilesystemId"),
                                &format!("{path}.file_system_id"),
                                string,
                            )
                            .known(),
                        transit_encryption: t
                            .field(
                                &efs,
                                ("transit_encryption", "TransitEncryption"),
                                &format!("{path}.transit_encryption"),
                                string,
                            )
                            .or_default("DISABLED".to_string()),
                    });
                }
            }
        }
        let mut td = EcsTaskDefinition {
            family,
            efs_volumes,
            ..EcsTaskDefinition::default()
        };
        td.meta = t.finish(src.locations());
        src.model().aws.ecs.task_definitions.push(td);
    }
}
