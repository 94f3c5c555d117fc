//! One adapter per AWS service, each written once for Terraform and CloudFormation against
//! [`Source`]: the resource types of both formats, attribute names as `(terraform, cloudformation)`
//! pairs where they differ, and the cloud's defaults. Adding a service is a file here, a line in
//! [`adapt`], a model section (`crate::model`) and a policy folder.

mod apigateway;
mod backup;
mod cloudfront;
mod cloudtrail;
mod cloudwatch;
mod cmk;
mod codebuild;
mod containers;
mod datastores;
mod dax;
mod dms;
mod docdb;
mod dynamodb;
mod ebs_snapshots;
mod ec2_storage;
mod efs;
mod elasticache;
mod elb;
mod emr;
mod eventbridge;
mod firehose;
mod glacier;
mod glue;
mod iam;
mod images;
mod kinesis;
mod kms;
mod lambda;
mod mq;
mod msk;
mod neptune;
mod network_acl;
mod opensearch;
mod rds;
mod rds_snapshots;
mod redshift;
mod resource_policy;
mod s3;
mod sagemaker;
mod sam_api;
mod secretsmanager;
pub(crate) mod security_group;
mod ses;
mod sqs;
mod workspaces;

use super::Source;

/// Adapts every service this folder knows.
pub(crate) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    iam::adapt(src);
    dynamodb::adapt(src);
    rds::adapt(src);
    sqs::adapt(src);
    kinesis::adapt(src);
    firehose::adapt(src);
    cloudtrail::adapt(src);
    cloudwatch::adapt(src);
    secretsmanager::adapt(src);
    backup::adapt(src);
    efs::adapt(src);
    s3::adapt(src);
    msk::adapt(src);
    neptune::adapt(src);
    docdb::adapt(src);
    rds_snapshots::adapt(src);
    dax::adapt(src);
    redshift::adapt(src);
    opensearch::adapt(src);
    elasticache::adapt(src);
    dms::adapt(src);
    mq::adapt(src);
    codebuild::adapt(src);
    cloudfront::adapt(src);
    lambda::adapt(src);
    lambda::permissions(src);
    apigateway::adapt(src);
    sam_api::adapt(src);
    sagemaker::adapt(src);
    emr::adapt(src);
    glue::adapt(src);
    network_acl::adapt(src);
    ec2_storage::adapt(src);
    ebs_snapshots::adapt(src);
    elb::adapt(src);
    images::adapt(src);
    containers::adapt(src);
    workspaces::adapt(src);
    kms::adapt(src);
    glacier::adapt(src);
    eventbridge::adapt(src);
    cloudwatch::destinations(src);
    cloudwatch::resource_policies(src);
    ses::adapt(src);
}
