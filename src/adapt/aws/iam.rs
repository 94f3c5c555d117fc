//! IAM: identity policies (managed, and inline on roles, users and groups), roles with their trust
//! policies, users, groups, and the attachments of managed policies to them.
//!
//! Which identities a policy applies to is resolved here, once: a reference (`aws_iam_role.app.name`,
//! `!Ref AppRole`) or a name that matches an identity in the scanned code becomes that identity's entity
//! ID; anything else stays as written. Attachments of a managed policy written in the scanned code are
//! folded into that policy's `roles`/`users`/`groups`; attachments of other policies (AWS managed ARNs
//! such as `AdministratorAccess`) are entities of their own, `aws.iam.policy_attachments`.

use crate::adapt::{Field, Fields, Format, Item, Res, Source, Tracker};
use crate::finding::Trace;
use crate::model::{Document, IamGroup, IamPolicy, IamUser, PolicyAttachment, Role};
use crate::source::Span;
use crate::terraform::value::Value;
use std::collections::HashMap;

/// The three kinds of identity a policy can apply to.
#[derive(Clone, Copy, PartialEq)]
enum Who {
    Role,
    User,
    Group,
}

/// Entity IDs of the identities in the scanned code, by address and by name.
#[derive(Default)]
struct Identities {
    by_address: HashMap<String, String>,
    by_name: HashMap<String, String>,
}

impl Identities {
    fn add(&mut self, address: &str, name: Option<&str>) {
        self.by_address
            .insert(address.to_string(), address.to_string());
        if let Some(n) = name {
            self.by_name.insert(n.to_string(), address.to_string());
        }
    }

    /// The entity ID a reference or a name stands for, or the name (ARN) as written; `None` when the
    /// value is unknown.
    fn resolve(&self, v: &Value) -> Option<String> {
        match v {
            Value::Ref(r) => {
                let base = strip_index(&r.address);
                Some(
                    self.by_address
                        .get(&r.address)
                        .or_else(|| self.by_address.get(base))
                        .cloned()
                        .unwrap_or_else(|| r.address.clone()),
                )
            }
            Value::String(s) => {
                // A role ARN names the role by its last path element.
                let name = if s.starts_with("arn:") {
                    s.rsplit('/').next().unwrap_or(s)
                } else {
                    s
                };
                Some(self.by_name.get(name).cloned().unwrap_or_else(|| s.clone()))
            }
            _ => None,
        }
    }
}

fn strip_index(address: &str) -> &str {
    address
        .strip_suffix(']')
        .and_then(|rest| rest.rfind('[').map(|i| &rest[..i]))
        .unwrap_or(address)
}

/// Fields with `!Ref AWS::NoValue` removed inside list and object values of a template, as
/// CloudFormation removes them (the shared reader only removes a property that is `AWS::NoValue` as a
/// whole).
struct NoValueRemoved<'a, 'r, 'b>(&'a Res<'r, 'b>);

impl<'r, 'b: 'r> Fields for NoValueRemoved<'_, 'r, 'b> {
    fn get(&self, name: &str) -> Option<(Value, Span, Vec<Trace>, Vec<String>)> {
        let template = self.0.format() == Format::CloudFormation;
        self.0.attr_traced(name).map(|(v, span, trace, why)| {
            let v = if template { remove_no_value(v) } else { v };
            (v, span, trace, why)
        })
    }

    fn format(&self) -> Format {
        self.0.format()
    }

    /// Where the document's parts are written; not in a template whose `AWS::NoValue` parts were
    /// removed (the statement numbers would no longer match what is written).
    fn document_tree(&self, name: &str) -> Option<crate::json_spans::SpanTree> {
        if self.0.format() == Format::CloudFormation {
            let (v, ..) = self.0.attr_traced(name)?;
            if remove_no_value(v.clone()) != v {
                return None;
            }
        }
        self.0.document_tree(name)
    }
}

fn remove_no_value(v: Value) -> Value {
    match v {
        Value::List(items) => Value::List(
            items
                .into_iter()
                .filter(|v| *v != Value::Null)
                .map(remove_no_value)
                .collect(),
        ),
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(_, v)| *v != Value::Null)
                .map(|(k, v)| (k, remove_no_value(v)))
                .collect(),
        ),
        other => other,
    }
}

fn read_document(
    t: &mut Tracker,
    r: &Res<'_, '_>,
    attr: (&str, &str),
    path: &str,
) -> Field<Document> {
    t.document(&NoValueRemoved(r), attr, path)
}

/// The values of a list attribute (or a single value) `attr`; `None` when the list itself is unknown.
/// Unknown elements are left out and make `path` unknown.
fn values(t: &mut Tracker, r: &Res<'_, '_>, attr: &str, path: &str) -> Option<Vec<Value>> {
    let (v, span, _, why) = NoValueRemoved(r).get(attr)?;
    t.at(path, span);
    let items = match v {
        Value::List(items) => items,
        Value::Null => return Some(Vec::new()),
        one => vec![one],
    };
    let mut out = Vec::new();
    for item in items {
        match item {
            Value::String(_) | Value::Ref(_) => out.push(item),
            _ => {
                t.mark_unknown(path);
                t.explain(path, why.clone());
            }
        }
    }
    Some(out)
}

/// What an identity policy resource is attached to: `(terraform, cloudformation, kind)` of the
/// attribute naming its identities.
const TARGETS: [(&str, &str, Who); 3] = [
    ("roles", "Roles", Who::Role),
    ("users", "Users", Who::User),
    ("groups", "Groups", Who::Group),
];

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    let mut ids: HashMap<u8, Identities> = HashMap::new();
    let key = |w: Who| w as u8;
    for (tf, cfn, who) in [
        ("aws_iam_role", "AWS::IAM::Role", Who::Role),
        ("aws_iam_user", "AWS::IAM::User", Who::User),
        ("aws_iam_group", "AWS::IAM::Group", Who::Group),
    ] {
        let name_attr = match who {
            Who::Role => ("name", "RoleName"),
            Who::User => ("name", "UserName"),
            Who::Group => ("name", "GroupName"),
        };
        for item in src.items(tf, cfn) {
            let name = item
                .res
                .attr(name_attr)
                .and_then(|(v, _)| crate::adapt::string(&v));
            ids.entry(key(who))
                .or_default()
                .add(&item.address, name.as_deref());
        }
    }
    let none = Identities::default();
    let idents = |w: Who| ids.get(&key(w)).unwrap_or(&none);

    let mut policies: Vec<(IamPolicy, Tracker)> = Vec::new();
    let mut managed_by_address: HashMap<String, usize> = HashMap::new();

    // Managed policies (`aws_iam_policy`, `AWS::IAM::ManagedPolicy`) and CloudFormation's
    // `AWS::IAM::Policy`, which is inline in every identity it names.
    for (tf, cfn, fixed) in [
        ("aws_iam_policy", "AWS::IAM::ManagedPolicy", Some("managed")),
        ("", "AWS::IAM::Policy", None),
    ] {
        for item in src.items(tf, cfn) {
            let r = &item.res;
            let mut t = item.tracker();
            let kind = fixed.unwrap_or_else(|| {
                [
                    ("Roles", "role_inline"),
                    ("Users", "user_inline"),
                    ("Groups", "group_inline"),
                ]
                .into_iter()
                .find(|(prop, _)| r.attr(*prop).is_some())
                .map_or("managed", |(_, kind)| kind)
            });
            let mut p = IamPolicy {
                kind,
                name: t
                    .field(
                        r,
                        (
                            "name",
                            if fixed.is_some() {
                                "ManagedPolicyName"
                            } else {
                                "PolicyName"
                            },
                        ),
                        "name",
                        crate::adapt::string,
                    )
                    .known(),
                document: read_document(&mut t, r, ("policy", "PolicyDocument"), "document")
                    .known(),
                ..IamPolicy::default()
            };
            if r.format() == Format::CloudFormation {
                for (_, cfn_attr, who) in TARGETS {
                    let path = who_path(who);
                    if let Some(vals) = values(&mut t, r, cfn_attr, path) {
                        let out = vals.iter().filter_map(|v| idents(who).resolve(v)).collect();
                        *targets_mut(&mut p, who) = out;
                    }
                }
            }
            if fixed.is_some() {
                managed_by_address.insert(item.address.clone(), policies.len());
            }
            policies.push((p, t));
        }
    }

    // Inline policies of Terraform (`aws_iam_role_policy` and its user and group twins).
    for (tf, attr, who, kind) in [
        ("aws_iam_role_policy", "role", Who::Role, "role_inline"),
        ("aws_iam_user_policy", "user", Who::User, "user_inline"),
        ("aws_iam_group_policy", "group", Who::Group, "group_inline"),
    ] {
        for item in src.items(tf, "") {
            let r = &item.res;
            let mut t = item.tracker();
            let mut p = IamPolicy {
                kind,
                name: t.field(r, "name", "name", crate::adapt::string).known(),
                document: read_document(&mut t, r, ("policy", "policy"), "document").known(),
                ..IamPolicy::default()
            };
            if let Some(vals) = values(&mut t, r, attr, who_path(who)) {
                *targets_mut(&mut p, who) =
                    vals.iter().filter_map(|v| idents(who).resolve(v)).collect();
            }
            policies.push((p, t));
        }
    }

    // Roles, users and groups, with the policies written inside them.
    let mut roles = Vec::new();
    let mut users = Vec::new();
    let mut groups = Vec::new();
    let mut attached: Vec<(String, Who, Value, Span)> = Vec::new();
    for (tf, cfn, who) in [
        ("aws_iam_role", "AWS::IAM::Role", Who::Role),
        ("aws_iam_user", "AWS::IAM::User", Who::User),
        ("aws_iam_group", "AWS::IAM::Group", Who::Group),
    ] {
        let (name_attr, kind) = match who {
            Who::Role => (("name", "RoleName"), "role_inline"),
            Who::User => (("name", "UserName"), "user_inline"),
            Who::Group => (("name", "GroupName"), "group_inline"),
        };
        for item in src.items(tf, cfn) {
            let r = &item.res;
            let mut t = item.tracker();
            let name = t.field(r, name_attr, "name", crate::adapt::string).known();
            let trust = if who == Who::Role {
                read_document(
                    &mut t,
                    r,
                    ("assume_role_policy", "AssumeRolePolicyDocument"),
                    "trust_policy",
                )
                .known()
            } else {
                None
            };
            let mut arns = Vec::new();
            if let Some(vals) = values(
                &mut t,
                r,
                match r.format() {
                    Format::CloudFormation => "ManagedPolicyArns",
                    _ => "managed_policy_arns",
                },
                "managed_policy_arns",
            ) {
                for v in vals {
                    match &v {
                        Value::String(s) => arns.push(s.clone()),
                        _ => {
                            if let Some((_, span)) =
                                r.attr(("managed_policy_arns", "ManagedPolicyArns"))
                            {
                                attached.push((item.address.clone(), who, v.clone(), span));
                            }
                        }
                    }
                }
            }
            inline_policies(src, &item, who, kind, &mut policies);
            match who {
                Who::Role => roles.push((
                    Role {
                        name,
                        trust_policy: trust,
                        managed_policy_arns: arns,
                        ..Role::default()
                    },
                    t,
                )),
                Who::User => users.push((
                    IamUser {
                        name,
                        managed_policy_arns: arns,
                        ..IamUser::default()
                    },
                    t,
                )),
                Who::Group => groups.push((
                    IamGroup {
                        name,
                        managed_policy_arns: arns,
                        ..IamGroup::default()
                    },
                    t,
                )),
            }
        }
    }

    // Attachments: of a policy in the scanned code, folded into it; of any other, entities.
    let mut attachments = Vec::new();
    for (tf, attr, who) in [
        ("aws_iam_role_policy_attachment", "role", Some(Who::Role)),
        ("aws_iam_user_policy_attachment", "user", Some(Who::User)),
        ("aws_iam_group_policy_attachment", "group", Some(Who::Group)),
        ("aws_iam_policy_attachment", "", None),
    ] {
        for item in src.items(tf, "") {
            let r = &item.res;
            let mut t = item.tracker();
            let mut a = PolicyAttachment::default();
            let arn = r.attr("policy_arn");
            let in_code = match arn.as_ref().map(|(v, _)| v) {
                Some(Value::Ref(rf)) => managed_by_address
                    .get(&rf.address)
                    .or_else(|| managed_by_address.get(strip_index(&rf.address)))
                    .copied(),
                _ => None,
            };
            let targets: Vec<(Who, &str)> = match who {
                Some(w) => vec![(w, attr)],
                None => TARGETS.iter().map(|(tf, _, w)| (*w, *tf)).collect(),
            };
            for (w, attr) in targets {
                if let Some(vals) = values(&mut t, r, attr, who_path(w)) {
                    let resolved: Vec<String> =
                        vals.iter().filter_map(|v| idents(w).resolve(v)).collect();
                    if let Some(i) = in_code {
                        targets_mut(&mut policies[i].0, w).extend(resolved);
                    } else {
                        *attachment_targets(&mut a, w) = resolved;
                    }
                }
            }
            if in_code.is_some() {
                continue;
            }
            a.policy_arn = t
                .field(r, "policy_arn", "policy_arn", crate::adapt::string)
                .known();
            a.meta = t.finish(src.locations());
            attachments.push(a);
        }
    }
    // `managed_policy_arns` naming a policy in the scanned code.
    for (address, who, v, _) in attached {
        if let Value::Ref(rf) = &v {
            if let Some(&i) = managed_by_address
                .get(&rf.address)
                .or_else(|| managed_by_address.get(strip_index(&rf.address)))
            {
                targets_mut(&mut policies[i].0, who).push(address);
            }
        }
    }

    for (mut p, t) in policies {
        p.meta = t.finish(src.locations());
        src.model().aws.iam.policies.push(p);
    }
    for (mut x, t) in roles {
        x.meta = t.finish(src.locations());
        src.model().aws.iam.roles.push(x);
    }
    for (mut x, t) in users {
        x.meta = t.finish(src.locations());
        src.model().aws.iam.users.push(x);
    }
    for (mut x, t) in groups {
        x.meta = t.finish(src.locations());
        src.model().aws.iam.groups.push(x);
    }
    src.model().aws.iam.policy_attachments.extend(attachments);
}

fn who_path(who: Who) -> &'static str {
    match who {
        Who::Role => "roles",
        Who::User => "users",
        Who::Group => "groups",
    }
}

fn targets_mut(p: &mut IamPolicy, who: Who) -> &mut Vec<String> {
    match who {
        Who::Role => &mut p.roles,
        Who::User => &mut p.users,
        Who::Group => &mut p.groups,
    }
}

fn attachment_targets(a: &mut PolicyAttachment, who: Who) -> &mut Vec<String> {
    match who {
        Who::Role => &mut a.roles,
        Who::User => &mut a.users,
        Who::Group => &mut a.groups,
    }
}

/// The policies written inside a role, user or group (`inline_policy` blocks, `Policies` entries):
/// identity policies of their own, `<address>#inline_policy[i]` / `<LogicalId>#Policies[i]`, applying
/// to that identity.
fn inline_policies<'r, 'a: 'r>(
    _src: &mut impl Source<'r, 'a>,
    item: &Item<'r, 'a>,
    who: Who,
    kind: &'static str,
    out: &mut Vec<(IamPolicy, Tracker)>,
) {
    let r = &item.res;
    let attr = match r.format() {
        Format::CloudFormation => "Policies",
        _ => "inline_policy",
    };
    let blocks = match r.nested(attr) {
        Ok(b) => b,
        Err(why) => {
            // The policies themselves are unknown: one entity stands for them.
            let span = r.attr(attr).map_or_else(|| r.span.clone(), |(_, s)| s);
            let mut t = Tracker::new(
                format!("{}#{attr}", item.address),
                format!("{}/{attr}", item.label),
                item.address.clone(),
                span.clone(),
            );
            t.at("document", span);
            t.mark_unknown("document");
            t.explain("document", why);
            let mut p = IamPolicy {
                kind,
                ..IamPolicy::default()
            };
            *targets_mut(&mut p, who) = vec![item.address.clone()];
            out.push((p, t));
            return;
        }
    };
    for (i, block) in blocks.into_iter().enumerate() {
        let name = block
            .attr(("name", "PolicyName"))
            .and_then(|(v, _)| crate::adapt::string(&v));
        let mut t = Tracker::new(
            format!("{}#{attr}[{i}]", item.address),
            format!(
                "{}/{}",
                item.label,
                name.clone().unwrap_or_else(|| format!("{attr}[{i}]"))
            ),
            item.address.clone(),
            block.span.clone(),
        );
        let mut p = IamPolicy {
            kind,
            name,
            document: read_document(&mut t, &block, ("policy", "PolicyDocument"), "document")
                .known(),
            ..IamPolicy::default()
        };
        *targets_mut(&mut p, who) = vec![item.address.clone()];
        out.push((p, t));
    }
}
