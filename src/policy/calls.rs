//! Calls to functions that do not exist, found when policies load.
//!
//! regorus resolves a function only when a call is evaluated, so a typo (`regex.mach`) or a built-in
//! this build leaves out (`http.send`) would otherwise surface as an evaluation error on the first
//! scanned file that reaches the call, or never. This walks the syntax tree of each checked module and
//! resolves every call the way the interpreter does: an import alias, then a function of the module's
//! own package or a `data.…` path, then the built-ins compiled into this build.

use super::PolicyError;
use regorus::unstable::{Expr, Literal, Module, Query, Ref, Rule, RuleHead, BUILTINS};
use regorus::utils::get_path_string;
use regorus::Engine;
use std::collections::{BTreeMap, BTreeSet};

/// Built-ins of OPA that this build leaves out on purpose, and why (docs/custom-policies.md).
const LEFT_OUT: [(&str, &str); 5] = [
    ("http.send", "a scan never reaches the network"),
    (
        "uuid.rfc4122",
        "a random value would make two scans of the same code differ",
    ),
    ("uuid.parse", "the `uuid` group is not built in"),
    (
        "json.match_schema",
        "JSON Schema validation is not built in",
    ),
    (
        "json.verify_schema",
        "JSON Schema validation is not built in",
    ),
];

/// A call whose function does not exist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownCall {
    /// The file of the call.
    pub file: String,
    /// The function as written (`regex.mach`).
    pub name: String,
    /// Byte range of the function's name in the file.
    pub start: usize,
    pub end: usize,
}

/// The function paths (`data.pkg.f`) that `modules` define, default functions included.
fn defined_functions(modules: &[Ref<Module>]) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for m in modules {
        let Ok(package) = get_path_string(&m.package.refr, Some("data")) else {
            continue;
        };
        for rule in &m.policy {
            let refr = match rule.as_ref() {
                Rule::Spec {
                    head: RuleHead::Func { refr, .. },
                    ..
                } => refr,
                Rule::Default { refr, args, .. } if !args.is_empty() => refr,
                _ => continue,
            };
            if let Ok(name) = get_path_string(refr, None) {
                out.insert(format!("{package}.{name}"));
            }
        }
    }
    out
}

/// The import aliases of `m` and the paths they stand for (`lib` → `data.preflight.lib`).
fn aliases(m: &Module) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for import in &m.imports {
        let Ok(target) = get_path_string(&import.refr, None) else {
            continue;
        };
        if !target.starts_with("data.") {
            // `input…`, `future.keywords…`, `rego.v1`: no functions there.
            continue;
        }
        let alias = match &import.r#as {
            Some(span) => span.text().to_string(),
            None => target.rsplit('.').next().unwrap_or(&target).to_string(),
        };
        out.insert(alias, target);
    }
    out
}

/// Where a call to `name` in package `package` (`data.p`) may resolve to among user-defined
/// functions, in the interpreter's order.
fn candidates(name: &str, package: &str, aliases: &BTreeMap<String, String>) -> Vec<String> {
    let mut out = Vec::new();
    let (root, rest) = name.split_once('.').unwrap_or((name, ""));
    if root != "data" {
        if let Some(target) = aliases.get(root) {
            out.push(if rest.is_empty() {
                target.clone()
            } else {
                format!("{target}.{rest}")
            });
        }
        out.push(format!("{package}.{name}"));
    } else {
        out.push(name.to_string());
    }
    out
}

/// Every call expression of `m`, with the function's expression.
fn calls(m: &Module) -> Vec<&Ref<Expr>> {
    let mut out = Vec::new();
    // An explicit stack: nesting depth is the policy author's, not bounded here.
    let mut exprs: Vec<&Ref<Expr>> = Vec::new();
    let mut queries: Vec<&Ref<Query>> = Vec::new();
    for rule in &m.policy {
        match rule.as_ref() {
            Rule::Spec { head, bodies, .. } => {
                match head {
                    RuleHead::Compr { refr, assign, .. } => {
                        exprs.push(refr);
                        exprs.extend(assign.iter().map(|a| &a.value));
                    }
                    RuleHead::Set { refr, key, .. } => {
                        exprs.push(refr);
                        exprs.extend(key.iter());
                    }
                    RuleHead::Func {
                        args, assign, refr, ..
                    } => {
                        // The head's name is not a call; index expressions in it may be.
                        if !matches!(refr.as_ref(), Expr::Var { .. }) {
                            exprs.push(refr);
                        }
                        exprs.extend(args.iter());
                        exprs.extend(assign.iter().map(|a| &a.value));
                    }
                }
                for b in bodies {
                    exprs.extend(b.assign.iter().map(|a| &a.value));
                    queries.push(&b.query);
                }
            }
            Rule::Default { args, value, .. } => {
                exprs.extend(args.iter());
                exprs.push(value);
            }
        }
    }
    loop {
        if let Some(q) = queries.pop() {
            for stmt in &q.stmts {
                for w in &stmt.with_mods {
                    exprs.push(&w.r#as);
                }
                match &stmt.literal {
                    Literal::SomeVars { .. } => {}
                    Literal::SomeIn {
                        key,
                        value,
                        collection,
                        ..
                    } => {
                        exprs.extend(key.iter());
                        exprs.push(value);
                        exprs.push(collection);
                    }
                    Literal::Expr { expr, .. } | Literal::NotExpr { expr, .. } => exprs.push(expr),
                    Literal::Every { domain, query, .. } => {
                        exprs.push(domain);
                        queries.push(query);
                    }
                }
            }
            continue;
        }
        let Some(e) = exprs.pop() else {
            break;
        };
        match e.as_ref() {
            Expr::Call { fcn, params, .. } => {
                out.push(fcn);
                // The function's own expression holds no call unless it indexes (`f[g(x)]`), which
                // Rego does not allow; its parameters may.
                exprs.extend(params.iter());
            }
            Expr::Array { items, .. } | Expr::Set { items, .. } => exprs.extend(items.iter()),
            Expr::Object { fields, .. } => {
                for (_, k, v) in fields {
                    exprs.push(k);
                    exprs.push(v);
                }
            }
            Expr::ArrayCompr { term, query, .. } | Expr::SetCompr { term, query, .. } => {
                exprs.push(term);
                queries.push(query);
            }
            Expr::ObjectCompr {
                key, value, query, ..
            } => {
                exprs.push(key);
                exprs.push(value);
                queries.push(query);
            }
            Expr::UnaryExpr { expr, .. } => exprs.push(expr),
            Expr::RefDot { refr, .. } => exprs.push(refr),
            Expr::RefBrack { refr, index, .. } => {
                exprs.push(refr);
                exprs.push(index);
            }
            Expr::BinExpr { lhs, rhs, .. }
            | Expr::BoolExpr { lhs, rhs, .. }
            | Expr::ArithExpr { lhs, rhs, .. }
            | Expr::AssignExpr { lhs, rhs, .. } => {
                exprs.push(lhs);
                exprs.push(rhs);
            }
            Expr::Membership {
                key,
                value,
                collection,
                ..
            } => {
                exprs.extend(key.iter());
                exprs.push(value);
                exprs.push(collection);
            }
            _ => {}
        }
    }
    out
}

/// The calls of the modules of `engine` whose file `checked` accepts that name no function: not a
/// built-in of this build, nor a function any loaded module defines. `more` is asked to load the
/// module(s) of a `data.…` path that nothing loaded defines (a built-in policy parsed only on demand);
/// it returns whether it added one.
pub fn unknown_calls(
    engine: &mut Engine,
    checked: &dyn Fn(&str) -> bool,
    more: &mut dyn FnMut(&mut Engine, &str) -> bool,
) -> Vec<UnknownCall> {
    let mut out = Vec::new();
    let mut defined = defined_functions(engine.get_modules());
    let modules: Vec<Ref<Module>> = engine
        .get_modules()
        .iter()
        .filter(|m| checked(m.package.span.source.file()))
        .cloned()
        .collect();
    for m in &modules {
        let Ok(package) = get_path_string(&m.package.refr, Some("data")) else {
            continue;
        };
        let aliases = aliases(m);
        for fcn in calls(m) {
            let Ok(name) = get_path_string(fcn, None) else {
                continue;
            };
            if name == "print" || BUILTINS.contains_key(name.as_str()) {
                continue;
            }
            let tries = candidates(&name, &package, &aliases);
            let mut found = tries.iter().any(|c| defined.contains(c));
            if !found {
                // A package that is loaded only when asked for (a built-in policy's helpers).
                let mut added = false;
                for c in &tries {
                    added |= more(engine, c);
                }
                if added {
                    defined = defined_functions(engine.get_modules());
                    found = tries.iter().any(|c| defined.contains(c));
                }
            }
            if !found {
                let span = match fcn.as_ref() {
                    Expr::Var { span, .. }
                    | Expr::RefDot { span, .. }
                    | Expr::RefBrack { span, .. } => span,
                    _ => continue,
                };
                out.push(UnknownCall {
                    file: span.source.file().to_string(),
                    name,
                    start: span.start as usize,
                    end: span.end as usize,
                });
            }
        }
    }
    out.sort_by(|a, b| (&a.file, a.start).cmp(&(&b.file, b.start)));
    out.dedup();
    out
}

/// Edit distance of two short names (Levenshtein, by characters).
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// What to say about a call to `name` that resolves to nothing.
pub fn explain(name: &str) -> String {
    if let Some((_, why)) = LEFT_OUT.iter().find(|(n, _)| *n == name) {
        return format!("function `{name}` is not available in preflight: {why}");
    }
    let near = BUILTINS
        .keys()
        .filter(|b| !b.starts_with("internal."))
        .map(|b| (distance(name, b), *b))
        .filter(|(d, b)| *d > 0 && *d <= 2 && *d < b.len() / 2 + 1)
        .min();
    match near {
        Some((_, b)) => format!("unknown function `{name}`; did you mean `{b}`?"),
        None => format!(
            "unknown function `{name}`: neither a built-in nor a function of a loaded policy or library"
        ),
    }
}

/// The first unknown call of `calls` as a located error in its file, whose text `text_of` gives.
pub fn first_error(
    calls: &[UnknownCall],
    text_of: &dyn Fn(&str) -> Option<String>,
) -> Option<PolicyError> {
    let c = calls.first()?;
    let message = explain(&c.name);
    Some(match text_of(&c.file) {
        Some(text) if c.end <= text.len() && c.start < c.end => PolicyError::at(
            &c.file,
            &text,
            (c.start, c.end - c.start),
            "no such function",
            message,
        ),
        _ => PolicyError::new(c.file.clone(), message),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unknown(files: &[(&str, &str)]) -> Vec<(String, String)> {
        let mut engine = Engine::new();
        for (p, t) in files {
            engine
                .add_policy(p.to_string(), t.to_string())
                .expect("parses");
        }
        unknown_calls(&mut engine, &|_| true, &mut |_, _| false)
            .into_iter()
            .map(|c| (c.name.clone(), files[0].1[c.start..c.end].to_string()))
            .collect()
    }

    #[test]
    fn calls_resolve_to_builtins_own_and_imported_functions() {
        let lib =
            "package acme.lib\nhelper(x) := y if { y := upper(x) }\ndefault flag(_) := false\n";
        let policy = "package acme.p\nimport data.acme.lib\nimport data.acme.lib as other\n\
            own(x) if x == 1\n\
            deny contains m if {\n\tsome r in input.resources\n\tregex.match(\"a\", r.name)\n\
            \tlib.helper(r.name) == \"A\"\n\tother.flag(1) == false\n\tdata.acme.lib.helper(\"b\")\n\
            \town(1)\n\tm := [x | some x in r.tags; startswith(x, \"a\")]\n\tprint(m)\n}\n";
        assert_eq!(unknown(&[(("p.rego"), policy), ("lib.rego", lib)]), vec![]);
    }

    #[test]
    fn unknown_and_left_out_functions_are_found_where_they_are_called() {
        let policy = "package acme.p\nimport data.acme.lib\n\
            deny contains m if {\n\tsome r in input.resources\n\tregex.mach(\"a\", r.name)\n\
            \tm := {\"x\": [y | y := http.send({})]}\n\tlib.nothing(1)\n\tnot undefined_fn(2)\n}\n";
        assert_eq!(
            unknown(&[("p.rego", policy)]),
            vec![
                ("regex.mach".to_string(), "regex.mach".to_string()),
                ("http.send".to_string(), "http.send".to_string()),
                ("lib.nothing".to_string(), "lib.nothing".to_string()),
                ("undefined_fn".to_string(), "undefined_fn".to_string()),
            ]
        );
        assert_eq!(
            explain("regex.mach"),
            "unknown function `regex.mach`; did you mean `regex.match`?"
        );
        assert!(explain("http.send").contains("never reaches the network"));
        assert!(explain("frobnicate_all").contains("neither a built-in"));
    }

    #[test]
    fn a_module_loaded_on_demand_defines_functions() {
        let policy = "package acme.p\ndeny contains 1 if { data.acme.late.f(1) }\n";
        let mut engine = Engine::new();
        engine
            .add_policy("p.rego".into(), policy.into())
            .expect("parses");
        let mut asked = Vec::new();
        let found = unknown_calls(&mut engine, &|_| true, &mut |e, path| {
            asked.push(path.to_string());
            e.add_policy("late.rego".into(), "package acme.late\nf(x) := x\n".into())
                .is_ok()
        });
        assert!(found.is_empty(), "{found:?}");
        assert_eq!(asked, vec!["data.acme.late.f"]);
    }

    /// Every built-in policy, library and test, with the check on: nothing is reported.
    #[test]
    fn no_builtin_policy_calls_an_unknown_function() {
        let mut engine = Engine::new();
        for b in super::super::embedded::EMBEDDED {
            engine
                .add_policy(b.path.to_string(), b.text.to_string())
                .expect("parses");
        }
        for (p, t) in super::super::embedded::EMBEDDED_TESTS {
            engine
                .add_policy(p.to_string(), t.to_string())
                .expect("parses");
        }
        let found = unknown_calls(&mut engine, &|_| true, &mut |_, _| false);
        assert!(found.is_empty(), "{found:?}");
    }
}
