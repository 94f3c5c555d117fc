//! Who may use an EBS snapshot or an AMI: `aws_snapshot_create_volume_permission` (Terraform only:
//! CloudFormation has no snapshot resource), `aws_ami_launch_permission` (Terraform only), and the launch
//! permissions an EC2 Image Builder distribution configuration sets on the AMIs it distributes (both
//! formats).

use crate::adapt::{string, strings, Field, Res, Source, Tracker};
use crate::model::{ImagePermission, LaunchPermission, SnapshotPermission};

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for item in src.items("aws_snapshot_create_volume_permission", "") {
        let r = &item.res;
        let mut t = item.tracker();
        let mut p = SnapshotPermission {
            snapshot_id: t.field(r, "snapshot_id", "snapshot_id", string).known(),
            account_id: t.field(r, "account_id", "account_id", string).known(),
            ..SnapshotPermission::default()
        };
        p.meta = t.finish(src.locations());
        src.model().aws.compute.snapshot_permissions.push(p);
    }
    for item in src.items("aws_ami_launch_permission", "") {
        let r = &item.res;
        let mut t = item.tracker();
        let path = "launch_permissions[0]";
        let one = |t: &mut Tracker, attr: &str, field: &str| -> Vec<String> {
            t.field(r, attr, &format!("{path}.{field}"), string)
                .known()
                .into_iter()
                .collect()
        };
        let lp = LaunchPermission {
            user_ids: one(&mut t, "account_id", "user_ids"),
            user_groups: one(&mut t, "group", "user_groups"),
            organization_arns: one(&mut t, "organization_arn", "organization_arns"),
            organizational_unit_arns: one(
                &mut t,
                "organizational_unit_arn",
                "organizational_unit_arns",
            ),
        };
        let mut p = ImagePermission {
            image_id: t.field(r, "image_id", "image_id", string).known(),
            launch_permissions: vec![lp],
            ..ImagePermission::default()
        };
        p.meta = t.finish(src.locations());
        src.model().aws.compute.image_permissions.push(p);
    }
    for item in src.items(
        "aws_imagebuilder_distribution_configuration",
        "AWS::ImageBuilder::DistributionConfiguration",
    ) {
        let r = &item.res;
        let mut t = item.tracker();
        let mut p = ImagePermission::default();
        if let Field::Known(dists) =
            t.blocks(r, ("distribution", "Distributions"), "launch_permissions")
        {
            for d in dists {
                let Some(lp) = launch_permission(&mut t, &d, p.launch_permissions.len()) else {
                    continue;
                };
                p.launch_permissions.push(lp);
            }
        }
        p.meta = t.finish(src.locations());
        src.model().aws.compute.image_permissions.push(p);
    }
}

/// The launch permission of one distribution (one region), as `launch_permissions[i]`.
fn launch_permission(t: &mut Tracker, d: &Res, i: usize) -> Option<LaunchPermission> {
    let path = format!("launch_permissions[{i}]");
    let ami = match t.block(
        d,
        (
            "ami_distribution_configuration",
            "AmiDistributionConfiguration",
        ),
        &path,
    ) {
        Field::Known(a) => a,
        // Unknown: an empty permission keeps its index (and its unknown path).
        Field::Unknown => return Some(LaunchPermission::default()),
        Field::NotWritten => return None,
    };
    let lp = match t.block(
        &ami,
        ("launch_permission", "LaunchPermissionConfiguration"),
        &path,
    ) {
        Field::Known(l) => l,
        Field::Unknown => return Some(LaunchPermission::default()),
        Field::NotWritten => return None,
    };
    t.at(path.clone(), lp.span.clone());
    let mut list = |attr: (&str, &str), field: &str| -> Vec<String> {
        t.field(&lp, attr, &format!("{path}.{field}"), strings)
            .known()
            .unwrap_or_default()
    };
    Some(LaunchPermission {
        user_groups: list(("user_groups", "UserGroups"), "user_groups"),
        user_ids: list(("user_ids", "UserIds"), "user_ids"),
        organization_arns: list(
            ("organization_arns", "OrganizationArns"),
            "organization_arns",
        ),
        organizational_unit_arns: list(
            ("organizational_unit_arns", "OrganizationalUnitArns"),
            "organizational_unit_arns",
        ),
    })
}
