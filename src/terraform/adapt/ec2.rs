//! Security groups (and the VPC's default group) with their inline rules and the separate rule
//! resources, and the resources that attach them.

use super::Cx;
use crate::adapt::aws::security_group::{default_group_id, Attachments};
use crate::adapt::{
    normalize_protocol, number, string, strings, Direction, Fields, Item, Joiner, ObjectFields,
    Target, Tracker,
};
use crate::model::{SecurityGroup, SgRule};
use crate::source::Span;
use crate::terraform::value::Value;
use std::collections::BTreeSet;

pub(super) fn adapt(cx: &mut Cx) {
    let mut groups: Joiner<SecurityGroup> = Joiner::new();

    let items = ["aws_security_group", "aws_default_security_group"]
        .into_iter()
        .flat_map(|rtype| cx.instances(rtype).into_iter().map(move |i| (rtype, i)));
    for (rtype, item) in items.collect::<Vec<_>>() {
        let r = &item.res;
        let mut t = item.tracker();
        // The default group's name is always `default`; Terraform removes the rules AWS created and
        // manages only those written.
        let vpc_default = rtype == "aws_default_security_group";
        let mut g = SecurityGroup {
            name: if vpc_default {
                Some("default".into())
            } else {
                t.field(&r, "name", "name", string).known()
            },
            vpc_default: Some(vpc_default),
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
        let (g, t) = join(cx, &mut groups, &item);
        push_rule(g, t, dir, &r, r.span.clone(), Columns::CLASSIC);
    }
    for (rtype, dir) in [
        ("aws_vpc_security_group_ingress_rule", Direction::Ingress),
        ("aws_vpc_security_group_egress_rule", Direction::Egress),
    ] {
        for item in cx.instances(rtype) {
            let r = &item.res;
            let (g, t) = join(cx, &mut groups, &item);
            push_rule(g, t, dir, &r, r.span.clone(), Columns::VPC);
        }
    }

    attachments(cx).apply(&mut groups);
    cx.model.aws.ec2.security_groups = groups.finish(&mut cx.locations);
}

/// The group a separate rule resource adds to: by `security_group_id`; a VPC's default group
/// (`aws_vpc.main.default_security_group_id`) becomes an entity of its own, located at the VPC.
fn join<'g>(
    cx: &Cx,
    groups: &'g mut Joiner<SecurityGroup>,
    item: &Item,
) -> &'g mut (SecurityGroup, Tracker) {
    let vpc = match item.res.attr("security_group_id") {
        Some((Value::Ref(r), _)) if r.attr == "default_security_group_id" => r.address.clone(),
        _ => return groups.join(item, "security_group_id", &["attached_to", "vpc_default"]),
    };
    let id = default_group_id(&vpc);
    let i = match groups.find(&Target::Address(id.clone())) {
        Some(i) => i,
        None => {
            let at = cx
                .instances("aws_vpc")
                .into_iter()
                .find(|v| v.address == vpc);
            let (label, header) = match &at {
                Some(v) => (format!("{}/default", v.label), v.res.span.clone()),
                None => (format!("{vpc}/default"), item.res.span.clone()),
            };
            let g = SecurityGroup {
                name: Some("default".into()),
                vpc_default: Some(true),
                ..SecurityGroup::default()
            };
            groups.add(g, Tracker::new(id, label, vpc, header), None);
            groups.items.len() - 1
        }
    };
    &mut groups.items[i]
}

/// Which resources attach which groups, read from every resource of the module and its children.
fn attachments(cx: &Cx) -> Attachments {
    let mut out = Attachments::default();
    let mut types: BTreeSet<&str> = BTreeSet::new();
    for ev in &cx.evs {
        types.extend(ev.module.resources.iter().map(|r| r.rtype));
    }
    if let Some((_, plan)) = cx.plan {
        types.extend(plan.resources.iter().map(|r| r.rtype.as_str()));
    }
    for rtype in types {
        for item in cx.instances(rtype) {
            out.read_terraform(rtype, &item);
        }
    }
    out
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

#[cfg(test)]
mod tests {
    use crate::model::{Attachment, Model};
    use crate::source::{SourceFile, SourceMap};

    fn model(hcl: &str) -> Model {
        let mut sources = SourceMap::default();
        let id = sources.add(SourceFile::new(
            "main.tf".into(),
            "main.tf".into(),
            std::sync::Arc::from(hcl),
        ));
        crate::terraform::analyze(&sources, &[id]).model
    }

    fn attachment(resource: &str, kind: &'static str) -> Attachment {
        Attachment {
            resource: resource.into(),
            kind,
        }
    }

    const GROUPS: &str = r#"
resource "aws_security_group" "alb" { name = "alb" }
resource "aws_security_group" "app" { name = "app" }
resource "aws_lb" "public" { security_groups = [aws_security_group.alb.id] }
resource "aws_launch_template" "app" {
  network_interfaces {
    security_groups = [aws_security_group.app.id]
  }
}
resource "aws_security_group_rule" "app_from_alb" {
  type                     = "ingress"
  from_port                = 8080
  to_port                  = 8080
  protocol                 = "tcp"
  security_group_id        = aws_security_group.app.id
  source_security_group_id = aws_security_group.alb.id
}
"#;

    #[test]
    fn attachments_from_any_resource_and_nested_blocks() {
        let m = model(GROUPS);
        let g = &m.aws.ec2.security_groups;
        assert_eq!(
            g[0].attached_to,
            Some(vec![attachment("aws_lb.public", "load_balancer")])
        );
        // A rule that names the group as its source does not attach it.
        assert_eq!(
            g[1].attached_to,
            Some(vec![attachment("aws_launch_template.app", "other")])
        );
    }

    #[test]
    fn an_unresolved_group_list_makes_attachments_unknown() {
        let m = model(&format!(
            "{GROUPS}\nvariable \"extra\" {{}}\nresource \"aws_instance\" \"x\" {{ vpc_security_group_ids = var.extra }}\n"
        ));
        let g = &m.aws.ec2.security_groups[0];
        assert_eq!(g.attached_to, None);
        assert!(g.meta.unknown.contains(&"attached_to".to_string()));
    }

    #[test]
    fn default_groups_adopted_or_reached_through_the_vpc() {
        let m = model(
            r#"
resource "aws_vpc" "main" { cidr_block = "10.0.0.0/16" }
resource "aws_default_security_group" "default" {
  vpc_id = aws_vpc.main.id
  egress {
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["0.0.0.0/0"]
  }
}
resource "aws_vpc_security_group_ingress_rule" "https" {
  security_group_id = aws_vpc.main.default_security_group_id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "10.0.0.0/8"
}
resource "aws_vpc_security_group_ingress_rule" "elsewhere" {
  security_group_id = "sg-0123456789abcdef0"
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_ipv4         = "10.0.0.0/8"
}
"#,
        );
        let g = &m.aws.ec2.security_groups;
        assert_eq!(g.len(), 3);
        assert_eq!(g[0].vpc_default, Some(true));
        assert_eq!(g[0].egress.len(), 1);
        assert_eq!(g[1].meta.id, "aws_vpc.main#default_security_group");
        assert_eq!(g[1].meta.label, "main/default");
        assert_eq!((g[1].vpc_default, g[1].ingress.len()), (Some(true), 1));
        assert_eq!(g[2].vpc_default, None);
        assert!(g[2].meta.unknown.contains(&"vpc_default".to_string()));
    }

    #[test]
    fn network_acl_rules_inline_and_separate() {
        let m = model(
            r#"
resource "aws_network_acl" "public" {
  ingress {
    rule_no    = 100
    action     = "ALLOW"
    protocol   = "all"
    from_port  = 0
    to_port    = 0
    cidr_block = "0.0.0.0/0"
  }
}
resource "aws_network_acl_rule" "out" {
  network_acl_id = aws_network_acl.public.id
  rule_number    = 100
  egress         = true
  protocol       = "6"
  rule_action    = "allow"
  from_port      = 443
  to_port        = 443
  cidr_block     = "0.0.0.0/0"
}
resource "aws_network_acl_rule" "lost" {
  network_acl_id = "acl-0123456789abcdef0"
  rule_number    = 100
  protocol       = "tcp"
  rule_action    = "allow"
  from_port      = 22
  to_port        = 22
  cidr_block     = "0.0.0.0/0"
}
"#,
        );
        let a = &m.aws.ec2.network_acls;
        assert_eq!(a.len(), 2);
        let r = &a[0].ingress[0];
        assert_eq!(
            (r.protocol.as_deref(), r.action.as_deref(), r.to_port),
            (Some("-1"), Some("allow"), Some(65535.0))
        );
        assert_eq!(a[0].egress[0].protocol.as_deref(), Some("tcp"));
        assert_eq!(a[1].meta.id, "aws_network_acl_rule.lost");
        assert_eq!(a[1].ingress[0].rule_number, Some(100.0));
        assert!(a[1].meta.unknown.contains(&"ingress".to_string()));
    }
}
