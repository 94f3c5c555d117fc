//! DMS replication instances (public reachability) and endpoints (TLS to the database).

use crate::adapt::{boolean, string, Format, Source};
use crate::model::{DmsEndpoint, DmsReplicationInstance};

fn lower(v: &crate::terraform::value::Value) -> Option<String> {
    string(v).map(|s| s.to_ascii_lowercase())
}

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

    for item in src.items("aws_dms_endpoint", "AWS::DMS::Endpoint") {
        let r = &item.res;
        let mut t = item.tracker();
        let name = t
            .field(r, ("endpoint_id", "EndpointIdentifier"), "name", string)
            .known();
        let endpoint_type = t
            .field(r, ("endpoint_type", "EndpointType"), "endpoint_type", lower)
            .known();
        let engine_name = t
            .field(r, ("engine_name", "EngineName"), "engine_name", lower)
            .known();
        // Both the AWS provider and the DMS API use `none` when the mode is left out.
        let ssl_mode = t
            .field(r, ("ssl_mode", "SslMode"), "ssl_mode", lower)
            .or_default("none".to_string());
        let mut endpoint = DmsEndpoint {
            name,
            endpoint_type,
            engine_name,
            ssl_mode,
            ..DmsEndpoint::default()
        };
        endpoint.meta = t.finish(src.locations());
        src.model().aws.dms.endpoints.push(endpoint);
    }
}
