//! `data "google_iam_policy"`, rendered offline as the Google provider renders its `policy_data`.

use crate::terraform::eval::{Evaluator, Scope};
use crate::terraform::module::Resource;
use crate::terraform::value::Value;
use std::collections::BTreeMap;

/// The IAM policy of `data "google_iam_policy"`: one `{role, members, condition}` per `binding`
/// block (members sorted and without repeats, as the provider writes them), and the `audit_config`
/// blocks as `auditConfigs`. Unknown parts stay unknown; a `dynamic "binding"` whose `for_each` is
/// unknown makes the list of bindings unknown.
pub fn render<'a>(ev: &Evaluator<'a>, ds: &Resource<'a>, scope: &Scope) -> Value {
    let body = ds.body();
    let mut out = BTreeMap::new();
    let bindings = match ev.blocks_checked(ds.file, body, "binding", scope) {
        Err(_) => Value::Unknown,
        Ok(blocks) => Value::List(
            blocks
                .into_iter()
                .map(|b| {
                    let scope = b.scope.as_ref().unwrap_or(scope);
                    let get = |name: &str| {
                        b.body
                            .get_attribute(name)
                            .map(|a| ev.eval_in(ds.file, &a.value, scope))
                    };
                    let mut binding = BTreeMap::new();
                    binding.insert("role".to_string(), get("role").unwrap_or(Value::Unknown));
                    let members = match get("members") {
                        Some(Value::List(items)) => {
                            let mut known: Vec<Value> = Vec::new();
                            for m in items {
                                if !known.contains(&m) {
                                    known.push(m);
                                }
                            }
                            known.sort_by(|a, b| {
                                a.as_str()
                                    .unwrap_or_default()
                                    .cmp(b.as_str().unwrap_or_default())
                            });
                            Value::List(known)
                        }
                        Some(other) => other,
                        None => Value::Unknown,
                    };
                    binding.insert("members".to_string(), members);
                    if let Some(c) = ev.blocks_in(ds.file, b.body, "condition", scope).first() {
                        let cscope = c.scope.as_ref().unwrap_or(scope);
                        let cond: BTreeMap<String, Value> = ["title", "description", "expression"]
                            .iter()
                            .filter_map(|k| {
                                c.body
                                    .get_attribute(k)
                                    .map(|a| (k.to_string(), ev.eval_in(ds.file, &a.value, cscope)))
                            })
                            .collect();
                        binding.insert("condition".to_string(), Value::Object(cond));
                    }
                    Value::Object(binding)
                })
                .collect(),
        ),
    };
    out.insert("bindings".to_string(), bindings);
    let audits = ev.blocks_in(ds.file, body, "audit_config", scope);
    if !audits.is_empty() {
        let list = audits
            .into_iter()
            .map(|a| {
                let service = a
                    .body
                    .get_attribute("service")
                    .map_or(Value::Unknown, |s| ev.eval_in(ds.file, &s.value, scope));
                Value::Object(BTreeMap::from([("service".to_string(), service)]))
            })
            .collect();
        out.insert("auditConfigs".to_string(), Value::List(list));
    }
    Value::Object(out)
}

#[cfg(test)]
mod tests {
    use crate::source::{FileId, SourceFile};
    use crate::terraform::eval::Evaluator;
    use crate::terraform::module::Module;
    use crate::terraform::parse::parse;
    use crate::terraform::value::Value;
    use std::sync::Arc;

    /// `local.out` of a module made of `text`.
    fn out(text: &str) -> Value {
        let f = SourceFile::new("m.tf".into(), "m.tf".into(), Arc::from(text));
        let files = vec![parse(FileId(0), &f).expect("parses")];
        let module = Module::new(&files);
        Evaluator::new(&module).local("out")
    }

    #[test]
    fn renders_bindings_with_sorted_members_and_dynamic_blocks() {
        let v = out(r#"
data "google_iam_policy" "p" {
  binding {
    role    = "roles/storage.objectViewer"
    members = ["user:b@example.com", "allUsers", "user:b@example.com"]
  }
  dynamic "binding" {
    for_each = ["roles/viewer"]
    content {
      role    = binding.value
      members = ["group:g@example.com"]
      condition {
        title      = "t"
        expression = "true"
      }
    }
  }
}
locals { out = jsondecode(data.google_iam_policy.p.policy_data) }
"#);
        let bindings = v
            .as_object()
            .and_then(|m| m.get("bindings"))
            .and_then(Value::as_list)
            .expect("bindings");
        assert_eq!(bindings.len(), 2);
        let members = |i: usize| {
            bindings[i]
                .as_object()
                .and_then(|b| b.get("members"))
                .cloned()
        };
        assert_eq!(
            members(0),
            Some(Value::List(vec![
                Value::str("allUsers"),
                Value::str("user:b@example.com")
            ]))
        );
        let second = bindings[1].as_object().expect("object");
        assert_eq!(second.get("role"), Some(&Value::str("roles/viewer")));
        assert!(second.contains_key("condition"));
    }

    #[test]
    fn unknown_members_stay_unknown() {
        let v = out(r#"
variable "who" {}
data "google_iam_policy" "p" {
  binding {
    role    = "roles/viewer"
    members = var.who
  }
}
locals { out = data.google_iam_policy.p.policy_data }
"#);
        // The text is unknown; its structure is kept with the members unknown.
        let Value::Json(inner) = v else {
            panic!("expected a partly known document, got {v:?}");
        };
        let members = inner
            .as_object()
            .and_then(|m| m.get("bindings"))
            .and_then(Value::as_list)
            .and_then(|b| b[0].as_object())
            .and_then(|b| b.get("members"))
            .cloned();
        assert_eq!(members, Some(Value::Unknown));
    }
}
