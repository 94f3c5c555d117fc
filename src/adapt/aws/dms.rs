//! DMS replication instances: public reachability.

use crate::adapt::{boolean, string, Format, Source};
use crate::model::DmsReplicationInstance;

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for item in src.items(
        "aws_dms_replication_instance",
        "AWS::DMS::ReplicationInstance",
    ) {
        let r = &item.res;
        let mut t = item.tracker();
        let name = t
            .field(
                r,
                ("replication_instance_id", "ReplicationInstanceIdentifier"),
                "name",
                string,
            )
            .known();
        // The AWS provider always sends the flag, `false` when left out; CloudFormation sends nothing
        // and the DMS API then gives the instance a public address.
        let public_default = r.format() == Format::CloudFormation;
        let publicly_accessible = t
            .field(
                r,
                ("publicly_accessible", "PubliclyAccessible"),
                "publicly_accessible",
                boolean,
            )
            .or_default(public_default);
        let mut instance = DmsReplicationInstance {
            name,
            publicly_accessible,
            ..DmsReplicationInstance::default()
        };
        instance.meta = t.finish(src.locations());
        src.model().aws.dms.replication_instances.push(instance);
    }
}
