//! Security groups: what both formats' security group adapters share (`crate::terraform::adapt::ec2`,
//! `crate::cloudformation::adapt`). Which resources attach a group, so that a policy can tell a group
//! that only a load balancer uses (its listeners are all it exposes) from one on instances.

use crate::adapt::{Item, Joiner};
use crate::model::{Attachment, SecurityGroup};
use crate::terraform::value::Value;
use std::collections::{BTreeMap, BTreeSet};

/// Load balancers by type, with the attribute (property) that lists their groups.
pub(crate) const LOAD_BALANCERS: [(&str, &str); 5] = [
    ("aws_lb", "security_groups"),
    ("aws_alb", "security_groups"),
    ("aws_elb", "security_groups"),
    (
        "AWS::ElasticLoadBalancingV2::LoadBalancer",
        "SecurityGroups",
    ),
    ("AWS::ElasticLoadBalancing::LoadBalancer", "SecurityGroups"),
];

/// Resource types whose references to a group are rules, not attachments: the groups and their rules.
pub(crate) const NOT_ATTACHMENTS: [&str; 8] = [
    "aws_security_group",
    "aws_default_security_group",
    "aws_security_group_rule",
    "aws_vpc_security_group_ingress_rule",
    "aws_vpc_security_group_egress_rule",
    "AWS::EC2::SecurityGroup",
    "AWS::EC2::SecurityGroupIngress",
    "AWS::EC2::SecurityGroupEgress",
];

/// How deep the search for security group attributes goes into nested blocks
/// (`network_interfaces`, `vpc_config`, `ec2_attributes`…).
const MAX_NESTING: usize = 3;

/// The resources that attach each group, by the group's address (or logical ID).
#[derive(Default)]
pub(crate) struct Attachments {
    by_group: BTreeMap<String, BTreeSet<Attachment>>,
    /// Why no group's attachments can be known (a group list that is unresolved), if so.
    unknown: Vec<String>,
    /// Why one group's attachments cannot be known (it is exported to other stacks).
    unknown_for: BTreeMap<String, String>,
}

impl Attachments {
    pub fn add(&mut self, group: &str, resource: &str, load_balancer: bool) {
        self.by_group
            .entry(group.to_string())
            .or_default()
            .insert(Attachment {
                resource: resource.to_string(),
                kind: if load_balancer {
                    "load_balancer"
                } else {
                    "other"
                },
            });
    }

    pub fn unknown(&mut self, why: String) {
        if !self.unknown.contains(&why) {
            self.unknown.push(why);
        }
    }

    /// The attachments of `group` cannot be known, for `why`.
    pub fn unknown_group(&mut self, group: &str, why: String) {
        self.unknown_for.insert(group.to_string(), why);
    }

    /// Terraform: every security group attribute of `item` (an attribute whose name has
    /// `security_group` in it, at the top or in nested blocks), evaluated; the groups it references
    /// are attached to it. A list that cannot be resolved could hold any group: then no group's
    /// attachments are known, unless `item` is a load balancer (whatever it holds, it is a load
    /// balancer's group).
    pub fn read_terraform(&mut self, rtype: &str, item: &Item) {
        if NOT_ATTACHMENTS.contains(&rtype) {
            return;
        }
        let lb_attr = LOAD_BALANCERS
            .iter()
            .find(|(t, _)| *t == rtype)
            .map(|(_, a)| *a);
        let mut stack = vec![(item.res.clone(), 0usize)];
        while let Some((r, depth)) = stack.pop() {
            for key in r.keys() {
                if key.contains("security_group") {
                    let Some((v, _, _, why)) = r.attr_traced(key.as_str()) else {
                        continue;
                    };
                    let lb = depth == 0 && lb_attr == Some(key.as_str());
                    let mut unknown = false;
                    collect_refs(
                        &v,
                        &mut |group| self.add(group, &item.address, lb),
                        &mut unknown,
                    );
                    if unknown && !lb {
                        let mut reason = format!(
                            "`{}` of `{}` is unresolved, so it may attach any group",
                            key, item.address
                        );
                        if let Some(w) = why.first() {
                            reason.push_str(&format!(" ({w})"));
                        }
                        self.unknown(reason);
                    }
                } else if depth < MAX_NESTING {
                    stack.extend(r.blocks(key.as_str()).map(|b| (b, depth + 1)));
                }
            }
        }
    }

    /// Sets `attached_to` on every group of `groups` (by its address); a group whose attachments
    /// cannot be known gets it listed as unknown instead.
    pub fn apply(&self, groups: &mut Joiner<SecurityGroup>) {
        for (g, t) in groups.items.iter_mut() {
            if t.is_unknown("attached_to") {
                continue;
            }
            let why = match self.unknown_for.get(t.id()) {
                Some(w) => vec![w.clone()],
                None => self.unknown.clone(),
            };
            if !why.is_empty() {
                t.mark_unknown("attached_to");
                t.explain("attached_to", why);
                continue;
            }
            let attached = self.by_group.get(t.id()).cloned().unwrap_or_default();
            g.attached_to = Some(attached.into_iter().collect());
        }
    }
}

/// The group addresses `v` references (`aws_security_group.web.id`, in a list or not); `unknown` is
/// set when part of `v` cannot be resolved. A literal group ID (`sg-…`) is a group outside the code.
fn collect_refs(v: &Value, found: &mut impl FnMut(&str), unknown: &mut bool) {
    match v {
        Value::Ref(r) => {
            if r.attr == "default_security_group_id" {
                found(&default_group_id(&r.address));
            } else {
                found(&r.address);
            }
        }
        Value::List(items) => {
            for i in items {
                collect_refs(i, found, unknown);
            }
        }
        Value::Unknown | Value::Json(_) => *unknown = true,
        Value::Object(_) | Value::String(_) | Value::Number(_) | Value::Bool(_) | Value::Null => {}
    }
}

/// The id of the entity that stands for a VPC's default security group when rules are added to it
/// through the VPC (`aws_vpc.main.default_security_group_id`, `!GetAtt Vpc.DefaultSecurityGroup`).
pub(crate) fn default_group_id(vpc: &str) -> String {
    format!("{vpc}#default_security_group")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::terraform::value::ResourceRef;

    fn r(address: &str, attr: &str) -> Value {
        Value::Ref(Box::new(ResourceRef {
            address: address.into(),
            attr: attr.into(),
        }))
    }

    #[test]
    fn refs_in_lists_and_unknowns() {
        let v = Value::List(vec![
            r("aws_security_group.web", "id"),
            Value::str("sg-0123456789abcdef0"),
            r("aws_vpc.main", "default_security_group_id"),
        ]);
        let mut found = Vec::new();
        let mut unknown = false;
        collect_refs(&v, &mut |g| found.push(g.to_string()), &mut unknown);
        assert_eq!(
            found,
            vec![
                "aws_security_group.web",
                "aws_vpc.main#default_security_group"
            ]
        );
        assert!(!unknown);
        collect_refs(
            &Value::List(vec![Value::Unknown]),
            &mut |_| {},
            &mut unknown,
        );
        assert!(unknown);
    }
}
