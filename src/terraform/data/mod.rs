//! Data sources that preflight evaluates offline, one file per data source. Every other data source is
//! read from the cloud when Terraform plans, and is unknown here.

pub mod aws_iam_policy_document;
pub mod google_iam_policy;

use super::eval::Evaluator;
use super::functions;
use super::module::Resource;
use super::value::Value;

/// The attribute `attr` of the data source `ds` when preflight can compute it; `None` otherwise.
pub fn attribute<'a>(
    ev: &Evaluator<'a>,
    ds: &Resource<'a>,
    attr: &str,
    scope: &super::eval::Scope,
) -> Option<Value> {
    match (ds.rtype, attr) {
        ("aws_iam_policy_document", "json" | "minified_json") => Some(functions::call(
            "jsonencode",
            vec![aws_iam_policy_document::render(ev, ds, scope)],
        )),
        ("google_iam_policy", "policy_data") => Some(functions::call(
            "jsonencode",
            vec![google_iam_policy::render(ev, ds, scope)],
        )),
        // The ID of the subscription data source is `/subscriptions/<id>`: the ID itself is read when
        // Terraform plans, but a scope that refers to it is a subscription. The reference is kept,
        // as for an attribute known after apply, so that adapters can tell the scope's level.
        ("azurerm_subscription" | "azurerm_management_group" | "azurerm_resource_group", "id") => {
            Some(Value::Ref(Box::new(super::value::ResourceRef {
                address: format!("{}data.{}.{}", ev.prefix(), ds.rtype, ds.name),
                attr: attr.to_string(),
            })))
        }
        _ => None,
    }
}
