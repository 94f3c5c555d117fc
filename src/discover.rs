//! Finding the files to scan and grouping them into units of evaluation.
//!
//! Walks directories (respecting `.gitignore`, skipping `.git/` and `.terraform/`), recognizes
//! infrastructure files and groups them: the `.tf` files of one directory form one Terraform module.
//! Knows nothing of parsing beyond recognizing a file's kind.

use crate::finding::ScanError;
use crate::terraform::module::normalize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// What a unit holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// The `.tf` files of one directory.
    Terraform,
    /// One `terraform show -json` plan.
    Plan,
    /// One CloudFormation template (YAML or JSON).
    Template,
}

/// A set of files evaluated together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub kind: Kind,
    pub dir: PathBuf,
    /// Every file of the unit, sorted.
    pub files: Vec<PathBuf>,
    /// The files whose findings and errors are reported (the unit's files named on the command line, or
    /// all of them when the directory was walked).
    pub report: BTreeSet<PathBuf>,
    /// Variable files Terraform loads automatically from the directory, in precedence order
    /// (`terraform.tfvars`, `terraform.tfvars.json`, then `*.auto.tfvars[.json]` by name).
    pub var_files: Vec<PathBuf>,
}

/// A file name's bytes. Names are compared as bytes, not as text: Linux allows any bytes but `/` and
/// NUL in a name, and Terraform reads `\xff.tf` like any other `.tf` file.
fn name_bytes(path: &Path) -> &[u8] {
    path.file_name().map_or(&[], |n| n.as_encoded_bytes())
}

/// A Terraform file in native (`.tf`) or JSON (`.tf.json`) syntax.
fn is_terraform(path: &Path) -> bool {
    let name = name_bytes(path);
    name.ends_with(b".tf") || name.ends_with(b".tf.json")
}

/// The first `limit` bytes of a file, as text (empty when it cannot be read).
fn head(path: &Path, limit: u64) -> String {
    use std::io::Read;
    let mut bytes = Vec::new();
    if let Ok(f) = std::fs::File::open(path) {
        let _ = f.take(limit).read_to_end(&mut bytes);
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// A YAML or JSON file whose beginning mentions what a CloudFormation template has (confirmed after
/// parsing). Templates declare themselves near the top, so only the first 64 KiB are read here.
fn is_template(path: &Path) -> bool {
    let ext = path.extension().map_or(&[][..], |e| e.as_encoded_bytes());
    [&b"yaml"[..], b"yml", b"json", b"template"].contains(&ext)
        && crate::cloudformation::looks_like_template(&head(path, 64 * 1024))
}

/// A `.json` file whose first bytes look like `terraform show -json` output.
fn is_plan(path: &Path) -> bool {
    if path.extension().is_none_or(|e| e != "json") {
        return false;
    }
    let head = head(path, 4096);
    head.contains("\"format_version\"") && head.contains("\"terraform_version\"")
}

/// The rank of a variable file Terraform loads on its own, `None` for any other file.
fn var_file_rank(path: &Path) -> Option<u8> {
    match name_bytes(path) {
        b"terraform.tfvars" => Some(0),
        b"terraform.tfvars.json" => Some(1),
        n if n.ends_with(b".auto.tfvars") || n.ends_with(b".auto.tfvars.json") => Some(2),
        _ => None,
    }
}

/// Sorts variable files in the order Terraform loads them.
pub fn sort_var_files(files: &mut [PathBuf]) {
    files.sort_by_key(|p| (var_file_rank(p), p.file_name().map(|n| n.to_os_string())));
}

/// What a file is, judged from its name and (for YAML and JSON) its text: for files that are not on
/// disk yet (an editor's unsaved buffer).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Terraform,
    /// A variable file Terraform loads on its own (`terraform.tfvars`, `*.auto.tfvars[.json]`).
    VarFile,
    Plan,
    Template,
}

/// The kind of the file at `path` whose text is `text`, `None` when it is no infrastructure file.
pub fn file_kind(path: &Path, text: &str) -> Option<FileKind> {
    if is_terraform(path) {
        return Some(FileKind::Terraform);
    }
    if var_file_rank(path).is_some() {
        return Some(FileKind::VarFile);
    }
    let ext = path.extension().map_or(&[][..], |e| e.as_encoded_bytes());
    let head = text.get(..text.len().min(64 * 1024)).unwrap_or(text);
    if ext == b"json"
        && head.contains("\"format_version\"")
        && head.contains("\"terraform_version\"")
    {
        return Some(FileKind::Plan);
    }
    if [&b"yaml"[..], b"yml", b"json", b"template"].contains(&ext)
        && crate::cloudformation::looks_like_template(head)
    {
        return Some(FileKind::Template);
    }
    None
}

const SKIPPED_DIRS: [&str; 2] = [".git", ".terraform"];

/// Units for the given paths. A file argument is evaluated with the other `.tf` files of its directory
/// (companion resources live there) but only its own findings are reported.
pub fn discover(paths: &[PathBuf]) -> (Vec<Unit>, Vec<ScanError>) {
    // `main.tf`, `./main.tf` and `a/../main.tf` are one file.
    let paths: Vec<PathBuf> = paths.iter().map(|p| normalize(p)).collect();
    let paths = &paths;
    let mut errors = Vec::new();
    let mut plans: BTreeSet<PathBuf> = BTreeSet::new();
    let mut templates: BTreeSet<PathBuf> = BTreeSet::new();
    // dir → (all files, reported files)
    let mut modules: BTreeMap<PathBuf, (BTreeSet<PathBuf>, BTreeSet<PathBuf>)> = BTreeMap::new();
    for path in paths {
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) => {
                errors.push(ScanError::unreadable(
                    path.display().to_string(),
                    format!("cannot read {}: {e}", path.display()),
                ));
                continue;
            }
        };
        if meta.is_dir() {
            for file in walk(path, &mut errors).into_iter().map(|f| normalize(&f)) {
                if !is_terraform(&file) {
                    if is_plan(&file) {
                        plans.insert(file);
                    } else {
                        templates.insert(file);
                    }
                    continue;
                }
                let dir = parent(&file);
                let entry = modules.entry(dir).or_default();
                entry.0.insert(file.clone());
                entry.1.insert(file);
            }
        } else if is_terraform(path) {
            let dir = parent(path);
            let siblings: Vec<PathBuf> = siblings(&dir).iter().map(|f| normalize(f)).collect();
            let entry = modules.entry(dir).or_default();
            entry.0.extend(siblings);
            entry.0.insert(path.clone());
            entry.1.insert(path.clone());
        } else if var_file_rank(path).is_some() {
            // A variable file Terraform loads on its own (`terraform.tfvars`, `*.auto.tfvars`): its
            // values reach every resource of the module beside it, so that module is scanned and
            // reported whole (what a pre-commit hook passing only the changed variable file needs).
            let dir = parent(path);
            let siblings: Vec<PathBuf> = siblings(&dir).iter().map(|f| normalize(f)).collect();
            if !siblings.is_empty() {
                let entry = modules.entry(dir).or_default();
                entry.0.extend(siblings.iter().cloned());
                entry.1.extend(siblings);
            }
        } else if is_plan(path) {
            plans.insert(path.clone());
        } else if is_template(path) {
            templates.insert(path.clone());
        }
        // Any other file is not infrastructure code: skipped silently.
    }
    let single = |kind: Kind| {
        move |p: PathBuf| Unit {
            kind,
            dir: parent(&p),
            files: vec![p.clone()],
            report: BTreeSet::from([p]),
            var_files: Vec::new(),
        }
    };
    let plan_units = plans
        .into_iter()
        .map(single(Kind::Plan))
        .chain(templates.into_iter().map(single(Kind::Template)));
    let units = modules
        .into_iter()
        .map(|(dir, (files, report))| {
            let mut var_files: Vec<PathBuf> = std::fs::read_dir(&dir)
                .map(|entries| {
                    entries
                        .flatten()
                        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                        .map(|e| normalize(&e.path()))
                        .filter(|p| var_file_rank(p).is_some())
                        .collect()
                })
                .unwrap_or_default();
            sort_var_files(&mut var_files);
            Unit {
                kind: Kind::Terraform,
                dir,
                files: files.into_iter().collect(),
                report,
                var_files,
            }
        })
        .chain(plan_units)
        .collect();
    (units, errors)
}

fn parent(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Infrastructure files under `root`, sorted.
///
/// `.gitignore` (and `.ignore`) decide which directories are entered, never which Terraform files of
/// an entered directory are read: Terraform loads every `.tf` and `.tf.json` file of a module
/// directory, ignored or not, so the module is scanned as Terraform sees it. Plans and templates are
/// files of their own, not parts of a module: an ignored one (a `sam package` output, a saved plan)
/// is generated and left out, as git leaves it out; naming it on the command line scans it.
fn walk(root: &Path, errors: &mut Vec<ScanError>) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let walker = ignore::WalkBuilder::new(root)
        .hidden(false)
        .require_git(false)
        .follow_links(false)
        .filter_entry(|e| {
            !(e.file_type().is_some_and(|t| t.is_dir())
                && SKIPPED_DIRS
                    .iter()
                    .any(|d| e.file_name().as_encoded_bytes() == d.as_bytes()))
        })
        .build();
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_some_and(|t| t.is_dir()) => {
                out.extend(siblings(e.path()));
            }
            Ok(e)
                if e.file_type().is_some_and(|t| t.is_file())
                    && !is_terraform(e.path())
                    && (is_plan(e.path()) || is_template(e.path())) =>
            {
                out.push(e.into_path())
            }
            Ok(_) => {}
            Err(e) => errors.push(ScanError::unreadable(
                root.display().to_string(),
                format!("while walking {}: {e}", root.display()),
            )),
        }
    }
    out.sort();
    out
}

/// The `.tf` files directly in `dir`, sorted.
pub fn terraform_files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = siblings(dir).iter().map(|f| normalize(f)).collect();
    files.sort();
    files
}

/// The `.tf` files directly in `dir`.
fn siblings(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        // The entry's own type: a symlink is not followed.
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.path())
        .filter(|p| is_terraform(p))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn groups_by_directory_and_skips_terraform_cache() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        fs::create_dir_all(root.join("a/.terraform/modules")).expect("mkdir");
        fs::create_dir_all(root.join("b")).expect("mkdir");
        for f in [
            "a/main.tf",
            "a/s3.tf",
            "a/.terraform/modules/x.tf",
            "b/main.tf",
            "b/package.json",
        ] {
            fs::write(root.join(f), "").expect("write");
        }
        let (units, errors) = discover(&[root.to_path_buf()]);
        assert!(errors.is_empty());
        assert_eq!(units.len(), 2);
        assert_eq!(units[0].files.len(), 2);
        assert_eq!(units[1].files, vec![root.join("b/main.tf")]);
    }

    #[test]
    fn respects_gitignore() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        fs::write(root.join(".gitignore"), "generated/\n").expect("write");
        fs::create_dir_all(root.join("generated")).expect("mkdir");
        fs::write(root.join("generated/x.tf"), "").expect("write");
        fs::write(root.join("main.tf"), "").expect("write");
        let (units, _) = discover(&[root.to_path_buf()]);
        assert_eq!(units.len(), 1);
        assert_eq!(units[0].files, vec![root.join("main.tf")]);
    }

    #[test]
    fn gitignore_prunes_directories_never_module_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        // Ignored by name, by pattern and by negation order: Terraform still reads all three.
        fs::write(
            root.join(".gitignore"),
            "secrets.tf\n*.override.tf\ngen.tf.json\nbuild/\npackaged.yaml\n",
        )
        .expect("write");
        fs::create_dir_all(root.join("build")).expect("mkdir");
        fs::create_dir_all(root.join("mod")).expect("mkdir");
        for f in [
            "main.tf",
            "secrets.tf",
            "x.override.tf",
            "gen.tf.json",
            "build/out.tf",
            "mod/secrets.tf",
        ] {
            fs::write(root.join(f), "").expect("write");
        }
        let template =
            "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  B:\n    Type: AWS::S3::Bucket\n";
        fs::write(root.join("packaged.yaml"), template).expect("write");
        fs::write(root.join("template.yaml"), template).expect("write");
        let (units, errors) = discover(&[root.to_path_buf()]);
        assert!(errors.is_empty(), "{errors:?}");
        let files: Vec<&PathBuf> = units.iter().flat_map(|u| &u.files).collect();
        assert_eq!(
            files,
            [
                &root.join("gen.tf.json"),
                &root.join("main.tf"),
                &root.join("secrets.tf"),
                &root.join("x.override.tf"),
                &root.join("mod/secrets.tf"),
                &root.join("template.yaml"),
            ]
        );
        // Every file of a walked module is reported on, ignored or not.
        assert_eq!(units[0].report.len(), 4);
    }

    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_are_read() {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        let odd = root.join(OsStr::from_bytes(b"caf\xff.tf"));
        let vars = root.join(OsStr::from_bytes(b"\xfe.auto.tfvars"));
        if fs::write(&odd, "").is_err() {
            // A file system that refuses such names (not Linux's usual ones): nothing to test.
            return;
        }
        fs::write(&vars, "").expect("write");
        fs::write(root.join("main.tf"), "").expect("write");
        let (units, _) = discover(&[root.to_path_buf()]);
        assert_eq!(units.len(), 1);
        assert!(units[0].files.contains(&odd), "{:?}", units[0].files);
        assert_eq!(units[0].var_files, vec![vars.clone()]);
        // Named on the command line.
        let (units, _) = discover(std::slice::from_ref(&odd));
        assert_eq!(units.len(), 1);
        assert_eq!(units[0].report.iter().collect::<Vec<_>>(), vec![&odd]);
        assert_eq!(units[0].files.len(), 2);
    }

    #[test]
    fn a_file_argument_brings_its_siblings_but_reports_only_itself() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        fs::write(root.join("a.tf"), "").expect("write");
        fs::write(root.join("b.tf"), "").expect("write");
        let (units, _) = discover(&[root.join("a.tf")]);
        assert_eq!(units[0].files.len(), 2);
        assert_eq!(
            units[0].report.iter().collect::<Vec<_>>(),
            vec![&root.join("a.tf")]
        );
    }

    #[test]
    fn an_auto_loaded_variable_file_brings_its_module() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        for f in ["main.tf", "vars.tf", "terraform.tfvars", "prod.tfvars"] {
            std::fs::write(root.join(f), "").expect("write");
        }
        let (units, errors) = discover(&[root.join("terraform.tfvars")]);
        assert!(errors.is_empty());
        assert_eq!(units.len(), 1);
        assert_eq!(units[0].files.len(), 2);
        assert_eq!(units[0].report.len(), 2);
        // A variable file Terraform does not load on its own is not a module of its own either.
        let (units, _) = discover(&[root.join("prod.tfvars")]);
        assert!(units.is_empty());
        // A directory without Terraform files: nothing to scan.
        let empty = tempfile::tempdir().expect("tempdir");
        std::fs::write(empty.path().join("terraform.tfvars"), "").expect("write");
        let (units, _) = discover(&[empty.path().join("terraform.tfvars")]);
        assert!(units.is_empty());
    }

    #[test]
    fn variable_files_in_terraform_order() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        for f in [
            "main.tf",
            "b.auto.tfvars",
            "terraform.tfvars.json",
            "a.auto.tfvars.json",
            "terraform.tfvars",
            "other.tfvars",
        ] {
            fs::write(root.join(f), "").expect("write");
        }
        let (units, _) = discover(&[root.to_path_buf()]);
        let names: Vec<String> = units[0]
            .var_files
            .iter()
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect();
        assert_eq!(
            names,
            [
                "terraform.tfvars",
                "terraform.tfvars.json",
                "a.auto.tfvars.json",
                "b.auto.tfvars"
            ]
        );
    }

    #[test]
    fn one_file_however_it_is_named() {
        // Found by fuzzing: `check main.tf` listed `main.tf` and `./main.tf` as two files.
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        fs::write(root.join("main.tf"), "").expect("write");
        let (units, _) = discover(&[
            root.join("./main.tf"),
            root.join("."),
            root.join("x/../main.tf"),
        ]);
        assert_eq!(units.len(), 1);
        assert_eq!(units[0].files, vec![root.join("main.tf")]);
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_are_not_followed() {
        let outside = tempfile::tempdir().expect("tempdir");
        fs::write(outside.path().join("secret.tf"), "").expect("write");
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        fs::write(root.join("main.tf"), "").expect("write");
        std::os::unix::fs::symlink(outside.path(), root.join("linked")).expect("symlink");
        std::os::unix::fs::symlink(outside.path().join("secret.tf"), root.join("alias.tf"))
            .expect("symlink");
        // A link back to the root: a loop if links were followed.
        std::os::unix::fs::symlink(root, root.join("loop")).expect("symlink");
        let (units, errors) = discover(&[root.to_path_buf()]);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(units.len(), 1);
        assert_eq!(units[0].files, vec![root.join("main.tf")]);
        // A file argument brings its siblings, but not the linked ones.
        let (units, _) = discover(&[root.join("main.tf")]);
        assert_eq!(units[0].files, vec![root.join("main.tf")]);
    }

    #[test]
    fn missing_path_is_an_error() {
        let (units, errors) = discover(&[PathBuf::from("/no/such/path")]);
        assert!(units.is_empty());
        assert_eq!(errors.len(), 1);
    }
}
