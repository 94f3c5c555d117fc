//! IAM grants on Google Cloud resources: `google_<kind>_iam_member`, `_iam_binding` and `_iam_policy`
//! of every kind the policies judge, and Cloud Storage's legacy ACL resources, as `gcp.iam.grants`.
//! (BigQuery dataset `access` entries are read by the BigQuery adapter.)

use super::resource_name;
use crate::adapt::{string, strings, Field, Item, Source, Tracker};
use crate::model::gcp::{GcpBinding, IamGrant};
use crate::terraform::functions;
use crate::terraform::value::Value;
use std::collections::HashMap;

/// (kind, resource type prefix, the attribute naming the resource granted on). An attribute left out
/// (a project-level grant without `project`) means the provider's default project.
const KINDS: &[(&str, &str, &str)] = &[
    ("storage_bucket", "google_storage_bucket_iam", "bucket"),
    (
        "bigquery_dataset",
        "google_bigquery_dataset_iam",
        "dataset_id",
    ),
    ("bigquery_table", "google_bigquery_table_iam", "table_id"),
    (
        "kms_crypto_key",
        "google_kms_crypto_key_iam",
        "crypto_key_id",
    ),
    ("kms_key_ring", "google_kms_key_ring_iam", "key_ring_id"),
    ("pubsub_topic", "google_pubsub_topic_iam", "topic"),
    (
        "pubsub_subscription",
        "google_pubsub_subscription_iam",
        "subscription",
    ),
    (
        "cloud_run_service",
        "google_cloud_run_service_iam",
        "service",
    ),
    (
        "cloud_run_service",
        "google_cloud_run_v2_service_iam",
        "name",
    ),
    (
        "cloudfunctions_function",
        "google_cloudfunctions_function_iam",
        "cloud_function",
    ),
    (
        "cloudfunctions_function",
        "google_cloudfunctions2_function_iam",
        "cloud_function",
    ),
    (
        "artifact_registry_repository",
        "google_artifact_registry_repository_iam",
        "repository",
    ),
    ("project", "google_project_iam", "project"),
    ("folder", "google_folder_iam", "folder"),
    ("organization", "google_organization_iam", "org_id"),
];

/// The attribute that holds the name of a resource a grant may refer to, by resource type.
const NAMES: &[(&str, &str)] = &[
    ("google_storage_bucket", "name"),
    ("google_bigquery_dataset", "dataset_id"),
    ("google_bigquery_table", "table_id"),
    ("google_kms_crypto_key", "name"),
    ("google_kms_key_ring", "name"),
    ("google_pubsub_topic", "name"),
    ("google_pubsub_subscription", "name"),
    ("google_cloud_run_service", "name"),
    ("google_cloud_run_v2_service", "name"),
    ("google_cloudfunctions_function", "name"),
    ("google_cloudfunctions2_function", "name"),
    ("google_artifact_registry_repository", "repository_id"),
    ("google_project", "project_id"),
];

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    // Address → literal name of the resources grants refer to, so that a message names the bucket
    // `acme-site`, not `google_storage_bucket.site`.
    let mut names: HashMap<String, String> = HashMap::new();
    for &(rtype, attr) in NAMES {
        for item in src.items(rtype, "") {
            if let Some((Value::String(n), _)) = item.res.attr(attr) {
                names.insert(item.address.clone(), n);
            }
        }
    }
    for &(kind, prefix, target) in KINDS {
        for via in ["member", "binding", "policy"] {
            for item in src.items(&format!("{prefix}_{via}"), "") {
                let mut t = item.tracker();
                let (kind, resource) = granted_on(&mut t, &item, kind, target);
                let resource = resource.map(|r| names.get(&r).cloned().unwrap_or(r));
                let bindings = match via {
                    "member" => vec![one(&mut t, &item, "member")],
                    "binding" => vec![one(&mut t, &item, "members")],
                    _ => policy(&mut t, &item),
                };
                push(src, t, &kind, resource, via, bindings);
            }
        }
    }
    acls(src, &names);
}

fn push<'r, 'a: 'r>(
    src: &mut impl Source<'r, 'a>,
    t: Tracker,
    kind: &str,
    resource: Option<String>,
    via: &str,
    bindings: Vec<GcpBinding>,
) {
    let mut grant = IamGrant {
        kind: kind.to_string(),
        resource,
        via: via.to_string(),
        bindings,
        ..IamGrant::default()
    };
    grant.meta = t.finish(src.locations());
    src.model().gcp.iam.grants.push(grant);
}

/// The kind and name of the resource granted on. A bucket that a `google_container_registry` created
/// is the Container Registry's storage.
fn granted_on(t: &mut Tracker, item: &Item, kind: &str, target: &str) -> (String, Option<String>) {
    let value = item.res.attr(target).map(|(v, _)| v);
    let mut kind = kind.to_string();
    if let Some(Value::Ref(r)) = &value {
        if r.address.starts_with("google_container_registry.")
            || r.address.contains(".google_container_registry.")
        {
            kind = "container_registry".to_string();
        }
    }
    let resource = match t.field(&item.res, target, "resource", resource_name) {
        Field::Known(n) => Some(n),
        _ => None,
    };
    (kind, resource)
}

/// The one binding of a `_member` (`attr = "member"`) or `_binding` (`attr = "members"`) resource.
fn one(t: &mut Tracker, item: &Item, attr: &str) -> GcpBinding {
    let r = &item.res;
    let role = t.field(r, "role", "bindings[0].role", string).known();
    let members = if attr == "member" {
        t.field(r, attr, "bindings[0].members", string)
            .known()
            .into_iter()
            .collect()
    } else {
        t.field(r, attr, "bindings[0].members", strings)
            .known()
            .unwrap_or_default()
    };
    GcpBinding {
        role,
        members,
        condition: r.block("condition").is_some(),
    }
}

/// The bindings of an `_iam_policy` resource's `policy_data` (usually `data.google_iam_policy`).
fn policy(t: &mut Tracker, item: &Item) -> Vec<GcpBinding> {
    let Some((value, span, _, why)) = item.res.attr_traced("policy_data") else {
        t.left_out("bindings", "policy_data");
        return Vec::new();
    };
    t.at("bindings", span);
    let doc = match value {
        Value::String(_) | Value::Json(_) => functions::call("jsondecode", vec![value]),
        other => other,
    };
    let Some(list) = doc
        .as_object()
        .and_then(|m| m.get("bindings"))
        .and_then(Value::as_list)
    else {
        t.mark_unknown("bindings");
        t.explain("bindings", why);
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, b) in list.iter().enumerate() {
        let Some(b) = b.as_object() else {
            t.mark_unknown(format!("bindings[{i}]"));
            out.push(GcpBinding::default());
            continue;
        };
        let role = b.get("role").and_then(string);
        if role.is_none() {
            t.mark_unknown(format!("bindings[{i}].role"));
        }
        let members = match b.get("members") {
            Some(Value::List(items)) => {
                if items.iter().any(|m| string(m).is_none()) {
                    t.mark_unknown(format!("bindings[{i}].members"));
                }
                items.iter().filter_map(string).collect()
            }
            None | Some(Value::Null) => Vec::new(),
            Some(_) => {
                t.mark_unknown(format!("bindings[{i}].members"));
                Vec::new()
            }
        };
        out.push(GcpBinding {
            role,
            members,
            condition: b
                .get("condition")
                .is_some_and(|c| !matches!(c, Value::Null)),
        });
    }
    if !why.is_empty() {
        t.explain("bindings", why);
    }
    out
}

/// Cloud Storage's legacy ACLs: an entity (`allUsers`, `user-a@example.com`) with a role (`READER`,
/// `WRITER`, `OWNER`) on a bucket, its default object ACL or one object; or a predefined ACL.
fn acls<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>, names: &HashMap<String, String>) {
    for rtype in [
        "google_storage_bucket_access_control",
        "google_storage_default_object_access_control",
        "google_storage_object_access_control",
    ] {
        for item in src.items(rtype, "") {
            let mut t = item.tracker();
            let (kind, resource) = granted_on(&mut t, &item, "storage_bucket", "bucket");
            let resource = resource.map(|r| names.get(&r).cloned().unwrap_or(r));
            let r = &item.res;
            let role = t.field(r, "role", "bindings[0].role", string).known();
            let members = t
                .field(r, "entity", "bindings[0].members", string)
                .known()
                .into_iter()
                .collect();
            let b = GcpBinding {
                role,
                members,
                condition: false,
            };
            push(src, t, &kind, resource, "acl", vec![b]);
        }
    }
    for rtype in [
        "google_storage_bucket_acl",
        "google_storage_default_object_acl",
        "google_storage_object_acl",
    ] {
        for item in src.items(rtype, "") {
            let mut t = item.tracker();
            let (kind, resource) = granted_on(&mut t, &item, "storage_bucket", "bucket");
            let resource = resource.map(|r| names.get(&r).cloned().unwrap_or(r));
            let r = &item.res;
            let mut bindings = Vec::new();
            if let Field::Known(acl) = t.field(r, "predefined_acl", "bindings", string) {
                let (role, member) = match acl.as_str() {
                    "publicRead" => ("READER", "allUsers"),
                    "publicReadWrite" => ("WRITER", "allUsers"),
                    "authenticatedRead" => ("READER", "allAuthenticatedUsers"),
                    _ => ("", ""),
                };
                if !role.is_empty() {
                    bindings.push(GcpBinding {
                        role: Some(role.to_string()),
                        members: vec![member.to_string()],
                        condition: false,
                    });
                }
            }
            let path = format!("bindings[{}].members", bindings.len());
            match t.field(r, "role_entity", &path, strings) {
                Field::Known(entries) => {
                    let span = r.attr("role_entity").map(|(_, s)| s);
                    for e in entries {
                        if let Some(span) = &span {
                            t.at(format!("bindings[{}]", bindings.len()), span.clone());
                        }
                        // `ROLE:entity`
                        if let Some((role, entity)) = e.split_once(':') {
                            bindings.push(GcpBinding {
                                role: Some(role.to_string()),
                                members: vec![entity.to_string()],
                                condition: false,
                            });
                        }
                    }
                }
                Field::Unknown => {
                    t.mark_unknown("bindings");
                }
                Field::NotWritten => {}
            }
            push(src, t, &kind, resource, "acl", bindings);
        }
    }
}
