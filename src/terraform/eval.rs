//! Expression evaluation over the `hcl-edit` tree, inside one module.
//!
//! Resolves literals, templates and heredocs, variables (defaults), locals (in dependency order, cycles
//! reported), references between resources, conditionals, `for` expressions, splats and the functions of
//! [`super::functions`]. Whatever it cannot resolve is [`Value::Unknown`]; it never fails and its work is
//! bounded (nesting depth and a step budget). Knows nothing of the cloud model.

use super::functions;
use super::inputs::{convert, Inputs};
use super::module::{Module, Resource};
use super::value::{ResourceRef, Value};
use crate::finding::ScanError;
use crate::source::{FileId, Span};
use hcl_edit::expr::{
    BinaryOperator, Expression, ForExpr, ObjectKey, TraversalOperator, UnaryOperator,
};
use hcl_edit::template::{Directive, Element, Template};
use hcl_edit::Span as _;
use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashMap};

/// Deepest nesting of expressions (and of references followed) evaluated before giving up with Unknown.
const MAX_DEPTH: u32 = 128;
/// Most evaluation steps for one module; past it every expression is Unknown.
const MAX_STEPS: u64 = 2_000_000;
/// Most instances one resource expands to through `count` or `for_each`.
pub const MAX_INSTANCES: usize = 10_000;

/// One instance of a resource: `aws_s3_bucket.logs[0]`, `aws_s3_bucket.logs["a"]`, or the resource itself.
pub struct Instance {
    /// The address as Terraform prints it.
    pub address: String,
    /// The resource name with the instance key, for messages.
    pub label: String,
    /// `count` or `each` bound for this instance.
    pub scope: Scope<'static>,
}

/// Names bound by `for` expressions and template `for` directives.
#[derive(Default)]
pub struct Scope<'p> {
    vars: Vec<(String, Value)>,
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
        self.vars.push((name.to_string(), value));
    }

    /// A scope that owns every binding visible here (for blocks that outlive this one).
    pub fn flattened(&self) -> Scope<'static> {
        let mut vars = self.parent.map(|p| p.flattened().vars).unwrap_or_default();
        vars.extend(self.vars.iter().cloned());
        Scope { vars, parent: None }
    }

    fn lookup(&self, name: &str) -> Option<&Value> {
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
    /// Values given from outside the module (tfvars, flags, environment).
    inputs: Inputs,
    locals: RefCell<HashMap<&'a str, Value>>,
    resolving: RefCell<Vec<&'a str>>,
    depth: Cell<u32>,
    steps: Cell<u64>,
    /// A limit was hit during the current top-level evaluation: (depth, steps).
    limit_hit: Cell<(bool, bool)>,
    errors: RefCell<Vec<ScanError>>,
}

impl<'a> Evaluator<'a> {
    pub fn new(module: &'a Module<'a>) -> Self {
        Evaluator::with_inputs(module, Inputs::default())
    }

    pub fn with_inputs(module: &'a Module<'a>, inputs: Inputs) -> Self {
        Evaluator {
            module,
            inputs,
            locals: RefCell::default(),
            resolving: RefCell::default(),
            depth: Cell::new(0),
            steps: Cell::new(0),
            limit_hit: Cell::new((false, false)),
            errors: RefCell::default(),
        }
    }

    /// Problems found while evaluating (such as a cycle between locals).
    pub fn take_errors(&self) -> Vec<ScanError> {
        std::mem::take(&mut self.errors.borrow_mut())
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
        let v = self.eval(expr, scope);
        if outermost {
            let (depth, steps) = self.limit_hit.replace((false, false));
            if depth || steps {
                let message = if depth {
                    format!("expression nests or follows references more than {MAX_DEPTH} levels deep; its value is treated as unknown")
                } else {
                    format!("evaluating this module took more than {MAX_STEPS} steps; remaining values are treated as unknown")
                };
                let mut errors = self.errors.borrow_mut();
                if !(steps && errors.iter().any(|e| e.message == message)) {
                    errors.push(ScanError::parse(span_of(file, expr), message));
                }
            }
        }
        v
    }

    pub fn eval(&self, expr: &Expression, scope: &Scope) -> Value {
        let steps = self.steps.get() + 1;
        self.steps.set(steps);
        if steps > MAX_STEPS {
            self.limit_hit.set((self.limit_hit.get().0, true));
            return Value::Unknown;
        }
        if self.depth.get() >= MAX_DEPTH {
            self.limit_hit.set((true, self.limit_hit.get().1));
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
            Expression::Variable(v) => scope.lookup(v.as_str()).cloned().unwrap_or(Value::Unknown),
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
                functions::call(call.name.name.as_str(), args)
            }
            Expression::Traversal(t) => {
                let (root, rest) = match &t.expr {
                    Expression::Variable(v) => self.resolve_root(v.as_str(), &t.operators, scope),
                    other => (self.eval(other, scope), &t.operators[..]),
                };
                let ops: Vec<&TraversalOperator> = rest.iter().map(|o| o.value()).collect();
                self.apply_ops(root, &ops, scope)
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
            let v = self.eval(&f.value_expr, &inner);
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
        let mut out = String::new();
        if self.render(t, scope, &mut out) {
            Value::String(out)
        } else {
            Value::Unknown
        }
    }

    /// Appends the rendering of `t` to `out`; false when a part is unknown.
    fn render(&self, t: &Template, scope: &Scope, out: &mut String) -> bool {
        for element in t.iter() {
            match element {
                Element::Literal(s) => out.push_str(s.value()),
                Element::Interpolation(i) => match self.eval(&i.expr, scope).to_template_string() {
                    Some(s) => out.push_str(&s),
                    None => return false,
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

    /// Resolves the first name of a traversal (`var.x`, `local.y`, `aws_s3_bucket.z.id`), returning its
    /// value and the operators still to apply.
    fn resolve_root<'o>(
        &self,
        name: &str,
        ops: &'o [hcl_edit::Decorated<TraversalOperator>],
        scope: &Scope,
    ) -> (Value, &'o [hcl_edit::Decorated<TraversalOperator>]) {
        if let Some(v) = scope.lookup(name) {
            return (v.clone(), ops);
        }
        let attr = |i: usize| match ops.get(i).map(|o| o.value()) {
            Some(TraversalOperator::GetAttr(id)) => Some(id.as_str()),
            _ => None,
        };
        match name {
            "var" => match attr(0) {
                Some(n) => (self.variable(n), &ops[1..]),
                None => (Value::Unknown, &[]),
            },
            "local" => match attr(0) {
                Some(n) => (self.local(n), &ops[1..]),
                None => (Value::Unknown, &[]),
            },
            "data" | "module" | "count" | "each" | "self" | "path" | "terraform" => {
                (Value::Unknown, &[])
            }
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

    fn apply_ops(&self, mut value: Value, ops: &[&TraversalOperator], scope: &Scope) -> Value {
        for (i, op) in ops.iter().enumerate() {
            value = match op {
                TraversalOperator::GetAttr(id) => match value {
                    Value::Object(mut map) => map.remove(id.as_str()).unwrap_or(Value::Unknown),
                    _ => Value::Unknown,
                },
                TraversalOperator::Index(e) => index(value, &self.eval(e, scope)),
                TraversalOperator::LegacyIndex(n) => {
                    index(value, &Value::Number(*n.value() as f64))
                }
                TraversalOperator::AttrSplat(_) | TraversalOperator::FullSplat(_) => {
                    let items = match value {
                        Value::List(items) => items,
                        Value::Null => Vec::new(),
                        Value::Unknown | Value::Ref(_) | Value::Json(_) => return Value::Unknown,
                        other => vec![other],
                    };
                    let rest = &ops[i + 1..];
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
        let Some(var) = self.module.variables.get(name) else {
            return Value::Unknown;
        };
        if let Some(input) = self.inputs.values.get(name) {
            return convert(&input.value, var.ty);
        }
        match var.default {
            Some(default) => self.eval_top(default.expr),
            None => Value::Unknown,
        }
    }

    pub fn local(&self, name: &str) -> Value {
        if let Some(v) = self.locals.borrow().get(name) {
            return v.clone();
        }
        let Some((&key, located)) = self.module.locals.get_key_value(name) else {
            return Value::Unknown;
        };
        if self.resolving.borrow().contains(&key) {
            let chain = self.resolving.borrow().join(" → local.");
            self.errors.borrow_mut().push(ScanError::parse(
                span_of(located.file, located.expr),
                format!("local.{key} depends on itself (local.{chain} → local.{key})"),
            ));
            self.locals.borrow_mut().insert(key, Value::Unknown);
            return Value::Unknown;
        }
        self.resolving.borrow_mut().push(key);
        let v = self.eval_top(located.expr);
        self.resolving.borrow_mut().pop();
        self.locals.borrow_mut().insert(key, v.clone());
        v
    }

    /// An attribute of a resource instance: its written value when the configuration sets it, values
    /// derived from arguments where the provider defines them, otherwise a reference known only after
    /// apply.
    fn resource_attr(&self, res: &Resource<'a>, address: &str, attr: &str, scope: &Scope) -> Value {
        if let Some(a) = res.body().get_attribute(attr) {
            return self.eval(&a.value, scope);
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
            address: address.to_string(),
            attr: attr.to_string(),
        }))
    }

    /// The instances of a resource: one per `count` index or `for_each` key, none when the count is 0
    /// or the collection empty, and the resource itself when it has neither. An unknown count or
    /// collection gives one instance whose `count`/`each` are unknown. More than [`MAX_INSTANCES`] are
    /// cut there, with an error.
    pub fn instances(&self, res: &Resource<'a>) -> Vec<Instance> {
        let single = || Instance {
            address: res.address.clone(),
            label: res.name.to_string(),
            scope: Scope::default(),
        };
        let body = res.body();
        let (entries, expr): (Vec<(Value, Option<Value>)>, &Expression) =
            if let Some(count) = body.get_attribute("count") {
                match self.eval_at(res.file, &count.value).as_number() {
                    Some(n) if n >= 0.0 => (
                        (0..(n as usize).min(MAX_INSTANCES + 1))
                            .map(|i| (Value::Number(i as f64), None))
                            .collect(),
                        &count.value,
                    ),
                    _ => return vec![single()],
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
                    _ => return vec![single()],
                }
            } else {
                return vec![single()];
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
            .take(MAX_INSTANCES)
            .filter_map(|(k, v)| make_instance(res, &k, v))
            .collect()
    }

    /// The instance of an expanded resource for `key` (a number for `count`, a string for `for_each`).
    fn instance_for_key(&self, res: &Resource<'a>, key: &Value) -> Option<Instance> {
        let body = res.body();
        if body.get_attribute("count").is_some() {
            return make_instance(res, key, None);
        }
        let k = key.to_template_string()?;
        let fe = body.get_attribute("for_each")?;
        let value = match self.eval_at(res.file, &fe.value) {
            Value::Object(mut map) => map.remove(&k).unwrap_or(Value::Unknown),
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
            format!("[{}]", super::value::format_number(n))
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
    })
}

/// True when the resource has `count` or `for_each`.
fn is_expanded(res: &Resource) -> bool {
    let body = res.body();
    body.get_attribute("count").is_some() || body.get_attribute("for_each").is_some()
}

/// The (key, value) pairs a `for` iterates: indexes of a list, keys of an object; `None` for anything
/// else (unknown included).
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
