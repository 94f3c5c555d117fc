//! String functions: `chomp`, `endswith`, `format`, `formatlist`, `indent`, `join`, `lower`,
//! `regex`, `regexall`, `replace`, `split`, `startswith`, `strcontains`, `strrev`, `substr`,
//! `title`, `trim`, `trimprefix`, `trimspace`, `trimsuffix`, `upper`. "Characters" are grapheme
//! clusters, as in Terraform; regular expressions have RE2 syntax and run in linear time.

use super::{arity, graphemes, has_unknown, int_arg, json_quote, json_text, string_arg, Cx};
use crate::terraform::value::Value;
use std::collections::BTreeMap;

pub(super) const NAMES: &[&str] = &[
    "chomp",
    "endswith",
    "format",
    "formatlist",
    "indent",
    "join",
    "lower",
    "regex",
    "regexall",
    "replace",
    "split",
    "startswith",
    "strcontains",
    "strrev",
    "substr",
    "title",
    "trim",
    "trimprefix",
    "trimspace",
    "trimsuffix",
    "upper",
];

/// Longest regular expression compiled; longer patterns are Unknown.
const MAX_PATTERN_BYTES: usize = 16 * 1024;
/// Memory a compiled regular expression may take.
const MAX_REGEX_SIZE: usize = 4 * 1024 * 1024;

pub(super) fn call(name: &str, args: Vec<Value>, cx: Cx) -> Option<Value> {
    let s = |i: usize| args.get(i).and_then(string_arg);
    let text = |t: String| cx.bytes(t.len()).map(|_| Value::String(nfc(t)));
    match name {
        "format" => text(format(&s(0)?, args.get(1..)?, cx)?),
        "formatlist" => formatlist(&s(0)?, args.get(1..)?, cx),
        "join" => join(&s(0)?, args.get(1..)?, cx),
        "regex" | "regexall" => {
            arity(&args, 2)?;
            regex(name == "regexall", &s(0)?, &s(1)?, cx)
        }
        "replace" => {
            arity(&args, 3)?;
            replace(&s(0)?, &s(1)?, &s(2)?, cx)
        }
        "split" => {
            arity(&args, 2)?;
            let (sep, whole) = (s(0)?, s(1)?);
            let parts: Vec<Value> = if sep.is_empty() {
                whole
                    .chars()
                    .map(|c| Value::String(c.to_string()))
                    .collect()
            } else {
                whole.split(sep.as_str()).map(Value::str).collect()
            };
            cx.items(parts.len() as u128)?;
            Some(Value::List(parts))
        }
        "indent" => {
            arity(&args, 2)?;
            let spaces = usize::try_from(int_arg(&args[0])?).ok()?;
            let body = s(1)?;
            let lines = body.matches('\n').count();
            cx.bytes(body.len().saturating_add(lines.saturating_mul(spaces)))?;
            text(body.replace('\n', &format!("\n{}", " ".repeat(spaces))))
        }
        "substr" => {
            arity(&args, 3)?;
            substr(&s(0)?, int_arg(&args[1])?, int_arg(&args[2])?).map(Value::String)
        }
        _ => {
            let one = |f: fn(&str) -> String| -> Option<Value> {
                arity(&args, 1)?;
                text(f(&s(0)?))
            };
            let two = |f: fn(&str, &str) -> Value| -> Option<Value> {
                arity(&args, 2)?;
                Some(f(&s(0)?, &s(1)?))
            };
            match name {
                "chomp" => one(|t| t.trim_end_matches(['\r', '\n']).to_string()),
                "lower" => one(|t| t.chars().map(lower).collect()),
                "upper" => one(|t| t.chars().map(upper).collect()),
                "strrev" => one(|t| graphemes(t).into_iter().rev().collect()),
                "title" => one(title),
                "trimspace" => one(|t| t.trim_matches(go_space).to_string()),
                "startswith" => two(|a, b| Value::Bool(a.starts_with(b))),
                "endswith" => two(|a, b| Value::Bool(a.ends_with(b))),
                "strcontains" => two(|a, b| Value::Bool(a.contains(b))),
                "trim" => two(|a, b| Value::str(a.trim_matches(|c| b.contains(c)))),
                "trimprefix" => two(|a, b| Value::str(a.strip_prefix(b).unwrap_or(a))),
                "trimsuffix" => two(|a, b| Value::str(a.strip_suffix(b).unwrap_or(a))),
                _ => None,
            }
        }
    }
}

/// Strings in Terraform are kept in Unicode normal form C.
fn nfc(s: String) -> String {
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
    match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => s,
        _ => s.nfc().collect(),
    }
}

/// Go's simple case mapping (one character to one): `ß` stays `ß` in uppercase.
fn upper(c: char) -> char {
    let mut it = c.to_uppercase();
    match (it.next(), it.next()) {
        (Some(u), None) => u,
        _ => c,
    }
}

fn lower(c: char) -> char {
    // Only `İ` lowers to two characters; its simple mapping is the first.
    c.to_lowercase().next().unwrap_or(c)
}

/// Go's `unicode.IsSpace`, which `trimspace` trims.
fn go_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' | '\u{85}' | '\u{a0}'
    ) || (c as u32 > 0xff && c.is_whitespace())
}

/// Go's `strings.Title`: the first letter of each word in upper (title) case, a word starting after
/// anything but a letter, digit, underscore or apostrophe-like mark.
fn title(s: &str) -> String {
    let separator = |c: char| {
        if c.is_ascii() {
            !(c.is_ascii_alphanumeric() || c == '_')
        } else {
            !c.is_alphanumeric() && c.is_whitespace()
        }
    };
    let mut prev = ' ';
    s.chars()
        .map(|c| {
            let out = if separator(prev) { upper(c) } else { c };
            prev = c;
            out
        })
        .collect()
}

fn substr(s: &str, offset: i64, length: i64) -> Option<String> {
    let chars = graphemes(s);
    let total = chars.len() as i64;
    let start = if offset < 0 { offset + total } else { offset };
    let start = start.clamp(0, total) as usize;
    if length == 0 {
        return Some(String::new());
    }
    let end = if length < 0 {
        chars.len()
    } else {
        start.saturating_add(length as usize).min(chars.len())
    };
    Some(chars[start..end].concat())
}

fn join(sep: &str, lists: &[Value], cx: Cx) -> Option<Value> {
    if lists.is_empty() {
        return None;
    }
    let mut out = String::new();
    let mut first = true;
    for list in lists {
        for item in list.as_list()? {
            if !first {
                out.push_str(sep);
            }
            first = false;
            out.push_str(&string_arg(item)?);
            cx.bytes(out.len())?;
        }
    }
    Some(Value::String(out))
}

fn replace(text: &str, from: &str, to: &str, cx: Cx) -> Option<Value> {
    if from.len() > 1 && from.starts_with('/') && from.ends_with('/') {
        let re = compile(&from[1..from.len() - 1])?;
        // Each match adds at most the replacement with its references expanded (bounded by the
        // text), so the size is checked on the count of matches first.
        let matches = re.find_iter(text).count();
        let grows = matches.saturating_mul(to.len().saturating_add(text.len().min(to.len() * 64)));
        cx.bytes(text.len().saturating_add(grows))?;
        let out = re.replace_all(text, to).into_owned();
        cx.bytes(out.len())?;
        return Some(Value::String(out));
    }
    if to.len() > from.len() {
        let count = if from.is_empty() {
            text.chars().count() + 1
        } else {
            text.matches(from).count()
        };
        cx.bytes(text.len() + count.saturating_mul(to.len() - from.len()))?;
    }
    Some(Value::String(text.replace(from, to)))
}

/// An RE2 pattern, compiled with bounded size.
fn compile(pattern: &str) -> Option<regex::Regex> {
    if pattern.len() > MAX_PATTERN_BYTES {
        return None;
    }
    regex::RegexBuilder::new(pattern)
        .size_limit(MAX_REGEX_SIZE)
        .dfa_size_limit(MAX_REGEX_SIZE)
        .build()
        .ok()
}

/// `regex` (first match; no match is an error) and `regexall` (every match). The result of a match is
/// the matched text without capture groups, a list of the groups when they are unnamed and an object
/// when they are named (a group that took no part is null); mixing named and unnamed is an error.
fn regex(all: bool, pattern: &str, text: &str, cx: Cx) -> Option<Value> {
    let re = compile(pattern)?;
    let names: Vec<Option<&str>> = re.capture_names().skip(1).collect();
    let named = names.iter().filter(|n| n.is_some()).count();
    if named > 0 && named < names.len() {
        return None;
    }
    let one = |caps: regex::Captures| -> Value {
        if names.is_empty() {
            return Value::str(caps.get(0).map_or("", |m| m.as_str()));
        }
        let group = |i: usize| caps.get(i).map_or(Value::Null, |m| Value::str(m.as_str()));
        if named == 0 {
            Value::List((1..=names.len()).map(group).collect())
        } else {
            let map: BTreeMap<String, Value> = names
                .iter()
                .enumerate()
                .filter_map(|(i, n)| Some(((*n)?.to_string(), group(i + 1))))
                .collect();
            Value::Object(map)
        }
    };
    if !all {
        return re.captures(text).map(one);
    }
    let per_match = names.len() as u128 + 1;
    let count = re.find_iter(text).count() as u128;
    cx.items(count.saturating_mul(per_match))?;
    Some(Value::List(re.captures_iter(text).map(one).collect()))
}

/// `formatlist`: `format` once per element of the list arguments (all of one length), with the
/// other arguments repeated.
fn formatlist(spec: &str, args: &[Value], cx: Cx) -> Option<Value> {
    let mut len: Option<usize> = None;
    for a in args {
        if let Value::List(items) = a {
            if len.is_some_and(|l| l != items.len()) {
                return None;
            }
            len = Some(items.len());
        }
    }
    let len = len.unwrap_or(1);
    cx.items(len as u128)?;
    let mut out = Vec::with_capacity(len);
    let mut total = 0usize;
    for i in 0..len {
        let row: Vec<Value> = args
            .iter()
            .map(|a| match a {
                Value::List(items) => items[i].clone(),
                other => other.clone(),
            })
            .collect();
        if row.iter().any(has_unknown) || row.iter().any(super::opaque) {
            out.push(Value::Unknown);
            continue;
        }
        let s = format(spec, &row, cx)?;
        total = total.saturating_add(s.len());
        cx.bytes(total)?;
        out.push(Value::String(s));
    }
    Some(Value::List(out))
}

/// One `%` verb: flags, an optional `[n]` argument index, width, precision and the verb letter.
#[derive(Default)]
struct Verb {
    minus: bool,
    plus: bool,
    space: bool,
    zero: bool,
    sharp: bool,
    width: Option<usize>,
    prec: Option<usize>,
    mode: char,
}

/// Terraform's `format`: `%v %#v %t %s %q %d %b %o %x %X %e %E %f %g %G` and `%%`, with the flags
/// `-+ #0`, width, precision and `[n]` argument indexes; width and precision count characters.
fn format(spec: &str, args: &[Value], cx: Cx) -> Option<String> {
    let mut out = String::new();
    let mut next = 0usize;
    let mut chars = spec.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        if chars.peek() == Some(&'%') {
            chars.next();
            out.push('%');
            continue;
        }
        let mut v = Verb::default();
        while let Some(&f) = chars.peek() {
            match f {
                '-' => v.minus = true,
                '+' => v.plus = true,
                ' ' => v.space = true,
                '0' => v.zero = true,
                '#' => v.sharp = true,
                _ => break,
            }
            chars.next();
        }
        if chars.peek() == Some(&'[') {
            chars.next();
            let n = digits(&mut chars)?;
            if chars.next()? != ']' || n == 0 {
                return None;
            }
            next = n - 1;
        }
        if chars.peek().is_some_and(|c| c.is_ascii_digit()) {
            v.width = Some(digits(&mut chars)?);
        }
        if chars.peek() == Some(&'.') {
            chars.next();
            v.prec = Some(if chars.peek().is_some_and(|c| c.is_ascii_digit()) {
                digits(&mut chars)?
            } else {
                0
            });
        }
        v.mode = chars.next()?;
        let arg = args.get(next)?;
        next += 1;
        let piece = verb(&v, arg, cx)?;
        out.push_str(&piece);
        cx.bytes(out.len())?;
    }
    Some(out)
}

fn digits(chars: &mut std::iter::Peekable<std::str::Chars>) -> Option<usize> {
    let mut n: usize = 0;
    let mut any = false;
    while let Some(d) = chars.peek().and_then(|c| c.to_digit(10)) {
        chars.next();
        any = true;
        n = n.checked_mul(10)?.checked_add(d as usize)?;
        if n > 1_000_000 {
            return None;
        }
    }
    any.then_some(n)
}

fn verb(v: &Verb, arg: &Value, cx: Cx) -> Option<String> {
    if matches!(arg, Value::Null) {
        return (v.mode == 'v').then(|| pad(v, "null".into()));
    }
    match v.mode {
        'v' => Some(pad(
            v,
            match arg {
                Value::String(s) if !v.sharp => s.clone(),
                Value::Number(n) if !v.sharp => go_float(*n, 'g', None)?,
                other => json_text(other, cx)?,
            },
        )),
        't' => Some(arg.as_bool()?.to_string()),
        's' | 'q' => {
            let mut s = string_arg(arg)?;
            if let Some(p) = v.prec.filter(|p| *p > 0) {
                s = graphemes(&s).into_iter().take(p).collect();
            }
            if v.mode == 'q' {
                let mut q = String::new();
                json_quote(&s, &mut q);
                s = q;
            }
            Some(pad(v, s))
        }
        'b' | 'd' | 'o' | 'x' | 'X' => integer(v, arg.as_number()?),
        'e' | 'E' | 'f' | 'g' | 'G' => float(v, arg.as_number()?),
        _ => None,
    }
}

/// Pads to the width in characters (with zeros under the `0` flag), on the right under `-`.
fn pad(v: &Verb, s: String) -> String {
    let len = graphemes(&s).len();
    match v.width {
        Some(w) if w > len => {
            let fill = (if v.zero { "0" } else { " " }).repeat(w - len);
            if v.minus {
                s + &fill
            } else {
                fill + &s
            }
        }
        _ => s,
    }
}

/// Go's formatting of a big integer: `[pad][sign][0x prefix][zeros][digits][pad]`.
fn integer(v: &Verb, n: f64) -> Option<String> {
    if n.fract() != 0.0 || !n.is_finite() || n.abs() >= 1.7e38 {
        return None;
    }
    let mag = n.abs() as u128;
    let (digits, prefix) = match v.mode {
        'b' => (format!("{mag:b}"), "0b"),
        'o' => (format!("{mag:o}"), "0"),
        'x' => (format!("{mag:x}"), "0x"),
        'X' => (format!("{mag:X}"), "0X"),
        _ => (mag.to_string(), ""),
    };
    let prefix = if v.sharp { prefix } else { "" };
    let sign = sign(v, n < 0.0);
    if v.prec == Some(0) && mag == 0 {
        return Some(String::new());
    }
    let mut zeros = v.prec.map_or(0, |p| p.saturating_sub(digits.len()));
    let length = sign.len() + prefix.len() + zeros + digits.len();
    let (mut left, mut right) = (0, 0);
    if let Some(w) = v.width.filter(|w| *w > length) {
        let d = w - length;
        if v.minus {
            right = d;
        } else if v.zero && v.prec.is_none() {
            zeros = d;
        } else {
            left = d;
        }
    }
    Some(format!(
        "{}{sign}{prefix}{}{digits}{}",
        " ".repeat(left),
        "0".repeat(zeros),
        " ".repeat(right)
    ))
}

fn sign(v: &Verb, negative: bool) -> &'static str {
    if negative {
        "-"
    } else if v.plus {
        "+"
    } else if v.space {
        " "
    } else {
        ""
    }
}

/// Go's formatting of a big float: `%e`, `%f`, `%g` with a sign, width and precision.
fn float(v: &Verb, n: f64) -> Option<String> {
    let body = go_float(n.abs(), v.mode, v.prec)?;
    let sign = sign(v, n.is_sign_negative() && n != 0.0);
    let len = sign.len() + body.len();
    let padding = v.width.map_or(0, |w| w.saturating_sub(len));
    Some(if v.zero {
        format!("{sign}{}{body}", "0".repeat(padding))
    } else if v.minus {
        format!("{sign}{body}{}", " ".repeat(padding))
    } else {
        format!("{}{sign}{body}", " ".repeat(padding))
    })
}

/// `x` (finite) in Go's `%e`/`%f`/`%g` style; precision defaults to 6, and to the shortest exact
/// form for `%g`.
fn go_float(x: f64, mode: char, prec: Option<usize>) -> Option<String> {
    if !x.is_finite() || prec.is_some_and(|p| p > 1000) {
        return None;
    }
    let e_form = |digits: &str, exp: i32, upper: bool| {
        // digits: "d.ddd" or "d"
        let e = if upper { 'E' } else { 'e' };
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{digits}{e}{sign}{:02}", exp.abs())
    };
    match mode {
        'f' => Some(format!("{:.*}", prec.unwrap_or(6), x)),
        'e' | 'E' => {
            let s = format!("{:.*e}", prec.unwrap_or(6), x);
            let (m, e) = s.split_once('e')?;
            Some(e_form(m, e.parse().ok()?, mode == 'E'))
        }
        'g' | 'G' => {
            // Decimal digits (without trailing zeros) and the exponent of the first digit.
            let s = match prec {
                None => format!("{x:e}"),
                Some(p) => format!("{:.*e}", p.max(1) - 1, x),
            };
            let (m, e) = s.split_once('e')?;
            let exp: i32 = e.parse().ok()?;
            let mant: String = m.chars().filter(|c| *c != '.').collect();
            let mant = mant.trim_end_matches('0');
            let mant = if mant.is_empty() { "0" } else { mant };
            let eprec = match prec {
                None => 6,
                Some(p) => {
                    let p = p.max(1) as i32;
                    if p > mant.len() as i32 && mant.len() as i32 > exp {
                        mant.len() as i32
                    } else {
                        p
                    }
                }
            };
            if x != 0.0 && (exp < -4 || exp >= eprec) {
                let digits = if mant.len() > 1 {
                    format!("{}.{}", &mant[..1], &mant[1..])
                } else {
                    mant.to_string()
                };
                return Some(e_form(&digits, exp, mode == 'G'));
            }
            let decimals = (mant.len() as i32 - exp - 1).max(0) as usize;
            Some(format!("{x:.decimals$}"))
        }
        _ => None,
    }
}
