//! Calls to functions that do not exist, or with the wrong number of arguments, found when policies
//! load.
//!
//! regorus resolves a function only when a call is evaluated, so a typo (`regex.mach`), a built-in
//! this build leaves out (`http.send`) or a missing argument (`startswith(x)`) would otherwise surface
//! as an evaluation error on the first scanned file that reaches the call, or never. This walks the
//! syntax tree of each checked module and resolves every call the way the interpreter does: an import
//! alias, then a function of the module's own package or a `data.…` path, then the built-ins compiled
//! into this build (whose arities regorus registers beside them). A call written as a statement may
//! add one argument, the result (`count(xs, n)` binds or compares `n`), except through an import
//! alias, where regorus does not take one.

use super::PolicyError;
use regorus::unstable::{Expr, Literal, Module, Query, Ref, Rule, RuleHead, BUILTINS};
use regorus::utils::get_path_string;
use regorus::Engine;
use std::collections::BTreeMap;

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

/// What is wrong with a call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// No function of that name.
    Unknown,
    /// The function takes `expected` arguments; the call gives `given`. `output` tells whether one
    /// more, the result, would have been accepted in that place.
    Arity {
        expected: usize,
        given: usize,
        output: Output,
    },
}

/// Whether a call may add the result as a last argument where it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// A statement calling a built-in or a function named by its package: it may.
    Allowed,
    /// Inside an expression: the call's value is used, so it may not.
    Nested,
    /// A statement calling a function through an import alias: regorus does not take one there.
    Alias,
}

/// A call whose function does not exist or takes another number of arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadCall {
    /// The file of the call.
    pub file: String,
    /// The function as written (`regex.mach`).
    pub name: String,
    /// Byte range in the file: the function's name for an unknown one, the whole call for an arity.
    pub start: usize,
    pub end: usize,
    pub problem: Problem,
}

/// The functions (`data.pkg.f`) that `modules` define, default functions included, with their number
/// of arguments.
fn defined_functions(modules: &[Ref<Module>]) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for m in modules {
        let Ok(package) = get_path_string(&m.package.refr, Some("data")) else {
            continue;
        };
        for rule in &m.policy {
            let (refr, arity, default) = match rule.as_ref() {
                Rule::Spec {
                    head: RuleHead::Func { refr, args, .. },
                    ..
                } => (refr, args.len(), false),
                Rule::Default { refr, args, .. } if !args.is_empty() => (refr, args.len(), true),
                _ => continue,
            };
            if let Ok(name) = get_path_string(refr, None) {
                // The interpreter calls the definitions; a default answers when none does.
                let entry = out.entry(format!("{package}.{name}")).or_insert(arity);
                if !default {
                    *entry = arity;
                }
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
/// functions, in the interpreter's order, each with whether it is reached through an import alias.
fn candidates(
    name: &str,
    package: &str,
    aliases: &BTreeMap<String, String>,
) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let (root, rest) = name.split_once('.').unwrap_or((name, ""));
    if root != "data" {
        if let Some(target) = aliases.get(root) {
            out.push((
                if rest.is_empty() {
                    target.clone()
                } else {
                    format!("{target}.{rest}")
                },
                true,
            ));
        }
        out.push((format!("{package}.{name}"), false));
    } else {
        out.push((name.to_string(), false));
    }
    out
}

/// A call expression: the function's expression, the whole call, its number of arguments, and
/// whether it is a statement of its own (`count(xs, n)`, `not f(x, y)`), where a last argument may
/// stand for the result.
struct Call<'m> {
    fcn: &'m Ref<Expr>,
    call: &'m Ref<Expr>,
    args: usize,
    statement: bool,
}

/// Every call expression of `m`.
fn calls(m: &Module) -> Vec<Call<'_>> {
    let mut out = Vec::new();
    // An explicit stack: nesting depth is the policy author's, not bounded here. The flag marks an
    // expression that is a statement of its own.
    let mut exprs: Vec<(&Ref<Expr>, bool)> = Vec::new();
    let mut queries: Vec<&Ref<Query>> = Vec::new();
    for rule in &m.policy {
        match rule.as_ref() {
            Rule::Spec { head, bodies, .. } => {
                match head {
                    RuleHead::Compr { refr, assign, .. } => {
                        exprs.push((refr, false));
                        exprs.extend(assign.iter().map(|a| (&a.value, false)));
                    }
                    RuleHead::Set { refr, key, .. } => {
                        exprs.push((refr, false));
                        exprs.extend(key.iter().map(|e| (e, false)));
                    }
                    RuleHead::Func {
                        args, assign, refr, ..
                    } => {
                        // The head's name is not a call; index expressions in it may be.
                        if !matches!(refr.as_ref(), Expr::Var { .. }) {
                            exprs.push((refr, false));
                        }
                        exprs.extend(args.iter().map(|e| (e, false)));
                        exprs.extend(assign.iter().map(|a| (&a.value, false)));
                    }
                }
                for b in bodies {
                    exprs.extend(b.assign.iter().map(|a| (&a.value, false)));
                    queries.push(&b.query);
                }
            }
            Rule::Default { args, value, .. } => {
                exprs.extend(args.iter().map(|e| (e, false)));
                exprs.push((value, false));
            }
        }
    }
    loop {
        if let Some(q) = queries.pop() {
            for stmt in &q.stmts {
                for w in &stmt.with_mods {
                    exprs.push((&w.r#as, false));
                }
                match &stmt.literal {
                    Literal::SomeVars { .. } => {}
                    Literal::SomeIn {
                        key,
                        value,
                        collection,
                        ..
                    } => {
                        exprs.extend(key.iter().map(|e| (e, false)));
                        exprs.push((value, false));
                        exprs.push((collection, false));
                    }
                    Literal::Expr { expr, .. } | Literal::NotExpr { expr, .. } => {
                        exprs.push((expr, true))
                    }
                    Literal::Every { domain, query, .. } => {
                        exprs.push((domain, false));
                        queries.push(query);
                    }
                }
            }
            continue;
        }
        let Some((e, statement)) = exprs.pop() else {
            break;
        };
        match e.as_ref() {
            Expr::Call { fcn, params, .. } => {
                out.push(Call {
                    fcn,
                    call: e,
                    args: params.len(),
                    statement,
                });
                // The function's own expression holds no call unless it indexes (`f[g(x)]`), which
                // Rego does not allow; its parameters may.
                exprs.extend(params.iter().map(|e| (e, false)));
            }
            Expr::Array { items, .. } | Expr::Set { items, .. } => {
                exprs.extend(items.iter().map(|e| (e, false)))
            }
            Expr::Object { fields, .. } => {
                for (_, k, v) in fields {
                    exprs.push((k, false));
                    exprs.push((v, false));
                }
            }
            Expr::ArrayCompr { term, query, .. } | Expr::SetCompr { term, query, .. } => {
                exprs.push((term, false));
                queries.push(query);
            }
            Expr::ObjectCompr {
                key, value, query, ..
            } => {
                exprs.push((key, false));
                exprs.push((value, false));
                queries.push(query);
            }
            Expr::UnaryExpr { expr, .. } => exprs.push((expr, false)),
            Expr::RefDot { refr, .. } => exprs.push((refr, false)),
            Expr::RefBrack { refr, index, .. } => {
                exprs.push((refr, false));
                exprs.push((index, false));
            }
            Expr::BinExpr { lhs, rhs, .. }
            | Expr::BoolExpr { lhs, rhs, .. }
            | Expr::ArithExpr { lhs, rhs, .. }
            | Expr::AssignExpr { lhs, rhs, .. } => {
                exprs.push((lhs, false));
                exprs.push((rhs, false));
            }
            Expr::Membership {
                key,
                value,
                collection,
                ..
            } => {
                exprs.extend(key.iter().map(|e| (e, false)));
                exprs.push((value, false));
                exprs.push((collection, false));
            }
            _ => {}
        }
    }
    out
}

/// The arity of the function a call to `name` in `package` reaches, in the interpreter's order (an
/// import alias, the module's own package or a `data.…` path, then a built-in), and whether it is
/// reached through an alias; `None` when nothing of that name is defined.
fn resolve(
    name: &str,
    tries: &[(String, bool)],
    defined: &BTreeMap<String, usize>,
) -> Option<(usize, bool)> {
    tries
        .iter()
        .find_map(|(c, alias)| defined.get(c).map(|&n| (n, *alias)))
        .or_else(|| BUILTINS.get(name).map(|(_, n)| (usize::from(*n), false)))
}

/// The arity regorus assumes when it decides whether a statement's last argument is the result: the
/// module's own function or the `data.…` path of that name, else the built-in (never an alias).
fn output_arity(name: &str, package: &str, defined: &BTreeMap<String, usize>) -> Option<usize> {
    defined
        .get(&format!("{package}.{name}"))
        .or_else(|| defined.get(name))
        .copied()
        .or_else(|| BUILTINS.get(name).map(|(_, n)| usize::from(*n)))
}

/// The calls of the modules of `engine` whose file `checked` accepts that reach no function (not a
/// built-in of this build, nor a function any loaded module defines) or give it another number of
/// arguments than it takes. `more` is asked to load the module(s) of a `data.…` path that nothing
/// loaded defines (a built-in policy parsed only on demand); it returns whether it added one.
pub fn bad_calls(
    engine: &mut Engine,
    checked: &dyn Fn(&str) -> bool,
    more: &mut dyn FnMut(&mut Engine, &str) -> bool,
) -> Vec<BadCall> {
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
        for call in calls(m) {
            let Ok(name) = get_path_string(call.fcn, None) else {
                continue;
            };
            if name == "print" {
                // Any number of arguments.
                continue;
            }
            let tries = candidates(&name, &package, &aliases);
            let mut found = resolve(&name, &tries, &defined);
            if found.is_none() {
                // A package that is loaded only when asked for (a built-in policy's helpers).
                let mut added = false;
                for (c, _) in &tries {
                    added |= more(engine, c);
                }
                if added {
                    defined = defined_functions(engine.get_modules());
                    found = resolve(&name, &tries, &defined);
                }
            }
            let problem = match found {
                None => Problem::Unknown,
                Some((expected, alias)) => {
                    let result_arg = call.statement
                        && output_arity(&name, &package, &defined)
                            .is_some_and(|n| n + 1 == call.args);
                    let given = call.args - usize::from(result_arg);
                    if given == expected {
                        continue;
                    }
                    let output = match (call.statement, alias) {
                        (false, _) => Output::Nested,
                        (true, true) => Output::Alias,
                        (true, false) => Output::Allowed,
                    };
                    Problem::Arity {
                        expected,
                        given: call.args,
                        output,
                    }
                }
            };
            let span = match (&problem, call.fcn.as_ref()) {
                (Problem::Arity { .. }, _) => call.call.span(),
                (
                    Problem::Unknown,
                    Expr::Var { span, .. }
                    | Expr::RefDot { span, .. }
                    | Expr::RefBrack { span, .. },
                ) => span,
                _ => continue,
            };
            out.push(BadCall {
                file: span.source.file().to_string(),
                name,
                start: span.start as usize,
                end: span.end as usize,
                problem,
            });
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

/// What to say about a call that gives `name` another number of arguments than it takes.
fn explain_arity(name: &str, expected: usize, given: usize, output: Output) -> String {
    let plural = |n: usize| if n == 1 { "argument" } else { "arguments" };
    let mut out = format!(
        "`{name}` takes {expected} {}, the call gives {given}",
        plural(expected)
    );
    if given == expected + 1 {
        match output {
            Output::Nested => out.push_str(
                "; a last argument that receives the result is allowed only in a call written as \
                 a statement of its own, not inside an expression",
            ),
            Output::Alias => out.push_str(&format!(
                "; preflight's Rego engine does not take the result as a last argument of a \
                 function named through an import: write `x := {name}(…)`"
            )),
            Output::Allowed => {}
        }
    }
    out
}

/// The first bad call of `calls` as a located error in its file, whose text `text_of` gives.
pub fn first_error(
    calls: &[BadCall],
    text_of: &dyn Fn(&str) -> Option<String>,
) -> Option<PolicyError> {
    let c = calls.first()?;
    let (label, message) = match c.problem {
        Problem::Unknown => ("no such function", explain(&c.name)),
        Problem::Arity {
            expected,
            given,
            output,
        } => (
            "wrong number of arguments",
            explain_arity(&c.name, expected, given, output),
        ),
    };
    Some(match text_of(&c.file) {
        Some(text) if c.end <= text.len() && c.start < c.end => {
            PolicyError::at(&c.file, &text, (c.start, c.end - c.start), label, message)
        }
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
        bad_calls(&mut engine, &|_| true, &mut |_, _| false)
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
        let found = bad_calls(&mut engine, &|_| true, &mut |e, path| {
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
        let found = bad_calls(&mut engine, &|_| true, &mut |_, _| false);
        assert!(found.is_empty(), "{found:?}");
    }

    /// One rule body of a module that imports a library: the arity problems found in it, and whether
    /// regorus, evaluating the rule, fails on an argument count.
    fn judged(body: &str) -> (Vec<Problem>, bool) {
        let lib = "package acme.lib\nf(x) := x\n";
        let policy = format!(
            "package acme.p\nimport data.acme.lib\ng(x) := x\ndefault h(_) := 1\nh(x) := 2 if x == 2\nr if {{\n{body}\n}}\n"
        );
        let mut engine = Engine::new();
        engine
            .add_policy("lib.rego".into(), lib.into())
            .expect("parses");
        engine.add_policy("p.rego".into(), policy).expect("parses");
        let found = bad_calls(&mut engine, &|f| f == "p.rego", &mut |_, _| false)
            .into_iter()
            .map(|c| c.problem)
            .collect();
        let fails = match engine.eval_rule("data.acme.p.r".into()) {
            Ok(_) => false,
            Err(e) => {
                let e = e.to_string();
                e.contains("number of") || e.contains("argument") || e.contains("unsafe")
            }
        };
        (found, fails)
    }

    /// The check reports exactly the calls whose argument count regorus rejects: too few or too many
    /// for built-ins and functions of the policy's own package, of a `data.…` path or of an import;
    /// a statement's extra last argument that takes the result (`count(xs, n)`) is accepted except
    /// through an import, and never inside an expression.
    #[test]
    fn arity_problems_are_what_the_interpreter_rejects() {
        let cases: &[(&str, bool)] = &[
            ("regex.match(\"a\")", true),
            ("startswith(\"a\")", true),
            ("x := count([1], 1)", true),
            ("x := concat(\",\", [\"a\"], \"a\")", true),
            ("count([1]) == 1", false),
            ("count([1], n)\nn == 1", false),
            ("count([1], 1)", false),
            ("not startswith(\"a\", \"b\", true)", false),
            ("walk({\"a\": 1}, [p, v])\nv == 1", false),
            ("x := [1 | count([1], n); n == 1]", false),
            ("every x in [1] { count([1], n) }", false),
            ("g(1, y)\ny == 1", false),
            ("g(1, 2, 3)", true),
            ("x := g(1, 1)", true),
            ("data.acme.lib.f(1, y)\ny == 1", false),
            ("data.acme.lib.f()", true),
            ("lib.f(1) == 1", false),
            ("lib.f(1, 1)", true),
            ("x := lib.f()", true),
            ("h(1) == 1", false),
            ("x := walk({\"a\": 1}, [p, v])\nprint(x, p, v)", true),
            ("x := {p | walk({\"a\": 1}, [p, v])}\nprint(x)", false),
            ("x := h(1, 2, 3)", true),
        ];
        for (body, bad) in cases {
            let (found, fails) = judged(body);
            assert_eq!(fails, *bad, "regorus on {body:?}");
            assert_eq!(found.len(), usize::from(*bad), "{body:?}: {found:?}");
        }
        let (found, _) = judged("lib.f(1, 1)");
        assert_eq!(
            found,
            vec![Problem::Arity {
                expected: 1,
                given: 2,
                output: Output::Alias
            }]
        );
        let (found, _) = judged("x := count([1], 1)");
        assert_eq!(
            found,
            vec![Problem::Arity {
                expected: 1,
                given: 2,
                output: Output::Nested
            }]
        );
    }

    #[test]
    fn arity_errors_are_located_at_the_call_and_say_what_it_takes() {
        let text = "package acme.p\nr if {\n\tx := regex.match(\"^a\")\n\tcount([1], n, 3)\n}\n";
        let mut engine = Engine::new();
        engine
            .add_policy("p.rego".into(), text.into())
            .expect("parses");
        let found = bad_calls(&mut engine, &|_| true, &mut |_, _| false);
        let written: Vec<&str> = found.iter().map(|c| &text[c.start..c.end]).collect();
        assert_eq!(written, vec!["regex.match(\"^a\")", "count([1], n, 3)"]);
        let e = first_error(&found, &|_| Some(text.to_string())).expect("an error");
        assert_eq!(
            e.message,
            "`regex.match` takes 2 arguments, the call gives 1"
        );
        assert_eq!(
            explain_arity("count", 1, 2, Output::Nested),
            "`count` takes 1 argument, the call gives 2; a last argument that receives the result \
             is allowed only in a call written as a statement of its own, not inside an expression"
        );
        assert!(explain_arity("lib.f", 1, 2, Output::Alias).contains("`x := lib.f(…)`"));
    }

    /// The arities regorus registers beside its built-ins are the ones its implementations check: a
    /// call with that many arguments passes the count (whatever it says of their types), one with one
    /// more inside an expression is refused for its count. Fails when a regorus update registers a
    /// built-in whose number disagrees with its code.
    #[test]
    fn registered_builtin_arities_are_what_the_builtins_take() {
        // The error regorus gives `name` called with `args` arguments for taking `n`.
        let count_error = |name: &str, args: usize, n: usize| -> Option<String> {
            let params = vec!["null"; args].join(", ");
            let text = format!("package a\nr := x if {{\n\tx := {name}({params})\n}}\n");
            let mut engine = Engine::new();
            engine.add_policy("a.rego".into(), text).expect("parses");
            match engine.eval_rule("data.a.r".into()) {
                // regorus names the function in the message (one names another built-in).
                Err(e) if e.to_string().contains(&format!("expects {n} argument")) => {
                    Some(e.to_string())
                }
                Err(e) if e.to_string().contains("number of") => Some(e.to_string()),
                _ => None,
            }
        };
        let mut checked = 0;
        for (name, (_, n)) in BUILTINS.iter() {
            if name.starts_with("__") || *name == "test.sleep" {
                continue;
            }
            let n = usize::from(*n);
            assert_eq!(count_error(name, n, n), None, "{name} with {n} arguments");
            // `walk(x, y)` is hoisted into a loop over `y` wherever it is written, before its count is
            // checked; the case above shows regorus refusing it inside an expression.
            if *name != "walk" {
                let more = count_error(name, n + 1, n);
                assert!(
                    more.is_some(),
                    "{name} with {} arguments is accepted",
                    n + 1
                );
            }
            checked += 1;
        }
        assert!(checked > 100, "{checked} built-ins");
    }
}
