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

    /// The evaluators of every module instance this module calls: in call-name order, one per `count`
    /// index or `for_each` key (none for `count = 0` or an empty collection, one unindexed instance
    /// when the call has neither or they are unknown).
    /// The name of the module call in the parent module that made this instance (`None` in a root
    /// module).
    pub fn call_name(&self) -> Option<&str> {
        match self.ancestry.as_slice() {
            [_, .., (_, call)] => Some(call.as_str()),
            _ => None,
        }
    }

    pub fn children(&self) -> Vec<Rc<Evaluator<'a>>> {
        let mut out = Vec::new();
        for call in self.module.calls.values() {
            for key in self.call_instances(call) {
                out.extend(self.child_instance(call, key));
            }
        }
        out
    }

    /// The instance keys of a module call: `None` for the one unindexed instance, else the key (a
    /// number for `count`, a string for `for_each`) and, for `for_each`, `each.value`.
    fn call_instances(
        &self,
        call: &crate::terraform::module::ModuleCall<'a>,
    ) -> Vec<Option<(Value, Option<Value>)>> {
        let body = &call.block.body;
        if let Some(c) = body.get_attribute("count") {
            return match self.eval_at(call.file, &c.value).as_number() {
                Some(n) if n >= 0.0 => (0..(n as usize).min(MAX_INSTANCES))
                    .map(|i| Some((Value::Number(i as f64), None)))
                    .collect(),
                _ => vec![None],
            };
        }
        if let Some(fe) = body.get_attribute("for_each") {
            return match self.eval_at(call.file, &fe.value) {
                Value::Object(map) => map
                    .into_iter()
                    .map(|(k, v)| Some((Value::String(k), Some(v))))
                    .collect(),
                Value::List(items) if items.iter().all(|i| matches!(i, Value::String(_))) => {
                    let mut items = items;
                    items.sort_by(|a, b| a.as_str().cmp(&b.as_str()));
                    items.dedup();
                    items
                        .into_iter()
                        .map(|k| Some((k.clone(), Some(k))))
                        .collect()
                }
                _ => vec![None],
            };
        }
        vec![None]
    }

    /// The instance of `call` for `key`, made once: its arguments evaluated here (with `count.index` or
    /// `each` bound) become its variables. `None` when its source is not a module of the scan or the
    /// calls nest deeper than [`MAX_MODULE_DEPTH`].
    fn child_instance(
        &self,
        call: &crate::terraform::module::ModuleCall<'a>,
        key: Option<(Value, Option<Value>)>,
    ) -> Option<Rc<Evaluator<'a>>> {
        let mut scope = Scope::default();
        let suffix = match &key {
            None => String::new(),
            Some((k, None)) => {
                let n = k.as_number()?;
                scope.bind(
                    "count",
                    Value::Object(BTreeMap::from([("index".to_string(), Value::Number(n))])),
                );
                format!("[{}]", crate::terraform::value::format_number(n))
            }
            Some((k, Some(v))) => {
                let k = k.to_template_string()?;
                scope.bind(
                    "each",
                    Value::Object(BTreeMap::from([
                        ("key".to_string(), Value::String(k.clone())),
                        ("value".to_string(), v.clone()),
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
        let made = self.make_child(call, &suffix, &scope);
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
        let expanded = ["count", "for_each"]
            .iter()
            .any(|a| call.block.body.get_attribute(a).is_some());
        let instance = match (expanded, key) {
            (false, None) => None,
            (true, Some(k)) => {
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
                Some((k.clone(), each))
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
