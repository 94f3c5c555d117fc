//! WorkSpaces: whether the root and user volumes are encrypted (neither is by default).

use crate::adapt::{boolean, string, Source};
use crate::model::Workspace;

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for item in src.items("aws_workspaces_workspace", "AWS::WorkSpaces::Workspace") {
        let r = &item.res;
        let mut t = item.tracker();
        let mut w = Workspace {
            user_name: t
                .field(r, ("user_name", "UserName"), "user_name", string)
                .known(),
            root_volume_encryption_enabled: t
                .field(
                    r,
                    (
                        "root_volume_encryption_enabled",
                        "RootVolumeEncryptionEnabled",
                    ),
                    "root_volume_encryption_enabled",
                    boolean,
                )
                .or_default(false),
            user_volume_encryption_enabled: t
                .field(
                    r,
                    (
                        "user_volume_encryption_enabled",
                        "UserVolumeEncryptionEnabled",
                    ),
                    "user_volume_encryption_enabled",
                    boolean,
                )
                .or_default(false),
            volume_encryption_key: t
                .field(
                    r,
                    ("volume_encryption_key", "VolumeEncryptionKey"),
                    "volume_encryption_key",
                    string,
                )
                .known(),
            ..Workspace::default()
        };
        w.meta = t.finish(src.locations());
        src.model().aws.workspaces.workspaces.push(w);
    }
}
