//! Expression evaluation over the `hcl-edit` tree, inside one module.
//!
//! Resolves literals, templates and heredocs, variables (defaults), locals (in dependency order, cycles
//! reported), references between resources, conditionals, `for` expressions, splats and the functions of
//! [`super::functions`]. Whatever it cannot resolve is [`Value::Unknown`]; it never fails and its work is
//! bounded (nesting depth and a step budget). Knows nothing of the cloud model.
//!
//! Split by job: this file is the evaluator and expressions; `instances` expands resources (`count`,
//! `for_each`); `modules` makes module instances; `files` is `file`/`templatefile`. Data sources
//! computed offline live in [`super::data`].

use super::functions;
use super::holes::HoleText;
use super::inputs::{convert, DeclaredType, Given, Inputs, Origin};
use super::module::{Module, Workspace};
use super::value::Value;
use crate::finding::{ScanError, Trace};
use crate::source::{FileId, Span};
use hcl_edit::expr::{
    BinaryOperator, Expression, ForExpr, ObjectKey, TraversalOperator, UnaryOperator,
};
use hcl_edit::structure::{Block, Body};
use hcl_edit::template::{Directive, Element, Template};
use hcl_edit::Span as _;
use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

mod doc_files;
mod doc_spans;
mod files;
mod instances;
mod modules;

pub use files::FileAccess;
use instances::is_expanded;
pub use instances::Instance;
pub(crate) use instances::UNEXPANDED_TAIL;
use modules::Child;
pub use modules::{StandsForAll, MAX_MODULE_DEPTH};

/// Deepest nesting of expressions (and of references followed) evaluated before giving up with Unknown.
const MAX_DEPTH: u32 = 128;
/// Most evaluation steps for one module; past it every expression is Unknown.
const MAX_STEPS: u64 = 2_000_000;
/// Most instances one resource expands to through `count` or `for_each`.
pub const MAX_INSTANCES: usize = 10_000;
/// Most resource instances in a root module and every module it calls, together.
pub const MAX_TOTAL_INSTANCES: usize = 50_000;
/// Most value nodes (see [`Value::size_within`]: one per value, one per 32 bytes of string) built or
/// copied while evaluating a root module and every module it calls. Real configurations stay far
/// below: the largest module of the 1,000-file benchmark corpus builds about 1,200. A chain of 26
/// locals that each double the previous would build 134 million (24 GB); it stops here, having used
/// about 120 MB.
pub const MAX_VALUE_NODES: u64 = 4_000_000;

/// Limits hit during the current top-level evaluation.
#[derive(Clone, Copy, Default)]
struct LimitsHit {
    depth: bool,
    steps: bool,
    size: bool,
}

/// A local, a variable or a `for_each` evaluated once: its value (shared by every reference, which
/// copies only the part it selects), where it came from and why parts of it are unknown.
struct Memo {
    value: Rc<Value>,
    trace: Vec<Trace>,
    why: Vec<String>,
}

/// A list without repeats, in the order items were first added. Traces and reasons are added on
/// every reference to a local or variable; kept as plain lists, a chain of locals that each refer to
/// the previous one twice doubled them at every step.
struct Unique<T> {
    items: Vec<T>,
    seen: std::collections::HashSet<T>,
}

impl<T> Default for Unique<T> {
    fn default() -> Self {
        Unique {
            items: Vec::new(),
            seen: std::collections::HashSet::new(),
        }
    }
}

impl<T: Clone + Eq + std::hash::Hash> Unique<T> {
    fn push(&mut self, item: T) {
        if !self.seen.contains(&item) {
            self.seen.insert(item.clone());
            self.items.push(item);
        }
    }

    fn extend<'i>(&mut self, items: impl IntoIterator<Item = &'i T>)
    where
        T: 'i,
    {
        for item in items {
            if !self.seen.contains(item) {
                self.seen.insert(item.clone());
                self.items.push(item.clone());
            }
        }
    }

    fn len(&self) -> usize {
        self.items.len()
    }

    fn truncate(&mut self, len: usize) {
        for item in self.items.drain(len.min(self.items.len())..) {
            self.seen.remove(&item);
        }
    }

    fn take(&mut self) -> Vec<T> {
        self.seen.clear();
        std::mem::take(&mut self.items)
    }
}

/// What the evaluators of one root module and all its module instances share.
pub(crate) struct RootBudget {
    /// Value nodes built so far ([`MAX_VALUE_NODES`]) and whether running out has been reported.
    nodes: Cell<u64>,
    nodes_reported: Cell<bool>,
    /// Module instances made so far ([`modules::MAX_MODULE_INSTANCES`]) and whether running out has
    /// been reported.
    module_instances: Cell<usize>,
    modules_reported: Cell<bool>,
    /// Module calls already reported as recursive.
    recursive_reported: RefCell<std::collections::HashSet<Span>>,
}

impl Default for RootBudget {
    fn default() -> Self {
        RootBudget {
            nodes: Cell::new(0),
            nodes_reported: Cell::new(false),
            module_instances: Cell::new(0),
            modules_reported: Cell::new(false),
            recursive_reported: RefCell::default(),
        }
    }
}

/// A nested block as evaluated: a literal one, or one generated by a `dynamic` block.
pub struct BlockInstance<'a> {
    /// The block whose header locates it (the `dynamic` block for generated ones).
    pub header: &'a Block,
    pub body: &'a Body,
    /// `None`: the parent's scope; `Some`: the parent's with the dynamic iterator bound.
    pub scope: Option<Scope<'static>>,
}

/// Names bound by `for` expressions and template `for` directives.
#[derive(Default)]
pub struct Scope<'p> {
    /// Shared, so that flattening a scope or reading a name does not copy a value.
    vars: Vec<(String, Rc<Value>)>,
    parent: Option<&'p Scope<'p>>,
}

impl<'p> Scope<'p> {
    pub fn child(parent: &'p Scope<'p>) -> Scope<'p> {
        Scope {
            vars: Vec::new(),
            parent: Some(parent),
        }
    }

    pub fn bind(&mut self, name: &str, value: Value) {
        self.vars.push((name.to_string(), Rc::new(value)));
    }

    /// A scope that owns every binding visible here (for blocks that outlive this one).
    pub fn flattened(&self) -> Scope<'static> {
        let mut vars = self.parent.map(|p| p.flattened().vars).unwrap_or_default();
        vars.extend(self.vars.iter().cloned());
        Scope { vars, parent: None }
    }

    fn lookup(&self, name: &str) -> Option<&Rc<Value>> {
        self.vars
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v)
            .or_else(|| self.parent.and_then(|p| p.lookup(name)))
    }
}

pub struct Evaluator<'a> {
    pub module: &'a Module<'a>,
    /// Every module of the scan, for resolving module calls (none: calls are unknown).
    workspace: Option<&'a Workspace<'a>>,
    /// `module.NAME.` for each call on the way here; empty in a root module.
    prefix: String,
    /// The module key (`a.b`) as `terraform init` records it; empty in a root module.
    key: String,
    /// Modules `terraform init` installed for the root module.
    installed: Rc<super::module::Installed>,
    /// What `file` and `templatefile` may read: the root module's directory (relative paths resolve
    /// against it) and the scanned roots that files must lie under.
    files: Rc<FileAccess>,
    /// Resource instances the root module and its calls may still make ([`MAX_TOTAL_INSTANCES`]), and
    /// whether running out has been reported.
    budget: Rc<(Cell<usize>, Cell<bool>)>,
    /// The value budget, module instances and recursive calls of the root module.
    root: Rc<RootBudget>,
    /// The directory of each module on the way here, from the root, with the call that entered it
    /// (empty for the root): a call to one of them is recursive.
    ancestry: Rc<Vec<(std::path::PathBuf, String)>>,
    module_depth: u32,
    /// Module instances made so far, by call name and instance key (`db`, `db[0]`, `db["a"]`).
    children: RefCell<BTreeMap<String, Child<'a>>>,
    /// Values given from outside the module (tfvars, flags, environment).
    inputs: Inputs,
    /// Locals evaluated so far, with the trace of where their value came from.
    locals: RefCell<HashMap<&'a str, Memo>>,
    /// Variables evaluated so far (converted to their type, or their default).
    variables: RefCell<HashMap<&'a str, Memo>>,
    /// Outputs evaluated so far, for `module.NAME.OUTPUT` in the caller.
    outputs: RefCell<HashMap<&'a str, Rc<Value>>>,
    /// The `for_each` collections of resources and module calls, by address (`aws_x.y`, `module.m`),
    /// for `aws_x.y[key]` references.
    expansions: RefCell<HashMap<String, Memo>>,
    /// Where the value of the current top-level evaluation came from.
    trace: RefCell<Unique<Trace>>,
    /// Why parts of the current top-level evaluation are unknown.
    why: RefCell<Unique<String>>,
    resolving: RefCell<Vec<&'a str>>,
    depth: Cell<u32>,
    steps: Cell<u64>,
    /// The limits hit during the current top-level evaluation.
    limit_hit: Cell<LimitsHit>,
    /// An error Terraform would raise happened while evaluating (a missing attribute or key of a known
    /// value, a function failing on known arguments): what `try` and `can` look at, as opposed to a
    /// value known only after apply.
    failed: Cell<bool>,
    errors: RefCell<Vec<ScanError>>,
    /// What was left out without being wrong (a remote module that is not installed).
    notes: RefCell<Vec<ScanError>>,
    /// Set when this module instance stands for every instance of a call (its own or an enclosing
    /// one) whose `count`/`for_each` cannot be evaluated.
    stands_for_all: Option<Rc<StandsForAll>>,
}

impl<'a> Evaluator<'a> {
    pub fn new(module: &'a Module<'a>) -> Self {
        Evaluator::with_inputs(module, Inputs::default())
    }

    pub fn with_inputs(module: &'a Module<'a>, inputs: Inputs) -> Self {
        Evaluator::in_workspace(module, None, inputs)
    }

    /// A root module's evaluator, resolving local module calls in `workspace`.
    pub fn in_workspace(
        module: &'a Module<'a>,
        workspace: Option<&'a Workspace<'a>>,
        inputs: Inputs,
    ) -> Self {
        Evaluator {
            module,
            workspace,
            prefix: String::new(),
            key: String::new(),
            installed: Rc::default(),
            files: Rc::default(),
            budget: Rc::new((Cell::new(MAX_TOTAL_INSTANCES), Cell::new(false))),
            root: Rc::default(),
            ancestry: Rc::new(vec![(module.dir.clone(), String::new())]),
            module_depth: 0,
            children: RefCell::default(),
            inputs,
            locals: RefCell::default(),
            variables: RefCell::default(),
            outputs: RefCell::default(),
            expansions: RefCell::default(),
            trace: RefCell::default(),
            why: RefCell::default(),
            resolving: RefCell::default(),
            depth: Cell::new(0),
            steps: Cell::new(0),
            limit_hit: Cell::new(LimitsHit::default()),
            failed: Cell::new(false),
            errors: RefCell::default(),
            notes: RefCell::default(),
            stands_for_all: None,
        }
    }

    /// Counts `nodes` more value nodes against [`MAX_VALUE_NODES`]; false (and the limit marked hit)
    /// when the budget is spent.
    fn charge(&self, nodes: u64) -> bool {
        let total = self.root.nodes.get().saturating_add(nodes);
        self.root.nodes.set(total);
        if total > MAX_VALUE_NODES {
            let mut hit = self.limit_hit.get();
            hit.size = true;
            self.limit_hit.set(hit);
            return false;
        }
        true
    }

    /// `v` if the budget allows for its size, else Unknown with the reason.
    fn charged(&self, v: Value) -> Value {
        let left = MAX_VALUE_NODES.saturating_sub(self.root.nodes.get());
        if self.charge(v.size_within(left)) {
            v
        } else {
            self.over_budget()
        }
    }

    fn over_budget(&self) -> Value {
        self.unknown_because(format!(
            "the values built while evaluating this configuration exceed {MAX_VALUE_NODES} nodes"
        ))
    }

    /// A copy of `v`, counted against the value budget (Unknown past it).
    fn copy(&self, v: &Value) -> Value {
        let left = MAX_VALUE_NODES.saturating_sub(self.root.nodes.get());
        if self.charge(v.size_within(left)) {
            v.clone()
        } else {
            self.over_budget()
        }
    }

    /// The value itself when nothing else shares it, else a copy.
    fn unshare(&self, v: Rc<Value>) -> Value {
        Rc::try_unwrap(v).unwrap_or_else(|v| self.copy(&v))
    }

    /// Counts `n` steps of work done outside [`Evaluator::eval`] (a function going through a
    /// collection); false when the step budget is spent.
    fn step(&self, n: u64) -> bool {
        let steps = self.steps.get().saturating_add(n);
        self.steps.set(steps);
        if steps > MAX_STEPS {
            let mut hit = self.limit_hit.get();
            hit.steps = true;
            self.limit_hit.set(hit);
            return false;
        }
        true
    }

    /// Replays what a memoized evaluation recorded and shares its value.
    fn replay(&self, m: &Memo) -> Rc<Value> {
        self.trace.borrow_mut().extend(&m.trace);
        self.why.borrow_mut().extend(&m.why);
        Rc::clone(&m.value)
    }

    /// Evaluates with `f` and records the value with the trace and reasons it added.
    fn memo(&self, f: impl FnOnce() -> Value) -> Memo {
        // Evaluated with empty lists, so that the memo holds all it went through, also what the
        // evaluation around it had already noted.
        let outer_trace = self.trace.take();
        let outer_why = self.why.take();
        let value = Rc::new(f());
        let trace = std::mem::replace(&mut *self.trace.borrow_mut(), outer_trace).take();
        let why = std::mem::replace(&mut *self.why.borrow_mut(), outer_why).take();
        self.trace.borrow_mut().extend(&trace);
        self.why.borrow_mut().extend(&why);
        Memo { value, trace, why }
    }

    /// Nested blocks `ident` of `body`: literal ones in order, then those that `dynamic "ident"` blocks
    /// generate (one per element of their `for_each`, with the iterator bound; none when the collection
    /// is unknown).
    pub fn blocks_in(
        &self,
        file: FileId,
        body: &'a Body,
        ident: &str,
        scope: &Scope,
    ) -> Vec<BlockInstance<'a>> {
        self.blocks_told(file, body, ident, scope).0
    }

    /// [`Evaluator::blocks_in`], or why the blocks cannot be told: a `dynamic "ident"` whose
    /// `for_each` is unknown may generate any number of them.
    pub fn blocks_checked(
        &self,
        file: FileId,
        body: &'a Body,
        ident: &str,
        scope: &Scope,
    ) -> Result<Vec<BlockInstance<'a>>, Vec<String>> {
        match self.blocks_told(file, body, ident, scope) {
            (blocks, None) => Ok(blocks),
            (_, Some(why)) => Err(why),
        }
    }

    fn blocks_told(
        &self,
        file: FileId,
        body: &'a Body,
        ident: &str,
        scope: &Scope,
    ) -> (Vec<BlockInstance<'a>>, Option<Vec<String>>) {
        let mut unknown: Option<Vec<String>> = None;
        let mut out: Vec<BlockInstance<'a>> = body
            .blocks()
            .filter(|b| b.has_ident(ident))
            .map(|b| BlockInstance {
                header: b,
                body: &b.body,
                scope: None,
            })
            .collect();
        for b in body.blocks().filter(|b| {
            b.has_ident("dynamic") && b.labels.first().is_some_and(|l| l.as_str() == ident)
        }) {
            let Some(content) = b.body.get_blocks("content").next() else {
                continue;
            };
            let iterator = b
                .body
                .get_attribute("iterator")
                .and_then(|a| a.value.as_variable().map(|v| v.as_str().to_string()))
                .unwrap_or_else(|| ident.to_string());
            let collection = b
                .body
                .get_attribute("for_each")
                .map_or(Value::Unknown, |a| self.eval_in(file, &a.value, scope));
            let known = matches!(collection, Value::Null) || entries(collection.clone()).is_some();
            if !known {
                let mut why = self.take_why();
                why.insert(
                    0,
                    format!("the `for_each` of `dynamic \"{ident}\"` is not known, so how many `{ident}` blocks it makes is not known"),
                );
                unknown.get_or_insert_with(Vec::new).extend(why);
            }
            for (k, v) in entries(collection).unwrap_or_default() {
                let mut inner = scope.flattened();
                inner.bind(
                    &iterator,
                    Value::Object([("key".to_string(), k), ("value".to_string(), v)].into()),
                );
                out.push(BlockInstance {
                    header: b,
                    body: &content.body,
                    scope: Some(inner),
                });
            }
        }
        (out, unknown)
    }

    /// Where the value of the last top-level [`Evaluator::eval_in`] came from (variables and locals it
    /// went through), outermost first, without repeats.
    pub fn take_trace(&self) -> Vec<Trace> {
        self.trace.borrow_mut().take()
    }

    /// Why the last top-level [`Evaluator::eval_in`] met unknown values, without repeats.
    pub fn take_why(&self) -> Vec<String> {
        self.why.borrow_mut().take()
    }

    /// Unknown, saying why.
    fn unknown_because(&self, why: String) -> Value {
        self.why.borrow_mut().push(why);
        Value::Unknown
    }

    fn note(&self, span: Option<Span>, note: String) {
        self.trace.borrow_mut().push(Trace {
            span,
            note,
            hint: None,
        });
    }

    /// Problems found while evaluating (such as a cycle between locals), here and in child modules.
    /// How many more resource instances the root module may expand (shared by its modules).
    pub fn instances_left(&self) -> usize {
        self.budget.0.get()
    }

    /// Sets what [`Evaluator::instances_left`] says: a second pass over the same resources (the raw
    /// input of custom policies) starts from what the first one had and gives back what it spent.
    pub fn set_instances_left(&self, left: usize) {
        self.budget.0.set(left);
    }

    pub fn take_errors(&self) -> Vec<ScanError> {
        self.take_from_tree(false)
    }

    /// The notes of this module and every module instance it made, taken out.
    pub fn take_notes(&self) -> Vec<ScanError> {
        self.take_from_tree(true)
    }

    fn take_from_tree(&self, notes: bool) -> Vec<ScanError> {
        let list = if notes { &self.notes } else { &self.errors };
        let mut out = std::mem::take(&mut *list.borrow_mut());
        for child in self.children.borrow().values() {
            if let Child::Done(Some(c)) = child {
                out.extend(c.take_from_tree(notes));
            }
        }
        out
    }

    /// Evaluates an expression with no names bound.
    pub fn eval_top(&self, expr: &Expression) -> Value {
        self.eval(expr, &Scope::default())
    }

    /// Evaluates an attribute's expression written in `file`; when a limit cut the evaluation short, the
    /// value is Unknown and an error says so at the expression.
    pub fn eval_at(&self, file: FileId, expr: &Expression) -> Value {
        self.eval_in(file, expr, &Scope::default())
    }

    /// [`Evaluator::eval_at`] with names bound (an instance's `count.index`, a dynamic block's iterator).
    pub fn eval_in(&self, file: FileId, expr: &Expression, scope: &Scope) -> Value {
        let outermost = self.depth.get() == 0;
        if outermost {
            self.trace.borrow_mut().take();
            self.why.borrow_mut().take();
        }
        let v = self.eval(expr, scope);
        if outermost {
            let hit = self.limit_hit.replace(LimitsHit::default());
            if hit.depth || hit.steps {
                let message = if hit.depth {
                    format!("expression nests or follows references more than {MAX_DEPTH} levels deep; its value is treated as unknown")
                } else {
                    format!("evaluating this module took more than {MAX_STEPS} steps; remaining values are treated as unknown")
                };
                let mut errors = self.errors.borrow_mut();
                if !(hit.steps && errors.iter().any(|e| e.message == message)) {
                    errors.push(ScanError::parse(span_of(file, expr), message));
                }
            } else if hit.size && !self.root.nodes_reported.replace(true) {
                self.errors.borrow_mut().push(ScanError::parse(
                    span_of(file, expr),
                    format!("the values built from here on exceed {MAX_VALUE_NODES} nodes (does a value double in size at each step?); they are treated as unknown"),
                ));
            }
        }
        v
    }

    pub fn eval(&self, expr: &Expression, scope: &Scope) -> Value {
        let steps = self.steps.get() + 1;
        self.steps.set(steps);
        if steps > MAX_STEPS {
            let mut hit = self.limit_hit.get();
            hit.steps = true;
            self.limit_hit.set(hit);
            return Value::Unknown;
        }
        if self.depth.get() >= MAX_DEPTH {
            let mut hit = self.limit_hit.get();
            hit.depth = true;
            self.limit_hit.set(hit);
            return Value::Unknown;
        }
        self.depth.set(self.depth.get() + 1);
        let v = self.eval_inner(expr, scope);
        self.depth.set(self.depth.get() - 1);
        v
    }

    fn eval_inner(&self, expr: &Expression, scope: &Scope) -> Value {
        match expr {
            Expression::Null(_) => Value::Null,
            Expression::Bool(b) => Value::Bool(*b.value()),
            Expression::Number(n) => n.value().as_f64().map_or(Value::Unknown, Value::Number),
            // Literals are as large as the source, one step per item: only values that multiply
            // (copies of shared values, `for`, templates, functions, splats) count against the
            // value budget, so small literals keep their value once it is spent.
            Expression::String(s) => Value::String(s.value().clone()),
            Expression::Array(items) => {
                Value::List(items.iter().map(|e| self.eval(e, scope)).collect())
            }
            Expression::Object(obj) => {
                let mut map = BTreeMap::new();
                for (key, value) in obj.iter() {
                    let key = match key {
                        ObjectKey::Ident(id) => id.as_str().to_string(),
                        ObjectKey::Expression(e) => {
                            match self.eval(e, scope).to_template_string() {
                                Some(k) => k,
                                None => return Value::Unknown,
                            }
                        }
                    };
                    map.insert(key, self.eval(value.expr(), scope));
                }
                Value::Object(map)
            }
            Expression::StringTemplate(t) => self.eval_template(t, scope),
            Expression::HeredocTemplate(h) => self.eval_template(&h.template, scope),
            Expression::Parenthesis(p) => self.eval(p.inner(), scope),
            Expression::Variable(v) => match scope.lookup(v.as_str()) {
                Some(v) => self.copy(v),
                None => Value::Unknown,
            },
            Expression::Conditional(c) => match self.eval(&c.cond_expr, scope).as_bool() {
                Some(true) => self.eval(&c.true_expr, scope),
                Some(false) => self.eval(&c.false_expr, scope),
                None => {
                    let (t, f) = (
                        self.eval(&c.true_expr, scope),
                        self.eval(&c.false_expr, scope),
                    );
                    if t == f && t.is_known() {
                        t
                    } else {
                        Value::Unknown
                    }
                }
            },
            Expression::FuncCall(call) => {
                if call.name.is_namespaced() {
                    return Value::Unknown;
                }
                if let ("try" | "can", false) = (call.name.name.as_str(), call.args.expand_final())
                {
                    let args: Vec<&Expression> = call.args.iter().collect();
                    return self.try_or_can(call.name.name.as_str(), &args, scope);
                }
                let args: Vec<Value> = call.args.iter().map(|a| self.eval(a, scope)).collect();
                let args = if call.args.expand_final() {
                    match args.split_last() {
                        Some((Value::List(last), init)) => {
                            init.iter().cloned().chain(last.iter().cloned()).collect()
                        }
                        _ => return Value::Unknown,
                    }
                } else {
                    args
                };
                let name = call.name.name.as_str();
                if let Some(v) = self.file_function(name, &args) {
                    return v;
                }
                let all_known = args.iter().all(Value::is_known);
                // A function goes through its collections once (sets and `distinct` by hashing).
                let work: usize = args
                    .iter()
                    .map(|a| match a {
                        Value::List(items) => items.len(),
                        Value::Object(map) => map.len(),
                        _ => 0,
                    })
                    .sum();
                if !self.step(work as u64) {
                    return Value::Unknown;
                }
                let left = MAX_VALUE_NODES.saturating_sub(self.root.nodes.get());
                match functions::call_within(name, args, left) {
                    Value::Unknown if all_known => {
                        if functions::fails_on_known(name) {
                            self.failed.set(true);
                        }
                        self.unknown_because(format!(
                            "`{name}(…)` is not evaluated by preflight or failed on its arguments"
                        ))
                    }
                    v => self.charged(v),
                }
            }
            Expression::Traversal(t) => {
                let (root, rest) = match &t.expr {
                    Expression::Variable(v) => self.resolve_root(v.as_str(), &t.operators, scope),
                    other => (Rc::new(self.eval(other, scope)), &t.operators[..]),
                };
                let ops: Vec<&TraversalOperator> = rest.iter().map(|o| o.value()).collect();
                self.select(root, &ops, scope)
            }
            Expression::UnaryOp(op) => {
                let v = self.eval(&op.expr, scope);
                match op.operator.value() {
                    UnaryOperator::Neg => {
                        v.as_number().map_or(Value::Unknown, |n| Value::Number(-n))
                    }
                    UnaryOperator::Not => v.as_bool().map_or(Value::Unknown, |b| Value::Bool(!b)),
                }
            }
            Expression::BinaryOp(op) => {
                self.eval_binary(&op.lhs_expr, *op.operator.value(), &op.rhs_expr, scope)
            }
            Expression::ForExpr(f) => self.eval_for(f, scope),
        }
    }

    fn eval_binary(
        &self,
        lhs: &Expression,
        op: BinaryOperator,
        rhs: &Expression,
        scope: &Scope,
    ) -> Value {
        use BinaryOperator as B;
        let l = self.eval(lhs, scope);
        // && and || decide on one known side where they can.
        match (op, l.as_bool()) {
            (B::And, Some(false)) => return Value::Bool(false),
            (B::Or, Some(true)) => return Value::Bool(true),
            _ => {}
        }
        let r = self.eval(rhs, scope);
        match op {
            B::And | B::Or => match (l.as_bool(), r.as_bool()) {
                (Some(a), Some(b)) => Value::Bool(if op == B::And { a && b } else { a || b }),
                (_, Some(false)) if op == B::And => Value::Bool(false),
                (_, Some(true)) if op == B::Or => Value::Bool(true),
                _ => Value::Unknown,
            },
            B::Eq | B::NotEq => {
                if l.is_known() && r.is_known() {
                    Value::Bool((l == r) == (op == B::Eq))
                } else if (l == Value::Null && not_null(&r)) || (r == Value::Null && not_null(&l)) {
                    // An object or list with unknown parts is still known not to be null.
                    Value::Bool(op == B::NotEq)
                } else {
                    Value::Unknown
                }
            }
            _ => {
                let (Some(a), Some(b)) = (l.as_number(), r.as_number()) else {
                    return Value::Unknown;
                };
                match op {
                    B::Plus => Value::Number(a + b),
                    B::Minus => Value::Number(a - b),
                    B::Mul => Value::Number(a * b),
                    B::Div if b != 0.0 => Value::Number(a / b),
                    B::Mod if b != 0.0 => Value::Number(a % b),
                    B::Less => Value::Bool(a < b),
                    B::LessEq => Value::Bool(a <= b),
                    B::Greater => Value::Bool(a > b),
                    B::GreaterEq => Value::Bool(a >= b),
                    _ => Value::Unknown,
                }
            }
        }
    }

    fn eval_for(&self, f: &ForExpr, scope: &Scope) -> Value {
        let Some(items) = entries(self.eval(&f.intro.collection_expr, scope)) else {
            return Value::Unknown;
        };
        let mut list = Vec::new();
        let mut object: BTreeMap<String, Value> = BTreeMap::new();
        for (key, value) in items {
            let mut inner = Scope::child(scope);
            if let Some(k) = &f.intro.key_var {
                inner.bind(k.as_str(), key);
            }
            inner.bind(f.intro.value_var.as_str(), value);
            if let Some(cond) = &f.cond {
                match self.eval(&cond.expr, &inner).as_bool() {
                    Some(true) => {}
                    Some(false) => continue,
                    None => return Value::Unknown,
                }
            }
            let v = self.charged(self.eval(&f.value_expr, &inner));
            match &f.key_expr {
                None => list.push(v),
                Some(k) => {
                    let Some(k) = self.eval(k, &inner).to_template_string() else {
                        return Value::Unknown;
                    };
                    if f.grouping {
                        match object.entry(k).or_insert_with(|| Value::List(Vec::new())) {
                            Value::List(group) => group.push(v),
                            _ => return Value::Unknown,
                        }
                    } else {
                        object.insert(k, v);
                    }
                }
            }
        }
        if f.key_expr.is_some() {
            Value::Object(object)
        } else {
            Value::List(list)
        }
    }

    fn eval_template(&self, t: &Template, scope: &Scope) -> Value {
        // "${x}" alone keeps x's type, as in Terraform.
        if let Some(Element::Interpolation(i)) = t.as_single_element() {
            return self.eval(&i.expr, scope);
        }
        let mut out = HoleText::new();
        if self.render(t, scope, &mut out) {
            out.finish()
        } else {
            Value::Unknown
        }
    }

    /// Appends the rendering of `t` to `out`, an unknown interpolation as a hole (JSON text with one
    /// unresolved ARN keeps its structure); false when the shape of the text itself is unknown (a
    /// directive over an unknown value) or the value budget is spent.
    pub(super) fn render(&self, t: &Template, scope: &Scope, out: &mut HoleText) -> bool {
        for element in t.iter() {
            match element {
                Element::Literal(s) => {
                    if !self.grow(out, s.value()) {
                        return false;
                    }
                }
                Element::Interpolation(i) => match self.eval(&i.expr, scope) {
                    Value::Ref(r) => {
                        self.unknown_because(format!(
                            "{}.{} is known only after apply",
                            r.address, r.attr
                        ));
                        out.push_hole();
                    }
                    v => match v.to_template_string() {
                        Some(s) => {
                            if !self.grow(out, &s) {
                                return false;
                            }
                        }
                        None => out.push_hole(),
                    },
                },
                Element::Directive(d) => match d.as_ref() {
                    Directive::If(d) => match self.eval(&d.if_expr.cond_expr, scope).as_bool() {
                        Some(true) => {
                            if !self.render(&d.if_expr.template, scope, out) {
                                return false;
                            }
                        }
                        Some(false) => {
                            if let Some(e) = &d.else_expr {
                                if !self.render(&e.template, scope, out) {
                                    return false;
                                }
                            }
                        }
                        None => return false,
                    },
                    Directive::For(d) => {
                        let fe = &d.for_expr;
                        let Some(items) = entries(self.eval(&fe.collection_expr, scope)) else {
                            return false;
                        };
                        for (k, v) in items {
                            if !self.step(1) {
                                return false;
                            }
                            let mut inner = Scope::child(scope);
                            if let Some(kv) = &fe.key_var {
                                inner.bind(kv.as_str(), k);
                            }
                            inner.bind(fe.value_var.as_str(), v);
                            if !self.render(&fe.template, &inner, out) {
                                return false;
                            }
                        }
                    }
                },
            }
        }
        true
    }

    /// Appends `part` to a template's rendering, counting it against the value budget.
    fn grow(&self, out: &mut HoleText, part: &str) -> bool {
        if !self.charge(1 + (part.len() / super::value::BYTES_PER_NODE) as u64) {
            self.over_budget();
            return false;
        }
        out.push_str(part);
        true
    }

    /// Resolves the first name of a traversal (`var.x`, `local.y`, `aws_s3_bucket.z.id`), returning its
    /// value and the operators still to apply.
    fn resolve_root<'o>(
        &self,
        name: &str,
        ops: &'o [hcl_edit::Decorated<TraversalOperator>],
        scope: &Scope,
    ) -> (Rc<Value>, &'o [hcl_edit::Decorated<TraversalOperator>]) {
        if let Some(v) = scope.lookup(name) {
            return (Rc::clone(v), ops);
        }
        let attr = |i: usize| match ops.get(i).map(|o| o.value()) {
            Some(TraversalOperator::GetAttr(id)) => Some(id.as_str()),
            _ => None,
        };
        match (name, attr(0)) {
            ("var", Some(n)) => return (self.variable_shared(n), &ops[1..]),
            ("local", Some(n)) => return (self.local_shared(n), &ops[1..]),
            ("module", Some(call)) => {
                // `module.x.out`, or `module.x[key].out` for an expanded call.
                let key = match ops.get(1).map(|o| o.value()) {
                    Some(TraversalOperator::Index(e)) => Some(self.eval(e, scope)),
                    Some(TraversalOperator::LegacyIndex(n)) => {
                        Some(Value::Number(*n.value() as f64))
                    }
                    _ => None,
                };
                let at = if key.is_some() { 2 } else { 1 };
                return match attr(at) {
                    Some(output) => (
                        self.module_output(call, key.as_ref(), output),
                        &ops[at + 1..],
                    ),
                    None => (Rc::new(Value::Unknown), &[]),
                };
            }
            _ => {}
        }
        let (v, rest) = self.resolve_name(name, ops, scope);
        (Rc::new(v), rest)
    }

    /// [`Evaluator::resolve_root`] for names whose value is made on each reference.
    fn resolve_name<'o>(
        &self,
        name: &str,
        ops: &'o [hcl_edit::Decorated<TraversalOperator>],
        scope: &Scope,
    ) -> (Value, &'o [hcl_edit::Decorated<TraversalOperator>]) {
        let attr = |i: usize| match ops.get(i).map(|o| o.value()) {
            Some(TraversalOperator::GetAttr(id)) => Some(id.as_str()),
            _ => None,
        };
        match name {
            "var" | "local" | "module" => (Value::Unknown, &[]),
            "data" => {
                // Data sources computed offline (`data::attribute`); the others are unknown.
                let (Some(dtype), Some(dname)) = (attr(0), attr(1)) else {
                    return (Value::Unknown, &[]);
                };
                // `data.x.y[key].attr` names one instance of a data source with `count` or `for_each`.
                let key = match ops.get(2).map(|o| o.value()) {
                    Some(TraversalOperator::Index(e)) => Some(self.eval(e, scope)),
                    Some(TraversalOperator::LegacyIndex(n)) => {
                        Some(Value::Number(*n.value() as f64))
                    }
                    _ => None,
                };
                let at = if key.is_some() { 3 } else { 2 };
                let computed = self.module.data.get(&(dtype, dname)).and_then(|ds| {
                    let a = attr(at)?;
                    match (&key, is_expanded(ds)) {
                        (None, false) => super::data::attribute(self, ds, a, &Scope::default()),
                        (Some(k), true) => {
                            let inst = self.instance_for_key(ds, k)?;
                            super::data::attribute(self, ds, a, &inst.scope)
                        }
                        _ => None,
                    }
                });
                match computed {
                    Some(v) => (v, &ops[at + 1..]),
                    None => (
                        self.unknown_because(format!(
                            "data.{dtype}.{dname} is read from the cloud when Terraform plans"
                        )),
                        &[],
                    ),
                }
            }
            "path" => {
                let dir = match attr(0) {
                    Some("module") => std::path::absolute(&self.module.dir).ok(),
                    Some("root") => Some(self.files.root_dir.clone()),
                    Some("cwd") => std::env::current_dir().ok(),
                    _ => None,
                };
                match dir {
                    Some(d) => (Value::String(d.to_string_lossy().into_owned()), &ops[1..]),
                    None => (Value::Unknown, &[]),
                }
            }
            "count" | "each" | "self" | "terraform" => (Value::Unknown, &[]),
            rtype => {
                let Some(res) = attr(0).and_then(|n| self.module.resource(rtype, n)) else {
                    return (Value::Unknown, &[]);
                };
                if !is_expanded(res) {
                    return match attr(1) {
                        Some(a) => (
                            self.resource_attr(res, &res.address, a, &Scope::default()),
                            &ops[2..],
                        ),
                        None => (Value::Unknown, &[]),
                    };
                }
                // `aws_x.y[key].attr`: the attribute of that instance.
                let key = match ops.get(1).map(|o| o.value()) {
                    Some(TraversalOperator::Index(e)) => self.eval(e, scope),
                    Some(TraversalOperator::LegacyIndex(n)) => Value::Number(*n.value() as f64),
                    _ => return (Value::Unknown, &[]),
                };
                match (self.instance_for_key(res, &key), attr(2)) {
                    (Some(inst), Some(a)) => (
                        self.resource_attr(res, &inst.address, a, &inst.scope),
                        &ops[3..],
                    ),
                    _ => (Value::Unknown, &[]),
                }
            }
        }
    }

    /// Applies a traversal's operators to a value that may be shared: attribute and index steps
    /// only look into it, and just the part they select is copied.
    fn select(&self, root: Rc<Value>, ops: &[&TraversalOperator], scope: &Scope) -> Value {
        let mut at: &Value = &root;
        let mut looked = 0;
        for op in ops {
            let opaque = matches!(at, Value::Unknown | Value::Ref(_) | Value::Json(_));
            let (next, key_known) = match op {
                TraversalOperator::GetAttr(id) => match at {
                    Value::Object(map) => (map.get(id.as_str()), true),
                    _ => (None, true),
                },
                TraversalOperator::Index(e) => {
                    let key = self.eval(e, scope);
                    let known = key.is_known() && !matches!(key, Value::Ref(_) | Value::Json(_));
                    (index_ref(at, &key), known)
                }
                TraversalOperator::LegacyIndex(n) => {
                    (index_ref(at, &Value::Number(*n.value() as f64)), true)
                }
                TraversalOperator::AttrSplat(_) | TraversalOperator::FullSplat(_) => break,
            };
            match next {
                Some(v) => at = v,
                None => {
                    // A missing attribute or key of a known value is an error in Terraform.
                    if !opaque && key_known {
                        self.failed.set(true);
                    }
                    return Value::Unknown;
                }
            }
            looked += 1;
        }
        let value = if looked == 0 {
            self.unshare(root)
        } else {
            self.copy(at)
        };
        self.apply_ops(value, &ops[looked..], scope)
    }

    /// `value[key]`, noting a failed lookup when both are known and the key is not there.
    fn index_checked(&self, value: Value, key: &Value) -> Value {
        let known = matches!(value, Value::List(_) | Value::Object(_))
            && key.is_known()
            && !matches!(key, Value::Ref(_) | Value::Json(_));
        if known && index_ref(&value, key).is_none() {
            self.failed.set(true);
        }
        index(value, key)
    }

    /// `try(a, b, …)`: the first argument that evaluates without an error, as Terraform does: an
    /// argument known only after apply is that (unknown) value, not a failure, so the defaults after it
    /// are not taken for it. `can(x)`: whether `x` evaluates without an error (unknown while it is).
    fn try_or_can(&self, name: &str, args: &[&Expression], scope: &Scope) -> Value {
        for arg in args {
            let outer = self.failed.replace(false);
            let v = self.eval(arg, scope);
            let failed = self.failed.replace(outer);
            if name == "can" {
                return if failed {
                    Value::Bool(false)
                } else if v.is_known() || matches!(v, Value::Ref(_)) {
                    Value::Bool(true)
                } else {
                    Value::Unknown
                };
            }
            if !failed {
                return v;
            }
        }
        if name == "try" {
            self.failed.set(true);
        }
        Value::Unknown
    }

    fn apply_ops(&self, mut value: Value, ops: &[&TraversalOperator], scope: &Scope) -> Value {
        for (i, op) in ops.iter().enumerate() {
            value = match op {
                TraversalOperator::GetAttr(id) => match value {
                    Value::Object(mut map) => map.remove(id.as_str()).unwrap_or_else(|| {
                        self.failed.set(true);
                        Value::Unknown
                    }),
                    Value::Unknown | Value::Ref(_) | Value::Json(_) => Value::Unknown,
                    _ => {
                        self.failed.set(true);
                        Value::Unknown
                    }
                },
                TraversalOperator::Index(e) => {
                    let key = self.eval(e, scope);
                    self.index_checked(value, &key)
                }
                TraversalOperator::LegacyIndex(n) => {
                    self.index_checked(value, &Value::Number(*n.value() as f64))
                }
                TraversalOperator::AttrSplat(_) | TraversalOperator::FullSplat(_) => {
                    let items = match value {
                        Value::List(items) => items,
                        Value::Null => Vec::new(),
                        Value::Unknown | Value::Ref(_) | Value::Json(_) => return Value::Unknown,
                        other => vec![other],
                    };
                    let rest = &ops[i + 1..];
                    if !self.charge(1 + items.len() as u64) {
                        return self.over_budget();
                    }
                    return Value::List(
                        items
                            .into_iter()
                            .map(|item| self.apply_ops(item, rest, scope))
                            .collect(),
                    );
                }
            };
        }
        value
    }

    /// A variable's value: given from outside (converted to its declared type), else its default.
    /// An undeclared variable is unknown, whatever is given for it.
    pub fn variable(&self, name: &str) -> Value {
        let v = self.variable_shared(name);
        self.unshare(v)
    }

    /// [`Evaluator::variable`], evaluated once and shared by every reference.
    fn variable_shared(&self, name: &str) -> Rc<Value> {
        let Some((&key, _)) = self.module.variables.get_key_value(name) else {
            return Rc::new(Value::Unknown);
        };
        if let Some(m) = self.variables.borrow().get(key) {
            return self.replay(m);
        }
        let m = self.memo(|| self.variable_uncached(key));
        let v = Rc::clone(&m.value);
        self.variables.borrow_mut().insert(key, m);
        v
    }

    fn variable_uncached(&self, name: &str) -> Value {
        let Some(var) = self.module.variables.get(name) else {
            return Value::Unknown;
        };
        let ty = var.ty.map_or(DeclaredType::Any, |t| {
            DeclaredType::parse(t, &|default| self.eval_top(default))
        });
        // With `nullable = false`, a null given means the default.
        let given = self
            .inputs
            .values
            .get(name)
            .filter(|i| var.nullable || !matches!(&i.value, Given::Typed(Value::Null)));
        if let Some(input) = given {
            let (span, note) = match &input.origin {
                Origin::File(span) => (Some(span.clone()), format!("var.{name} is set here")),
                Origin::Flag => (None, format!("var.{name} is set by --var {name}=…")),
                Origin::Env => (None, format!("var.{name} is set by TF_VAR_{name}")),
            };
            self.note(span, note);
            self.trace.borrow_mut().extend(&input.upstream);
            return self.charged(convert(&input.value, &ty));
        }
        match var.default {
            None => self.unknown_because(format!(
                "var.{name} has no value: pass it with --var {name}=…, a .tfvars file or TF_VAR_{name}"
            )),
            Some(default) => {
                self.note(
                    Some(span_of(default.file, default.expr)),
                    format!("var.{name} defaults to this value"),
                );
                ty.coerce(&self.eval_top(default.expr))
            }
        }
    }

    pub fn local(&self, name: &str) -> Value {
        let v = self.local_shared(name);
        self.unshare(v)
    }

    /// A local, evaluated once and shared by every reference.
    fn local_shared(&self, name: &str) -> Rc<Value> {
        if let Some(m) = self.locals.borrow().get(name) {
            return self.replay(m);
        }
        let Some((&key, located)) = self.module.locals.get_key_value(name) else {
            return Rc::new(Value::Unknown);
        };
        if self.resolving.borrow().contains(&key) {
            let chain = self.resolving.borrow().join(" → local.");
            self.errors.borrow_mut().push(ScanError::parse(
                span_of(located.file, located.expr),
                format!("local.{key} depends on itself (local.{chain} → local.{key})"),
            ));
            self.locals.borrow_mut().insert(
                key,
                Memo {
                    value: Rc::new(Value::Unknown),
                    trace: Vec::new(),
                    why: Vec::new(),
                },
            );
            return Rc::new(Value::Unknown);
        }
        self.resolving.borrow_mut().push(key);
        let m = self.memo(|| {
            self.note(
                Some(span_of(located.file, located.expr)),
                format!("local.{key} is defined here"),
            );
            self.eval_top(located.expr)
        });
        self.resolving.borrow_mut().pop();
        let v = Rc::clone(&m.value);
        self.locals.borrow_mut().insert(key, m);
        v
    }
}

/// The (key, value) pairs a `for` iterates: indexes of a list, keys of an object; `None` for anything
/// else (unknown included).
/// A value known not to be null, though parts of it may be unknown.
fn not_null(v: &Value) -> bool {
    !matches!(v, Value::Null | Value::Unknown | Value::Ref(_))
}

pub(crate) fn entries(collection: Value) -> Option<Vec<(Value, Value)>> {
    match collection {
        Value::List(items) => Some(
            items
                .into_iter()
                .enumerate()
                .map(|(i, v)| (Value::Number(i as f64), v))
                .collect(),
        ),
        Value::Object(map) => Some(
            map.into_iter()
                .map(|(k, v)| (Value::String(k), v))
                .collect(),
        ),
        _ => None,
    }
}

/// The element of a list or object that `key` selects, without copying it.
fn index_ref<'v>(value: &'v Value, key: &Value) -> Option<&'v Value> {
    match value {
        Value::List(items) => match key.as_number() {
            Some(n) if n >= 0.0 && n.fract() == 0.0 => items.get(n as usize),
            _ => None,
        },
        Value::Object(map) => map.get(&key.to_template_string()?),
        _ => None,
    }
}

fn index(value: Value, key: &Value) -> Value {
    match value {
        Value::List(mut items) => match key.as_number() {
            Some(n) if n >= 0.0 && (n as usize) < items.len() && n.fract() == 0.0 => {
                items.swap_remove(n as usize)
            }
            _ => Value::Unknown,
        },
        Value::Object(mut map) => match key.to_template_string() {
            Some(k) => map.remove(&k).unwrap_or(Value::Unknown),
            None => Value::Unknown,
        },
        _ => Value::Unknown,
    }
}

/// The span of an expression in `file` (empty at 0 when the parser gave none).
pub fn span_of(file: FileId, expr: &Expression) -> Span {
    Span::new(file, expr.span().unwrap_or(0..0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;
    use crate::terraform::parse::{parse, ParsedFile};
    use std::sync::Arc;

    fn parsed(text: &str) -> Vec<ParsedFile> {
        let f = SourceFile::new("m.tf".into(), "m.tf".into(), Arc::from(text));
        vec![parse(FileId(0), &f).expect("parses")]
    }

    /// Evaluates `local.out` in a module made of `text`.
    fn out(text: &str) -> Value {
        let files = parsed(text);
        let module = Module::new(&files);
        Evaluator::new(&module).local("out")
    }

    #[test]
    fn literals_templates_and_variables() {
        let v = out(
            "variable \"env\" { default = \"prod\" }\nlocals {\n  name = \"logs-${var.env}\"\n  out = \"${local.name}-${1 + 2}\"\n}\n",
        );
        assert_eq!(v, Value::str("logs-prod-3"));
    }

    #[test]
    fn dynamic_block_with_unknown_for_each_is_reported() {
        let files = parsed(
            "variable \"vpc\" {}\nresource \"aws_opensearch_domain\" \"d\" {\n  dynamic \"vpc_options\" {\n    for_each = var.vpc\n    content {\n      subnet_ids = vpc_options.value\n    }\n  }\n  dynamic \"ebs_options\" {\n    for_each = [1]\n    content {\n      ebs_enabled = true\n    }\n  }\n}\n",
        );
        let module = Module::new(&files);
        let ev = Evaluator::new(&module);
        let block = files[0]
            .body
            .blocks()
            .find(|b| b.has_ident("resource"))
            .expect("resource");
        let scope = Scope::default();
        assert!(ev
            .blocks_checked(FileId(0), &block.body, "vpc_options", &scope)
            .is_err());
        assert!(ev
            .blocks_checked(FileId(0), &block.body, "ebs_options", &scope)
            .is_ok_and(|b| b.len() == 1));
        assert!(ev
            .blocks_checked(FileId(0), &block.body, "encrypt_at_rest", &scope)
            .is_ok_and(|b| b.is_empty()));
    }

    /// `try` moves on only when its argument fails (a missing key, an index out of range, a function
    /// failing on known arguments); a value known only after apply is that value, never the default.
    #[test]
    fn try_and_can_tell_an_error_from_an_unknown_value() {
        let m = "locals {\n  m = { a = \"x\" }\n  l = [1]\n}\ndata \"aws_caller_identity\" \"c\" {}\nvariable \"u\" {}\n";
        let case = |expr: &str| out(&format!("{m}locals {{ out = {expr} }}\n"));
        assert_eq!(case("try(local.m.b, \"d\")"), Value::str("d"));
        assert_eq!(case("try(local.m.a, \"d\")"), Value::str("x"));
        assert_eq!(case("try(local.l[3], 0)"), Value::Number(0.0));
        assert_eq!(case("try(local.m[\"a\"].x, \"d\")"), Value::str("d"));
        assert_eq!(case("try(tonumber(\"x\"), 7)"), Value::Number(7.0));
        assert_eq!(case("try(var.u, \"d\")"), Value::Unknown);
        assert_eq!(
            case("try(\"arn:${data.aws_caller_identity.c.account_id}\", null)"),
            Value::Unknown
        );
        assert_eq!(case("try(timestamp(), \"d\")"), Value::Unknown);
        assert_eq!(case("can(local.m.b)"), Value::Bool(false));
        assert_eq!(case("can(local.m.a)"), Value::Bool(true));
        assert_eq!(case("can(var.u)"), Value::Unknown);
        assert_eq!(case("try(local.m.b, local.m.c)"), Value::Unknown);
    }

    /// An unknown `count`/`for_each`: one instance stands for all, labelled `[*]`, with its
    /// `count.index`/`each` unknown (never index 0); a known `count = 0` makes none.
    #[test]
    fn unknown_count_gives_one_instance_for_all_with_unknown_index() {
        let files = parsed(
            "variable \"n\" {}\nvariable \"m\" {}\nresource \"aws_ebs_volume\" \"v\" {\n  count = var.n\n  encrypted = count.index > 0\n  size = 8\n}\nresource \"aws_s3_bucket\" \"b\" {\n  for_each = var.m\n  acl = each.value\n}\nresource \"aws_sns_topic\" \"t\" {\n  count = 0\n}\n",
        );
        let module = Module::new(&files);
        let ev = Evaluator::new(&module);
        let attr = |res: &crate::terraform::module::Resource, inst: &Instance, name: &str| {
            let a = res.body().get_attribute(name).expect("attribute");
            ev.eval_in(FileId(0), &a.value, &inst.scope.flattened())
        };
        let vol = module.resource("aws_ebs_volume", "v").expect("volume");
        let insts = ev.instances(vol);
        assert_eq!(insts.len(), 1);
        assert_eq!(insts[0].address, "aws_ebs_volume.v");
        assert_eq!(insts[0].label, "v[*]");
        assert!(insts[0]
            .unexpanded
            .as_deref()
            .is_some_and(|u| u.contains("`count` of aws_ebs_volume.v")));
        assert_eq!(attr(vol, &insts[0], "encrypted"), Value::Unknown);
        assert_eq!(attr(vol, &insts[0], "size"), Value::Number(8.0));
        let bucket = module.resource("aws_s3_bucket", "b").expect("bucket");
        let insts = ev.instances(bucket);
        assert_eq!(insts.len(), 1);
        assert_eq!(insts[0].label, "b[*]");
        assert_eq!(attr(bucket, &insts[0], "acl"), Value::Unknown);
        let topic = module.resource("aws_sns_topic", "t").expect("topic");
        assert!(ev.instances(topic).is_empty());
    }

    #[test]
    fn variable_without_default_is_unknown() {
        assert_eq!(
            out("variable \"x\" {}\nlocals { out = var.x }\n"),
            Value::Unknown
        );
        assert_eq!(
            out("variable \"x\" {}\nlocals { out = \"a-${var.x}\" }\n"),
            Value::Unknown
        );
    }

    #[test]
    fn conditionals_and_for_expressions() {
        let v =
            out("locals {\n  xs = [1, 2, 3]\n  out = [for x in local.xs : x * 2 if x != 2]\n}\n");
        assert_eq!(v, Value::List(vec![Value::Number(2.0), Value::Number(6.0)]));
        let v = out("locals { out = true ? \"a\" : \"b\" }\n");
        assert_eq!(v, Value::str("a"));
        let v = out("variable \"x\" {}\nlocals { out = var.x ? \"a\" : \"a\" }\n");
        assert_eq!(v, Value::str("a"));
        let v = out("locals { out = {for k, v in {a = 1, b = 2} : v => k} }\n");
        assert_eq!(
            v.as_object().map(|m| m.keys().cloned().collect::<Vec<_>>()),
            Some(vec!["1".to_string(), "2".to_string()])
        );
    }

    #[test]
    fn heredoc_and_template_directives() {
        let v = out("locals {\n  out = <<-EOT\n    %{ for n in [\"a\", \"b\"] }${n},%{ endfor }\n  EOT\n}\n");
        assert_eq!(v, Value::str("a,b,\n"));
    }

    #[test]
    fn resource_references_become_refs_or_values() {
        let text = "resource \"aws_s3_bucket\" \"b\" { bucket = \"logs\" }\nresource \"aws_kms_key\" \"k\" {}\nlocals {\n  out = [aws_s3_bucket.b.id, aws_s3_bucket.b.arn, aws_kms_key.k.arn]\n}\n";
        let v = out(text);
        let Value::List(items) = v else {
            panic!("list")
        };
        assert_eq!(items[0], Value::str("logs"));
        assert_eq!(items[1], Value::str("arn:aws:s3:::logs"));
        assert!(
            matches!(&items[2], Value::Ref(r) if r.address == "aws_kms_key.k" && r.attr == "arn")
        );
    }

    #[test]
    fn an_unknown_written_attribute_still_names_its_resource() {
        let text = "variable \"u\" {}\nresource \"aws_ecr_repository\" \"r\" {\n  name = var.u\n}\nlocals {\n  out = aws_ecr_repository.r.name\n}\n";
        assert!(
            matches!(out(text), Value::Ref(r) if r.address == "aws_ecr_repository.r" && r.attr == "name")
        );
    }

    #[test]
    fn a_partly_unknown_object_is_not_null() {
        let text = "variable \"u\" {}\nlocals {\n  x = { a = var.u }\n  out = local.x != null && var.u != null\n}\n";
        assert_eq!(out(text), Value::Unknown);
        let text = "variable \"u\" {}\nlocals {\n  x = { a = var.u }\n  out = local.x != null\n}\n";
        assert_eq!(out(text), Value::Bool(true));
        let text = "variable \"u\" {}\nlocals {\n  out = null == [var.u]\n}\n";
        assert_eq!(out(text), Value::Bool(false));
    }

    #[test]
    fn dynamic_blocks_over_an_unknown_collection_cannot_be_told() {
        let files = parsed(
            "variable \"u\" {}\nresource \"x\" \"y\" {\n  dynamic \"b\" {\n    for_each = var.u\n    content {}\n  }\n  dynamic \"c\" {\n    for_each = null\n    content {}\n  }\n}\n",
        );
        let module = Module::new(&files);
        let ev = Evaluator::new(&module);
        let Some(res) = module.resources_of("x").next() else {
            panic!("resource")
        };
        let scope = Scope::default();
        let why = ev
            .blocks_checked(res.file, res.body(), "b", &scope)
            .err()
            .unwrap_or_default();
        assert!(why[0].contains("`for_each` of `dynamic \"b\"`"), "{why:?}");
        assert!(ev.blocks_in(res.file, res.body(), "b", &scope).is_empty());
        assert!(ev
            .blocks_checked(res.file, res.body(), "c", &scope)
            .is_ok_and(|b| b.is_empty()));
    }

    #[test]
    fn local_cycle_is_reported_not_looped() {
        let files = parsed("locals {\n  a = local.b\n  b = local.a\n  out = local.a\n}\n");
        let module = Module::new(&files);
        let ev = Evaluator::new(&module);
        assert_eq!(ev.local("out"), Value::Unknown);
        let errors = ev.take_errors();
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].message.contains("depends on itself"),
            "{}",
            errors[0].message
        );
    }

    #[test]
    fn long_reference_chains_stop_with_an_error() {
        let mut text = String::from("locals {\n");
        for i in 0..500 {
            text.push_str(&format!("  a{i} = local.a{}\n", i + 1));
        }
        text.push_str("  a500 = true\n}\n");
        let files = parsed(&text);
        let module = Module::new(&files);
        let ev = Evaluator::new(&module);
        let Some(first) = module.locals.get("a0") else {
            panic!("a0")
        };
        assert_eq!(ev.eval_at(first.file, first.expr), Value::Unknown);
        let errors = ev.take_errors();
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].message.contains("levels deep"),
            "{}",
            errors[0].message
        );
    }

    #[test]
    fn the_step_budget_stops_runaway_evaluation_with_an_error() {
        // 1,000 × 1,000 × 1,000 iterations: far past the budget; evaluation must stop and say so.
        let files = parsed(
            "locals {\n  xs = range(1000)\n  out = [for a in local.xs : [for b in local.xs : [for c in local.xs : a + b + c]]]\n}\n",
        );
        let module = Module::new(&files);
        let ev = Evaluator::new(&module);
        let Some(out) = module.locals.get("out") else {
            panic!("out")
        };
        let started = std::time::Instant::now();
        let _ = ev.eval_at(out.file, out.expr);
        assert!(started.elapsed() < std::time::Duration::from_secs(60));
        let errors = ev.take_errors();
        assert!(
            errors.iter().any(|e| e.message.contains("steps")),
            "{errors:?}"
        );
    }

    #[test]
    fn splat_and_index() {
        let v =
            out("locals {\n  xs = [{n = 1}, {n = 2}]\n  out = [local.xs[*].n, local.xs[1].n]\n}\n");
        assert_eq!(
            v,
            Value::List(vec![
                Value::List(vec![Value::Number(1.0), Value::Number(2.0)]),
                Value::Number(2.0)
            ])
        );
    }
}
