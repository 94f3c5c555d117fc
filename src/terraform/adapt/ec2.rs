//! Security groups with their inline rules and the separate rule resources.

use super::Cx;
use crate::adapt::{
    normalize_protocol, number, string, strings, Direction, Fields, Joiner, ObjectFields, Tracker,
};
use crate::model::{SecurityGroup, SgRule};
use crate::source::Span;
use crate::terraform::value::Value;

pub(super) fn adapt(cx: &mut Cx) {
    let mut groups: Joiner<SecurityGroup> = Joiner::new();

    for item in cx.instances("aws_security_group") {
        let r = &item.res;
        let mut t = item.tracker();
        let mut g = SecurityGroup {
            name: t.field(&r, "name", "name", string).known(),
            ..SecurityGroup::default()
        };
        for dir in [Direction::Ingress, Direction::Egress] {
            let mut blocks = 0;
            for block in r.blocks(dir.key()) {
                let span = block.span.clone();
                push_rule(&mut g, &mut t, dir, &block, span, Columns::CLASSIC);
                blocks += 1;
            }
            if blocks > 0 {
                continue;
            }
            // The same rules written as an attribute: `ingress = [{ from_port = 22, … }]`.
            match r.attr_traced(dir.key()) {
                Some((Value::List(items), span, _, _)) => {
                    for item in &items {
                        if let Value::Object(map) = item {
                            let fields = ObjectFields {
                                map,
                                span: span.clone(),
                            };
                            push_rule(&mut g, &mut t, dir, &fields, span.clone(), Columns::CLASSIC);
                        }
                    }
                }
                Some((Value::Null, ..)) | None => {}
                Some((_, span, _, why)) => {
                    t.at(dir.key(), span);
                    t.mark_unknown(dir.key());
                    t.explain(dir.key(), why);
                }
            }
        }
        groups.add(g, t, None);
    }

    // Separate rule resources join their group; a rule whose group is not in this module stands as a
    // group of its own.
    for item in cx.instances("aws_security_group_rule") {
        let r = &item.res;
        let dir = match r.attr("type").and_then(|(v, _)| string(&v)).as_deref() {
            Some("ingress") => Direction::Ingress,
            Some("egress") => Direction::Egress,
            _ => continue,
        };
        let (g, t) = groups.join(&item, "security_group_id", &[]);
        push_rule(g, t, dir, &r, r.span.clone(), Columns::CLASSIC);
    }
    for (rtype, dir) in [
        ("aws_vpc_security_group_ingress_rule", Direction::Ingress),
        ("aws_vpc_security_group_egress_rule", Direction::Egress),
    ] {
        for item in cx.instances(rtype) {
            let r = &item.res;
            let (g, t) = groups.join(&item, "security_group_id", &[]);
            push_rule(g, t, dir, &r, r.span.clone(), Columns::VPC);
        }
    }

    cx.model.aws.ec2.security_groups = groups.finish(&mut cx.locations);
}

/// Attribute names of the two rule styles.
struct Columns {
    protocol: &'static str,
    v4: &'static str,
    v6: &'static str,
    lists: bool,
}

impl Columns {
    const CLASSIC: Columns = Columns {
        protocol: "protocol",
        v4: "cidr_blocks",
        v6: "ipv6_cidr_blocks",
        lists: true,
    };
    const VPC: Columns = Columns {
        protocol: "ip_protocol",
        v4: "cidr_ipv4",
        v6: "cidr_ipv6",
        lists: false,
    };
}

fn push_rule(
    g: &mut SecurityGroup,
    t: &mut Tracker,
    dir: Direction,
    r: &impl Fields,
    span: Span,
    cols: Columns,
) {
    let list = match dir {
        Direction::Ingress => &g.ingress,
        Direction::Egress => &g.egress,
    };
    let base = format!("{}[{}]", dir.key(), list.len());
    t.at(&base, span);
    let p = |name: &str| format!("{base}.{name}");
    let protocol = t
        .field(r, cols.protocol, &p("protocol"), string)
        .known()
        .map(|s| normalize_protocol(&s));
    let mut rule = SgRule {
        from_port: t.field(r, "from_port", &p("from_port"), number).known(),
        to_port: t.field(r, "to_port", &p("to_port"), number).known(),
        description: t.field(r, "description", &p("description"), string).known(),
        ..SgRule::default()
    };
    let cidrs = |t: &mut Tracker, attr: &str, path: &str| -> Vec<String> {
        if cols.lists {
            t.field(r, attr, path, strings).known().unwrap_or_default()
        } else {
            t.field(r, attr, path, string).known().into_iter().collect()
        }
    };
    rule.cidr_blocks = cidrs(t, cols.v4, &p("cidr_blocks"));
    rule.ipv6_cidr_blocks = cidrs(t, cols.v6, &p("ipv6_cidr_blocks"));
    if protocol.as_deref() == Some("-1") {
        // All protocols means all ports, whatever the port attributes say.
        rule.from_port = Some(0.0);
        rule.to_port = Some(65535.0);
    }
    rule.protocol = protocol;
    match dir {
        Direction::Ingress => g.ingress.push(rule),
        Direction::Egress => g.egress.push(rule),
    }
}
