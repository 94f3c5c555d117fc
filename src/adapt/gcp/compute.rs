//! Compute Engine: firewall rules (who may reach which ports), disks (which key encrypts them), and
//! instances and instance templates (external IPs, the keys of the disks they create).

use super::key_ref;
use crate::adapt::{
    boolean, normalize_protocol, number, string, strings, Field, Res, Source, Tracker,
};
use crate::model::gcp::{ComputeDisk, ComputeInstance, CreatedDisk, Firewall, FirewallRule};
use crate::terraform::value::Value;
use std::collections::HashMap;

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    firewalls(src);
    disks(src);
    instances(src);
}

fn firewalls<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    // Address → literal name of the networks in the code, so that a rule naming
    // `google_compute_network.vpc.self_link` and one naming `"vpc"` are on the same network.
    let mut networks: HashMap<String, String> = HashMap::new();
    for item in src.items("google_compute_network", "") {
        if let Some((Value::String(n), _)) = item.res.attr("name") {
            networks.insert(item.address.clone(), n);
        }
    }
    for item in src.items("google_compute_firewall", "") {
        let r = &item.res;
        let mut t = item.tracker();
        let name = t.field(r, "name", "name", string).known();
        let direction = t
            .field(r, "direction", "direction", string)
            .or_default("INGRESS".to_string())
            .map(|d| d.to_ascii_uppercase());
        let disabled = t
            .field(r, "disabled", "disabled", boolean)
            .or_default(false);
        let tags = t.field(r, "source_tags", "source_tags", strings);
        let accounts = t.field(
            r,
            "source_service_accounts",
            "source_service_accounts",
            strings,
        );
        let ranges = t.field(r, "source_ranges", "source_ranges", strings);
        let named = |f: &Field<Vec<String>>| match f {
            Field::Known(v) => Some(!v.is_empty()),
            Field::Unknown => None,
            Field::NotWritten => Some(false),
        };
        // An ingress rule with no source range, tag or service account applies to every IPv4 source.
        let source_ranges = match (&ranges, named(&tags), named(&accounts)) {
            (Field::Known(v), _, _) if !v.is_empty() => v.clone(),
            (Field::Unknown, _, _) => Vec::new(),
            (_, Some(false), Some(false)) if direction.as_deref() == Some("INGRESS") => {
                vec!["0.0.0.0/0".to_string()]
            }
            (_, Some(false), Some(false)) => Vec::new(),
            _ => {
                t.mark_unknown("source_ranges");
                Vec::new()
            }
        };
        let allow = entries(&mut t, r, "allow");
        let deny = entries(&mut t, r, "deny");
        let priority = t
            .field(r, "priority", "priority", number)
            .or_default(1000.0)
            .map(|p| p as i64);
        let network = match t.field(r, "network", "network", |v| network_key(v, &networks)) {
            Field::Known(n) => {
                // Rules of another project are on another network of the same name.
                match t.field(r, "project", "project", string) {
                    Field::Known(p) => Some(format!("{p}/{n}")),
                    Field::NotWritten => Some(n),
                    Field::Unknown => {
                        t.mark_unknown("network");
                        None
                    }
                }
            }
            _ => None,
        };
        let target_tags = t.field(r, "target_tags", "target_tags", strings);
        let target_accounts = t.field(
            r,
            "target_service_accounts",
            "target_service_accounts",
            strings,
        );
        let mut fw = Firewall {
            name,
            direction,
            disabled,
            source_ranges,
            source_tags: tags.known().unwrap_or_default(),
            source_service_accounts: accounts.known().unwrap_or_default(),
            allow,
            deny,
            priority,
            network,
            target_tags: target_tags.known().unwrap_or_default(),
            target_service_accounts: target_accounts.known().unwrap_or_default(),
            ..Firewall::default()
        };
        fw.meta = t.finish(src.locations());
        src.model().gcp.compute.firewalls.push(fw);
    }
}

/// The protocol and port entries of a firewall's `allow` or `deny` blocks (`kind`), one per protocol
/// and port range, under model paths `kind[i]`.
fn entries(t: &mut Tracker, r: &Res, kind: &str) -> Vec<FirewallRule> {
    let mut out: Vec<FirewallRule> = Vec::new();
    let Field::Known(blocks) = t.blocks(r, kind, kind) else {
        return out;
    };
    for (block, b) in blocks.into_iter().enumerate() {
        let protocol = t
            .field(
                &b,
                "protocol",
                &format!("{kind}[{}].protocol", out.len()),
                string,
            )
            .known()
            .map(|p| normalize_protocol(&p));
        let ports_path = format!("{kind}[{}]", out.len());
        t.at(&ports_path, b.span.clone());
        let ports = match t.field(&b, "ports", &ports_path, port_list) {
            Field::Known(p) if !p.is_empty() => Some(p),
            Field::Known(_) | Field::NotWritten => Some(Vec::new()),
            Field::Unknown => None,
        };
        let span = b.attr("ports").map_or_else(|| b.span.clone(), |(_, s)| s);
        match ports {
            None => {
                let i = out.len();
                t.mark_unknown(format!("{kind}[{i}].from_port"));
                t.mark_unknown(format!("{kind}[{i}].to_port"));
                out.push(FirewallRule {
                    protocol,
                    block,
                    ..FirewallRule::default()
                });
            }
            Some(p) if p.is_empty() => out.push(FirewallRule {
                protocol,
                from_port: Some(0),
                to_port: Some(65535),
                block,
            }),
            Some(p) => {
                for range in p {
                    let i = out.len();
                    t.at(format!("{kind}[{i}]"), span.clone());
                    let (from, to) = parse_range(&range).unzip();
                    if from.is_none() {
                        t.mark_unknown(format!("{kind}[{i}].from_port"));
                        t.mark_unknown(format!("{kind}[{i}].to_port"));
                    }
                    out.push(FirewallRule {
                        protocol: protocol.clone(),
                        from_port: from,
                        to_port: to,
                        block,
                    });
                }
            }
        }
    }
    out
}

/// The network a firewall rule belongs to, as a key two rules can be compared by: the network's name
/// (the last segment of a self link or ID), or for a reference to a network of the code its literal
/// name when it has one, else its address.
fn network_key(v: &Value, networks: &HashMap<String, String>) -> Option<String> {
    match v {
        Value::String(s) => {
            let last = s.trim_end_matches('/').rsplit('/').next().unwrap_or(s);
            (!last.is_empty()).then(|| last.to_string())
        }
        Value::Ref(r) => Some(
            networks
                .get(&r.address)
                .cloned()
                .unwrap_or_else(|| r.address.clone()),
        ),
        _ => None,
    }
}

/// A `ports` list, unknown when any element is (an unknown port may be any port).
fn port_list(v: &Value) -> Option<Vec<String>> {
    match v {
        Value::List(items) => items.iter().map(string).collect(),
        Value::Null => Some(Vec::new()),
        _ => None,
    }
}

/// `"22"` or `"8000-8080"` → the range.
fn parse_range(s: &str) -> Option<(u32, u32)> {
    let s = s.trim();
    match s.split_once('-') {
        Some((a, b)) => Some((a.trim().parse().ok()?, b.trim().parse().ok()?)),
        None => s.parse().ok().map(|p| (p, p)),
    }
}

fn disks<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for rtype in ["google_compute_disk", "google_compute_region_disk"] {
        for item in src.items(rtype, "") {
            let r = &item.res;
            let mut t = item.tracker();
            let name = t.field(r, "name", "name", string).known();
            let key_type = match t.block(r, "disk_encryption_key", "key_type") {
                Field::NotWritten => Some(GOOGLE.to_string()),
                Field::Unknown => None,
                Field::Known(k) => key_type(
                    &mut t,
                    &k,
                    &[
                        ("raw_key", SUPPLIED),
                        ("rsa_encrypted_key", SUPPLIED),
                        ("kms_key_self_link", MANAGED),
                        ("kms_key_name", MANAGED),
                    ],
                    "key_type",
                ),
            };
            let mut disk = ComputeDisk {
                name,
                key_type,
                ..ComputeDisk::default()
            };
            disk.meta = t.finish(src.locations());
            src.model().gcp.compute.disks.push(disk);
        }
    }
}

const GOOGLE: &str = "GOOGLE_MANAGED";
const MANAGED: &str = "CUSTOMER_MANAGED";
const SUPPLIED: &str = "CUSTOMER_SUPPLIED";

/// Who holds the key of a disk, from the key attributes of block `k` (`attrs`: attribute and the
/// holder it stands for), read into model path `path`: Google when none names a key (left out or
/// empty), `None` when one is unknown.
fn key_type(t: &mut Tracker, k: &Res, attrs: &[(&str, &str)], path: &str) -> Option<String> {
    let mut kind = GOOGLE;
    for &(attr, holder) in attrs {
        if !k.has(attr) {
            continue;
        }
        match t.field(k, attr, path, key_ref) {
            Field::Known(v) if !v.trim().is_empty() => kind = holder,
            Field::Unknown => return None,
            _ => {}
        }
    }
    Some(kind.to_string())
}

/// Instances and instance templates: whether a network interface has an external IP, and which keys
/// encrypt the disks they create.
fn instances<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for rtype in [
        "google_compute_instance",
        "google_compute_instance_template",
        "google_compute_region_instance_template",
    ] {
        for item in src.items(rtype, "") {
            let r = &item.res;
            let mut t = item.tracker();
            let name = t.field(r, "name", "name", string).known();
            let external_ip = external_ip(&mut t, r);
            let template = rtype != "google_compute_instance";
            let created_disks = if template {
                template_disks(&mut t, r)
            } else {
                boot_disk(&mut t, r)
            };
            let mut vm = ComputeInstance {
                name,
                external_ip,
                created_disks,
                ..ComputeInstance::default()
            };
            vm.meta = t.finish(src.locations());
            let compute = &mut src.model().gcp.compute;
            if template {
                compute.instance_templates.push(vm);
            } else {
                compute.instances.push(vm);
            }
        }
    }
}

/// Whether any network interface has an `access_config` block (an external IP). An interface list or
/// `access_config` that a `dynamic` block makes unknown leaves it unknown, unless a known interface
/// already has one.
fn external_ip(t: &mut Tracker, r: &Res) -> Option<bool> {
    let path = "external_ip";
    match t.blocks(r, "network_interface", path) {
        Field::NotWritten => Some(false),
        Field::Unknown => None,
        Field::Known(nics) => {
            let mut unknown = false;
            for nic in &nics {
                match nic.nested("access_config") {
                    Ok(v) if !v.is_empty() => {
                        t.at(path, v[0].span.clone());
                        return Some(true);
                    }
                    Ok(_) => {}
                    Err(_) => unknown = true,
                }
            }
            if unknown {
                t.mark_unknown(path);
                None
            } else {
                Some(false)
            }
        }
    }
}

/// An instance's `boot_disk`: created from an image (`initialize_params`, or nothing, which takes the
/// default image) unless `source` names an existing disk; its key is `kms_key_self_link`,
/// `disk_encryption_key_raw` or `disk_encryption_key_rsa`.
fn boot_disk(t: &mut Tracker, r: &Res) -> Vec<CreatedDisk> {
    let Field::Known(b) = t.block(r, "boot_disk", "created_disks") else {
        return Vec::new();
    };
    if b.attr("source").is_some_and(|(v, _)| v != Value::Null) {
        return Vec::new();
    }
    t.at("created_disks[0]", b.span.clone());
    let key_type = key_type(
        t,
        &b,
        &[
            ("disk_encryption_key_raw", SUPPLIED),
            ("disk_encryption_key_rsa", SUPPLIED),
            ("kms_key_self_link", MANAGED),
        ],
        "created_disks[0].key_type",
    );
    vec![CreatedDisk {
        boot: Some(true),
        key_type,
    }]
}

/// A template's `disk` blocks that create a persistent disk: not those naming an existing `source`
/// disk, nor local SSDs (`disk_type = "local-ssd"` or `type = "SCRATCH"`). The key is
/// `disk_encryption_key.kms_key_self_link`.
fn template_disks(t: &mut Tracker, r: &Res) -> Vec<CreatedDisk> {
    let Field::Known(blocks) = t.blocks(r, "disk", "created_disks") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for d in blocks {
        if d.attr("source").is_some_and(|(v, _)| v != Value::Null) {
            continue;
        }
        let scratch = |attr: &str, local: &str| match d.attr(attr) {
            None | Some((Value::Null, _)) => Some(false),
            Some((Value::String(s), _)) => Some(s.eq_ignore_ascii_case(local)),
            Some(_) => None,
        };
        let path = format!("created_disks[{}]", out.len());
        t.at(&path, d.span.clone());
        let boot = d.attr("boot").and_then(|(v, _)| boolean(&v));
        let key_path = format!("{path}.key_type");
        let key_type = match (
            scratch("disk_type", "local-ssd"),
            scratch("type", "SCRATCH"),
        ) {
            (Some(true), _) | (_, Some(true)) => continue,
            (None, _) | (_, None) => {
                t.mark_unknown(&key_path);
                None
            }
            _ => match t.block(&d, "disk_encryption_key", &key_path) {
                Field::NotWritten => Some(GOOGLE.to_string()),
                Field::Unknown => None,
                Field::Known(k) => key_type(t, &k, &[("kms_key_self_link", MANAGED)], &key_path),
            },
        };
        out.push(CreatedDisk { boot, key_type });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::parse_range;
    use crate::terraform::adapt::model_of_text;

    #[test]
    fn template_disks_skip_existing_and_local_ssd() {
        let m = model_of_text(
            r#"
resource "google_compute_instance_template" "t" {
  disk {
    source_image = "debian-cloud/debian-12"
    boot         = true
  }
  disk {
    source = "shared"
  }
  disk {
    disk_type = "local-ssd"
    type      = "SCRATCH"
  }
  disk {
    disk_size_gb = 10
    disk_encryption_key {
      kms_key_self_link = "projects/p/locations/l/keyRings/r/cryptoKeys/k"
    }
  }
  network_interface {
    network = "default"
    access_config {}
  }
}
"#,
        );
        let t = &m.gcp.compute.instance_templates[0];
        let keys: Vec<_> = t
            .created_disks
            .iter()
            .map(|d| (d.boot, d.key_type.as_deref()))
            .collect();
        assert_eq!(
            keys,
            vec![
                (Some(true), Some("GOOGLE_MANAGED")),
                (None, Some("CUSTOMER_MANAGED"))
            ]
        );
        assert_eq!(t.external_ip, Some(true));
        assert!(m.gcp.compute.instances.is_empty());
    }

    #[test]
    fn boot_disk_from_an_existing_disk_creates_none() {
        let m = model_of_text(
            r#"
resource "google_compute_instance" "a" {
  boot_disk {
    source = "restored"
  }
}
resource "google_compute_instance" "b" {
  boot_disk {
    disk_encryption_key_raw = "c2VjcmV0"
  }
}
"#,
        );
        let vms = &m.gcp.compute.instances;
        assert!(vms[0].created_disks.is_empty());
        assert_eq!(
            vms[1].created_disks[0].key_type.as_deref(),
            Some("CUSTOMER_SUPPLIED")
        );
    }

    #[test]
    fn port_ranges_parse() {
        assert_eq!(parse_range("22"), Some((22, 22)));
        assert_eq!(parse_range("1000-2000"), Some((1000, 2000)));
        assert_eq!(parse_range("x"), None);
    }
}
