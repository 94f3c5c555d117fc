//! One table per family: (function, arguments as a JSON array, result as JSON or `?` for Unknown).
//! The cases are Terraform's documented examples and edge cases.

use super::*;

fn j(text: &str) -> Value {
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(json) => Value::from_json(&json),
        Err(e) => panic!("bad JSON in test table: {text}: {e}"),
    }
}

/// Runs a table; every failing row is reported at once.
fn table(cases: &[(&str, &str, &str)]) {
    let mut failed = Vec::new();
    for (name, args, want) in cases {
        let args = match j(args) {
            Value::List(items) => items,
            other => vec![other],
        };
        let got = call(name, args.clone());
        let want_v = if *want == "?" {
            Value::Unknown
        } else {
            j(want)
        };
        if got != want_v {
            failed.push(format!("{name}({args:?}) = {got:?}, want {want}"));
        }
    }
    assert!(failed.is_empty(), "\n{}", failed.join("\n"));
}

#[test]
fn strings() {
    table(&[
        ("format", r#"["Hello, %s!", "Ander"]"#, r#""Hello, Ander!""#),
        (
            "format",
            r#"["There are %d lights", 4]"#,
            r#""There are 4 lights""#,
        ),
        ("format", r#"["%05.2f", 3.14159]"#, r#""03.14""#),
        ("format", r#"["%.2f", 2.5]"#, r#""2.50""#),
        ("format", r#"["%f", 1]"#, r#""1.000000""#),
        ("format", r#"["%e", 1234.5678]"#, r#""1.234568e+03""#),
        ("format", r#"["%g", 1234567]"#, r#""1.234567e+06""#),
        ("format", r#"["%v", 1000000]"#, r#""1e+06""#),
        ("format", r#"["%v", 100000]"#, r#""100000""#),
        ("format", r#"["%v", 0.5]"#, r#""0.5""#),
        ("format", r#"["%s", 1000000]"#, r#""1000000""#),
        ("format", r#"["%#v", "a"]"#, r#""\"a\"""#),
        ("format", r#"["%v", ["a", 1]]"#, r#""[\"a\",1]""#),
        ("format", r#"["%v", null]"#, r#""null""#),
        ("format", r#"["%s", null]"#, "?"),
        ("format", r#"["%q", "a<b"]"#, r#""\"a\\u003cb\"""#),
        ("format", r#"["%t", "true"]"#, r#""true""#),
        (
            "format",
            r#"["%x %X %o %b", 255, 255, 8, 5]"#,
            r#""ff FF 10 101""#,
        ),
        ("format", r#"["%#x", 255]"#, r#""0xff""#),
        (
            "format",
            r#"["%+d|% d|%5d|%-5d|%05d", 3, 3, 3, 3, -3]"#,
            r#""+3| 3|    3|3    |-0003""#,
        ),
        ("format", r#"["%d", 1.5]"#, "?"),
        ("format", r#"["%6.2s|", "abcdef"]"#, r#""    ab|""#),
        ("format", r#"["%-4s|", "é"]"#, r#""é   |""#),
        ("format", r#"["%[2]s %[1]s %s", "a", "b"]"#, r#""b a b""#),
        ("format", r#"["100%%"]"#, r#""100%""#),
        ("format", r#"["%s"]"#, "?"),
        ("format", r#"["%y", 1]"#, "?"),
        (
            "formatlist",
            r#"["Hello, %s!", ["Valentina", "Ander"]]"#,
            r#"["Hello, Valentina!", "Hello, Ander!"]"#,
        ),
        (
            "formatlist",
            r#"["%s, %s!", "Salutations", ["Valentina", "Ander"]]"#,
            r#"["Salutations, Valentina!", "Salutations, Ander!"]"#,
        ),
        ("formatlist", r#"["%s-%s", ["a"], ["b", "c"]]"#, "?"),
        ("formatlist", r#"["%s", []]"#, "[]"),
        ("title", r#"["hello world"]"#, r#""Hello World""#),
        (
            "title",
            r#"["hello-world o'neil_x"]"#,
            r#""Hello-World O'Neil_x""#,
        ),
        ("upper", r#"["hello"]"#, r#""HELLO""#),
        ("upper", r#"["алло! straße"]"#, r#""АЛЛО! STRAßE""#),
        ("lower", r#"["HELLO"]"#, r#""hello""#),
        ("lower", r#"["ΑΛΛΟ!"]"#, r#""αλλο!""#),
        (
            "split",
            r#"[",", "foo,bar,baz"]"#,
            r#"["foo", "bar", "baz"]"#,
        ),
        ("split", r#"[",", "foo"]"#, r#"["foo"]"#),
        ("split", r#"[",", ""]"#, r#"[""]"#),
        ("split", r#"["", "abc"]"#, r#"["a", "b", "c"]"#),
        ("split", r#"["", ""]"#, "[]"),
        (
            "join",
            r#"[", ", ["foo", "bar", "baz"]]"#,
            r#""foo, bar, baz""#,
        ),
        ("join", r#"[", ", ["foo"]]"#, r#""foo""#),
        ("join", r#"["-", ["a"], ["b", 1]]"#, r#""a-b-1""#),
        ("join", r#"["-", ["a", null]]"#, "?"),
        ("join", r#"["-"]"#, "?"),
        ("substr", r#"["hello world", 1, 4]"#, r#""ello""#),
        ("substr", r#"["🤔🤷", 0, 1]"#, r#""🤔""#),
        ("substr", r#"["hello world", -5, -1]"#, r#""world""#),
        ("substr", r#"["hello world", 6, 10]"#, r#""world""#),
        ("substr", r#"["hello", 10, 2]"#, r#""""#),
        ("substr", r#"["e\u0301x", 0, 1]"#, r#""e\u0301""#),
        ("strrev", r#"["hello"]"#, r#""olleh""#),
        ("strrev", r#"["a☃"]"#, r#""☃a""#),
        ("chomp", r#"["hello\n\r\n"]"#, r#""hello""#),
        ("chomp", r#"["hello\n world"]"#, r#""hello\n world""#),
        ("indent", r#"[2, "[\n  foo,\n]"]"#, r#""[\n    foo,\n  ]""#),
        ("indent", r#"[-1, "a"]"#, "?"),
        ("trim", r#"["?!hello?!", "!?"]"#, r#""hello""#),
        ("trim", r#"["foobar", "far"]"#, r#""oob""#),
        ("trimprefix", r#"["helloworld", "hello"]"#, r#""world""#),
        ("trimprefix", r#"["helloworld", "cat"]"#, r#""helloworld""#),
        ("trimsuffix", r#"["helloworld", "world"]"#, r#""hello""#),
        ("trimspace", r#"["  hello\n\n"]"#, r#""hello""#),
        ("startswith", r#"["hello world", "hello"]"#, "true"),
        ("startswith", r#"["hello world", ""]"#, "true"),
        ("endswith", r#"["hello world", "hello"]"#, "false"),
        ("strcontains", r#"["hello world", "wor"]"#, "true"),
        ("replace", r#"["1 + 2 + 3", "+", "-"]"#, r#""1 - 2 - 3""#),
        (
            "replace",
            r#"["hello world", "/w.*d/", "everybody"]"#,
            r#""hello everybody""#,
        ),
        (
            "replace",
            r#"["hello world", "/(h)(e)/", "$2$1"]"#,
            r#""ehllo world""#,
        ),
        ("replace", r#"["abc", "", "-"]"#, r#""-a-b-c-""#),
        (
            "regex",
            r#"["[a-z]+", "53453453.345345aaabbbccc23454"]"#,
            r#""aaabbbccc""#,
        ),
        (
            "regex",
            r#"["(\\d\\d\\d\\d)-(\\d\\d)-(\\d\\d)", "2019-02-01"]"#,
            r#"["2019", "02", "01"]"#,
        ),
        (
            "regex",
            r#"["^(?:(?P<scheme>[^:/?#]+):)?(?://(?P<authority>[^/?#]*))?", "https://terraform.io/docs/"]"#,
            r#"{"authority": "terraform.io", "scheme": "https"}"#,
        ),
        ("regex", r#"["(a)|(b)", "b"]"#, r#"[null, "b"]"#),
        ("regex", r#"["[a-z]+", "123"]"#, "?"),
        ("regex", r#"["(?P<x>a)(b)", "ab"]"#, "?"),
        ("regex", r#"["(", "("]"#, "?"),
        (
            "regexall",
            r#"["[a-z]+", "1234abcd5678efgh9"]"#,
            r#"["abcd", "efgh"]"#,
        ),
        ("regexall", r#"["[a-z]+", "123456789"]"#, "[]"),
        (
            "regexall",
            r#"["(\\w)=(\\d)", "a=1 b=2"]"#,
            r#"[["a", "1"], ["b", "2"]]"#,
        ),
    ]);
}

#[test]
fn regex_stays_linear_and_bounded() {
    // Catastrophic backtracking for a backtracking engine; linear time here.
    let text = format!("{}!", "a".repeat(50_000));
    let t = std::time::Instant::now();
    let got = call("regex", vec![Value::str("^(a+)+$"), Value::str(text)]);
    assert_eq!(got, Value::Unknown);
    assert!(t.elapsed() < std::time::Duration::from_secs(5));
    // An oversized pattern is not compiled.
    let big = "a".repeat(20_000);
    assert_eq!(
        call("regex", vec![Value::str(big.clone()), Value::str(big)]),
        Value::Unknown
    );
}

#[test]
fn numeric() {
    table(&[
        ("abs", "[-12.4]", "12.4"),
        ("abs", "[0]", "0"),
        ("ceil", "[5.1]", "6"),
        ("ceil", "[5]", "5"),
        ("floor", "[4.9]", "4"),
        ("floor", "[-4.1]", "-5"),
        ("log", "[16, 2]", "4"),
        ("log", "[0, 10]", "?"),
        ("max", "[12, 54, 3]", "54"),
        ("min", "[12, 54, 3]", "3"),
        ("max", r#"["7", 5]"#, "7"),
        ("max", "[]", "?"),
        ("parseint", r#"["100", 10]"#, "100"),
        ("parseint", r#"["FF", 16]"#, "255"),
        ("parseint", r#"["-10", 16]"#, "-16"),
        ("parseint", r#"["1011111011101111", 2]"#, "48879"),
        ("parseint", r#"["aA", 62]"#, "656"),
        ("parseint", r#"["12", 2]"#, "?"),
        ("parseint", r#"["0x10", 16]"#, "?"),
        ("parseint", r#"["1", 1]"#, "?"),
        ("pow", "[3, 2]", "9"),
        ("pow", "[4, 0]", "1"),
        ("signum", "[-13]", "-1"),
        ("signum", "[0]", "0"),
        ("signum", "[344]", "1"),
    ]);
}

#[test]
fn collections() {
    table(&[
        ("alltrue", r#"[["true", true]]"#, "true"),
        ("alltrue", "[[true, false]]", "false"),
        ("alltrue", "[[]]", "true"),
        ("anytrue", r#"[["true"]]"#, "true"),
        ("anytrue", "[[]]", "false"),
        ("anytrue", "[[false, null]]", "false"),
        (
            "chunklist",
            r#"[["a", "b", "c", "d", "e"], 2]"#,
            r#"[["a", "b"], ["c", "d"], ["e"]]"#,
        ),
        (
            "chunklist",
            r#"[["a", "b", "c", "d", "e"], 1]"#,
            r#"[["a"], ["b"], ["c"], ["d"], ["e"]]"#,
        ),
        // Size 0 is one chunk of the whole list in Terraform (negative sizes are errors).
        ("chunklist", r#"[["a"], 0]"#, r#"[["a"]]"#),
        ("chunklist", r#"[["a"], -1]"#, "?"),
        ("chunklist", "[[], 3]", "[]"),
        ("coalesce", r#"["a", "b"]"#, r#""a""#),
        ("coalesce", r#"["", "b"]"#, r#""b""#),
        ("coalesce", r#"[null, 1]"#, "1"),
        ("coalesce", r#"[null, ""]"#, "?"),
        (
            "coalescelist",
            r#"[["a", "b"], ["c", "d"]]"#,
            r#"["a", "b"]"#,
        ),
        ("coalescelist", r#"[[], ["c", "d"]]"#, r#"["c", "d"]"#),
        (
            "compact",
            r#"[["a", "", "b", null, "c"]]"#,
            r#"["a", "b", "c"]"#,
        ),
        (
            "concat",
            r#"[["a", ""], ["b", "c"]]"#,
            r#"["a", "", "b", "c"]"#,
        ),
        ("contains", r#"[["a", "b", "c"], "a"]"#, "true"),
        ("contains", r#"[["a", "b", "c"], "d"]"#, "false"),
        (
            "distinct",
            r#"[["a", "b", "a", "c", "d", "b"]]"#,
            r#"["a", "b", "c", "d"]"#,
        ),
        ("element", r#"[["a", "b", "c"], 1]"#, r#""b""#),
        ("element", r#"[["a", "b", "c"], 3]"#, r#""a""#),
        ("element", r#"[["a", "b", "c"], -1]"#, "?"),
        ("element", "[[], 0]", "?"),
        (
            "flatten",
            r#"[[["a", "b"], [], ["c"]]]"#,
            r#"["a", "b", "c"]"#,
        ),
        (
            "flatten",
            r#"[[[["a", "b"], []], ["c"]]]"#,
            r#"["a", "b", "c"]"#,
        ),
        ("flatten", r#"[[{"a": [1]}]]"#, r#"[{"a": [1]}]"#),
        ("index", r#"[["a", "b", "c"], "b"]"#, "1"),
        ("index", r#"[["a", "b", "c"], "d"]"#, "?"),
        (
            "keys",
            r#"[{"a": 1, "c": 2, "d": 3}]"#,
            r#"["a", "c", "d"]"#,
        ),
        ("values", r#"[{"a": 3, "c": 2, "d": 1}]"#, "[3, 2, 1]"),
        ("length", "[[]]", "0"),
        ("length", r#"[["a", "b"]]"#, "2"),
        ("length", r#"[{"a": "b"}]"#, "1"),
        ("length", r#"["hello"]"#, "5"),
        ("length", r#"["👾🕹️"]"#, "2"),
        (
            "lookup",
            r#"[{"a": "ay", "b": "bee"}, "a", "what?"]"#,
            r#""ay""#,
        ),
        (
            "lookup",
            r#"[{"a": "ay", "b": "bee"}, "c", "what?"]"#,
            r#""what?""#,
        ),
        ("lookup", r#"[{"a": "ay"}, "c"]"#, "?"),
        (
            "matchkeys",
            r#"[["i-123", "i-abc", "i-def"], ["us-west", "us-east", "us-east"], ["us-east"]]"#,
            r#"["i-abc", "i-def"]"#,
        ),
        (
            "merge",
            r#"[{"a": "b", "c": "d"}, {"e": "f", "c": "z"}]"#,
            r#"{"a": "b", "c": "z", "e": "f"}"#,
        ),
        ("merge", r#"[{"a": "b"}, null]"#, r#"{"a": "b"}"#),
        ("one", "[[]]", "null"),
        ("one", r#"[["hello"]]"#, r#""hello""#),
        ("one", r#"[["hello", "goodbye"]]"#, "?"),
        ("range", "[3]", "[0, 1, 2]"),
        ("range", "[1, 4]", "[1, 2, 3]"),
        ("range", "[1, 8, 2]", "[1, 3, 5, 7]"),
        ("range", "[1, 4, 0.5]", "[1, 1.5, 2, 2.5, 3, 3.5]"),
        ("range", "[4, 1]", "?"),
        ("range", "[10, 5, -2]", "[10, 8, 6]"),
        ("range", "[0]", "[]"),
        (
            "range",
            "[1024]",
            &format!(
                "[{}]",
                (0..1024)
                    .map(|i| i.to_string())
                    .collect::<Vec<_>>()
                    .join(",")
            ),
        ),
        ("range", "[1025]", "?"),
        ("range", "[1e12]", "?"),
        ("range", "[0, 1, 0]", "?"),
        ("reverse", "[[1, 2, 3]]", "[3, 2, 1]"),
        (
            "setintersection",
            r#"[["a", "b"], ["b", "c"], ["b", "d"]]"#,
            r#"["b"]"#,
        ),
        (
            "setproduct",
            r#"[["development", "staging"], ["app1", "app2"]]"#,
            r#"[["development", "app1"], ["development", "app2"], ["staging", "app1"], ["staging", "app2"]]"#,
        ),
        ("setproduct", r#"[["a"], []]"#, "[]"),
        (
            "setsubtract",
            r#"[["a", "b", "c"], ["a", "c"]]"#,
            r#"["b"]"#,
        ),
        (
            "setunion",
            r#"[["a", "b"], ["b", "c"], ["d"]]"#,
            r#"["a", "b", "c", "d"]"#,
        ),
        ("slice", r#"[["a", "b", "c", "d"], 1, 3]"#, r#"["b", "c"]"#),
        ("slice", r#"[["a"], 1, 2]"#, "?"),
        (
            "sort",
            r#"[["e", "d", "a", "x"]]"#,
            r#"["a", "d", "e", "x"]"#,
        ),
        ("sort", "[[10, 9, 1]]", r#"["1", "10", "9"]"#),
        ("sum", "[[10, 13, 6, 4.5]]", "33.5"),
        ("sum", "[[]]", "?"),
        (
            "transpose",
            r#"[{"a": ["1", "2"], "b": ["2", "3"]}]"#,
            r#"{"1": ["a"], "2": ["a", "b"], "3": ["b"]}"#,
        ),
        ("zipmap", r#"[["a", "b"], [1, 2]]"#, r#"{"a": 1, "b": 2}"#),
        ("zipmap", r#"[["a"], []]"#, "?"),
    ]);
}

#[test]
fn collections_with_unknown_elements() {
    let u = Value::Unknown;
    let s = Value::str;
    let r = Value::Ref(Box::new(crate::terraform::value::ResourceRef {
        address: "aws_kms_key.k".into(),
        attr: "arn".into(),
    }));
    let l = |items: Vec<Value>| Value::List(items);
    // Terraform knows these without the unknown parts.
    assert_eq!(
        call("length", vec![l(vec![u.clone(), s("a")])]),
        Value::Number(2.0)
    );
    assert_eq!(call("one", vec![l(vec![r.clone()])]), r);
    assert_eq!(
        call("anytrue", vec![l(vec![u.clone(), Value::Bool(true)])]),
        Value::Bool(true)
    );
    assert_eq!(
        call("alltrue", vec![l(vec![u.clone(), Value::Bool(false)])]),
        Value::Bool(false)
    );
    assert_eq!(
        call("contains", vec![l(vec![u.clone(), s("a")]), s("a")]),
        Value::Bool(true)
    );
    assert_eq!(
        call(
            "lookup",
            vec![
                Value::Object([("a".into(), s("x"))].into()),
                s("a"),
                u.clone()
            ]
        ),
        s("x")
    );
    assert_eq!(
        call("concat", vec![l(vec![r.clone()]), l(vec![s("b")])]),
        l(vec![r.clone(), s("b")])
    );
    assert_eq!(call("tostring", vec![r.clone()]), r);
    assert_eq!(call("sensitive", vec![r.clone()]), r);
    assert_eq!(
        call("coalesce", vec![Value::Null, s("a"), u.clone()]),
        s("a")
    );
    assert_eq!(call("try", vec![u.clone(), s("d")]), s("d"));
    assert_eq!(call("try", vec![r.clone(), s("d")]), r);
    // These depend on the unknown parts.
    assert_eq!(
        call("alltrue", vec![l(vec![u.clone(), Value::Bool(true)])]),
        Value::Unknown
    );
    assert_eq!(
        call("contains", vec![l(vec![u.clone(), s("a")]), s("b")]),
        Value::Unknown
    );
    assert_eq!(
        call("toset", vec![l(vec![u.clone(), s("a")])]),
        Value::Unknown
    );
    assert_eq!(
        call("distinct", vec![l(vec![u.clone(), u.clone()])]),
        Value::Unknown
    );
    assert_eq!(
        call("sort", vec![l(vec![u.clone(), s("a")])]),
        Value::Unknown
    );
    assert_eq!(
        call("join", vec![s(","), l(vec![r.clone()])]),
        Value::Unknown
    );
    assert_eq!(call("flatten", vec![l(vec![u.clone()])]), Value::Unknown);
    assert_eq!(call("coalesce", vec![u.clone(), s("a")]), Value::Unknown);
    assert_eq!(call("lower", vec![u.clone()]), Value::Unknown);
    assert_eq!(call("can", vec![u]), Value::Unknown);
    assert_eq!(call("no_such_function", vec![]), Value::Unknown);
}

#[test]
fn adversarial_sizes_stay_bounded() {
    let many = |n: usize| Value::List((0..n).map(|i| Value::Number(i as f64)).collect());
    // 2,000^3 = 8 billion rows: refused before anything is built.
    assert_eq!(
        call("setproduct", vec![many(2000), many(2000), many(2000)]),
        Value::Unknown
    );
    // Within the budget passed by the evaluator, or not.
    assert!(matches!(
        call_within("setproduct", vec![many(10), many(10)], 1_000),
        Value::List(_)
    ));
    assert_eq!(
        call_within("setproduct", vec![many(100), many(100)], 1_000),
        Value::Unknown
    );
    let big = Value::str("x".repeat(1 << 20));
    assert_eq!(
        call("replace", vec![big.clone(), Value::str(""), big.clone()]),
        Value::Unknown
    );
    assert_eq!(
        call(
            "join",
            vec![big.clone(), Value::List(vec![Value::str("a"); 100])]
        ),
        Value::Unknown
    );
    assert_eq!(
        call("indent", vec![Value::Number(1e9), Value::str("a\nb")]),
        Value::Unknown
    );
    assert_eq!(
        call(
            "format",
            vec![Value::str("%999999999d"), Value::Number(1.0)]
        ),
        Value::Unknown
    );
    assert_eq!(
        call_within("chunklist", vec![many(1000), Value::Number(1.0)], 100),
        Value::Unknown
    );
}

#[test]
fn conversion() {
    table(&[
        ("tobool", "[true]", "true"),
        ("tobool", r#"["false"]"#, "false"),
        ("tobool", "[null]", "null"),
        ("tobool", r#"["no"]"#, "?"),
        ("tonumber", "[1]", "1"),
        ("tonumber", r#"["1"]"#, "1"),
        ("tonumber", r#"["1.5e2"]"#, "150"),
        ("tonumber", "[null]", "null"),
        ("tonumber", r#"["no"]"#, "?"),
        ("tostring", r#"["hello"]"#, r#""hello""#),
        ("tostring", "[1]", r#""1""#),
        ("tostring", "[true]", r#""true""#),
        ("tostring", "[null]", "null"),
        ("tostring", "[[]]", "?"),
        ("tolist", r#"[["a", "b", "c"]]"#, r#"["a", "b", "c"]"#),
        ("tolist", r#"[["a", "b", 3]]"#, r#"["a", "b", "3"]"#),
        ("tolist", r#"[[1, true]]"#, "?"),
        ("toset", r#"[["c", "b", "b"]]"#, r#"["b", "c"]"#),
        ("toset", r#"[["a", "b", 3]]"#, r#"["3", "a", "b"]"#),
        ("toset", r#"[[3, 1, 2, 1]]"#, "[1, 2, 3]"),
        (
            "tomap",
            r#"[{"a": "foo", "b": true}]"#,
            r#"{"a": "foo", "b": "true"}"#,
        ),
        ("tomap", r#"[{"a": [], "b": "x"}]"#, "?"),
        ("can", r#"["x"]"#, "true"),
        ("try", r#"[null, "x"]"#, "null"),
        ("sensitive", r#"["x"]"#, r#""x""#),
        ("nonsensitive", "[1]", "1"),
        ("issensitive", r#"["x"]"#, "?"),
    ]);
}

#[test]
fn encoding() {
    table(&[
        (
            "base64encode",
            r#"["Hello World"]"#,
            r#""SGVsbG8gV29ybGQ=""#,
        ),
        (
            "base64decode",
            r#"["SGVsbG8gV29ybGQ="]"#,
            r#""Hello World""#,
        ),
        ("base64decode", r#"["/w=="]"#, "?"),
        ("base64decode", r#"["not base64!"]"#, "?"),
        (
            "textencodebase64",
            r#"["Hello World", "UTF-16LE"]"#,
            r#""SABlAGwAbABvACAAVwBvAHIAbABkAA==""#,
        ),
        (
            "textdecodebase64",
            r#"["SABlAGwAbABvACAAVwBvAHIAbABkAA==", "UTF-16LE"]"#,
            r#""Hello World""#,
        ),
        ("textencodebase64", r#"["é", "ISO-8859-1"]"#, r#""6Q==""#),
        ("textencodebase64", r#"["€", "windows-1252"]"#, r#""gA==""#),
        ("textencodebase64", r#"["☃", "ISO-8859-1"]"#, "?"),
        ("textencodebase64", r#"["x", "EBCDIC"]"#, "?"),
        ("urlencode", r#"["Hello World!"]"#, r#""Hello+World%21""#),
        ("urlencode", r#"["☃"]"#, r#""%E2%98%83""#),
        (
            "urlencode",
            r#"["foo:bar@localhost?foo=bar&bar=baz"]"#,
            r#""foo%3Abar%40localhost%3Ffoo%3Dbar%26bar%3Dbaz""#,
        ),
        (
            "jsonencode",
            r#"[{"hello": "world"}]"#,
            r#""{\"hello\":\"world\"}""#,
        ),
        ("jsonencode", r#"["<&>"]"#, r#""\"\\u003c\\u0026\\u003e\"""#),
        ("jsonencode", "[1e20]", r#""100000000000000000000""#),
        ("jsonencode", "[[1.5, null, true]]", r#""[1.5,null,true]""#),
        (
            "jsondecode",
            r#"["{\"hello\": \"world\"}"]"#,
            r#"{"hello": "world"}"#,
        ),
        ("jsondecode", r#"["true"]"#, "true"),
        ("jsondecode", r#"["{"]"#, "?"),
        (
            "csvdecode",
            r#"["a,b,c\n1,2,3\n4,5,6"]"#,
            r#"[{"a": "1", "b": "2", "c": "3"}, {"a": "4", "b": "5", "c": "6"}]"#,
        ),
        (
            "csvdecode",
            r#"["a,b\n\"x,y\",\"say \"\"hi\"\"\""]"#,
            r#"[{"a": "x,y", "b": "say \"hi\""}]"#,
        ),
        ("csvdecode", r#"["a,b\n1"]"#, "?"),
        ("csvdecode", r#"["a,b"]"#, "[]"),
        (
            "yamldecode",
            r#"["hello: world\nlist: [1, true, null, \"x\"]"]"#,
            r#"{"hello": "world", "list": [1, true, null, "x"]}"#,
        ),
        ("yamldecode", r#"["- a\n- b"]"#, r#"["a", "b"]"#),
        ("yamldecode", r#"["a: [1"]"#, "?"),
        (
            "yamlencode",
            r#"[{"a": "b", "c": "d"}]"#,
            r#""\"a\": \"b\"\n\"c\": \"d\"\n""#,
        ),
        (
            "yamlencode",
            r#"[{"a": ["x", 1], "b": true}]"#,
            r#""\"a\":\n  - \"x\"\n  - 1\n\"b\": true\n""#,
        ),
    ]);
    // Compressed output differs between gzip implementations; it must decompress to the input.
    let Value::String(gz) = call("base64gzip", vec![Value::str("test")]) else {
        panic!("base64gzip gave no string");
    };
    let bytes = base64::Engine::decode(&base64::engine::general_purpose::STANDARD, gz).unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&bytes[..]), &mut text)
        .unwrap();
    assert_eq!(text, "test");
}

#[test]
fn jsonencode_keeps_structure_when_parts_are_unknown() {
    let partial = call("jsonencode", vec![Value::List(vec![Value::Unknown])]);
    assert!(matches!(partial, Value::Json(_)));
    assert_eq!(
        call("jsondecode", vec![partial]),
        Value::List(vec![Value::Unknown])
    );
}

#[test]
fn ip() {
    table(&[
        (
            "cidrsubnet",
            r#"["172.16.0.0/12", 4, 2]"#,
            r#""172.18.0.0/16""#,
        ),
        (
            "cidrsubnet",
            r#"["10.1.2.0/24", 4, 15]"#,
            r#""10.1.2.240/28""#,
        ),
        ("cidrsubnet", r#"["10.0.0.0/16", 8, 2]"#, r#""10.0.2.0/24""#),
        (
            "cidrsubnet",
            r#"["fd00:fd12:3456:7890::/56", 16, 162]"#,
            r#""fd00:fd12:3456:7800:a200::/72""#,
        ),
        ("cidrsubnet", r#"["10.0.0.0/16", 8, 300]"#, "?"),
        ("cidrsubnet", r#"["10.0.0.0/30", 3, 0]"#, "?"),
        ("cidrsubnet", r#"["010.0.0.0/8", 8, 1]"#, r#""10.1.0.0/16""#),
        ("cidrhost", r#"["10.12.112.0/20", 16]"#, r#""10.12.112.16""#),
        (
            "cidrhost",
            r#"["10.12.112.0/20", 268]"#,
            r#""10.12.113.12""#,
        ),
        (
            "cidrhost",
            r#"["fd00:fd12:3456:7890:00a2::/72", 34]"#,
            r#""fd00:fd12:3456:7890::22""#,
        ),
        ("cidrhost", r#"["10.0.0.0/24", -1]"#, r#""10.0.0.255""#),
        ("cidrhost", r#"["10.0.0.0/24", -256]"#, r#""10.0.0.0""#),
        ("cidrhost", r#"["10.0.0.0/24", -257]"#, "?"),
        ("cidrhost", r#"["10.0.0.0/24", 256]"#, "?"),
        ("cidrnetmask", r#"["172.16.0.0/12"]"#, r#""255.240.0.0""#),
        ("cidrnetmask", r#"["10.0.0.0/32"]"#, r#""255.255.255.255""#),
        ("cidrnetmask", r#"["fd00::/8"]"#, "?"),
        (
            "cidrsubnets",
            r#"["10.1.0.0/16", 4, 4, 8, 4]"#,
            r#"["10.1.0.0/20", "10.1.16.0/20", "10.1.32.0/24", "10.1.48.0/20"]"#,
        ),
        (
            "cidrsubnets",
            r#"["fd00:fd12:3456:7890::/56", 16, 16, 16, 32]"#,
            r#"["fd00:fd12:3456:7800::/72", "fd00:fd12:3456:7800:100::/72", "fd00:fd12:3456:7800:200::/72", "fd00:fd12:3456:7800:300::/88"]"#,
        ),
        ("cidrsubnets", r#"["10.0.0.0/30", 1, 1, 1]"#, "?"),
        ("cidrsubnets", r#"["not-a-cidr", 1]"#, "?"),
    ]);
}

#[test]
fn hash() {
    table(&[
        (
            "md5",
            r#"["hello world"]"#,
            r#""5eb63bbbe01eeed093cb22bb8f5acdc3""#,
        ),
        (
            "sha1",
            r#"["hello world"]"#,
            r#""2aae6c35c94fcfb415dbe95f408b9ce91ee846ed""#,
        ),
        (
            "sha256",
            r#"["hello world"]"#,
            r#""b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9""#,
        ),
        (
            "sha512",
            r#"["hello world"]"#,
            r#""309ecc489c12d6eb4cc40f50c902f2b4d0ed77ee511a7c7a9bcd3ca86d4cd86f989dd35bc5ff499670da34255b45b0cfd830e81f605dcf7dc5542e93ae9cd76f""#,
        ),
        (
            "base64sha256",
            r#"["hello world"]"#,
            r#""uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=""#,
        ),
        (
            "base64sha512",
            r#"["hello world"]"#,
            r#""MJ7MSJwS1utMxA9QyQLytNDtd+5RGnx6m808qG1M2G+YndNbxf9JlnDaNCVbRbDP2DDoH2Bdz33FVC6TrpzXbw==""#,
        ),
        (
            "uuidv5",
            r#"["dns", "www.terraform.io"]"#,
            r#""a5008fae-b28c-5ba5-96cd-82b4c53552d6""#,
        ),
        (
            "uuidv5",
            r#"["url", "https://www.terraform.io/"]"#,
            r#""9db6f67c-dd95-5ea0-aa5b-e70e5c5f7cf5""#,
        ),
        (
            "uuidv5",
            r#"["oid", "1.3.6.1.4"]"#,
            r#""af9d40a5-7a36-5c07-b23a-851cd99fbfa5""#,
        ),
        (
            "uuidv5",
            r#"["x500", "CN=Example,C=GB"]"#,
            r#""84e09961-4aa4-57f8-95b7-03edb1073253""#,
        ),
        (
            "uuidv5",
            r#"["6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.terraform.io"]"#,
            r#""a5008fae-b28c-5ba5-96cd-82b4c53552d6""#,
        ),
        ("uuidv5", r#"["nope", "x"]"#, "?"),
        ("uuid", "[]", "?"),
        ("bcrypt", r#"["x"]"#, "?"),
        ("timestamp", "[]", "?"),
        ("plantimestamp", "[]", "?"),
    ]);
}

#[test]
fn filesystem_paths_and_dates() {
    table(&[
        ("basename", r#"["foo/bar/baz.txt"]"#, r#""baz.txt""#),
        ("basename", r#"["/foo/"]"#, r#""foo""#),
        ("basename", r#"[""]"#, r#"".""#),
        ("dirname", r#"["foo/bar/baz.txt"]"#, r#""foo/bar""#),
        ("dirname", r#"["/foo"]"#, r#""/""#),
        ("dirname", r#"["baz.txt"]"#, r#"".""#),
        ("dirname", r#"["a//b/../c/d"]"#, r#""a/c""#),
        (
            "pathexpand",
            r#"["/etc/resolv.conf"]"#,
            r#""/etc/resolv.conf""#,
        ),
        ("pathexpand", r#"["~/.ssh/id_rsa"]"#, "?"),
        (
            "formatdate",
            r#"["DD MMM YYYY hh:mm ZZZ", "2018-01-02T23:12:01Z"]"#,
            r#""02 Jan 2018 23:12 UTC""#,
        ),
        (
            "formatdate",
            r#"["EEEE, DD-MMM-YY hh:mm:ss ZZZ", "2018-01-02T23:12:01Z"]"#,
            r#""Tuesday, 02-Jan-18 23:12:01 UTC""#,
        ),
        (
            "formatdate",
            r#"["EEE, DD MMM YYYY hh:mm:ss ZZZ", "2018-01-02T23:12:01-08:00"]"#,
            r#""Tue, 02 Jan 2018 23:12:01 -0800""#,
        ),
        (
            "formatdate",
            r#"["MMM DD, YYYY", "2018-01-02T23:12:01Z"]"#,
            r#""Jan 02, 2018""#,
        ),
        (
            "formatdate",
            r#"["HH:mmaa", "2018-01-02T23:12:01Z"]"#,
            r#""11:12pm""#,
        ),
        (
            "formatdate",
            r#"["h 'o''clock'", "2018-01-02T03:00:00Z"]"#,
            r#""3 o'clock""#,
        ),
        ("formatdate", r#"["YYYY", "2018-02-30T00:00:00Z"]"#, "?"),
        (
            "timeadd",
            r#"["2017-11-22T00:00:00Z", "10m"]"#,
            r#""2017-11-22T00:10:00Z""#,
        ),
        (
            "timeadd",
            r#"["2017-11-22T00:00:00Z", "-1h30m"]"#,
            r#""2017-11-21T22:30:00Z""#,
        ),
        (
            "timeadd",
            r#"["2024-02-28T23:00:00+01:00", "1.5h"]"#,
            r#""2024-02-29T00:30:00+01:00""#,
        ),
        ("timeadd", r#"["2017-11-22T00:00:00Z", "1d"]"#, "?"),
        (
            "timecmp",
            r#"["2017-11-22T00:00:00Z", "2017-11-22T00:00:00Z"]"#,
            "0",
        ),
        (
            "timecmp",
            r#"["2017-11-22T00:00:00Z", "2017-11-22T01:00:00Z"]"#,
            "-1",
        ),
        (
            "timecmp",
            r#"["2017-11-22T01:00:00Z", "2017-11-22T00:00:00Z"]"#,
            "1",
        ),
        (
            "timecmp",
            r#"["2017-11-22T01:00:00Z", "2017-11-22T01:00:00+01:00"]"#,
            "1",
        ),
    ]);
}

#[test]
fn every_function_has_one_family_and_the_list_is_complete() {
    let names = names();
    let mut sorted = names.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), names.len(), "a function is in two families");
    for (name, _) in UNKNOWN_BY_DESIGN {
        assert!(
            !names.contains(name),
            "{name} is evaluated and listed as unknown"
        );
    }
}

#[test]
fn dedup_keeps_the_first_of_each_value_in_order() {
    let list = |items: &[&str]| Value::List(items.iter().map(|s| Value::str(*s)).collect());
    let mut items = vec![
        Value::str("b"),
        Value::Number(1.0),
        Value::str("b"),
        Value::Number(-0.0),
        Value::Number(0.0),
        list(&["x"]),
        Value::str("a"),
        list(&["x"]),
        Value::Number(1.0),
    ];
    dedup(&mut items);
    assert_eq!(
        items,
        vec![
            Value::str("b"),
            Value::Number(1.0),
            Value::Number(-0.0),
            list(&["x"]),
            Value::str("a"),
        ]
    );
}
