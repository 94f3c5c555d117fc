//! Date and time functions on given timestamps: `formatdate`, `timeadd`, `timecmp`. (`timestamp`
//! and `plantimestamp` are the time of the run and stay Unknown.)

use super::{arity, string_arg, Cx};
use crate::terraform::value::Value;

pub(super) const NAMES: &[&str] = &["formatdate", "timeadd", "timecmp"];

pub(super) fn call(name: &str, args: Vec<Value>, _cx: Cx) -> Option<Value> {
    arity(&args, 2)?;
    let (a, b) = (string_arg(&args[0])?, string_arg(&args[1])?);
    Some(match name {
        "formatdate" => Value::String(formatdate(&a, &parse(&b)?)?),
        "timeadd" => {
            let t = parse(&a)?;
            let nanos = duration(&b)?;
            Value::String(rfc3339(&t.add(nanos)?))
        }
        "timecmp" => {
            let (x, y) = (parse(&a)?.instant(), parse(&b)?.instant());
            Value::Number(match x.cmp(&y) {
                std::cmp::Ordering::Less => -1.0,
                std::cmp::Ordering::Equal => 0.0,
                std::cmp::Ordering::Greater => 1.0,
            })
        }
        _ => return None,
    })
}

/// A timestamp: civil date and time in its own offset.
#[derive(Clone, Copy, Debug)]
struct Time {
    /// Days since 1970-01-01 of the local date.
    days: i64,
    /// Nanoseconds since local midnight.
    nanos: i64,
    /// Offset from UTC in seconds; `None` for `Z`.
    offset: Option<i32>,
}

const NANOS_PER_DAY: i64 = 86_400 * 1_000_000_000;

impl Time {
    /// Nanoseconds since the epoch, in UTC.
    fn instant(&self) -> i128 {
        i128::from(self.days) * i128::from(NANOS_PER_DAY) + i128::from(self.nanos)
            - i128::from(self.offset.unwrap_or(0)) * 1_000_000_000
    }

    fn add(&self, nanos: i128) -> Option<Time> {
        let total =
            i128::from(self.days) * i128::from(NANOS_PER_DAY) + i128::from(self.nanos) + nanos;
        let days = i64::try_from(total.div_euclid(i128::from(NANOS_PER_DAY))).ok()?;
        let nanos = total.rem_euclid(i128::from(NANOS_PER_DAY)) as i64;
        let year = civil(days).0;
        (0..=9999).contains(&year).then_some(Time {
            days,
            nanos,
            offset: self.offset,
        })
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// (year, month, day) of days since 1970-01-01.
fn civil(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

fn month_days(y: i64, m: i64) -> i64 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// An RFC 3339 timestamp, `2017-11-22T00:00:00Z` or with an offset and fractional seconds.
fn parse(s: &str) -> Option<Time> {
    let b = s.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let part = s.get(r)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't') {
        return None;
    }
    if b[13] != b':' || b[16] != b':' {
        return None;
    }
    let (y, mo, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (h, mi, sec) = (num(11..13)?, num(14..16)?, num(17..19)?);
    if !(1..=12).contains(&mo) || d < 1 || d > month_days(y, mo) || h > 23 || mi > 59 || sec > 59 {
        return None;
    }
    let mut i = 19;
    let mut frac: i64 = 0;
    if b[i] == b'.' {
        i += 1;
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        let digits = s.get(start..i)?;
        if digits.is_empty() || digits.len() > 9 {
            return None;
        }
        frac = digits.parse::<i64>().ok()? * 10i64.pow(9 - digits.len() as u32);
    }
    let offset = match s.get(i..)? {
        "Z" | "z" => None,
        rest if rest.len() == 6
            && matches!(rest.as_bytes()[0], b'+' | b'-')
            && rest.as_bytes()[3] == b':' =>
        {
            let oh = num(i + 1..i + 3)?;
            let om = num(i + 4..i + 6)?;
            if oh > 23 || om > 59 {
                return None;
            }
            let secs = (oh * 3600 + om * 60) as i32;
            Some(if rest.starts_with('-') { -secs } else { secs })
        }
        _ => return None,
    };
    Some(Time {
        days: days_from_civil(y, mo, d),
        nanos: ((h * 60 + mi) * 60 + sec) * 1_000_000_000 + frac,
        offset,
    })
}

/// RFC 3339 as Go writes it: fractional seconds only when not zero, without trailing zeros.
fn rfc3339(t: &Time) -> String {
    let (y, m, d) = civil(t.days);
    let secs = t.nanos / 1_000_000_000;
    let frac = t.nanos % 1_000_000_000;
    let mut out = format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    );
    if frac != 0 {
        out.push_str(format!(".{frac:09}").trim_end_matches('0'));
    }
    out.push_str(&offset_text(t.offset, true));
    out
}

fn offset_text(offset: Option<i32>, colon: bool) -> String {
    match offset {
        None => "Z".into(),
        Some(o) => {
            let sign = if o < 0 { '-' } else { '+' };
            let (h, m) = (o.abs() / 3600, o.abs() / 60 % 60);
            if colon {
                format!("{sign}{h:02}:{m:02}")
            } else {
                format!("{sign}{h:02}{m:02}")
            }
        }
    }
}

/// A Go duration: `1h30m`, `-10m`, `2.5s`, `300ms`, `1us`, `10ns`, as nanoseconds.
fn duration(s: &str) -> Option<i128> {
    let (neg, mut rest) = match s.as_bytes().first()? {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    if rest == "0" {
        return Some(0);
    }
    if rest.is_empty() {
        return None;
    }
    let mut total: f64 = 0.0;
    while !rest.is_empty() {
        let n = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let value: f64 = rest[..n].parse().ok()?;
        rest = &rest[n..];
        let u = rest
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(rest.len());
        let unit = match &rest[..u] {
            "ns" => 1.0,
            "us" | "µs" | "μs" => 1e3,
            "ms" => 1e6,
            "s" => 1e9,
            "m" => 60e9,
            "h" => 3600e9,
            _ => return None,
        };
        rest = &rest[u..];
        total += value * unit;
    }
    if total > 9.2e18 {
        return None;
    }
    let n = total.round() as i128;
    Some(if neg { -n } else { n })
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const DAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

/// Terraform's `formatdate` spec: `YYYY YY MMMM MMM MM M DD D EEEE EEE hh h HH H AA aa mm m ss s
/// ZZZZZ ZZZZ ZZZ Z` and quoted literals (`'...'`, `''` for a quote).
fn formatdate(spec: &str, t: &Time) -> Option<String> {
    let (y, mo, d) = civil(t.days);
    let weekday = (t.days + 4).rem_euclid(7) as usize;
    let secs = t.nanos / 1_000_000_000;
    let (h, mi, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    let chars: Vec<char> = spec.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\'' {
            // A quoted literal; `''` is a quote.
            if chars.get(i + 1) == Some(&'\'') {
                out.push('\'');
                i += 2;
                continue;
            }
            i += 1;
            loop {
                match (chars.get(i)?, chars.get(i + 1)) {
                    ('\'', Some('\'')) => {
                        out.push('\'');
                        i += 2;
                    }
                    ('\'', _) => break,
                    (c, _) => {
                        out.push(*c);
                        i += 1;
                    }
                }
            }
            i += 1;
            continue;
        }
        if !c.is_ascii_alphabetic() {
            out.push(c);
            i += 1;
            continue;
        }
        let mut n = 1;
        while chars.get(i + n) == Some(&c) {
            n += 1;
        }
        i += n;
        let hour12 = if h % 12 == 0 { 12 } else { h % 12 };
        let piece = match (c, n) {
            ('Y', 4) => format!("{y:04}"),
            ('Y', 2) => format!("{:02}", y % 100),
            ('M', 4) => MONTHS[(mo - 1) as usize].to_string(),
            ('M', 3) => MONTHS[(mo - 1) as usize][..3].to_string(),
            ('M', 2) => format!("{mo:02}"),
            ('M', 1) => mo.to_string(),
            ('D', 2) => format!("{d:02}"),
            ('D', 1) => d.to_string(),
            ('E', 4) => DAYS[weekday].to_string(),
            ('E', 3) => DAYS[weekday][..3].to_string(),
            ('h', 2) => format!("{h:02}"),
            ('h', 1) => h.to_string(),
            ('H', 2) => format!("{hour12:02}"),
            ('H', 1) => hour12.to_string(),
            ('A', 2) => (if h < 12 { "AM" } else { "PM" }).to_string(),
            ('a', 2) => (if h < 12 { "am" } else { "pm" }).to_string(),
            ('m', 2) => format!("{mi:02}"),
            ('m', 1) => mi.to_string(),
            ('s', 2) => format!("{s:02}"),
            ('s', 1) => s.to_string(),
            ('Z', 5) => offset_text(t.offset.or(Some(0)), true),
            ('Z', 4) => offset_text(t.offset.or(Some(0)), false),
            ('Z', 3) => match t.offset {
                None | Some(0) => "UTC".to_string(),
                _ => offset_text(t.offset, false),
            },
            ('Z', 1) => offset_text(t.offset, true),
            _ => return None,
        };
        out.push_str(&piece);
    }
    Some(out)
}
