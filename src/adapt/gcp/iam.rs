//! IAM grants on Google Cloud resources: `google_<kind>_iam_member`, `_iam_binding` and `_iam_policy`
//! of every kind the policies judge, and Cloud Storage's legacy ACL resources, as `gcp.iam.grants`.
//! (BigQuery dataset `access` entries are read by the BigQuery adapter.)

use super::resource_name;
use crate::adapt::{string, strings, Field, Item, Res, Source, Tracker};
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
    ("google_secret_manager_secret", "secret_id"),
    ("google_service_account", "account_id"),
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
    let reach = Reach::of(src);
    for &(kind, prefix, target) in KINDS {
        for via in ["member", "binding", "policy"] {
            for item in src.items(&format!("{prefix}_{via}"), "") {
                let mut t = item.tracker();
                let (kind, resource) = granted_on(&mut t, &item, kind, target);
                let resource = resource.map(|r| names.get(&r).cloned().unwrap_or(r));
                let ingress = reach.of_grant(&mut t, &item, &kind, target);
                let bindings = match via {
                    "member" => vec![one(&mut t, &item, "member")],
                    "binding" => vec![one(&mut t, &item, "members")],
                    _ => policy(&mut t, &item),
                };
                push(src, t, &kind, resource, via, bindings, ingress);
            }
        }
    }
    others(src, &names);
    acls(src, &names);
}

/// Grants of every other `google_<kind>_iam_member|binding|policy` type in the code (Secret Manager
/// secrets, service accounts, GKE Hub memberships, Spanner databases, …): the kind is the type's middle
/// part, and the resource granted on is read from the attribute that names it (see [`target_attr`]).
fn others<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>, names: &HashMap<String, String>) {
    for rtype in src.types() {
        let Some((kind, via)) = generic_kind(&rtype) else {
            continue;
        };
        for item in src.items(&rtype, "") {
            let mut t = item.tracker();
            let target = target_attr(&item.res.keys(), kind);
            let (kind, resource) = match &target {
                Some(attr) => granted_on(&mut t, &item, kind, attr),
                None => (kind.to_string(), None),
            };
            let resource = resource.map(|r| names.get(&r).cloned().unwrap_or(r));
            let bindings = match via {
                "member" => vec![one(&mut t, &item, "member")],
                "binding" => vec![one(&mut t, &item, "members")],
                _ => policy(&mut t, &item),
            };
            push(src, t, &kind, resource, via, bindings, None);
        }
    }
}

/// `google_secret_manager_secret_iam_member` → (`secret_manager_secret`, `member`), for a type that
/// [`KINDS`] does not list.
fn generic_kind(rtype: &str) -> Option<(&str, &'static str)> {
    let rest = rtype.strip_prefix("google_")?;
    let (kind, via) = ["member", "binding", "policy"]
        .into_iter()
        .find_map(|via| Some((rest.strip_suffix(&format!("_iam_{via}"))?, via)))?;
    if kind.is_empty() {
        return None;
    }
    let prefix = format!("google_{kind}_iam");
    (!KINDS.iter().any(|&(_, p, _)| p == prefix)).then_some((kind, via))
}

/// Which attribute of a grant of another kind names the resource granted on: not the role, members,
/// policy, condition or placement; of the rest, the one named after the kind's last word (`table` for
/// `bigtable_table`, beside its `instance`), then one named `…_id`, `…_name` or `name`, then the first.
fn target_attr(keys: &[String], kind: &str) -> Option<String> {
    const NOT: &[&str] = &[
        "role",
        "member",
        "members",
        "policy_data",
        "condition",
        "project",
        "location",
        "region",
        "zone",
        "etag",
    ];
    let rest: Vec<&String> = keys.iter().filter(|k| !NOT.contains(&k.as_str())).collect();
    let last = kind.rsplit('_').next().unwrap_or(kind);
    rest.iter()
        .find(|k| k.as_str() == last)
        .or_else(|| {
            rest.iter()
                .find(|k| k.ends_with("_id") || k.ends_with("_name") || k.as_str() == "name")
        })
        .or_else(|| rest.first())
        .map(|k| k.to_string())
}

fn push<'r, 'a: 'r>(
    src: &mut impl Source<'r, 'a>,
    t: Tracker,
    kind: &str,
    resource: Option<String>,
    via: &str,
    bindings: Vec<GcpBinding>,
    ingress: Option<String>,
) {
    let mut grant = IamGrant {
        kind: kind.to_string(),
        resource,
        via: via.to_string(),
        bindings,
        ingress,
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
            push(src, t, &kind, resource, "acl", vec![b], None);
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
            push(src, t, &kind, resource, "acl", bindings, None);
        }
    }
}

/// Where a Cloud Run service or Cloud Function of the code accepts requests from (its ingress
/// setting), `None` when it cannot be told.
type Ingress = Option<String>;

/// The ingress settings of the Cloud Run services and Cloud Functions in the code, by address and by
/// literal name, for the grants on them.
struct Reach {
    /// (kind, address) → ingress.
    by_address: HashMap<(String, String), Ingress>,
    /// (kind, name) → ingress; `None` also when services of that name disagree.
    by_name: HashMap<(String, String), Ingress>,
}

impl Reach {
    fn of<'r, 'a: 'r>(src: &impl Source<'r, 'a>) -> Reach {
        let mut reach = Reach {
            by_address: HashMap::new(),
            by_name: HashMap::new(),
        };
        for (kind, rtype) in [
            ("cloud_run_service", "google_cloud_run_service"),
            ("cloud_run_service", "google_cloud_run_v2_service"),
            ("cloudfunctions_function", "google_cloudfunctions_function"),
            ("cloudfunctions_function", "google_cloudfunctions2_function"),
        ] {
            for item in src.items(rtype, "") {
                let ingress = ingress_of(&item.res, rtype);
                if let Some((Value::String(n), _)) = item.res.attr("name") {
                    reach
                        .by_name
                        .entry((kind.to_string(), n))
                        .and_modify(|i| {
                            if *i != ingress {
                                *i = Some("disagree".to_string());
                            }
                        })
                        .or_insert_with(|| ingress.clone());
                }
                reach
                    .by_address
                    .insert((kind.to_string(), item.address.clone()), ingress);
            }
        }
        reach
    }

    /// The ingress of the service or function grant `item` (of `kind`) names through `target`:
    /// absent when it is not in the code (or services of its name disagree), and `ingress` listed as
    /// unknown when its setting cannot be told.
    fn of_grant(&self, t: &mut Tracker, item: &Item, kind: &str, target: &str) -> Option<String> {
        let found = match item.res.attr(target).map(|(v, _)| v) {
            Some(Value::Ref(r)) => self.by_address.get(&(kind.to_string(), r.address.clone())),
            Some(Value::String(n)) => {
                // A full name (`projects/p/locations/l/services/s`) ends with the service's name.
                let n = n.rsplit('/').next().unwrap_or(&n).to_string();
                self.by_name.get(&(kind.to_string(), n))
            }
            _ => None,
        }?;
        match found {
            Some(i) if i == "disagree" => None,
            Some(i) => Some(i.clone()),
            None => {
                t.mark_unknown("ingress");
                t.explain(
                    "ingress",
                    vec![format!(
                        "the ingress setting of the resource `{target}` names is unknown"
                    )],
                );
                None
            }
        }
    }
}

/// The ingress setting of a Cloud Run service (v1: the `run.googleapis.com/ingress` annotation of its
/// `metadata`; v2: `ingress`) or Cloud Function (1st gen: `ingress_settings`; 2nd gen:
/// `service_config.ingress_settings`), normalized to `all` (the default), `internal` or
/// `internal-and-cloud-load-balancing`.
fn ingress_of(r: &Res, rtype: &str) -> Ingress {
    let value = match rtype {
        "google_cloud_run_service" => match r.nested("metadata") {
            Err(_) => return None,
            Ok(blocks) => match blocks.first().and_then(|m| m.attr("annotations")) {
                None | Some((Value::Null, _)) => None,
                Some((Value::Object(map), _)) => map.get("run.googleapis.com/ingress").cloned(),
                Some(_) => return None,
            },
        },
        "google_cloudfunctions2_function" => match r.nested("service_config") {
            Err(_) => return None,
            Ok(blocks) => blocks
                .first()
                .and_then(|b| b.attr("ingress_settings"))
                .map(|(v, _)| v),
        },
        "google_cloud_run_v2_service" => r.attr("ingress").map(|(v, _)| v),
        _ => r.attr("ingress_settings").map(|(v, _)| v),
    };
    match value {
        None | Some(Value::Null) => Some("all".to_string()),
        Some(Value::String(s)) => Some(normalize_ingress(&s)),
        Some(_) => None,
    }
}

/// The four spellings of the three settings, as one.
fn normalize_ingress(s: &str) -> String {
    let s = s.trim().to_ascii_lowercase();
    match s.as_str() {
        "ingress_traffic_all" | "allow_all" => "all".to_string(),
        "ingress_traffic_internal_only" | "allow_internal_only" => "internal".to_string(),
        "ingress_traffic_internal_load_balancer" | "allow_internal_and_gclb" => {
            "internal-and-cloud-load-balancing".to_string()
        }
        _ => s,
    }
}

#[cfg(test)]
mod tests {
    use super::{generic_kind, normalize_ingress, target_attr};
    use crate::terraform::adapt::model_of_text;

    #[test]
    fn generic_kinds_are_the_types_not_listed() {
        assert_eq!(
            generic_kind("google_secret_manager_secret_iam_member"),
            Some(("secret_manager_secret", "member"))
        );
        assert_eq!(
            generic_kind("google_gke_hub_membership_iam_binding"),
            Some(("gke_hub_membership", "binding"))
        );
        assert_eq!(generic_kind("google_storage_bucket_iam_member"), None);
        assert_eq!(generic_kind("google_iam_policy"), None);
        assert_eq!(generic_kind("google_project_iam_custom_role"), None);
        assert_eq!(generic_kind("aws_iam_policy"), None);
    }

    #[test]
    fn target_attribute_prefers_ids_and_names() {
        let keys = |k: &[&str]| k.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            target_attr(
                &keys(&["member", "project", "role", "secret_id"]),
                "secret_manager_secret"
            ),
            Some("secret_id".to_string())
        );
        assert_eq!(
            target_attr(&keys(&["instance", "member", "role"]), "spanner_instance"),
            Some("instance".to_string())
        );
        assert_eq!(
            target_attr(
                &keys(&["instance", "member", "role", "table"]),
                "bigtable_table"
            ),
            Some("table".to_string())
        );
        assert_eq!(target_attr(&keys(&["member", "role"]), "x"), None);
    }

    #[test]
    fn ingress_spellings_are_one() {
        assert_eq!(
            normalize_ingress("INGRESS_TRAFFIC_INTERNAL_ONLY"),
            "internal"
        );
        assert_eq!(normalize_ingress("ALLOW_INTERNAL_ONLY"), "internal");
        assert_eq!(
            normalize_ingress("ALLOW_INTERNAL_AND_GCLB"),
            "internal-and-cloud-load-balancing"
        );
        assert_eq!(normalize_ingress("all"), "all");
    }

    #[test]
    fn secret_grant_names_the_secret() {
        let m = model_of_text(
            r#"
resource "google_secret_manager_secret" "s" {
  secret_id = "db-password"
}
resource "google_secret_manager_secret_iam_member" "m" {
  secret_id = google_secret_manager_secret.s.id
  role      = "roles/secretmanager.secretAccessor"
  member    = "allUsers"
}
"#,
        );
        let g = &m.gcp.iam.grants[0];
        assert_eq!(g.kind, "secret_manager_secret");
        assert_eq!(g.bindings[0].members, vec!["allUsers".to_string()]);
        assert!(g.resource.is_some());
    }

    #[test]
    fn internal_cloud_run_ingress_reaches_the_grant() {
        let m = model_of_text(
            r#"
resource "google_cloud_run_service" "s" {
  name = "api"
  metadata {
    annotations = { "run.googleapis.com/ingress" = "internal" }
  }
}
resource "google_cloud_run_service_iam_member" "m" {
  service = google_cloud_run_service.s.name
  role    = "roles/run.invoker"
  member  = "allUsers"
}
"#,
        );
        assert_eq!(m.gcp.iam.grants[0].ingress.as_deref(), Some("internal"));
    }
}
