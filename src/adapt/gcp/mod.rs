//! One adapter per Google Cloud service. Google resources exist only in Terraform, so each adapter asks
//! [`Source::items`] for a Terraform type and no CloudFormation type (a template yields none).
//! Adding a service is a file here, a line in [`adapt`], a model section (`crate::model::gcp`) and a
//! policy folder under `policies/gcp/`.

mod bigquery;
mod compute;
mod dataproc;
mod gke;
mod iam;
mod sql;
mod storage;

use super::Source;
use crate::terraform::value::Value;

/// Adapts every Google Cloud service this folder knows.
pub(crate) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    iam::adapt(src);
    storage::adapt(src);
    bigquery::adapt(src);
    compute::adapt(src);
    sql::adapt(src);
    gke::adapt(src);
    dataproc::adapt(src);
}

/// Names the resource an attribute refers to, for messages: a literal name as written, else the
/// address of the resource in the code it references.
fn resource_name(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Ref(r) => Some(r.address.clone()),
        _ => None,
    }
}

/// A key attribute's value: the key name written, or for a reference to a key of the configuration
/// (`google_kms_crypto_key.k.id`) its address and attribute. An empty string names no key.
fn key_ref(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Ref(r) => Some(format!("{}.{}", r.address, r.attr)),
        _ => None,
    }
}
