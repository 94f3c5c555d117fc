//! A finding's fingerprint: the identity that survives edits elsewhere in the file, used by baselines
//! (and meant for SARIF's `partialFingerprints`).
//!
//! It is made of what the finding is about, never of where its text happens to sit: the rule, the
//! place of the resource (a Terraform module's directory, since addresses are unique within a module
//! whichever file holds the block; a template's or plan's file, since logical IDs are unique only
//! within it), the resource address, the model attribute path the policy named, and the value's
//! origin (the steps it came through: `var.acl is set here` in `prod.tfvars`). Line and column
//! numbers, the message text and the severity are left out: adding a line above a resource, or a
//! reworded message, keeps the fingerprint; moving the value's source to another file changes it.

use crate::finding::Finding;
use crate::source::SourceMap;
use sha2::{Digest, Sha256};
use std::path::Path;

/// The fingerprint of a finding from its parts: 32 hexadecimal digits (the first 128 bits of a
/// SHA-256 over the parts, each length-prefixed so that no two lists of parts collide by joining).
pub fn fingerprint(
    rule_id: &str,
    location: &str,
    resource: &str,
    path: &str,
    origin: &[String],
) -> String {
    let mut h = Sha256::new();
    let mut part = |s: &str| {
        h.update((s.len() as u64).to_le_bytes());
        h.update(s.as_bytes());
    };
    part("preflight-fingerprint-v1");
    part(&rule_id.to_ascii_uppercase());
    part(location);
    part(resource);
    part(path);
    for step in origin {
        part(step);
    }
    let digest = h.finalize();
    digest[..16].iter().map(|b| format!("{b:02x}")).collect()
}

/// `path` (relative to `cwd`, or absolute) relative to `base`, with `/`; the absolute path when it is
/// not under `base`.
pub fn relative(path: &Path, base: &Path, cwd: &Path) -> String {
    use crate::terraform::module::normalize;
    let full = normalize(&cwd.join(path));
    let base = normalize(&cwd.join(base));
    let Ok(shown) = full.strip_prefix(&base) else {
        return full.to_string_lossy().replace('\\', "/");
    };
    let text = shown
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/");
    if text.is_empty() {
        ".".into()
    } else {
        text
    }
}

/// Where a finding is, for its fingerprint: the directory of a Terraform file (the module), or the
/// file of a template or plan; `rel` turns a path into the text to use (see [`relative`]).
pub fn location(file: &Path, rel: &dyn Fn(&Path) -> String) -> String {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    if name.ends_with(".tf") || name.ends_with(".tf.json") {
        let dir = file.parent().filter(|p| !p.as_os_str().is_empty());
        rel(dir.unwrap_or(Path::new(".")))
    } else {
        rel(file)
    }
}

/// The fingerprint of `f` (of the rule `rule_id`); `rel` turns a source path into the text to hash
/// (relative to the baseline's directory, or to the repository root for SARIF).
pub fn of(
    f: &Finding,
    rule_id: &str,
    sources: &SourceMap,
    rel: &dyn Fn(&Path) -> String,
) -> String {
    let origin: Vec<String> = f
        .trace
        .iter()
        .map(|t| match &t.span {
            Some(span) => format!("{} @ {}", t.note, rel(&sources.get(span.file).path)),
            None => t.note.clone(),
        })
        .collect();
    fingerprint(
        rule_id,
        &location(&sources.get(f.span.file).path, rel),
        &f.resource,
        &f.path,
        &origin,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_matter_and_do_not_run_together() {
        let a = fingerprint("AWS-S3-001", "infra", "aws_s3_bucket.b", "acl", &[]);
        assert_eq!(a.len(), 32);
        assert_eq!(
            a,
            fingerprint("aws-s3-001", "infra", "aws_s3_bucket.b", "acl", &[])
        );
        assert_ne!(
            a,
            fingerprint("AWS-S3-002", "infra", "aws_s3_bucket.b", "acl", &[])
        );
        assert_ne!(
            a,
            fingerprint("AWS-S3-001", "other", "aws_s3_bucket.b", "acl", &[])
        );
        assert_ne!(
            a,
            fingerprint("AWS-S3-001", "infra", "aws_s3_bucket.c", "acl", &[])
        );
        assert_ne!(
            a,
            fingerprint("AWS-S3-001", "infra", "aws_s3_bucket.b", "policy", &[])
        );
        assert_ne!(
            a,
            fingerprint(
                "AWS-S3-001",
                "infra",
                "aws_s3_bucket.b",
                "acl",
                &["var.acl is set here @ prod.tfvars".into()]
            )
        );
        assert_ne!(
            fingerprint("R", "ab", "c", "", &[]),
            fingerprint("R", "a", "bc", "", &[])
        );
    }

    #[test]
    fn locations() {
        let rel = |p: &Path| relative(p, Path::new("/repo"), Path::new("/repo/sub"));
        assert_eq!(rel(Path::new("main.tf")), "sub/main.tf");
        assert_eq!(rel(Path::new("../x/t.yaml")), "x/t.yaml");
        assert_eq!(rel(Path::new("/elsewhere/a.tf")), "/elsewhere/a.tf");
        assert_eq!(location(Path::new("infra/main.tf"), &rel), "sub/infra");
        assert_eq!(location(Path::new("main.tf.json"), &rel), "sub");
        assert_eq!(location(Path::new("t/app.yaml"), &rel), "sub/t/app.yaml");
    }
}
