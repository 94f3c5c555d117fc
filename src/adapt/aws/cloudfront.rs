//! CloudFront distributions: which protocols viewers may use on each cache behavior.

use crate::adapt::{string, Field, Format, Source};
use crate::model::{CacheBehavior, Distribution};

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for item in src.items(
        "aws_cloudfront_distribution",
        "AWS::CloudFront::Distribution",
    ) {
        let r = &item.res;
        let mut t = item.tracker();
        // Terraform writes the configuration on the resource; a template in `DistributionConfig`.
        let config = match r.format() {
            Format::Terraform => Field::Known(r.clone()),
            Format::CloudFormation => t.block(
                r,
                ("distribution_config", "DistributionConfig"),
                "behaviors",
            ),
        };
        let mut behaviors = Vec::new();
        if let Field::Known(c) = config {
            let lists: [((&str, &str), bool); 2] = [
                (("default_cache_behavior", "DefaultCacheBehavior"), true),
                (("ordered_cache_behavior", "CacheBehaviors"), false),
            ];
            for (name, default) in lists {
                let found = t.blocks(&c, name, "behaviors");
                let Field::Known(blocks) = found else {
                    continue;
                };
                for b in blocks {
                    let path = format!("behaviors[{}]", behaviors.len());
                    t.at(path.clone(), b.span.clone());
                    let path_pattern = if default {
                        Some("*".to_string())
                    } else {
                        t.field(
                            &b,
                            ("path_pattern", "PathPattern"),
                            &format!("{path}.path_pattern"),
                            string,
                        )
                        .known()
                    };
                    let viewer_protocol_policy = t
                        .field(
                            &b,
                            ("viewer_protocol_policy", "ViewerProtocolPolicy"),
                            &format!("{path}.viewer_protocol_policy"),
                            string,
                        )
                        .known();
                    behaviors.push(CacheBehavior {
                        path_pattern,
                        viewer_protocol_policy,
                    });
                }
            }
        }
        let mut d = Distribution {
            behaviors,
            ..Distribution::default()
        };
        d.meta = t.finish(src.locations());
        src.model().aws.cloudfront.distributions.push(d);
    }
}
