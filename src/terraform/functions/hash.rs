//! Hash functions: `base64sha256`, `base64sha512`, `md5`, `sha1`, `sha256`, `sha512`, `uuidv5`;
//! the digests are shared with the file variants (`filemd5`, `filesha256`, …) of `eval/files.rs`.
//! `bcrypt` and `uuid` are random at apply and stay Unknown.

use super::encoding::b64;
use super::{arity, string_arg, Cx};
use crate::terraform::value::Value;
use sha1::Digest;

pub(super) const NAMES: &[&str] = &[
    "base64sha256",
    "base64sha512",
    "md5",
    "sha1",
    "sha256",
    "sha512",
    "uuidv5",
];

pub(super) fn call(name: &str, args: Vec<Value>, _cx: Cx) -> Option<Value> {
    if name == "uuidv5" {
        arity(&args, 2)?;
        return uuidv5(&string_arg(&args[0])?, &string_arg(&args[1])?).map(Value::String);
    }
    arity(&args, 1)?;
    digest(name, string_arg(&args[0])?.as_bytes()).map(Value::String)
}

/// The digest `name` (`md5`, `sha1`, `sha256`, `sha512` in hex; `base64sha256`, `base64sha512`)
/// of `bytes`.
pub(crate) fn digest(name: &str, bytes: &[u8]) -> Option<String> {
    Some(match name {
        "md5" => hex(&md5::Md5::digest(bytes)),
        "sha1" => hex(&sha1::Sha1::digest(bytes)),
        "sha256" => hex(&sha2::Sha256::digest(bytes)),
        "sha512" => hex(&sha2::Sha512::digest(bytes)),
        "base64sha256" => b64(&sha2::Sha256::digest(bytes)),
        "base64sha512" => b64(&sha2::Sha512::digest(bytes)),
        _ => return None,
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A name-based UUID (RFC 4122 version 5) in the namespace `dns`, `url`, `oid`, `x500` or a given
/// UUID.
fn uuidv5(namespace: &str, name: &str) -> Option<String> {
    let ns = match namespace {
        "dns" => "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
        "url" => "6ba7b811-9dad-11d1-80b4-00c04fd430c8",
        "oid" => "6ba7b812-9dad-11d1-80b4-00c04fd430c8",
        "x500" => "6ba7b814-9dad-11d1-80b4-00c04fd430c8",
        other => other,
    };
    let ns = parse_uuid(ns)?;
    let mut h = sha1::Sha1::new();
    h.update(ns);
    h.update(name.as_bytes());
    let d = h.finalize();
    let mut u = [0u8; 16];
    u.copy_from_slice(&d[..16]);
    u[6] = (u[6] & 0x0f) | 0x50;
    u[8] = (u[8] & 0x3f) | 0x80;
    let x = hex(&u);
    Some(format!(
        "{}-{}-{}-{}-{}",
        &x[..8],
        &x[8..12],
        &x[12..16],
        &x[16..20],
        &x[20..]
    ))
}

/// A UUID in its hyphenated form, optionally in braces or with a `urn:uuid:` prefix.
fn parse_uuid(s: &str) -> Option<[u8; 16]> {
    let s = s.strip_prefix("urn:uuid:").unwrap_or(s);
    let s = s
        .strip_prefix('{')
        .and_then(|t| t.strip_suffix('}'))
        .unwrap_or(s);
    let hexits: String = match s.len() {
        36 => {
            let b = s.as_bytes();
            if [8, 13, 18, 23].iter().any(|&i| b[i] != b'-') {
                return None;
            }
            s.chars().filter(|c| *c != '-').collect()
        }
        32 => s.to_string(),
        _ => return None,
    };
    let mut out = [0u8; 16];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(hexits.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(out)
}
