//! BigQuery datasets: their default key, and who their `access` entries (and
//! `google_bigquery_dataset_access` resources) let in, as IAM grants of kind `bigquery_dataset`.

use super::{key_ref, resource_name};
use crate::adapt::{string, Field, Fields, Res, Source, Tracker};
use crate::model::gcp::{BigqueryDataset, GcpBinding, IamGrant};

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for item in src.items("google_bigquery_dataset", "") {
        let r = &item.res;
        let mut t = item.tracker();
        let dataset_id = t.field(r, "dataset_id", "dataset_id", string).known();
        let kms_key_name = match t.block(r, "default_encryption_configuration", "kms_key_name") {
            Field::Known(e) => t
                .field(&e, "kms_key_name", "kms_key_name", key_ref)
                .known()
                .filter(|k| !k.trim().is_empty()),
            Field::Unknown | Field::NotWritten => None,
        };
        let mut ds = BigqueryDataset {
            dataset_id: dataset_id.clone(),
            kms_key_name,
            ..BigqueryDataset::default()
        };
        ds.meta = t.finish(src.locations());
        src.model().gcp.bigquery.datasets.push(ds);

        // The `access` entries, as one grant beside the dataset.
        let mut g = Tracker::new(
            format!("{}#access", item.address),
            item.label.clone(),
            item.address.clone(),
            r.span.clone(),
        );
        let bindings = match g.blocks(r, "access", "bindings") {
            Field::Known(blocks) => blocks
                .iter()
                .enumerate()
                .map(|(i, b)| {
                    g.at(format!("bindings[{i}]"), b.span.clone());
                    entry(&mut g, b, &format!("bindings[{i}]"))
                })
                .collect(),
            Field::Unknown | Field::NotWritten => Vec::new(),
        };
        if bindings.is_empty() && !g.is_unknown("bindings") {
            // No access entries written: BigQuery grants the project's owners, editors and viewers.
            continue;
        }
        let mut grant = IamGrant {
            kind: "bigquery_dataset".to_string(),
            resource: dataset_id.or_else(|| Some(item.address.clone())),
            via: "access".to_string(),
            bindings,
            ..IamGrant::default()
        };
        grant.meta = g.finish(src.locations());
        src.model().gcp.iam.grants.push(grant);
    }
    for item in src.items("google_bigquery_dataset_access", "") {
        let mut t = item.tracker();
        let resource = t
            .field(&item.res, "dataset_id", "resource", resource_name)
            .known();
        let b = entry(&mut t, &item.res, "bindings[0]");
        let mut grant = IamGrant {
            kind: "bigquery_dataset".to_string(),
            resource,
            via: "access".to_string(),
            bindings: vec![b],
            ..IamGrant::default()
        };
        grant.meta = t.finish(src.locations());
        src.model().gcp.iam.grants.push(grant);
    }
}

/// One access entry: its role and its principal, spelled as IAM spells members (`allUsers`,
/// `user:…`, `group:…`, `domain:…`; a special group other than the public ones by its own name).
fn entry(t: &mut Tracker, b: &Res, path: &str) -> GcpBinding {
    let role = t.field(b, "role", &format!("{path}.role"), string).known();
    let mut members = Vec::new();
    let members_path = format!("{path}.members");
    for (attr, prefix) in [
        ("iam_member", ""),
        ("special_group", ""),
        ("user_by_email", "user:"),
        ("group_by_email", "group:"),
        ("domain", "domain:"),
    ] {
        if b.get(attr).is_none() {
            continue;
        }
        if let Field::Known(m) = t.field(b, attr, &members_path, string) {
            members.push(format!("{prefix}{m}"));
        }
    }
    GcpBinding {
        role,
        members,
        condition: b.block("condition").is_some(),
    }
}
