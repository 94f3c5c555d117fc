//! One adapter per Azure service (`azurerm` provider). Azure has no CloudFormation, so every adapter
//! asks [`Source::items`] for a Terraform type only (the CloudFormation type is empty) and names
//! attributes by their Terraform names alone. Defaults are the provider's; where one depends on the
//! provider's major version, the adapter reads the versions that `required_providers` or a
//! `provider` block's legacy `version` admit and takes the riskier default when they admit both
//! ([`crate::adapt::Res::azurerm_provider_major`]).

mod aks;
mod authorization;
mod compute;
mod containerregistry;
mod cosmosdb;
mod database;
mod keyvault;
mod messaging;
mod network;
mod redis;
mod storage;
mod web;

use super::{boolean, string, Res, Source, Target, Tracker};
use crate::terraform::value::Value;

/// `public_network_access_enabled`: every Azure service that has it reaches the internet unless it is
/// set to false.
fn public_network_access(t: &mut Tracker, r: &Res) -> Option<bool> {
    let path = "public_network_access_enabled";
    t.field(r, path, path, boolean).or_default(true)
}

/// An ID as written, or `address.attr` for a reference to a resource whose ID is known only after
/// apply: either way a value is set.
fn id(v: &Value) -> Option<String> {
    match v {
        Value::Ref(r) => Some(format!("{}.{}", r.address, r.attr)),
        _ => string(v),
    }
}

/// Adapts every Azure service this folder knows.
pub(crate) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    storage::adapt(src);
    network::adapt(src);
    database::adapt(src);
    compute::adapt(src);
    keyvault::adapt(src);
    cosmosdb::adapt(src);
    authorization::adapt(src);
    aks::adapt(src);
    web::adapt(src);
    redis::adapt(src);
    containerregistry::adapt(src);
    messaging::adapt(src);
}

/// How a companion resource names its parent through the first of `attrs` it writes (an `id`
/// reference, or a literal name).
fn parent(r: &Res, attrs: &[&str]) -> Target {
    attrs
        .iter()
        .find_map(|a| r.attr(*a))
        .map_or(Target::Unknown, |(v, _)| super::target(&v))
}

/// Whether `target` names the resource at `address` called `name`.
fn names(target: &Target, address: &str, name: Option<&str>) -> bool {
    match target {
        Target::Address(a) => {
            a == address
                || a.strip_suffix(']')
                    .and_then(|rest| rest.rfind('[').map(|i| &rest[..i]))
                    .is_some_and(|base| base == address)
        }
        Target::Name(n) => name == Some(n.as_str()) || n == address,
        Target::Unknown => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn companions_name_their_parent_by_address_or_name() {
        let a = "azurerm_storage_account.logs";
        assert!(names(&Target::Address(a.into()), a, None));
        assert!(names(&Target::Address(format!("{a}[0]")), a, None));
        assert!(names(&Target::Name("stlogs".into()), a, Some("stlogs")));
        assert!(!names(&Target::Name("other".into()), a, Some("stlogs")));
        assert!(!names(&Target::Unknown, a, Some("stlogs")));
    }
}
