//! Terraform's JSON syntax (`*.tf.json`, as CDK for Terraform writes it), read by translating it into
//! native syntax that `hcl-edit` parses, with a [`Remap`] that takes every span of the translation back
//! to the JSON text. The evaluator and the adapters then see one syntax tree type for both syntaxes.
//!
//! What a JSON value means depends on where it is, as in Terraform: a string in an argument is a string
//! template (`"${var.acl}"`); a variable's `type`, `depends_on`, `provider` and a dynamic block's
//! `iterator` hold bare expressions; a variable's `default` and a module's `source` are literal. An
//! object under a resource is a nested block when every key is a name (Terraform decides with the
//! provider schema, which preflight does not have), otherwise an object value; `tags`-like maps are
//! always values. Properties named `//` are comments.
//!
//! Knows nothing of evaluation or of the cloud model.

use crate::json::{self, Kind, Node, Prop};
use std::ops::Range;

/// The native-syntax translation of a JSON file, and how its offsets map back.
#[derive(Debug)]
pub struct Translated {
    pub text: String,
    pub remap: Remap,
}

/// Maps byte ranges of the translated text to byte ranges of the JSON text.
#[derive(Debug, Default)]
pub struct Remap {
    /// Sorted by `gen`, not overlapping.
    segs: Vec<Seg>,
}

/// A piece of the translation and the JSON text it stands for.
#[derive(Debug)]
struct Seg {
    gen: usize,
    len: usize,
    orig: Range<usize>,
    /// The piece is the JSON text itself: offsets inside map one to one.
    linear: bool,
}

impl Remap {
    /// The JSON range a translated range stands for.
    pub fn range(&self, r: Range<usize>) -> Range<usize> {
        let start = self.start(r.start);
        let end = if r.end > r.start {
            self.end(r.end)
        } else {
            start
        };
        start..end.max(start)
    }

    fn start(&self, g: usize) -> usize {
        let i = self.segs.partition_point(|s| s.gen + s.len <= g);
        match self.segs.get(i) {
            Some(s) if s.gen <= g && s.linear => s.orig.start + (g - s.gen),
            Some(s) => s.orig.start,
            None => self.segs.last().map_or(0, |s| s.orig.end),
        }
    }

    fn end(&self, g: usize) -> usize {
        let i = self.segs.partition_point(|s| s.gen < g);
        let Some(s) = i.checked_sub(1).and_then(|i| self.segs.get(i)) else {
            return self.segs.first().map_or(0, |s| s.orig.start);
        };
        if s.linear && g <= s.gen + s.len {
            s.orig.start + (g - s.gen)
        } else {
            s.orig.end
        }
    }
}

/// A JSON structure that is not Terraform configuration, at its place in the JSON text.
#[derive(Debug, Clone, PartialEq)]
pub struct StructureError {
    pub span: Range<usize>,
    pub message: String,
}

/// Translates a `.tf.json` file. Syntax errors of the JSON itself and structures Terraform would refuse
/// are errors; parts preflight does not evaluate (`terraform`, `provider`, `moved`…) are left out.
pub fn translate(text: &str) -> Result<Translated, StructureError> {
    let root = json::parse(text).map_err(|e| StructureError {
        span: e.span,
        message: format!("Terraform JSON is not valid JSON: {}", e.message),
    })?;
    let mut w = Writer {
        src: text,
        out: String::with_capacity(text.len()),
        segs: Vec::new(),
    };
    w.root(&root)?;
    Ok(Translated {
        text: w.out,
        remap: Remap { segs: w.segs },
    })
}

/// Arguments whose object values are maps, never nested blocks.
const MAP_ARGUMENTS: [&str; 6] = [
    "tags",
    "tags_all",
    "labels",
    "variables",
    "triggers",
    "environment_variables",
];

/// How the arguments of a block body are read.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Body {
    /// `resource` and `data`: meta-arguments, and objects that may be nested blocks.
    Resource,
    /// A block nested in a resource (or a dynamic block's `content`): objects may be nested blocks;
    /// `provider`, `depends_on`, `lifecycle`… are ordinary arguments or blocks here.
    Nested,
    Module,
    Variable,
    Output,
    /// Every property is an argument holding an expression (`locals`, `validation`).
    Arguments,
    /// `terraform`: only `required_providers` is kept (adapters read the AWS provider version).
    Terraform,
}

type Result<T, E = StructureError> = std::result::Result<T, E>;

struct Writer<'s> {
    src: &'s str,
    out: String,
    segs: Vec<Seg>,
}

fn is_comment(p: &Prop) -> bool {
    p.key == "//"
}

fn is_name(s: &str) -> bool {
    hcl_edit::Ident::try_new(s).is_ok()
}

impl Writer<'_> {
    /// Writes `s`, standing for the JSON text at `orig`.
    fn mapped(&mut self, s: &str, orig: Range<usize>) {
        if s.is_empty() {
            return;
        }
        let linear = self.src.get(orig.clone()) == Some(s);
        self.segs.push(Seg {
            gen: self.out.len(),
            len: s.len(),
            orig,
            linear,
        });
        self.out.push_str(s);
    }

    /// Writes punctuation that stands for nothing in the JSON text.
    fn raw(&mut self, s: &str) {
        self.out.push_str(s);
    }

    fn root(&mut self, root: &Node) -> Result<()> {
        for p in object(root, "the file")?.iter().filter(|p| !is_comment(p)) {
            match p.key.as_str() {
                "resource" | "data" => {
                    for (labels, body) in labelled(&p.value, 2, &p.key)? {
                        let at = innermost(&labels, p);
                        self.block(&p.key, at, &labels, body, Body::Resource)?;
                    }
                }
                "variable" | "output" | "module" => {
                    let kind = match p.key.as_str() {
                        "variable" => Body::Variable,
                        "output" => Body::Output,
                        _ => Body::Module,
                    };
                    for (labels, body) in labelled(&p.value, 1, &p.key)? {
                        let at = innermost(&labels, p);
                        self.block(&p.key, at, &labels, body, kind)?;
                    }
                }
                // Provider configurations: `alias`, the legacy `version` constraint, `default_tags`.
                "provider" => {
                    for (labels, body) in labelled(&p.value, 1, &p.key)? {
                        let at = innermost(&labels, p);
                        self.block(&p.key, at, &labels, body, Body::Resource)?;
                    }
                }
                "locals" => {
                    for body in objects(&p.value, "locals")? {
                        self.block("locals", p.key_span.clone(), &[], body, Body::Arguments)?;
                    }
                }
                "terraform" => {
                    for body in objects(&p.value, "terraform")? {
                        self.block("terraform", p.key_span.clone(), &[], body, Body::Terraform)?;
                    }
                }
                // Not evaluated by preflight.
                _ => {}
            }
        }
        Ok(())
    }

    /// A block whose header is `ident` and the labels (keys, with their spans); every part of the
    /// header maps to the innermost key, where a finding on the whole resource points.
    fn block(
        &mut self,
        ident: &str,
        at: Range<usize>,
        labels: &[&Prop],
        body: &Node,
        kind: Body,
    ) -> Result<()> {
        self.mapped(ident, at.clone());
        for l in labels {
            self.raw(" ");
            self.mapped(&literal_string(&l.key), at.clone());
        }
        self.raw(" {\n");
        self.body(body, kind)?;
        self.raw("}\n");
        Ok(())
    }

    fn body(&mut self, node: &Node, kind: Body) -> Result<()> {
        for p in object(node, "a block body")?
            .iter()
            .filter(|p| !is_comment(p))
        {
            let key = p.key.as_str();
            match (kind, key) {
                (Body::Variable, "type") => self.argument(p, Value::Bare)?,
                (Body::Variable, "default" | "description" | "sensitive" | "nullable")
                | (Body::Output, "description" | "sensitive") => {
                    self.argument(p, Value::Literal)?
                }
                (Body::Variable | Body::Output, "validation" | "precondition") => {
                    for body in objects(&p.value, key)? {
                        self.block(key, p.key_span.clone(), &[], body, Body::Arguments)?;
                    }
                }
                (Body::Module, "source" | "version") => self.argument(p, Value::Literal)?,
                (Body::Module, "providers") => self.argument(p, Value::BareMembers)?,
                (Body::Resource | Body::Module | Body::Output, "depends_on") => {
                    self.argument(p, Value::BareMembers)?
                }
                (Body::Resource, "provider") => self.argument(p, Value::Bare)?,
                (Body::Terraform, "required_providers") => {
                    for body in objects(&p.value, key)? {
                        self.block(key, p.key_span.clone(), &[], body, Body::Arguments)?;
                    }
                }
                (Body::Terraform, _) => {}
                // Lifecycle, provisioners and connections do not change what is deployed.
                (Body::Resource, "lifecycle" | "provisioner" | "connection") => {}
                (Body::Resource | Body::Nested, "dynamic") => self.dynamic(p)?,
                (Body::Resource | Body::Nested, _) if nested_block(p) => {
                    for body in objects(&p.value, key)? {
                        self.block(key, p.key_span.clone(), &[], body, Body::Nested)?;
                    }
                }
                _ => self.argument(p, Value::Template)?,
            }
        }
        Ok(())
    }

    /// `"dynamic": {"ingress": {"for_each": …, "iterator": …, "content": {…}}}`.
    fn dynamic(&mut self, p: &Prop) -> Result<()> {
        for (labels, body) in labelled(&p.value, 1, "dynamic")? {
            let at = innermost(&labels, p);
            self.mapped("dynamic", at.clone());
            for l in &labels {
                self.raw(" ");
                self.mapped(&literal_string(&l.key), at.clone());
            }
            self.raw(" {\n");
            for q in object(body, "a dynamic block")?
                .iter()
                .filter(|q| !is_comment(q))
            {
                match q.key.as_str() {
                    "iterator" => self.argument(q, Value::Bare)?,
                    "content" => {
                        for content in objects(&q.value, "content")? {
                            self.block(
                                "content",
                                q.key_span.clone(),
                                &[],
                                content,
                                // The generated block's body: `provider` there is a nested block,
                                // not the resource's meta-argument.
                                Body::Nested,
                            )?;
                        }
                    }
                    _ => self.argument(q, Value::Template)?,
                }
            }
            self.raw("}\n");
        }
        Ok(())
    }

    fn argument(&mut self, p: &Prop, how: Value) -> Result<()> {
        if !is_name(&p.key) {
            return Err(StructureError {
                span: p.key_span.clone(),
                message: format!("`{}` is not a valid argument name", p.key),
            });
        }
        self.mapped(&p.key, p.key_span.clone());
        self.raw(" = ");
        self.value(&p.value, how)?;
        self.raw("\n");
        Ok(())
    }

    fn value(&mut self, node: &Node, how: Value) -> Result<()> {
        let span = node.span.clone();
        // How the members of a list or object are read.
        let inner = if how == Value::BareMembers {
            Value::Bare
        } else {
            how
        };
        match &node.kind {
            Kind::String(s) => match how {
                Value::Template => self.mapped(&template_string(s), span),
                Value::Literal => self.mapped(&literal_string(s), span),
                Value::Bare | Value::BareMembers => {
                    if s.trim().is_empty() {
                        return Err(StructureError {
                            span,
                            message: "an expression was expected here, not an empty string".into(),
                        });
                    }
                    // Only an expression: anything else (a newline closing the block, say) would
                    // change the structure of the translation.
                    if hcl_edit::parser::parse_expr(s).is_err() {
                        return Err(StructureError {
                            span,
                            message: format!("`{s}` is not a Terraform expression"),
                        });
                    }
                    // The characters between the quotes, when they need no unescaping.
                    let inner = span.start + 1..span.end.saturating_sub(1);
                    self.mapped(s, inner);
                }
            },
            Kind::Array(items) => {
                self.mapped("[", span.start..span.start + 1);
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.raw(", ");
                    }
                    self.value(item, inner)?;
                }
                self.mapped("]", span.end.saturating_sub(1)..span.end);
            }
            Kind::Object(props) => {
                self.mapped("{", span.start..span.start + 1);
                // `//` is a comment only in block bodies; in a value it is a key like any other.
                for (i, p) in props.iter().enumerate() {
                    if i > 0 {
                        self.raw(", ");
                    }
                    let key = match how {
                        Value::Template => template_string(&p.key),
                        _ => literal_string(&p.key),
                    };
                    self.mapped(&key, p.key_span.clone());
                    self.raw(" = ");
                    self.value(&p.value, inner)?;
                }
                self.mapped("}", span.end.saturating_sub(1)..span.end);
            }
            // Numbers, booleans and null are written the same way in both syntaxes.
            Kind::Number(_) | Kind::Bool(_) | Kind::Null => {
                let text = self.src.get(span.clone()).unwrap_or("null").to_string();
                self.mapped(&text, span);
            }
        }
        Ok(())
    }
}

/// How strings in a value are read.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Value {
    /// String templates (`"${var.x}-logs"`).
    Template,
    /// Strings taken as they are.
    Literal,
    /// The string is an expression (`"list(string)"`, `"aws_s3_bucket.b"`).
    Bare,
    /// A list or object whose strings are expressions (`depends_on`, `providers`).
    BareMembers,
}

/// Where a labelled block's header points: its last label's key.
fn innermost(labels: &[&Prop], block_type: &Prop) -> Range<usize> {
    labels
        .last()
        .map_or(block_type.key_span.clone(), |l| l.key_span.clone())
}

/// An argument whose object value (or list of objects) is taken as nested blocks.
fn nested_block(p: &Prop) -> bool {
    if MAP_ARGUMENTS.contains(&p.key.as_str()) {
        return false;
    }
    let block_like = |n: &Node| match &n.kind {
        Kind::Object(props) => props.iter().all(|q| is_comment(q) || is_name(&q.key)),
        _ => false,
    };
    match &p.value.kind {
        Kind::Object(_) => block_like(&p.value),
        Kind::Array(items) => !items.is_empty() && items.iter().all(block_like),
        _ => false,
    }
}

fn object<'n>(node: &'n Node, what: &str) -> Result<&'n [Prop]> {
    match &node.kind {
        Kind::Object(props) => Ok(props),
        _ => Err(StructureError {
            span: node.span.clone(),
            message: format!("{what} must be a JSON object"),
        }),
    }
}

/// An object, or each object of an array (Terraform accepts both wherever blocks are written).
fn objects<'n>(node: &'n Node, what: &str) -> Result<Vec<&'n Node>> {
    match &node.kind {
        Kind::Object(_) => Ok(vec![node]),
        Kind::Array(items) => items.iter().map(|i| object(i, what).map(|_| i)).collect(),
        _ => Err(StructureError {
            span: node.span.clone(),
            message: format!("`{what}` must be a JSON object or an array of objects"),
        }),
    }
}

/// The blocks under a block type with `depth` labels: (label keys, body) pairs.
fn labelled<'n>(
    node: &'n Node,
    depth: usize,
    what: &str,
) -> Result<Vec<(Vec<&'n Prop>, &'n Node)>> {
    let mut out = Vec::new();
    let mut stack: Vec<(Vec<&Prop>, &Node)> = vec![(Vec::new(), node)];
    while let Some((labels, n)) = stack.pop() {
        for o in objects(n, what)? {
            if labels.len() == depth {
                out.push((labels.clone(), o));
                continue;
            }
            for p in object(o, what)?.iter().filter(|p| !is_comment(p)).rev() {
                let mut more = labels.clone();
                more.push(p);
                stack.push((more, &p.value));
            }
        }
    }
    Ok(out)
}

/// `s` as a quoted native-syntax string whose value is `s` itself.
fn literal_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '$' | '%' if chars.peek() == Some(&'{') => {
                out.push(c);
                out.push(c);
            }
            _ => escape_into(c, &mut out),
        }
    }
    out.push('"');
    out
}

fn escape_into(c: char, out: &mut String) {
    match c {
        '"' => out.push_str("\\\""),
        '\\' => out.push_str("\\\\"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
        c => out.push(c),
    }
}

/// A JSON string's template (`acl-${var.env}`) as a quoted native-syntax template: the literal parts
/// escaped, the `${…}`/`%{…}` sequences copied as they are (inside them, quotes start strings).
fn template_string(s: &str) -> String {
    #[derive(PartialEq)]
    enum Mode {
        /// An expression inside `${` or `%{`, with its open braces.
        Expr(usize),
        /// A quoted string inside an expression.
        Str,
    }
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let mut stack: Vec<Mode> = Vec::new();
    let bytes = s.as_bytes();
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = bytes.get(i + 1).copied();
        match stack.last_mut() {
            None => match c {
                // `$${` and `%%{` are escapes in both syntaxes.
                '$' | '%' if next == Some(c as u8) && bytes.get(i + 2) == Some(&b'{') => {
                    out.push(c);
                    out.push(c);
                    chars.next();
                }
                '$' | '%' if next == Some(b'{') => {
                    out.push(c);
                    out.push('{');
                    chars.next();
                    stack.push(Mode::Expr(1));
                }
                c => escape_into(c, &mut out),
            },
            Some(Mode::Expr(depth)) => {
                out.push(c);
                match c {
                    '{' => *depth += 1,
                    '}' => {
                        *depth -= 1;
                        if *depth == 0 {
                            stack.pop();
                        }
                    }
                    '"' => stack.push(Mode::Str),
                    _ => {}
                }
            }
            Some(Mode::Str) => {
                out.push(c);
                match c {
                    '\\' => {
                        if let Some((_, e)) = chars.next() {
                            out.push(e);
                        }
                    }
                    '"' => {
                        stack.pop();
                    }
                    // `$${` and `%%{` are escapes here too.
                    '$' | '%' if next == Some(c as u8) && bytes.get(i + 2) == Some(&b'{') => {
                        out.push(c);
                        out.push('{');
                        chars.next();
                        chars.next();
                    }
                    '$' | '%' if next == Some(b'{') => {
                        out.push('{');
                        chars.next();
                        stack.push(Mode::Expr(1));
                    }
                    _ => {}
                }
            }
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn translated(text: &str) -> String {
        translate(text).expect("translates").text
    }

    #[test]
    fn resources_become_blocks_with_nested_blocks_and_maps() {
        let text = r#"{
  "resource": {
    "aws_s3_bucket": {
      "logs": {
        "bucket": "logs-${var.env}",
        "tags": {"Name": "logs"},
        "server_side_encryption_configuration": {
          "rule": [{"apply_server_side_encryption_by_default": {"sse_algorithm": "AES256"}}]
        }
      }
    }
  }
}"#;
        let hcl = translated(text);
        let body = hcl_edit::parser::parse_body(&hcl).expect("native syntax");
        let res = body.blocks().next().expect("resource");
        assert_eq!(res.ident.as_str(), "resource");
        assert_eq!(res.labels.len(), 2);
        assert!(res.body.get_attribute("tags").is_some());
        let sse = res
            .body
            .get_blocks("server_side_encryption_configuration")
            .next()
            .expect("nested block");
        assert!(sse.body.get_blocks("rule").next().is_some());
        assert!(hcl.contains(r#"bucket = "logs-${var.env}""#), "{hcl}");
    }

    #[test]
    fn required_providers_are_kept() {
        let text = r#"{"terraform": {"required_version": ">= 1.5", "backend": {"s3": {}},
  "required_providers": {"aws": {"source": "hashicorp/aws", "version": ">= 6.0"}}}}"#;
        let hcl = translated(text);
        let body = hcl_edit::parser::parse_body(&hcl).expect("native syntax");
        let tf = body.blocks().next().expect("terraform block");
        assert_eq!(tf.ident.as_str(), "terraform");
        let rp = tf
            .body
            .get_blocks("required_providers")
            .next()
            .expect("required_providers");
        assert!(rp.body.get_attribute("aws").is_some(), "{hcl}");
        assert!(tf.body.get_attribute("required_version").is_none());
    }

    #[test]
    fn strings_are_read_where_they_stand() {
        let text = r#"{
  "variable": {"acl": {"type": "string", "default": "a-${b}"}},
  "module": {"m": {"source": "./m", "depends_on": ["aws_s3_bucket.x"], "x": "${var.acl}"}},
  "resource": {"aws_s3_bucket": {"b": {"dynamic": {"grant": {"for_each": "${var.g}", "iterator": "g", "content": {"id": "${g.value}"}}}}}}
}"#;
        let hcl = translated(text);
        assert!(hcl.contains("type = string\n"), "{hcl}");
        assert!(hcl.contains(r#"default = "a-$${b}""#), "{hcl}");
        assert!(hcl.contains("depends_on = [aws_s3_bucket.x]"), "{hcl}");
        assert!(hcl.contains("iterator = g\n"), "{hcl}");
        assert!(hcl.contains("dynamic \"grant\" {"), "{hcl}");
        assert!(hcl_edit::parser::parse_body(&hcl).is_ok(), "{hcl}");
    }

    #[test]
    fn templates_keep_expressions_and_escape_literals() {
        assert_eq!(template_string("a\"b\\c\n"), r#""a\"b\\c\n""#);
        assert_eq!(
            template_string(r#"${jsonencode({"a" = "x\"}"})}"#),
            r#""${jsonencode({"a" = "x\"}"})}""#
        );
        assert_eq!(template_string("$${x} %%{y}"), r#""$${x} %%{y}""#);
        assert_eq!(
            template_string(r#"${"in ${var.x} str"}-"q""#),
            r#""${"in ${var.x} str"}-\"q\"""#
        );
        assert_eq!(literal_string("${x}%{y}"), r#""$${x}%%{y}""#);
        // Found in review: `$${` inside a nested string is an escape, not an interpolation.
        assert_eq!(template_string(r#"${"$${"} "q""#), r#""${"$${"} \"q\"""#);
    }

    #[test]
    fn spans_map_back_to_the_json_text() {
        let text = "{\"resource\": {\"aws_s3_bucket\": {\"b\": {\"acl\": \"public-read\", \"n\": \"x\\\"y\"}}}}";
        let t = translate(text).expect("translates");
        let body = hcl_edit::parser::parse_body(&t.text).expect("parses");
        let res = body.blocks().next().expect("resource");
        let header = t.remap.range(crate::terraform::parse::block_header(res));
        assert_eq!(&text[header], "\"b\"");
        let acl = res.body.get_attribute("acl").expect("acl");
        let range = t.remap.range(crate::terraform::parse::attribute(acl));
        assert_eq!(&text[range], "\"acl\": \"public-read\"");
        // A string whose translation differs maps as a whole.
        let n = res.body.get_attribute("n").expect("n");
        use hcl_edit::Span as _;
        let range = t.remap.range(n.value.span().expect("span"));
        assert_eq!(&text[range], "\"x\\\"y\"");
    }

    #[test]
    fn structure_errors_point_at_the_json() {
        let text = "{\"resource\": {\"aws_s3_bucket\": \"x\"}}";
        let err = translate(text).expect_err("a string is not a block");
        assert_eq!(&text[err.span], "\"x\"");
        let text = "{\"locals\": {\"a b\": 1}}";
        let err = translate(text).expect_err("bad name");
        assert!(err.message.contains("not a valid argument name"));
        assert!(translate("{\"a\": ").is_err());
        // Found in review: a bare expression cannot smuggle in structure Terraform would refuse.
        let text =
            "{\"variable\": {\"v\": {\"type\": \"string\\n}\\nresource \\\"a\\\" \\\"b\\\" {\"}}}";
        let err = translate(text).expect_err("not an expression");
        assert!(
            err.message.contains("not a Terraform expression"),
            "{}",
            err.message
        );
    }
}
