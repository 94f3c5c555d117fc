//! EFS file systems: encryption at rest (off unless written) and its key.

use super::cmk::{self, Key};
use super::resource_policy;
use crate::adapt::{boolean, string, Joiner, Source};
use crate::model::EfsFileSystem;

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    let mut file_systems: Joiner<EfsFileSystem> = Joiner::new();
    for item in src.items("aws_efs_file_system", "AWS::EFS::FileSystem") {
        let r = &item.res;
        let mut t = item.tracker();
        // CloudFormation has no creation token property; the label is the logical ID there.
        let name = t.field(r, "creation_token", "name", string).known();
        let encrypted = t
            .field(r, ("encrypted", "Encrypted"), "encrypted", boolean)
            .or_default(false);
        let key = cmk::read(&mut t, r, ("kms_key_id", "KmsKeyId"), "key_type");
        let (key_type, kms_key_id) = match (encrypted, key) {
            (Some(false), _) => (Some("NONE".to_string()), None),
            (_, Key::Unknown) => {
                t.mark_unknown("kms_key_id");
                (None, None)
            }
            (None, _) => {
                t.mark_unknown("key_type");
                (None, None)
            }
            (Some(true), Key::Given(k)) => (Some(cmk::holder(&k).to_string()), Some(k)),
            // The service's key, `aws/elasticfilesystem`.
            (Some(true), Key::Absent) => (Some("AWS_MANAGED".to_string()), None),
        };
        // Only CloudFormation writes the policy on the file system (Terraform has a companion).
        let policy = t.document(r, "FileSystemPolicy", "policy").known();
        let fs = EfsFileSystem {
            name,
            encrypted,
            key_type,
            kms_key_id,
            policy,
            ..EfsFileSystem::default()
        };
        file_systems.add(fs, t, None);
    }
    for item in src.items("aws_efs_file_system_policy", "") {
        resource_policy::join(
            &mut file_systems,
            &item,
            "file_system_id",
            "policy",
            &["encrypted", "key_type"],
        );
    }
    let file_systems = file_systems.finish(src.locations());
    src.model().aws.efs.file_systems.extend(file_systems);
}
