//! OpenSearch and Elasticsearch domains: network placement, access policy (inline or from a domain
//! policy resource joined by domain name), fine-grained access control, and encryption.

use crate::adapt::{boolean, string, Field, Format, Joiner, Res, Source, Tracker};
use crate::model::SearchDomain;

/// The paths a domain policy cannot tell when its domain is not in the scanned code.
const UNKNOWN_WITHOUT_DOMAIN: &[&str] = &[
    "in_vpc",
    "fine_grained_access_control",
    "anonymous_auth_enabled",
    "encrypt_at_rest",
    "node_to_node_encryption",
    "enforce_https",
];

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    let mut domains: Joiner<SearchDomain> = Joiner::new();
    for (kind, terraform, cloudformation) in [
        (
            "opensearch",
            "aws_opensearch_domain",
            "AWS::OpenSearchService::Domain",
        ),
        (
            "elasticsearch",
            "aws_elasticsearch_domain",
            "AWS::Elasticsearch::Domain",
        ),
    ] {
        for item in src.items(terraform, cloudformation) {
            let mut t = item.tracker();
            let domain = domain(kind, &item.res, &mut t);
            let name = domain.name.clone();
            domains.add(domain, t, name.as_deref());
        }
    }
    for terraform in [
        "aws_opensearch_domain_policy",
        "aws_elasticsearch_domain_policy",
    ] {
        for item in src.items(terraform, "") {
            let (domain, t) = domains.join(&item, "domain_name", UNKNOWN_WITHOUT_DOMAIN);
            if domain.kind.is_empty() {
                domain.kind = if terraform.contains("opensearch") {
                    "opensearch"
                } else {
                    "elasticsearch"
                };
            }
            match t.document(&item.res, "access_policies", "policy") {
                Field::Known(doc) => domain.policy = Some(doc),
                Field::Unknown => domain.policy = None,
                Field::NotWritten => {}
            }
        }
    }
    let all = domains.finish(src.locations());
    src.model().aws.opensearch.domains.extend(all);
}

fn domain(kind: &'static str, r: &Res, t: &mut Tracker) -> SearchDomain {
    let name = t
        .field(r, ("domain_name", "DomainName"), "name", string)
        .known();
    // Without VPC options the domain gets a public endpoint.
    let in_vpc = match t.block(r, ("vpc_options", "VPCOptions"), "in_vpc") {
        Field::Known(_) => Some(true),
        Field::Unknown => None,
        Field::NotWritten => Some(false),
    };
    let policy = t
        .document(r, ("access_policies", "AccessPolicies"), "policy")
        .known();
    let (fine_grained_access_control, anonymous_auth_enabled) = match t.block(
        r,
        ("advanced_security_options", "AdvancedSecurityOptions"),
        "fine_grained_access_control",
    ) {
        Field::NotWritten => (Some(false), Some(false)),
        Field::Unknown => {
            t.mark_unknown("anonymous_auth_enabled");
            (None, None)
        }
        Field::Known(b) => (
            t.field(
                &b,
                ("enabled", "Enabled"),
                "fine_grained_access_control",
                boolean,
            )
            .or_default(false),
            t.field(
                &b,
                ("anonymous_auth_enabled", "AnonymousAuthEnabled"),
                "anonymous_auth_enabled",
                boolean,
            )
            .or_default(false),
        ),
    };
    let (encrypt_at_rest, kms_key_id) = match t.block(
        r,
        ("encrypt_at_rest", "EncryptionAtRestOptions"),
        "encrypt_at_rest",
    ) {
        Field::NotWritten => (Some(false), None),
        Field::Unknown => (None, None),
        Field::Known(b) => (
            {
                let f = t.field(&b, ("enabled", "Enabled"), "encrypt_at_rest", boolean);
                at_key_if_left_out(t, r, &b, BlockFlag::EAR, "encrypt_at_rest");
                f.or_default(false)
            },
            t.field(&b, ("kms_key_id", "KmsKeyId"), "kms_key_id", string)
                .known(),
        ),
    };
    let node_to_node_encryption = match t.block(
        r,
        ("node_to_node_encryption", "NodeToNodeEncryptionOptions"),
        "node_to_node_encryption",
    ) {
        Field::NotWritten => Some(false),
        Field::Unknown => None,
        Field::Known(b) => {
            let f = t.field(
                &b,
                ("enabled", "Enabled"),
                "node_to_node_encryption",
                boolean,
            );
            at_key_if_left_out(t, r, &b, BlockFlag::N2N, "node_to_node_encryption");
            f.or_default(false)
        }
    };
    // Without endpoint options AWS answers plain HTTP too. Inside the Terraform block the provider
    // defaults `enforce_https` to true; CloudFormation passes the property as written.
    let enforce_https = match t.block(
        r,
        ("domain_endpoint_options", "DomainEndpointOptions"),
        "enforce_https",
    ) {
        Field::NotWritten => Some(false),
        Field::Unknown => None,
        Field::Known(b) => {
            let f = t.field(
                &b,
                ("enforce_https", "EnforceHTTPS"),
                "enforce_https",
                boolean,
            );
            at_key_if_left_out(t, r, &b, BlockFlag::HTTPS, "enforce_https");
            f.or_default(r.format() == Format::Terraform)
        }
    };
    SearchDomain {
        kind,
        name,
        in_vpc,
        policy,
        fine_grained_access_control,
        anonymous_auth_enabled,
        encrypt_at_rest,
        kms_key_id,
        node_to_node_encryption,
        enforce_https,
        ..SearchDomain::default()
    }
}

/// A flag inside a nested block: the block's name and the flag's, in both formats.
struct BlockFlag {
    block: (&'static str, &'static str),
    flag: (&'static str, &'static str),
}

impl BlockFlag {
    const EAR: BlockFlag = BlockFlag {
        block: ("encrypt_at_rest", "EncryptionAtRestOptions"),
        flag: ("enabled", "Enabled"),
    };
    const N2N: BlockFlag = BlockFlag {
        block: ("node_to_node_encryption", "NodeToNodeEncryptionOptions"),
        flag: ("enabled", "Enabled"),
    };
    const HTTPS: BlockFlag = BlockFlag {
        block: ("domain_endpoint_options", "DomainEndpointOptions"),
        flag: ("enforce_https", "EnforceHTTPS"),
    };
}

/// A template property object that leaves a flag out: the finding points at the property's name (the
/// object's own span starts on its first key), as an HCL block's finding points at its header.
fn at_key_if_left_out(t: &mut Tracker, r: &Res, b: &Res, which: BlockFlag, path: &str) {
    if r.format() != Format::CloudFormation || b.has(which.flag) {
        return;
    }
    if let Some((_, span)) = r.attr(which.block) {
        t.at(path, span);
    }
}
