//! The EBS volumes that EC2 instances, launch templates and launch configurations create, and the
//! account's EBS encryption default (`aws_ebs_encryption_by_default`, Terraform only: CloudFormation
//! has no resource for it).
//!
//! A volume's encryption when `encrypted` is not written: the account default when the scanned code
//! turns it on (it then also wins over `encrypted = false`: AWS creates no unencrypted volume), the
//! snapshot's when the volume comes from one (unknown here), else `false`. The root volume comes from
//! the AMI's snapshot; when nothing about it is written it is taken as unencrypted too (public AMIs,
//! the usual source, are unencrypted), unless the instance takes its settings from a launch template.

use crate::adapt::{boolean, string, Field, Format, Res, Source, Tracker};
use crate::model::{BlockDevice, EbsEncryptionDefault, Machine};

/// Whether the scanned code turns on EBS encryption by default: `Some(true)` when some
/// `aws_ebs_encryption_by_default` is enabled, `None` when one is unknown, else `Some(false)`.
fn account_default<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) -> Option<bool> {
    let mut out = Some(false);
    for item in src.items("aws_ebs_encryption_by_default", "") {
        let mut t = item.tracker();
        let enabled = t
            .field(&item.res, "enabled", "enabled", boolean)
            .or_default(true);
        match enabled {
            Some(true) => out = Some(true),
            None if out == Some(false) => out = None,
            _ => {}
        }
        let mut e = EbsEncryptionDefault {
            enabled,
            ..EbsEncryptionDefault::default()
        };
        e.meta = t.finish(src.locations());
        src.model().aws.compute.ebs_encryption_defaults.push(e);
    }
    out
}

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    let by_default = account_default(src);
    let kinds = [
        (Kind::Instance, "aws_instance", "AWS::EC2::Instance"),
        (Kind::Instance, "aws_spot_instance_request", ""),
        (
            Kind::LaunchTemplate,
            "aws_launch_template",
            "AWS::EC2::LaunchTemplate",
        ),
        (
            Kind::LaunchConfiguration,
            "aws_launch_configuration",
            "AWS::AutoScaling::LaunchConfiguration",
        ),
    ];
    for (kind, tf, cfn) in kinds {
        for item in src.items(tf, cfn) {
            let mut t = item.tracker();
            let mut m = machine(&mut t, &item.res, kind, by_default);
            m.meta = t.finish(src.locations());
            let c = &mut src.model().aws.compute;
            match kind {
                Kind::Instance => c.instances.push(m),
                Kind::LaunchTemplate => c.launch_templates.push(m),
                Kind::LaunchConfiguration => c.launch_configurations.push(m),
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Instance,
    LaunchTemplate,
    LaunchConfiguration,
}

fn machine(t: &mut Tracker, r: &Res, kind: Kind, by_default: Option<bool>) -> Machine {
    let cfn = r.format() == Format::CloudFormation;
    let name_attr = match kind {
        Kind::Instance => ("", ""),
        Kind::LaunchTemplate => ("name", "LaunchTemplateName"),
        Kind::LaunchConfiguration => ("name", "LaunchConfigurationName"),
    };
    let name = if name_attr.0.is_empty() {
        None
    } else {
        t.field(r, name_attr, "name", string).known()
    };
    let mut m = Machine {
        name,
        ..Machine::default()
    };
    // A launch template's settings sit under `LaunchTemplateData` in a template.
    let data = if cfn && kind == Kind::LaunchTemplate {
        match t.block(r, "LaunchTemplateData", "block_devices") {
            Field::Known(d) => d,
            Field::Unknown => return m,
            Field::NotWritten => r.clone(),
        }
    } else {
        r.clone()
    };
    let mut devices = Vec::new();
    let mut root_written = false;
    if cfn || kind == Kind::LaunchTemplate {
        // Mappings: `block_device_mappings { device_name, ebs { … } }` / `BlockDeviceMappings: [{DeviceName, Ebs}]`.
        // A launch configuration's mapping (CloudFormation) has `Ebs` too.
        match data.nested(("block_device_mappings", "BlockDeviceMappings")) {
            Err(why) => {
                t.mark_unknown("block_devices");
                t.explain("block_devices", why);
                return m;
            }
            Ok(maps) => {
                root_written = !maps.is_empty();
                for map in maps {
                    let i = devices.len();
                    let path = format!("block_devices[{i}]");
                    let ebs = match t.block(&map, ("ebs", "Ebs"), &path) {
                        Field::Known(e) => e,
                        // Instance store or a suppressed device: no EBS volume.
                        Field::NotWritten => continue,
                        Field::Unknown => {
                            devices.push(BlockDevice::default());
                            continue;
                        }
                    };
                    // At the `Ebs` key in a template, the `ebs` block in Terraform.
                    let at = map
                        .attr(("ebs", "Ebs"))
                        .map_or_else(|| ebs.span.clone(), |(_, s)| s);
                    t.at(path.clone(), at);
                    let device_name = t
                        .field(
                            &map,
                            ("device_name", "DeviceName"),
                            &format!("{path}.device_name"),
                            string,
                        )
                        .known();
                    let mut d = volume(t, &ebs, &path, by_default);
                    d.device_name = device_name;
                    devices.push(d);
                }
            }
        }
    } else {
        // Terraform `aws_instance` and `aws_launch_configuration`: one `root_block_device`, any number
        // of `ebs_block_device`.
        if let Some(root) = data.block("root_block_device") {
            root_written = true;
            let path = "block_devices[0]".to_string();
            t.at(path.clone(), root.span.clone());
            let mut d = volume(t, &root, &path, by_default);
            d.root = Some(true);
            devices.push(d);
        }
        for b in data.blocks("ebs_block_device") {
            if b.attr("no_device")
                .is_some_and(|(v, _)| v.as_bool() == Some(true))
            {
                continue;
            }
            let path = format!("block_devices[{}]", devices.len());
            t.at(path.clone(), b.span.clone());
            let device_name = t
                .field(&b, "device_name", &format!("{path}.device_name"), string)
                .known();
            let mut d = volume(t, &b, &path, by_default);
            d.device_name = device_name;
            d.root = Some(false);
            devices.push(d);
        }
    }
    // Nothing written about the root volume: the AMI's, unless a launch template supplies it.
    let from_template = kind == Kind::Instance
        && (r.has(("launch_template", "LaunchTemplate"))
            || r.block(("launch_template", "LaunchTemplate")).is_some());
    if !root_written && !from_template {
        let path = format!("block_devices[{}].encrypted", devices.len());
        let missing = match (cfn, kind) {
            (true, _) => "BlockDeviceMappings",
            (false, Kind::LaunchTemplate) => "block_device_mappings",
            _ => "root_block_device",
        };
        t.left_out(&path, missing);
        let encrypted = default_encryption(t, &path, by_default, false);
        devices.push(BlockDevice {
            root: Some(true),
            encrypted,
            ..BlockDevice::default()
        });
    }
    m.block_devices = devices;
    m
}

/// The encryption of one EBS volume block (`root_block_device`, `ebs_block_device`, a mapping's `ebs`).
fn volume(t: &mut Tracker, b: &Res, path: &str, by_default: Option<bool>) -> BlockDevice {
    let enc_path = format!("{path}.encrypted");
    let written = t.field(b, ("encrypted", "Encrypted"), &enc_path, boolean);
    let from_snapshot = b.has(("snapshot_id", "SnapshotId"));
    let encrypted = match written {
        Field::Unknown => None,
        Field::Known(true) => Some(true),
        Field::Known(false) => match by_default {
            Some(true) => Some(true),
            _ => Some(false),
        },
        Field::NotWritten => default_encryption(t, &enc_path, by_default, from_snapshot),
    };
    BlockDevice {
        encrypted,
        kms_key_id: t
            .field(
                b,
                ("kms_key_id", "KmsKeyId"),
                &format!("{path}.kms_key_id"),
                string,
            )
            .known(),
        ..BlockDevice::default()
    }
}

/// `encrypted` left out: the account default when on, the snapshot's (unknown) for a volume made from
/// one, else `false`.
fn default_encryption(
    t: &mut Tracker,
    path: &str,
    by_default: Option<bool>,
    from_snapshot: bool,
) -> Option<bool> {
    match by_default {
        Some(true) => Some(true),
        None => {
            t.mark_unknown(path);
            t.explain(
                path,
                vec!["whether `aws_ebs_encryption_by_default` is enabled is unknown".into()],
            );
            None
        }
        Some(false) if from_snapshot => None,
        Some(false) => Some(false),
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Model;
    use crate::terraform::adapt::model_of_text as model;

    fn encrypted(m: &Model) -> Vec<Option<bool>> {
        m.aws.compute.instances[0]
            .block_devices
            .iter()
            .map(|d| d.encrypted)
            .collect()
    }

    #[test]
    fn the_account_default_encrypts_every_volume() {
        let m = model(
            "resource \"aws_ebs_encryption_by_default\" \"on\" {}\n\
             resource \"aws_instance\" \"a\" {\n  ami = \"ami-1\"\n  ebs_block_device {\n    device_name = \"/dev/sdf\"\n    encrypted = false\n  }\n}\n",
        );
        assert_eq!(encrypted(&m), vec![Some(true), Some(true)]);
    }

    #[test]
    fn without_the_default_a_left_out_root_is_unencrypted() {
        let m = model("resource \"aws_instance\" \"a\" {\n  ami = \"ami-1\"\n}\n");
        let root = &m.aws.compute.instances[0].block_devices[0];
        assert_eq!((root.root, root.encrypted), (Some(true), Some(false)));
    }

    #[test]
    fn an_unknown_default_makes_left_out_encryption_unknown() {
        let m = model(
            "variable \"on\" {}\nresource \"aws_ebs_encryption_by_default\" \"d\" {\n  enabled = var.on\n}\n\
             resource \"aws_instance\" \"a\" {\n  ami = \"ami-1\"\n}\n",
        );
        assert_eq!(encrypted(&m), vec![None]);
        assert_eq!(
            m.aws.compute.instances[0].meta.unknown,
            vec!["block_devices[0].encrypted".to_string()]
        );
    }

    #[test]
    fn volumes_from_a_launch_template_or_a_snapshot_are_not_judged() {
        let m = model(
            "resource \"aws_instance\" \"a\" {\n  launch_template {\n    name = \"t\"\n  }\n  ebs_block_device {\n    device_name = \"/dev/sdf\"\n    snapshot_id = \"snap-1\"\n  }\n}\n",
        );
        assert_eq!(encrypted(&m), vec![None]);
    }
}
