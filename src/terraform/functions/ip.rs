//! IP network functions: `cidrhost`, `cidrnetmask`, `cidrsubnet`, `cidrsubnets`. IPv4 addresses
//! accept leading zeros as decimal, as Terraform does.

use super::{arity, int_arg, number_arg, string_arg, Cx};
use crate::terraform::value::Value;

pub(super) const NAMES: &[&str] = &["cidrhost", "cidrnetmask", "cidrsubnet", "cidrsubnets"];

pub(super) fn call(name: &str, args: Vec<Value>, cx: Cx) -> Option<Value> {
    let prefix = parse_cidr(&string_arg(args.first()?)?)?;
    match name {
        "cidrhost" => {
            arity(&args, 2)?;
            cidrhost(prefix, number_arg(&args[1])?).map(Value::String)
        }
        "cidrnetmask" => {
            arity(&args, 1)?;
            let (_, len, width) = prefix;
            if width != 32 {
                return None;
            }
            Some(Value::String(format_addr(mask(len, width), width)))
        }
        "cidrsubnet" => {
            arity(&args, 3)?;
            let newbits = u32::try_from(int_arg(&args[1])?).ok()?;
            cidrsubnet(prefix, newbits, number_arg(&args[2])?).map(Value::String)
        }
        "cidrsubnets" => {
            cx.items(args.len() as u128)?;
            let newbits = args[1..]
                .iter()
                .map(|a| u32::try_from(int_arg(a)?).ok())
                .collect::<Option<Vec<_>>>()?;
            cidrsubnets(prefix, &newbits)
        }
        _ => None,
    }
}

/// An address prefix: (address bits, prefix length, address width 32 or 128).
type Prefix = (u128, u32, u32);

fn parse_v4(s: &str) -> Option<u32> {
    let parts: Vec<&str> = s.split('.').collect();
    if parts.len() != 4 {
        return None;
    }
    let mut out = 0u32;
    for p in parts {
        if p.is_empty() || p.len() > 3 || !p.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        out = (out << 8) | u32::from(p.parse::<u8>().ok()?);
    }
    Some(out)
}

fn parse_cidr(prefix: &str) -> Option<Prefix> {
    let (addr, len) = prefix.split_once('/')?;
    if len.is_empty() || !len.bytes().all(|b| b.is_ascii_digit()) || len.len() > 3 {
        return None;
    }
    let len: u32 = len.parse().ok()?;
    if let Some(v4) = parse_v4(addr) {
        (len <= 32).then_some((u128::from(v4), len, 32))
    } else {
        let v6 = addr.parse::<std::net::Ipv6Addr>().ok()?;
        (len <= 128).then_some((u128::from(v6), len, 128))
    }
}

fn format_addr(bits: u128, width: u32) -> String {
    if width == 32 {
        std::net::Ipv4Addr::from(bits as u32).to_string()
    } else {
        std::net::Ipv6Addr::from(bits).to_string()
    }
}

fn all_ones(width: u32) -> u128 {
    if width == 128 {
        !0
    } else {
        (1u128 << width) - 1
    }
}

/// The network mask of a prefix length.
fn mask(len: u32, width: u32) -> u128 {
    if len == 0 {
        0
    } else {
        (!0u128 << (width - len)) & all_ones(width)
    }
}

/// `cidrsubnet("10.0.0.0/16", 8, 2)` = `"10.0.2.0/24"`.
fn cidrsubnet((base, len, width): Prefix, newbits: u32, netnum: f64) -> Option<String> {
    if netnum < 0.0 || netnum.fract() != 0.0 || netnum >= 2f64.powi(127) {
        return None;
    }
    let new_len = len.checked_add(newbits)?;
    if new_len > width || (newbits < 128 && (netnum as u128) >> newbits != 0) {
        return None;
    }
    let host_bits = width - new_len;
    let net = if host_bits >= 128 {
        0
    } else {
        (netnum as u128) << host_bits
    };
    Some(format!(
        "{}/{new_len}",
        format_addr((base & mask(len, width)) | net, width)
    ))
}

/// `cidrhost("10.0.0.0/24", 5)` = `"10.0.0.5"`; a negative number counts back from the last
/// address (`-1` is the last).
fn cidrhost((base, len, width): Prefix, hostnum: f64) -> Option<String> {
    if hostnum.fract() != 0.0 || hostnum.abs() >= 2f64.powi(127) {
        return None;
    }
    let max = all_ones(width - len);
    let num = if hostnum < 0.0 {
        let back = (-hostnum) as u128 - 1;
        if back > max {
            return None;
        }
        max - back
    } else {
        let n = hostnum as u128;
        if n > max {
            return None;
        }
        n
    };
    Some(format_addr((base & mask(len, width)) | num, width))
}

/// `cidrsubnets("10.1.0.0/16", 4, 4, 8, 4)`: consecutive subnets of the given extra bits, each
/// aligned to its size after the previous one, all within the prefix.
fn cidrsubnets((base, len, width): Prefix, newbits: &[u32]) -> Option<Value> {
    let Some(&first) = newbits.first() else {
        return Some(Value::List(vec![]));
    };
    let net_mask = mask(len, width);
    let network = base & net_mask;
    let ones = all_ones(width);
    let first_len = len.checked_add(first)?;
    if first_len > width {
        return None;
    }
    // The block of the first size just before the network: the next one after it is the first.
    let mut current = (
        network.wrapping_sub(1) & ones & mask(first_len, width),
        first_len,
    );
    let mut out = Vec::with_capacity(newbits.len());
    for &bits in newbits {
        let new_len = len.checked_add(bits)?;
        if new_len > width || new_len == 0 {
            return None;
        }
        let (addr, cur_len) = current;
        let last = addr | (ones & !mask(cur_len, width));
        let block = last & mask(new_len, width);
        let block_last = block | (ones & !mask(new_len, width));
        let next = block_last.wrapping_add(1) & ones;
        if next == 0 || next & net_mask != network {
            return None;
        }
        current = (next, new_len);
        out.push(Value::String(format!(
            "{}/{new_len}",
            format_addr(next, width)
        )));
    }
    Some(Value::List(out))
}
