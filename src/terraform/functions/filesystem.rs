//! Path functions that need no file: `basename`, `dirname`, `pathexpand` (a path starting with `~`
//! depends on the machine that runs Terraform and is Unknown). The functions that read files,
//! and `abspath` (relative to the root module), are in `eval/files.rs`.

use super::{arity, string_arg, Cx};
use crate::terraform::value::Value;

pub(super) const NAMES: &[&str] = &["basename", "dirname", "pathexpand"];

pub(super) fn call(name: &str, args: Vec<Value>, _cx: Cx) -> Option<Value> {
    arity(&args, 1)?;
    let p = string_arg(&args[0])?;
    Some(Value::String(match name {
        "basename" => basename(&p),
        "dirname" => dirname(&p),
        "pathexpand" if p.starts_with('~') => return None,
        "pathexpand" => p,
        _ => return None,
    }))
}

/// Go's `filepath.Base` on Unix: the last element, trailing slashes ignored; `.` for an empty path.
fn basename(p: &str) -> String {
    if p.is_empty() {
        return ".".into();
    }
    let trimmed = p.trim_end_matches('/');
    if trimmed.is_empty() {
        return "/".into();
    }
    trimmed.rsplit('/').next().unwrap_or(trimmed).to_string()
}

/// Go's `filepath.Dir` on Unix: all but the last element, cleaned.
fn dirname(p: &str) -> String {
    let dir = match p.rfind('/') {
        Some(i) => &p[..=i],
        None => "",
    };
    clean(dir)
}

/// Go's `filepath.Clean` on Unix: `.` and `..` resolved lexically, repeated slashes joined.
pub(crate) fn clean(p: &str) -> String {
    if p.is_empty() {
        return ".".into();
    }
    let rooted = p.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for part in p.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|l| *l != "..") {
                    parts.pop();
                } else if !rooted {
                    parts.push("..");
                }
            }
            other => parts.push(other),
        }
    }
    let body = parts.join("/");
    match (rooted, body.is_empty()) {
        (true, _) => format!("/{body}"),
        (false, true) => ".".into(),
        (false, false) => body,
    }
}
