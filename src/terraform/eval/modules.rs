//! Module calls: their instances (`count`, `for_each`), a child evaluator per instance with the call's
//! arguments as its variables, and `module.NAME.OUTPUT`.

use super::{Evaluator, LimitsHit, Scope, MAX_INSTANCES};
use crate::finding::ScanError;
use crate::source::Span;
use crate::terraform::inputs::{Inputs, Origin};
use crate::terraform::value::Value;
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

/// Deepest chain of module calls followed. A module that calls itself, directly or through others,
/// is reported at the call and not followed at all.
pub const MAX_MODULE_DEPTH: u32 = 16;
/// Most module instances made for one root module (calls with `count`/`for_each` nested in each other
/// multiply).
pub const MAX_MODULE_INSTANCES: usize = 10_000;

/// Why a module instance stands for every instance of a call whose `count`/`for_each` cannot be
/// evaluated, and where that expression is.
#[derive(Debug)]
pub struct StandsForAll {
    /// Ends with [`super::UNEXPANDED_TAIL`], as a resource's reason does.
    pub why: String,
    pub span: Span,
}

/// Which instance of a module call.
enum CallKey {
    /// The call has neither `count` nor `for_each`.
    Single,
    /// A `count` index, or a `for_each` key with `each.value`.
    Key(Value, Option<Value>),
    /// The one instance standing for all, when `count`/`for_each` cannot be evaluated.
    All(Rc<StandsForAll>),
}

/// A child module's evaluator while it is made, and after.
pub(super) enum Child<'a> {
    InProgress,
    Done(Option<Rc<Evaluator<'a>>>),
}

impl<'a> Evaluator<'a> {
    /// Resolves remote module sources through what `terraform init` installed.
    pub fn with_installed(mut self, installed: crate::terraform::module::Installed) -> Self {
        self.installed = Rc::new(installed);
        self
    }

    /// `module.NAME.` for each module call on the way to this module.
    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    /// The name of the module call in the parent module that made this instance (`None` in a root
    /// module).
    pub fn call_name(&self) -> Option<&str> {
        match self.ancestry.as_slice() {
            [_, .., (_, call)] => Some(call.as_str()),
            _ => None,
        }
    }

    /// The evaluators of every module instance this module calls: in call-name order, one per `count`
    /// index or `for_each` key (none for `count = 0` or an empty collection, one unindexed instance
    /// when the call has neither, one instance `[*]` standing for all of them when they are unknown).
    pub fn children(&self) -> Vec<Rc<Evaluator<'a>>> {
        let mut out = Vec::new();
        for call in self.module.calls.values() {
            for key in self.call_instances(call) {
                out.extend(self.child_instance(call, key));
            }
        }
        out
    }

    /// The instances of a module call, as [`Evaluator::children`] makes them.
    fn call_instances(&self, call: &crate::terraform::module::ModuleCall<'a>) -> Vec<CallKey> {
        match self.call_expansion(call, true) {
            None => vec![CallKey::Single],
            Some(Ok(keys)) => keys
                .into_iter()
                .map(|(k, each)| CallKey::Key(k, each))
                .collect(),
            Some(Err(all)) => vec![CallKey::All(all)],
        }
    }

    /// The keys of a call with `count` (numbers) or `for_each` (strings, with `each.value`; with
    /// `keys` false, none: only whether they are known); `Err` with why and where when that
    /// expression cannot be evaluated; `None` when it has neither. What the expression went through
    /// is not added to the evaluation that asks.
    #[allow(clippy::type_complexity)]
    fn call_expansion(
        &self,
        call: &crate::terraform::module::ModuleCall<'a>,
        keys: bool,
    ) -> Option<Result<Vec<(Value, Option<Value>)>, Rc<StandsForAll>>> {
        let body = &call.block.body;
        let (attr, a) = ["count", "for_each"]
            .into_iter()
            .find_map(|n| body.get_attribute(n).map(|a| (n, a)))?;
        let outer_trace = self.trace.take();
        let outer_why = self.why.take();
        let wanted = keys;
        let found = if attr == "count" {
            match self.eval_at(call.file, &a.value).as_number() {
                Some(n) if n >= 0.0 && !wanted => Some(Vec::new()),
                Some(n) if n >= 0.0 => Some(
                    (0..(n as usize).min(MAX_INSTANCES))
                        .map(|i| (Value::Number(i as f64), None))
                        .collect(),
                ),
                _ => None,
            }
        } else {
            let all = self.expansion(&format!("module.{}", call.name), call.file, &a.value);
            match all.as_ref() {
                Value::Object(_) if !wanted => Some(Vec::new()),
                Value::Object(map) => Some(
                    map.iter()
                        .map(|(k, v)| (Value::String(k.clone()), Some(self.copy(v))))
                        .collect(),
                ),
                Value::List(items) if items.iter().all(|i| matches!(i, Value::String(_))) => {
                    if wanted {
                        let mut items = items.clone();
                        items.sort_by(|a, b| a.as_str().cmp(&b.as_str()));
                        items.dedup();
                        Some(items.into_iter().map(|k| (k.clone(), Some(k))).collect())
                    } else {
                        Some(Vec::new())
                    }
                }
                _ => None,
            }
        };
        let out = found.ok_or_else(|| {
            let mut why = self.take_why();
            why.dedup();
            let because = if why.is_empty() {
                String::new()
            } else {
                format!(" ({})", why.join("; "))
            };
            Rc::new(StandsForAll {
                why: format!(
                    "`{attr}` of module.{} cannot be evaluated{because}{}",
                    call.name,
                    super::UNEXPANDED_TAIL
                ),
                span: Span::new(call.file, crate::terraform::parse::attribute(a)),
            })
        });
        *self.trace.borrow_mut() = outer_trace;
        *self.why.borrow_mut() = outer_why;
        Some(out)
    }

    /// Why this module instance stands for every instance of a module call whose `count` or
    /// `for_each` cannot be evaluated (its own call's, else the nearest enclosing one's), and where
    /// that expression is. `None` for an instance of its own.
    pub fn stands_for_all(&self) -> Option<&StandsForAll> {
        self.stands_for_all.as_deref()
    }

    /// The instance of `call` for `key`, made once: its arguments evaluated here (with `count.index` or
    /// `each` bound) become its variables. `None` when its source is not a module of the scan or the
    /// calls nest deeper than [`MAX_MODULE_DEPTH`].
    fn child_instance(
        &self,
        call: &crate::terraform::module::ModuleCall<'a>,
        key: CallKey,
    ) -> Option<Rc<Evaluator<'a>>> {
        // `count.index` and `each` stay unbound, so unknown, in the instance that stands for all.
        let mut scope = Scope::default();
        let mut all = None;
        let suffix = match key {
            CallKey::Single => String::new(),
            CallKey::All(why) => {
                all = Some(why);
                "[*]".to_string()
            }
            CallKey::Key(k, None) => {
                let n = k.as_number()?;
                scope.bind(
                    "count",
                    Value::Object(BTreeMap::from([("index".to_string(), Value::Number(n))])),
                );
                format!("[{}]", crate::terraform::value::format_number(n))
            }
            CallKey::Key(k, Some(v)) => {
                let k = k.to_template_string()?;
                scope.bind(
                    "each",
                    Value::Object(BTreeMap::from([
                        ("key".to_string(), Value::String(k.clone())),
                        ("value".to_string(), v),
                    ])),
                );
                format!("[{}]", serde_json::Value::String(k))
            }
        };
        let memo = format!("{}{suffix}", call.name);
        match self.children.borrow().get(&memo) {
            Some(Child::Done(c)) => return c.clone(),
            Some(Child::InProgress) => return None,
            None => {}
        }
        self.children
            .borrow_mut()
            .insert(memo.clone(), Child::InProgress);
        let made = self.make_child(call, &suffix, &scope, all);
        self.children
            .borrow_mut()
            .insert(memo, Child::Done(made.clone()));
        made
    }

    fn make_child(
        &self,
        call: &crate::terraform::module::ModuleCall<'a>,
        suffix: &str,
        scope: &Scope,
        all: Option<Rc<StandsForAll>>,
    ) -> Option<Rc<Evaluator<'a>>> {
        let body = &call.block.body;
        let key = if self.key.is_empty() {
            call.name.to_string()
        } else {
            format!("{}.{}", self.key, call.name)
        };
        let dir = call
            .local_dir(&self.module.dir)
            .or_else(|| self.installed.get(&key).cloned());
        let module = dir.as_ref().and_then(|d| self.workspace?.get(d));
        let Some(module) = module else {
            if self.workspace.is_some() && call.local_dir(&self.module.dir).is_none() {
                let at = body.get_attribute("source").map_or_else(
                    || crate::terraform::parse::block_header(call.block),
                    crate::terraform::parse::attribute,
                );
                self.notes.borrow_mut().push(ScanError::parse(
                    Span::new(call.file, at),
                    format!(
                        "module.{} is not scanned: its source {} is not installed here (run `terraform init` first to include it); what it makes and returns is unknown",
                        call.name,
                        call.source.as_deref().map_or_else(|| "(not a literal)".to_string(), |s| format!("`{s}`")),
                    ),
                ));
            }
            return None;
        };
        if let Some(p) = self.ancestry.iter().position(|(d, _)| *d == module.dir) {
            self.report_recursion(call, p);
            return None;
        }
        if self.module_depth >= MAX_MODULE_DEPTH {
            self.errors.borrow_mut().push(ScanError::parse(
                Span::new(call.file, crate::terraform::parse::block_header(call.block)),
                format!(
                    "module calls nest more than {MAX_MODULE_DEPTH} levels deep here (does a module call itself?); the rest is not evaluated"
                ),
            ));
            return None;
        }
        let made = self.root.module_instances.get() + 1;
        self.root.module_instances.set(made);
        if made > MAX_MODULE_INSTANCES {
            if !self.root.modules_reported.replace(true) {
                self.errors.borrow_mut().push(ScanError::parse(
                    Span::new(call.file, crate::terraform::parse::block_header(call.block)),
                    format!(
                        "the configuration makes more than {MAX_MODULE_INSTANCES} module instances from here on; the rest are not evaluated"
                    ),
                ));
            }
            return None;
        }
        const META: [&str; 7] = [
            "source",
            "version",
            "count",
            "for_each",
            "providers",
            "depends_on",
            "lifecycle",
        ];
        let mut inputs = Inputs::default();
        for attr in body
            .attributes()
            .filter(|a| !META.contains(&a.key.as_str()))
        {
            inputs.values.insert(
                attr.key.as_str().to_string(),
                crate::terraform::inputs::Input {
                    value: crate::terraform::inputs::Given::Typed(self.eval_in(
                        call.file,
                        &attr.value,
                        scope,
                    )),
                    origin: Origin::File(Span::new(
                        call.file,
                        crate::terraform::parse::attribute(attr),
                    )),
                    upstream: self.take_trace(),
                },
            );
        }
        let mut ancestry = self.ancestry.as_ref().clone();
        ancestry.push((module.dir.clone(), call.name.to_string()));
        Some(Rc::new(Evaluator {
            notes: RefCell::default(),
            stands_for_all: all.or_else(|| self.stands_for_all.clone()),
            root: Rc::clone(&self.root),
            ancestry: Rc::new(ancestry),
            variables: RefCell::default(),
            outputs: RefCell::default(),
            expansions: RefCell::default(),
            module,
            workspace: self.workspace,
            prefix: format!("{}module.{}{suffix}.", self.prefix, call.name),
            key,
            installed: Rc::clone(&self.installed),
            files: Rc::clone(&self.files),
            budget: Rc::clone(&self.budget),
            module_depth: self.module_depth + 1,
            children: RefCell::default(),
            inputs,
            locals: RefCell::default(),
            trace: RefCell::default(),
            why: RefCell::default(),
            resolving: RefCell::default(),
            depth: Cell::new(0),
            steps: Cell::new(0),
            limit_hit: Cell::new(LimitsHit::default()),
            failed: Cell::new(false),
            errors: RefCell::default(),
        }))
    }

    /// Reports a call to a module already on the way here (`ancestry[p]`), once per call.
    fn report_recursion(&self, call: &crate::terraform::module::ModuleCall<'a>, p: usize) {
        let at = Span::new(call.file, crate::terraform::parse::block_header(call.block));
        if !self.root.recursive_reported.borrow_mut().insert(at.clone()) {
            return;
        }
        let source = call
            .source
            .as_deref()
            .map_or_else(|| "its source".to_string(), |s| format!("`{s}`"));
        let message = if p + 1 == self.ancestry.len() {
            format!(
                "module.{} calls the module it is written in ({source}); a module cannot call itself, so this call is not followed",
                call.name
            )
        } else {
            let through: Vec<String> = self.ancestry[p + 1..]
                .iter()
                .map(|(_, name)| format!("module.{name}"))
                .chain([format!("module.{}", call.name)])
                .collect();
            format!(
                "module.{} calls {source}, a module it is itself called from (through {}); modules cannot call themselves, so this call is not followed",
                call.name,
                through.join(" → ")
            )
        };
        self.errors.borrow_mut().push(ScanError::parse(at, message));
    }

    /// `module.NAME.OUTPUT`, or `module.NAME[KEY].OUTPUT` for a call with `count` or `for_each`;
    /// each output is evaluated once.
    pub(super) fn module_output(&self, name: &str, key: Option<&Value>, output: &str) -> Rc<Value> {
        let missing = || {
            Rc::new(self.unknown_because(format!(
                "module.{name} is not available (a remote source that `terraform init` has not installed, or not instantiated)"
            )))
        };
        let Some(call) = self.module.calls.get(name) else {
            return missing();
        };
        let instance = match (self.call_expansion(call, false), key) {
            (None, None) => CallKey::Single,
            // Any instance of a call whose instances are unknown is the one that stands for all.
            (Some(Err(all)), Some(_)) => CallKey::All(all),
            (Some(Ok(_)), Some(k)) => {
                let each = call.block.body.get_attribute("for_each").map(|fe| {
                    let all = self.expansion(&format!("module.{name}"), call.file, &fe.value);
                    match (all.as_ref(), k.to_template_string()) {
                        (Value::Object(map), Some(k)) => match map.get(&k) {
                            Some(v) => self.copy(v),
                            None => Value::Unknown,
                        },
                        (_, Some(k)) => Value::String(k),
                        _ => Value::Unknown,
                    }
                });
                CallKey::Key(k.clone(), each)
            }
            _ => return Rc::new(Value::Unknown),
        };
        let Some(child) = self.child_instance(call, instance) else {
            return missing();
        };
        let Some((&out, l)) = child.module.outputs.get_key_value(output) else {
            return Rc::new(Value::Unknown);
        };
        if let Some(v) = child.outputs.borrow().get(out) {
            return Rc::clone(v);
        }
        let v = Rc::new(child.eval_at(l.file, l.expr));
        child.outputs.borrow_mut().insert(out, Rc::clone(&v));
        v
    }

    /// The `for_each` collection of the resource or module call at `address`, evaluated once.
    pub(super) fn expansion(
        &self,
        address: &str,
        file: crate::source::FileId,
        expr: &hcl_edit::expr::Expression,
    ) -> Rc<Value> {
        if let Some(m) = self.expansions.borrow().get(address) {
            return self.replay(m);
        }
        let m = self.memo(|| self.eval_at(file, expr));
        let v = Rc::clone(&m.value);
        self.expansions.borrow_mut().insert(address.to_string(), m);
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{FileId, SourceFile};
    use crate::terraform::module::{Module, Workspace};
    use crate::terraform::parse::{parse, ParsedFile};
    use std::path::PathBuf;
    use std::sync::Arc;

    const ROOT: &str = r#"variable "n" {}
variable "zones" {}
module "m" {
  source = "./child"
  count  = var.n
  name   = "b-${count.index}"
  index  = count.index
}
module "z" {
  source   = "./child"
  for_each = var.zones
  name     = each.key
  index    = 1
}
module "k" {
  source = "./child"
  count  = 2
  name   = "k"
  index  = count.index
}
locals {
  index = module.m[0].index
  id    = module.m[3].bucket_id
  known = module.k[1].index
}
"#;
    const CHILD: &str = r#"variable "name" {}
variable "index" {}
resource "aws_s3_bucket" "b" {
  bucket = var.name
}
module "inner" {
  source = "./grand"
}
output "index" {
  value = var.index
}
output "bucket_id" {
  value = aws_s3_bucket.b.id
}
"#;

    fn parsed(id: u32, text: &str) -> ParsedFile {
        let f = SourceFile::new(
            format!("{id}.tf").into(),
            format!("{id}.tf"),
            Arc::from(text),
        );
        parse(FileId(id), &f).expect("parses")
    }

    /// A call whose `count`/`for_each` is unknown makes one instance `[*]` standing for all, with
    /// `count.index`/`each` unknown (never 0), the reason and the expression's location; modules it
    /// calls inherit that; a known count still makes one instance per index.
    #[test]
    fn unknown_call_expansion_gives_one_instance_for_all() {
        let files = [
            parsed(0, ROOT),
            parsed(1, CHILD),
            parsed(2, "resource \"aws_sns_topic\" \"t\" {}\n"),
        ];
        let module = |i: usize, dir: &str| {
            let mut m = Module::new(&files[i..=i]);
            m.dir = PathBuf::from(dir);
            m
        };
        let mut workspace = Workspace::new();
        for (i, dir) in [(1, "root/child"), (2, "root/child/grand")] {
            workspace.insert(PathBuf::from(dir), module(i, dir));
        }
        let root = module(0, "root");
        let ev = Evaluator::in_workspace(&root, Some(&workspace), Inputs::default());
        let children = ev.children();
        let prefixes: Vec<&str> = children.iter().map(|c| c.prefix()).collect();
        assert_eq!(
            prefixes,
            [
                "module.k[0].",
                "module.k[1].",
                "module.m[*].",
                "module.z[*]."
            ]
        );
        assert!(children[0].stands_for_all().is_none());
        assert_eq!(children[1].variable("index"), Value::Number(1.0));
        let m = &children[2];
        let all = m.stands_for_all().expect("module.m stands for all");
        assert!(
            all.why
                .starts_with("`count` of module.m cannot be evaluated (var.n has no value"),
            "{}",
            all.why
        );
        assert_eq!(&ROOT[all.span.range.clone()], "count  = var.n");
        assert_eq!(m.variable("index"), Value::Unknown);
        assert_eq!(m.variable("name"), Value::Unknown);
        let z = children[3]
            .stands_for_all()
            .expect("module.z stands for all");
        assert!(z
            .why
            .starts_with("`for_each` of module.z cannot be evaluated (var.zones"));
        assert_eq!(&ROOT[z.span.range.clone()], "for_each = var.zones");
        // A module called from the instance that stands for all stands for all too.
        let inner = m.children();
        assert_eq!(inner.len(), 1);
        assert_eq!(inner[0].prefix(), "module.m[*].module.inner.");
        assert!(inner[0]
            .stands_for_all()
            .is_some_and(|a| a.why == all.why && a.span == all.span));
        // Any instance of the call is the one that stands for all: its outputs, never index 0.
        assert_eq!(ev.local("index"), Value::Unknown);
        match ev.local("id") {
            Value::Ref(r) => assert_eq!(r.address, "module.m[*].aws_s3_bucket.b"),
            other => panic!("expected a reference, got {other:?}"),
        }
        assert_eq!(ev.local("known"), Value::Number(1.0));
        // Asking for an output of `module.m[0]` did not make an instance of its own.
        let made: Vec<String> = ev.children.borrow().keys().cloned().collect();
        assert_eq!(made, ["k[0]", "k[1]", "m[*]", "z[*]"]);
        assert!(ev.take_errors().is_empty());
    }
}
