//! CodeBuild projects: which key encrypts the build output.

use super::cmk;
use crate::adapt::{string, Source};
use crate::model::CodebuildProject;

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for item in src.items("aws_codebuild_project", "AWS::CodeBuild::Project") {
        let r = &item.res;
        let mut t = item.tracker();
        let name = t.field(r, ("name", "Name"), "name", string).known();
        // Without a key, CodeBuild encrypts artifacts with the account's AWS managed `aws/s3` key.
        let (key_type, encryption_key) = cmk::key_type(
            &mut t,
            r,
            ("encryption_key", "EncryptionKey"),
            "AWS_MANAGED",
            "encryption_key",
        );
        let mut project = CodebuildProject {
            name,
            key_type,
            encryption_key,
            ..CodebuildProject::default()
        };
        project.meta = t.finish(src.locations());
        src.model().aws.codebuild.projects.push(project);
    }
}
