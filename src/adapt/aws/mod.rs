//! One adapter per AWS service, each written once for Terraform and CloudFormation against
//! [`Source`]: the resource types of both formats, attribute names as `(terraform, cloudformation)`
//! pairs where they differ, and the cloud's defaults. Adding a service is a file here, a line in
//! [`adapt`], a model section (`crate::model`) and a policy folder.

mod containers;
mod dynamodb;
mod ec2_storage;
mod images;
mod workspaces;

use super::Source;

/// Adapts every service this folder knows.
pub(crate) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    dynamodb::adapt(src);
    ec2_storage::adapt(src);
    images::adapt(src);
    containers::adapt(src);
    workspaces::adapt(src);
}
