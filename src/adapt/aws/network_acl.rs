//! Network ACLs: the numbered rules of `aws_network_acl` (inline `ingress`/`egress` blocks) and of
//! `AWS::EC2::NetworkAcl`, with the separate `aws_network_acl_rule` / `AWS::EC2::NetworkAclEntry`
//! joined by `network_acl_id` / `NetworkAclId`. An entry whose ACL is not in the scanned code stands
//! as an ACL of its own whose other rules are unknown (a lower-numbered deny may be among them).

use crate::adapt::{
    boolean, normalize_protocol, number, string, Direction, Fields, Format, Joiner, Name,
    ObjectFields, Source, Tracker,
};
use crate::model::{AclRule, NetworkAcl};
use crate::source::Span;
use crate::terraform::value::Value;

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    let mut acls: Joiner<NetworkAcl> = Joiner::new();
    for item in src.items("aws_network_acl", "AWS::EC2::NetworkAcl") {
        let r = &item.res;
        let mut t = item.tracker();
        let mut acl = NetworkAcl::default();
        // A template writes every entry as its own resource; Terraform may write them inline.
        if r.format() == Format::Terraform {
            for dir in [Direction::Ingress, Direction::Egress] {
                let blocks: Vec<_> = r.blocks(dir.key()).collect();
                if !blocks.is_empty() {
                    for b in &blocks {
                        push_rule(&mut acl, &mut t, dir, b, b.span.clone(), true);
                    }
                    continue;
                }
                // The same rules written as an attribute: `ingress = [{ rule_no = 100, … }]`.
                match r.attr_traced(dir.key()) {
                    Some((Value::List(items), span, _, _)) => {
                        for v in &items {
                            if let Value::Object(map) = v {
                                let fields = ObjectFields {
                                    map,
                                    span: span.clone(),
                                };
                                push_rule(&mut acl, &mut t, dir, &fields, span.clone(), true);
                            }
                        }
                    }
                    Some((Value::Null, ..)) | None => {}
                    Some((_, span, _, why)) => unknown_at(&mut t, dir.key(), span, why),
                }
            }
        }
        acls.add(acl, t, None);
    }

    for item in src.items("aws_network_acl_rule", "AWS::EC2::NetworkAclEntry") {
        let r = &item.res;
        let by = ("network_acl_id", "NetworkAclId").pick(r.format());
        let egress = r.attr(("egress", "Egress"));
        let (acl, t) = acls.join(&item, by, &["ingress", "egress"]);
        let dir = match egress.as_ref().map(|(v, s)| (boolean(v), v, s)) {
            None => Direction::Ingress,
            Some((_, Value::Null, _)) | Some((Some(false), ..)) => Direction::Ingress,
            Some((Some(true), ..)) => Direction::Egress,
            Some((None, _, span)) => {
                // Either direction: the inbound rules are not fully known.
                let why = vec![format!(
                    "whether `{}` is an outbound rule is unknown",
                    item.address
                )];
                unknown_at(t, "ingress", span.clone(), why);
                continue;
            }
        };
        push_rule(acl, t, dir, r, r.span.clone(), false);
    }
    let acls = acls.finish(src.locations());
    src.model().aws.ec2.network_acls = acls;
}

fn unknown_at(t: &mut Tracker, path: &str, span: Span, why: Vec<String>) {
    t.at(path, span);
    t.mark_unknown(path);
    t.explain(path, why);
}

/// One rule: an inline block (`inline`, whose Terraform names are `rule_no` and `action`), or a rule
/// resource's fields (`rule_number`, `rule_action`; `PortRange` in a template).
fn push_rule(
    acl: &mut NetworkAcl,
    t: &mut Tracker,
    dir: Direction,
    r: &impl Fields,
    span: Span,
    inline: bool,
) {
    let list = match dir {
        Direction::Ingress => &acl.ingress,
        Direction::Egress => &acl.egress,
    };
    let base = format!("{}[{}]", dir.key(), list.len());
    t.at(&base, span);
    let p = |name: &str| format!("{base}.{name}");
    let (number_attr, action_attr) = if inline {
        (("rule_no", "RuleNumber"), ("action", "RuleAction"))
    } else {
        (("rule_number", "RuleNumber"), ("rule_action", "RuleAction"))
    };
    let protocol = t
        .field(r, ("protocol", "Protocol"), &p("protocol"), string)
        .known()
        .map(|s| normalize_protocol(&s));
    let mut rule = AclRule {
        rule_number: t.field(r, number_attr, &p("rule_number"), number).known(),
        action: t
            .field(r, action_attr, &p("action"), string)
            .known()
            .map(|a| a.to_ascii_lowercase()),
        cidr_block: t
            .field(r, ("cidr_block", "CidrBlock"), &p("cidr_block"), string)
            .known(),
        ipv6_cidr_block: t
            .field(
                r,
                ("ipv6_cidr_block", "Ipv6CidrBlock"),
                &p("ipv6_cidr_block"),
                string,
            )
            .known(),
        ..AclRule::default()
    };
    if r.format() == Format::CloudFormation {
        match r.get("PortRange") {
            Some((Value::Object(map), span, _, why)) => {
                let range = ObjectFields { map: &map, span };
                rule.from_port = t.field(&range, "From", &p("from_port"), number).known();
                rule.to_port = t.field(&range, "To", &p("to_port"), number).known();
                for port in ["from_port", "to_port"] {
                    if !why.is_empty() && t.is_unknown(&p(port)) {
                        t.explain(&p(port), why.clone());
                    }
                }
            }
            Some((Value::Null, ..)) | None => {}
            Some((_, span, _, why)) => {
                for port in ["from_port", "to_port"] {
                    unknown_at(t, &p(port), span.clone(), why.clone());
                }
            }
        }
    } else {
        rule.from_port = t.field(r, "from_port", &p("from_port"), number).known();
        rule.to_port = t.field(r, "to_port", &p("to_port"), number).known();
    }
    if protocol.as_deref() == Some("-1") {
        // All protocols means all ports, whatever the port attributes say.
        rule.from_port = Some(0.0);
        rule.to_port = Some(65535.0);
    }
    rule.protocol = protocol;
    match dir {
        Direction::Ingress => acl.ingress.push(rule),
        Direction::Egress => acl.egress.push(rule),
    }
}
