//! Resource instances (`count`, `for_each`) and resource attributes as other expressions see them.

use super::{span_of, Evaluator, Scope, MAX_INSTANCES, MAX_TOTAL_INSTANCES};
use crate::finding::ScanError;
use crate::source::Span;
use crate::terraform::module::Resource;
use crate::terraform::value::{ResourceRef, Value};
use hcl_edit::expr::Expression;
use std::collections::BTreeMap;

/// How the reason for an unexpanded resource's unknowns ends.
pub(crate) const UNEXPANDED_TAIL: &str = ", so the instances and their values are unknown";

/// One instance of a resource: `aws_s3_bucket.logs[0]`, `aws_s3_bucket.logs["a"]`, or the resource itself.
pub struct Instance {
    /// The address as Terraform prints it.
    pub address: String,
    /// The resource name with the instance key, for messages.
    pub label: String,
    /// `count` or `each` bound for this instance.
    pub scope: Scope<'static>,
    /// Why `count` or `for_each` could not be expanded, when this instance stands for all of them
    /// (its `count.index`, `each.key` and `each.value` are then unknown).
    pub unexpanded: Option<String>,
}

impl<'a> Evaluator<'a> {
    /// An attribute of a resource instance: its written value when the configuration sets it, values
    /// derived from arguments where the provider defines them, otherwise a reference known only after
    /// apply.
    pub(super) fn resource_attr(
        &self,
        res: &Resource<'a>,
        address: &str,
        attr: &str,
        scope: &Scope,
    ) -> Value {
        // What another resource's attribute went through is not where this value came from.
        let mark = self.trace.borrow().len();
        let v = self.resource_attr_inner(res, address, attr, scope);
        self.trace.borrow_mut().truncate(mark);
        v
    }

    fn resource_attr_inner(
        &self,
        res: &Resource<'a>,
        address: &str,
        attr: &str,
        scope: &Scope,
    ) -> Value {
        if let Some(a) = res.body().get_attribute(attr) {
            let v = self.eval(&a.value, scope);
            // Unknown, but still known to be this resource's attribute: companions join by it.
            if v != Value::Unknown {
                return v;
            }
        }
        if res.rtype == "aws_s3_bucket" {
            if let Some(Value::String(name)) = res
                .body()
                .get_attribute("bucket")
                .map(|a| self.eval(&a.value, scope))
            {
                match attr {
                    "id" => return Value::String(name),
                    "arn" => return Value::String(format!("arn:aws:s3:::{name}")),
                    _ => {}
                }
            }
        }
        Value::Ref(Box::new(ResourceRef {
            address: format!("{}{address}", self.prefix),
            attr: attr.to_string(),
        }))
    }

    /// The instances of a resource: one per `count` index or `for_each` key, none when the count is 0
    /// or the collection empty, and the resource itself when it has neither. An unknown count or
    /// collection gives one instance whose `count`/`each` are unknown. More than [`MAX_INSTANCES`] are
    /// cut there, with an error.
    pub fn instances(&self, res: &Resource<'a>) -> Vec<Instance> {
        let all = self.instances_uncapped(res);
        let (budget, reported) = (&self.budget.0, &self.budget.1);
        let left = budget.get();
        if all.len() > left {
            if !reported.replace(true) {
                let at = ["count", "for_each"]
                    .iter()
                    .find_map(|a| res.body().get_attribute(a))
                    .map_or_else(
                        || Span::new(res.file, crate::terraform::parse::block_header(res.block)),
                        |a| span_of(res.file, &a.value),
                    );
                self.errors.borrow_mut().push(ScanError::parse(
                    at,
                    format!(
                        "the configuration expands to more than {MAX_TOTAL_INSTANCES} resource instances from here on; the rest are not checked"
                    ),
                ));
            }
            budget.set(0);
            return all.into_iter().take(left).collect();
        }
        budget.set(left - all.len());
        all
    }

    fn instances_uncapped(&self, res: &Resource<'a>) -> Vec<Instance> {
        // An unexpanded resource stands for all its instances: its address stays the resource's own
        // (references to any instance join it), its label says `[*]`.
        let single = |unexpanded: Option<String>| Instance {
            address: format!("{}{}", self.prefix, res.address),
            label: if unexpanded.is_some() {
                format!("{}[*]", res.name)
            } else {
                res.name.to_string()
            },
            scope: Scope::default(),
            unexpanded,
        };
        // Why an expansion could not be told, for every attribute of the instance that stands for it.
        let unexpanded = |attr: &str| {
            let mut why = self.take_why();
            why.dedup();
            let because = if why.is_empty() {
                String::new()
            } else {
                format!(" ({})", why.join("; "))
            };
            Some(format!(
                "`{attr}` of {} cannot be evaluated{because}{UNEXPANDED_TAIL}",
                res.address
            ))
        };
        let body = res.body();
        let (entries, expr): (Vec<(Value, Option<Value>)>, &Expression) =
            if let Some(count) = body.get_attribute("count") {
                match self.eval_at(res.file, &count.value).as_number() {
                    Some(n) if n >= 0.0 => (
                        // One more than the cap, to tell that it was reached.
                        (0..(n as usize).min(MAX_INSTANCES.min(self.budget.0.get()) + 1))
                            .map(|i| (Value::Number(i as f64), None))
                            .collect(),
                        &count.value,
                    ),
                    _ => return vec![single(unexpanded("count"))],
                }
            } else if let Some(fe) = body.get_attribute("for_each") {
                match self.eval_at(res.file, &fe.value) {
                    Value::Object(map) => (
                        map.into_iter()
                            .map(|(k, v)| (Value::String(k), Some(v)))
                            .collect(),
                        &fe.value,
                    ),
                    Value::List(items) if items.iter().all(|i| matches!(i, Value::String(_))) => {
                        let mut items = items;
                        items.sort_by(|a, b| a.as_str().cmp(&b.as_str()));
                        items.dedup();
                        (
                            items.into_iter().map(|k| (k.clone(), Some(k))).collect(),
                            &fe.value,
                        )
                    }
                    _ => return vec![single(unexpanded("for_each"))],
                }
            } else {
                return vec![single(None)];
            };
        if entries.len() > MAX_INSTANCES {
            self.errors.borrow_mut().push(ScanError::parse(
                span_of(res.file, expr),
                format!(
                    "{} expands to more than {MAX_INSTANCES} instances; only the first {MAX_INSTANCES} are checked",
                    res.address
                ),
            ));
        }
        entries
            .into_iter()
            .take(MAX_INSTANCES.min(self.budget.0.get() + 1))
            .filter_map(|(k, v)| make_instance(res, &k, v))
            .map(|mut i| {
                i.address.insert_str(0, &self.prefix);
                i
            })
            .collect()
    }

    /// The instance of an expanded resource for `key` (a number for `count`, a string for `for_each`).
    pub(super) fn instance_for_key(&self, res: &Resource<'a>, key: &Value) -> Option<Instance> {
        let body = res.body();
        if body.get_attribute("count").is_some() {
            return make_instance(res, key, None);
        }
        let k = key.to_template_string()?;
        let fe = body.get_attribute("for_each")?;
        let value = match self.expansion(&res.address, res.file, &fe.value).as_ref() {
            Value::Object(map) => map.get(&k).map_or(Value::Unknown, |v| self.copy(v)),
            _ => Value::String(k),
        };
        make_instance(res, key, Some(value))
    }
}

/// An instance: `count.index` bound when `each_value` is `None`, else `each.key` and `each.value`.
fn make_instance(res: &Resource, key: &Value, each_value: Option<Value>) -> Option<Instance> {
    let mut scope = Scope::default();
    let suffix = match each_value {
        None => {
            let n = key.as_number()?;
            scope.bind(
                "count",
                Value::Object(BTreeMap::from([("index".to_string(), Value::Number(n))])),
            );
            format!("[{}]", crate::terraform::value::format_number(n))
        }
        Some(value) => {
            let k = key.to_template_string()?;
            scope.bind(
                "each",
                Value::Object(BTreeMap::from([
                    ("key".to_string(), Value::String(k.clone())),
                    ("value".to_string(), value),
                ])),
            );
            format!("[{}]", serde_json::Value::String(k))
        }
    };
    Some(Instance {
        address: format!("{}{suffix}", res.address),
        label: format!("{}{suffix}", res.name),
        scope,
        unexpanded: None,
    })
}

/// True when the resource has `count` or `for_each`.
pub(super) fn is_expanded(res: &Resource) -> bool {
    let body = res.body();
    body.get_attribute("count").is_some() || body.get_attribute("for_each").is_some()
}
