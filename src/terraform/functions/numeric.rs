//! Numeric functions: `abs`, `ceil`, `floor`, `log`, `max`, `min`, `parseint`, `pow`, `signum`.

use super::{arity, int_arg, number, number_arg, string_arg, Cx};
use crate::terraform::value::Value;

pub(super) const NAMES: &[&str] = &[
    "abs", "ceil", "floor", "log", "max", "min", "parseint", "pow", "signum",
];

pub(super) fn call(name: &str, args: Vec<Value>, _cx: Cx) -> Option<Value> {
    let n = |i: usize| args.get(i).and_then(number_arg);
    match name {
        "abs" | "ceil" | "floor" | "signum" => {
            arity(&args, 1)?;
            let x = n(0)?;
            number(match name {
                "abs" => x.abs(),
                "ceil" => x.ceil(),
                "floor" => x.floor(),
                _ if x == 0.0 => 0.0,
                _ => x.signum(),
            })
        }
        "log" => {
            arity(&args, 2)?;
            number(n(0)?.ln() / n(1)?.ln())
        }
        "pow" => {
            arity(&args, 2)?;
            number(n(0)?.powf(n(1)?))
        }
        "max" | "min" => {
            if args.is_empty() {
                return None;
            }
            let nums = (0..args.len()).map(n).collect::<Option<Vec<_>>>()?;
            let pick = if name == "max" { f64::max } else { f64::min };
            number(nums.into_iter().reduce(pick)?)
        }
        "parseint" => {
            arity(&args, 2)?;
            parseint(&string_arg(&args[0])?, int_arg(&args[1])?)
        }
        _ => None,
    }
}

/// `parseint("FF", 16)` = 255: an optional sign and digits of `base` (2 to 62; letters are
/// case-insensitive up to base 36, lowercase before uppercase above). Integers beyond 2^53, which a
/// 64-bit float cannot hold exactly, are Unknown.
fn parseint(text: &str, base: i64) -> Option<Value> {
    if !(2..=62).contains(&base) {
        return None;
    }
    let (negative, digits) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    if digits.is_empty() {
        return None;
    }
    let mut acc: u128 = 0;
    for c in digits.bytes() {
        let d = match c {
            b'0'..=b'9' => c - b'0',
            b'a'..=b'z' => c - b'a' + 10,
            b'A'..=b'Z' if base <= 36 => c - b'A' + 10,
            b'A'..=b'Z' => c - b'A' + 36,
            _ => return None,
        };
        if i64::from(d) >= base {
            return None;
        }
        acc = acc.checked_mul(base as u128)?.checked_add(u128::from(d))?;
        if acc > 1 << 53 {
            return None;
        }
    }
    let v = acc as f64;
    number(if negative { -v } else { v })
}
