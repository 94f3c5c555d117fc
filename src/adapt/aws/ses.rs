//! SES sending authorization policies (`aws_ses_identity_policy`; CloudFormation has no resource for
//! them): who may send email as a domain or address of the account.

use super::resource_policy::last_segment;
use crate::adapt::{string, Source};
use crate::model::SesIdentityPolicy;
use crate::terraform::value::Value;
use std::collections::HashMap;

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    // The identities in the scan, by address: what a policy's `identity = aws_ses_domain_identity.x.arn`
    // stands for.
    let mut identities: HashMap<String, String> = HashMap::new();
    for (rtype, attr) in [
        ("aws_ses_domain_identity", "domain"),
        ("aws_ses_email_identity", "email"),
        ("aws_sesv2_email_identity", "email_identity"),
    ] {
        for item in src.items(rtype, "") {
            if let Some(name) = item.res.attr(attr).and_then(|(v, _)| string(&v)) {
                identities.insert(item.address.clone(), name);
            }
        }
    }
    for item in src.items("aws_ses_identity_policy", "") {
        let r = &item.res;
        let mut t = item.tracker();
        let identity = match r.attr("identity") {
            Some((Value::Ref(target), _)) => identities.get(&target.address).cloned(),
            // An identity ARN ends in `identity/example.com`; a bare name is the identity itself.
            Some((Value::String(s), _)) => Some(last_segment(&s).to_string()),
            _ => None,
        };
        if identity.is_none() {
            t.mark_unknown("identity");
        }
        if let Some((_, span)) = r.attr("identity") {
            t.at("identity", span);
        }
        let mut p = SesIdentityPolicy {
            name: t.field(r, "name", "name", string).known(),
            identity,
            policy: t.document(r, "policy", "policy").known(),
            ..SesIdentityPolicy::default()
        };
        p.meta = t.finish(src.locations());
        src.model().aws.ses.identity_policies.push(p);
    }
}

#[cfg(test)]
mod tests {
    use crate::terraform::adapt::model_of_text as model;

    const DOC: &str = r#"jsonencode({ Statement = [{ Effect = "Allow", Principal = "*", Action = "ses:SendEmail", Resource = "*" }] })"#;

    #[test]
    fn a_policy_names_the_identity_it_references_or_its_arn_ends_with() {
        let m = model(&format!(
            "resource \"aws_ses_domain_identity\" \"d\" {{\n  domain = \"example.com\"\n}}\nresource \"aws_ses_identity_policy\" \"a\" {{\n  identity = aws_ses_domain_identity.d.arn\n  name = \"a\"\n  policy = {DOC}\n}}\nresource \"aws_ses_identity_policy\" \"b\" {{\n  identity = \"arn:aws:ses:eu-west-1:111122223333:identity/mail@example.org\"\n  name = \"b\"\n  policy = {DOC}\n}}\nvariable \"id\" {{}}\nresource \"aws_ses_identity_policy\" \"c\" {{\n  identity = var.id\n  name = \"c\"\n  policy = {DOC}\n}}\n"
        ));
        let p = &m.aws.ses.identity_policies;
        assert_eq!(p.len(), 3);
        assert_eq!(p[0].identity.as_deref(), Some("example.com"));
        assert_eq!(p[1].identity.as_deref(), Some("mail@example.org"));
        assert!(p[0]
            .policy
            .as_ref()
            .is_some_and(|d| d.statements.len() == 1));
        assert_eq!(p[2].identity, None);
        assert!(p[2].meta.unknown.contains(&"identity".to_string()));
    }
}
