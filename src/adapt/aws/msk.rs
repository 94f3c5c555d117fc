//! MSK provisioned clusters: who can reach the brokers, whether Kafka traffic is encrypted, and which
//! key encrypts the broker volumes. (`aws_msk_serverless_cluster` always uses TLS inside a VPC and an
//! AWS managed key, with nothing to configure: not modelled.)

use super::datastores::{kms_key, nested, KmsKey};
use crate::adapt::res::Format;
use crate::adapt::{boolean, string, Field, Source};
use crate::model::KafkaCluster;

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for item in src.items("aws_msk_cluster", "AWS::MSK::Cluster") {
        let r = &item.res;
        let mut t = item.tracker();
        let name = t
            .field(r, ("cluster_name", "ClusterName"), "name", string)
            .known();

        let public_access = match nested(
            &mut t,
            r,
            &[
                ("broker_node_group_info", "BrokerNodeGroupInfo"),
                ("connectivity_info", "ConnectivityInfo"),
                ("public_access", "PublicAccess"),
            ],
            "public_access",
        ) {
            Field::Known(p) => t
                .field(&p, ("type", "Type"), "public_access", string)
                .or_default("DISABLED".into()),
            Field::NotWritten => Some("DISABLED".into()),
            Field::Unknown => None,
        };

        let transit = &[
            ("encryption_info", "EncryptionInfo"),
            ("encryption_in_transit", "EncryptionInTransit"),
        ];
        let client_broker = match nested(&mut t, r, transit, "client_broker") {
            Field::Known(e) => t
                .field(
                    &e,
                    ("client_broker", "ClientBroker"),
                    "client_broker",
                    string,
                )
                .or_default("TLS".into())
                .map(|s| s.to_ascii_uppercase()),
            Field::NotWritten => Some("TLS".into()),
            Field::Unknown => None,
        };
        let in_cluster_encryption = match nested(&mut t, r, transit, "in_cluster_encryption") {
            Field::Known(e) => t
                .field(
                    &e,
                    ("in_cluster", "InCluster"),
                    "in_cluster_encryption",
                    boolean,
                )
                .or_default(true),
            Field::NotWritten => Some(true),
            Field::Unknown => None,
        };

        // Terraform writes the key on `encryption_info`; CloudFormation one level down, in
        // `EncryptionInfo.EncryptionAtRest`.
        let at_rest: &[(&str, &str)] = match r.format() {
            Format::Terraform => &[("encryption_info", "EncryptionInfo")],
            Format::CloudFormation => &[
                ("encryption_info", "EncryptionInfo"),
                ("encryption_at_rest", "EncryptionAtRest"),
            ],
        };
        let key = match nested(&mut t, r, at_rest, "key_type") {
            Field::Known(e) => t.field(
                &e,
                ("encryption_at_rest_kms_key_arn", "DataVolumeKMSKeyId"),
                "key_type",
                kms_key,
            ),
            Field::NotWritten => Field::NotWritten,
            Field::Unknown => Field::Unknown,
        };
        let (key_type, kms_key_id) = match key {
            Field::Known(KmsKey::Customer(id)) => (Some("CUSTOMER_MANAGED".to_string()), id),
            Field::Known(KmsKey::AwsManaged) | Field::NotWritten => {
                (Some("AWS_MANAGED".to_string()), None)
            }
            Field::Unknown => (None, None),
        };

        let mut cluster = KafkaCluster {
            name,
            client_broker,
            in_cluster_encryption,
            public_access,
            key_type,
            kms_key_id,
            ..KafkaCluster::default()
        };
        cluster.meta = t.finish(src.locations());
        src.model().aws.msk.clusters.push(cluster);
    }
}
