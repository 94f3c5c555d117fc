//! Where the parts of JSON written inside a template string are: a `PolicyDocument` given as a JSON
//! string (`'{"Version": …}'`, `"{\"Version\": …}"` in a JSON template), or as `Fn::Sub` of one
//! (`!Sub |` followed by a JSON block). The string's decoded text is mapped back to the template's
//! text: a literal block scalar (`|`) line by line past its indentation, a string on one line
//! through its quotes and escapes. Anything else (folded `>` scalars, quoted strings over several
//! lines, `Fn::Join`) is not mapped, and findings stay at the property: a location is exact or not
//! given, never a guess.
//!
//! In `Fn::Sub` text, each `${…}` is read as a filler of the same length, so the offsets of the text
//! around it do not move; a `${…}` outside a JSON string makes the text not JSON, and it is not
//! mapped.

use crate::json::{Kind, Node};
use crate::json_spans::{OffsetMap, SpanTree};
use crate::source::FileId;

/// The string node of `Fn::Sub` (`{"Fn::Sub": "…"}` or `{"Fn::Sub": ["…", {vars}]}`), when `node` is one.
pub fn sub_string(node: &Node) -> Option<&Node> {
    let Kind::Object(props) = &node.kind else {
        return None;
    };
    let [p] = props.as_slice() else {
        return None;
    };
    if p.key != "Fn::Sub" {
        return None;
    }
    match &p.value.kind {
        Kind::String(_) => Some(&p.value),
        Kind::Array(items) => items.first().filter(|n| matches!(n.kind, Kind::String(_))),
        _ => None,
    }
}

/// Where the parts of the JSON in property value `node` (a string, or `Fn::Sub` of one) are written
/// in `text`, the template's text (in `file`); `None` when it is not such a value, is not JSON, or
/// its text does not map exactly.
pub fn string_tree(file: FileId, text: Option<&str>, node: &Node) -> Option<SpanTree> {
    let text = text?;
    let (string, sub) = match &node.kind {
        Kind::String(_) => (node, false),
        _ => (sub_string(node)?, true),
    };
    let Kind::String(decoded) = &string.kind else {
        return None;
    };
    let trimmed = decoded.trim_start();
    if !(trimmed.starts_with('{') || trimmed.starts_with('[')) {
        return None;
    }
    let json = if sub {
        fill_substitutions(decoded)?
    } else {
        decoded.clone()
    };
    let raw = text.get(string.span.clone())?;
    let map = if raw.contains('\n') {
        block_map(text, string.span.start, decoded)?
    } else {
        line_map(raw, string.span.start, decoded)
    };
    SpanTree::from_text(file, &json, &map)
}

/// `Fn::Sub` text with each `${…}` (and `${!…}`) replaced by as many `x` as it has bytes; `None`
/// when a `${` is not closed.
fn fill_substitutions(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find("${") {
        out.push_str(&rest[..at]);
        let close = rest[at..].find('}')?;
        out.extend(std::iter::repeat_n('x', close + 1));
        rest = &rest[at + close + 1..];
    }
    out.push_str(rest);
    Some(out)
}

/// The map of a literal block scalar whose node starts at `at` in `text` (at its tag, its `|`
/// header, or its first content line: the YAML reader gives any of these) and whose decoded text is
/// `decoded`: each line is the source line past the block's indentation, checked byte for byte;
/// `None` when the header is not a plain `|` (folded `>`, an explicit indentation indicator), or a
/// line differs.
fn block_map(text: &str, at: usize, decoded: &str) -> Option<OffsetMap> {
    let line_start = |off: usize| {
        text.get(..off)
            .and_then(|t| t.rfind('\n'))
            .map_or(0, |i| i + 1)
    };
    let line_end = |off: usize| {
        text.get(off..)
            .and_then(|t| t.find('\n'))
            .map_or(text.len(), |i| off + i)
    };
    let is_header = |line: &str| {
        let line = line.split(" #").next().unwrap_or("").trim_end();
        let last = line.rsplit([' ', '\t']).next().unwrap_or("");
        last.strip_prefix('|')
            .is_some_and(|ind| ind.chars().all(|c| c == '-' || c == '+'))
    };
    let first_end = line_end(at);
    let body_start = if is_header(text.get(at..first_end)?) {
        // The node starts at its tag or header: the body is the next line on.
        first_end + 1
    } else {
        // The node starts at its first content line: the header ends the line before.
        let start = line_start(at);
        let prev = line_start(start.checked_sub(1)?);
        if !is_header(text.get(prev..start - 1)?) {
            return None;
        }
        start
    };
    let body = text.get(body_start..)?;
    // Source lines with their offsets in the file.
    let mut lines = Vec::new();
    let mut off = body_start;
    for line in body.split_inclusive('\n') {
        let content = line.strip_suffix('\n').unwrap_or(line);
        let content = content.strip_suffix('\r').unwrap_or(content);
        lines.push((off, content));
        off += line.len();
    }
    let indent = lines
        .iter()
        .map(|(_, l)| *l)
        .find(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches(' ').len())?;
    let mut map = OffsetMap::new();
    let mut out = 0;
    for (k, want) in decoded.split('\n').enumerate() {
        if !want.is_empty() {
            let &(start, line) = lines.get(k)?;
            if line.get(..indent)?.bytes().any(|b| b != b' ') || line.get(indent..)? != want {
                return None;
            }
            map.copied(out, start + indent, want.len());
        }
        out += want.len() + 1;
    }
    Some(map)
}

/// The map of a scalar on one line (`raw`, at `base` in the file, quoted or not) whose decoded text
/// is `decoded`: characters copied where they are, escapes (`\"`, `\u00e9`, `''`) as the source
/// bytes they stand for. Every offset lands on the scalar's line.
fn line_map(raw: &str, base: usize, decoded: &str) -> OffsetMap {
    let (inner, skip, double) = if let Some(x) = raw.strip_prefix('"') {
        (x.strip_suffix('"').unwrap_or(x), 1, true)
    } else if let Some(x) = raw.strip_prefix('\'') {
        (x.strip_suffix('\'').unwrap_or(x), 1, false)
    } else {
        (raw, 0, false)
    };
    let single = raw.starts_with('\'');
    let mut map = OffsetMap::new();
    let mut r = 0;
    for (d, c) in decoded.char_indices() {
        let Some(rest) = inner.get(r..).filter(|x| !x.is_empty()) else {
            break;
        };
        let len = if double && rest.starts_with('\\') {
            escape_len(rest)
        } else if single && rest.starts_with("''") {
            2
        } else if rest.starts_with(c) {
            map.copied(d, base + skip + r, c.len_utf8());
            r += c.len_utf8();
            continue;
        } else {
            // Not the character decoded (cannot happen for a well-formed scalar): stand for the
            // next source character.
            rest.chars().next().map_or(1, char::len_utf8)
        };
        map.replaced(d..d + c.len_utf8(), base + skip + r..base + skip + r + len);
        r += len;
    }
    map
}

/// The length of the escape sequence `s` starts with (JSON and YAML double-quoted strings).
fn escape_len(s: &str) -> usize {
    let len = match s.as_bytes().get(1) {
        Some(b'u') => 6,
        Some(b'U') => 10,
        Some(b'x') => 4,
        Some(_) => 2,
        None => 1,
    };
    let mut len = len.min(s.len());
    while !s.is_char_boundary(len) {
        len += 1;
    }
    len
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::document::part_spans;

    /// Each part's (model path, 1-based line) for the `PolicyDocument` of resource `R` in `text`.
    fn parts(text: &str, yaml: bool) -> Vec<(String, usize)> {
        let root = if yaml {
            crate::yaml::parse(text).expect("yaml")
        } else {
            crate::json::parse(text).expect("json")
        };
        let props = root
            .get("Resources")
            .and_then(|r| r.get("R"))
            .and_then(|r| r.get("Properties"))
            .expect("properties");
        let doc = props.get("PolicyDocument").expect("document");
        let Some(tree) = string_tree(FileId(0), Some(text), doc) else {
            return Vec::new();
        };
        // The document as CloudFormation reads it (substitutions do not change its shape here).
        let s = match &doc.kind {
            Kind::String(s) => s.clone(),
            _ => sub_string(doc)
                .and_then(Node::as_str)
                .map(|s| fill_substitutions(s).expect("closed"))
                .expect("sub"),
        };
        let json: serde_json::Value = serde_json::from_str(&s).expect("json text");
        part_spans(&json, &tree)
            .into_iter()
            .map(|(p, span, _)| (p, text[..span.range.start].matches('\n').count() + 1))
            .collect()
    }

    fn line(parts: &[(String, usize)], path: &str) -> Option<usize> {
        parts.iter().find(|(p, _)| p == path).map(|(_, l)| *l)
    }

    #[test]
    fn a_sub_block_maps_line_by_line() {
        let t = "Resources:\n  R:\n    Type: AWS::SQS::QueuePolicy\n    Properties:\n      PolicyDocument: !Sub |\n        {\n          \"Statement\": [\n            {\n              \"Effect\": \"Allow\",\n              \"Principal\": \"*\",\n              \"Action\": [\"sqs:SendMessage\"],\n              \"Resource\": \"arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:q\"\n            }\n          ]\n        }\n";
        let p = parts(t, true);
        assert_eq!(line(&p, "statements[0]"), Some(8));
        assert_eq!(line(&p, "statements[0].principals"), Some(10));
        assert_eq!(line(&p, "statements[0].actions[0]"), Some(11));
    }

    #[test]
    fn a_plain_json_string_block_and_fn_sub_with_variables_map() {
        let t = "Resources:\n  R:\n    Type: AWS::Logs::ResourcePolicy\n    Properties:\n      PolicyDocument:\n        Fn::Sub:\n          - |-\n            {\"Statement\": [\n              {\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"${Svc}\"}, \"Action\": \"logs:PutLogEvents\"}\n            ]}\n          - Svc: es.amazonaws.com\n";
        let p = parts(t, true);
        assert_eq!(line(&p, "statements[0].principals"), Some(9));
        let t = "Resources:\n  R:\n    Type: AWS::Logs::ResourcePolicy\n    Properties:\n      PolicyDocument: |\n        {\"Statement\": [\n          {\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"logs:*\"}]}\n";
        let p = parts(t, true);
        assert_eq!(line(&p, "statements[0].actions"), Some(7));
    }

    #[test]
    fn a_quoted_string_on_one_line_maps_to_its_line_and_columns() {
        let t = "{\"Resources\": {\"R\": {\"Type\": \"AWS::SQS::QueuePolicy\", \"Properties\": {\n  \"PolicyDocument\": \"{\\\"Statement\\\": [{\\\"Effect\\\": \\\"Allow\\\", \\\"Principal\\\": \\\"*\\\", \\\"Action\\\": \\\"sqs:*\\\"}]}\"\n}}}}\n";
        let p = parts(t, false);
        assert_eq!(line(&p, "statements[0].principals"), Some(2));
        let root = crate::json::parse(t).expect("json");
        let doc = root
            .get("Resources")
            .and_then(|r| r.get("R"))
            .and_then(|r| r.get("Properties"))
            .and_then(|r| r.get("PolicyDocument"))
            .expect("doc");
        let tree = string_tree(FileId(0), Some(t), doc).expect("tree");
        let st = &tree
            .member("Statement")
            .expect("st")
            .value
            .items()
            .expect("items")[0];
        let pr = st.member("Principal").expect("principal");
        assert_eq!(&t[pr.span.range.clone()], "\\\"Principal\\\": \\\"*\\\"");
        let t = "Resources:\n  R:\n    Properties:\n      PolicyDocument: '{\"Statement\": {\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"it''s\"}}'\n";
        let p = parts(t, true);
        assert_eq!(line(&p, "statements[0].principals"), Some(4));
    }

    #[test]
    fn what_does_not_map_exactly_is_not_mapped() {
        // Folded: the lines are joined.
        let t = "Resources:\n  R:\n    Properties:\n      PolicyDocument: >\n        {\"Statement\":\n        {\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"x\"}}\n";
        assert!(parts(t, true).is_empty());
        // A double-quoted string over two lines.
        let t = "Resources:\n  R:\n    Properties:\n      PolicyDocument: \"{\\\"Statement\\\":\n        {\\\"Effect\\\": \\\"Allow\\\", \\\"Principal\\\": \\\"*\\\", \\\"Action\\\": \\\"x\\\"}}\"\n";
        assert!(parts(t, true).is_empty());
        // A substitution outside a JSON string.
        let t = "Resources:\n  R:\n    Properties:\n      PolicyDocument: !Sub |\n        {\"Statement\": ${Statements}}\n";
        let root = crate::yaml::parse(t).expect("yaml");
        let doc = root
            .get("Resources")
            .and_then(|r| r.get("R"))
            .and_then(|r| r.get("Properties"))
            .and_then(|r| r.get("PolicyDocument"))
            .expect("doc");
        assert!(string_tree(FileId(0), Some(t), doc).is_none());
        // Not JSON at all.
        assert!(fill_substitutions("${unclosed").is_none());
    }
}
