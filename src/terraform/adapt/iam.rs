//! IAM identity policies (managed and inline) and role trust policies.

use super::Cx;
use crate::adapt::{string, Tracker};
use crate::model::{IamPolicy, Role};

pub(super) fn adapt(cx: &mut Cx) {
    for (rtype, kind) in [
        ("aws_iam_policy", "managed"),
        ("aws_iam_role_policy", "role_inline"),
        ("aws_iam_user_policy", "user_inline"),
        ("aws_iam_group_policy", "group_inline"),
    ] {
        for item in cx.instances(rtype) {
            let r = &item.res;
            let mut t = item.tracker();
            let mut p = IamPolicy {
                kind,
                document: t.document(r, "policy", "document").known(),
                ..IamPolicy::default()
            };
            p.meta = t.finish(&mut cx.locations);
            cx.model.aws.iam.policies.push(p);
        }
    }
    for item in cx.instances("aws_iam_role") {
        let r = &item.res;
        let mut t = item.tracker();
        let mut role = Role {
            name: t.field(&r, "name", "name", string).known(),
            trust_policy: t.document(r, "assume_role_policy", "trust_policy").known(),
            ..Role::default()
        };
        // Inline policies written inside the role are identity policies of their own.
        for (i, block) in r.blocks("inline_policy").enumerate() {
            let mut pt = Tracker::new(
                format!("{}#inline_policy[{i}]", item.address),
                format!("{}/inline_policy[{i}]", item.label),
                item.address.clone(),
                block.span.clone(),
            );
            let mut p = IamPolicy {
                kind: "role_inline",
                document: pt.document(&block, "policy", "document").known(),
                ..IamPolicy::default()
            };
            p.meta = pt.finish(&mut cx.locations);
            cx.model.aws.iam.policies.push(p);
        }
        role.meta = t.finish(&mut cx.locations);
        cx.model.aws.iam.roles.push(role);
    }
}
