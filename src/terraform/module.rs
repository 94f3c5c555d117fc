//! A Terraform module: the `.tf` files of one directory, indexed by what they declare.

use super::parse::ParsedFile;
use crate::source::FileId;
use hcl_edit::expr::Expression;
use hcl_edit::structure::{Block, Body};
use std::collections::{BTreeMap, HashMap};
use std::path::{Component, Path, PathBuf};

/// A `resource` block.
#[derive(Debug)]
pub struct Resource<'a> {
    pub file: FileId,
    pub rtype: &'a str,
    pub name: &'a str,
    pub block: &'a Block,
    /// `type.name`, as Terraform prints it.
    pub address: String,
}

impl<'a> Resource<'a> {
    pub fn body(&self) -> &'a Body {
        &self.block.body
    }
}

/// A `provider` block: its name (`aws`) and `alias`, if it has one.
#[derive(Debug, Clone)]
pub struct Provider<'a> {
    pub name: &'a str,
    pub alias: Option<String>,
    pub file: FileId,
    pub block: &'a Block,
}

/// An attribute expression together with the file it is written in.
#[derive(Debug, Clone, Copy)]
pub struct Located<'a> {
    pub file: FileId,
    pub expr: &'a Expression,
}

/// A `variable` block.
#[derive(Debug, Clone, Copy)]
pub struct Variable<'a> {
    pub default: Option<Located<'a>>,
    /// The `type` expression (read by `inputs::DeclaredType::parse` when the variable is used).
    pub ty: Option<&'a Expression>,
    /// `nullable = false`: a null given for it means its default.
    pub nullable: bool,
}

/// A `module` block.
#[derive(Debug, Clone)]
pub struct ModuleCall<'a> {
    pub name: &'a str,
    pub file: FileId,
    pub block: &'a Block,
    /// The `source` when it is a literal string.
    pub source: Option<String>,
}

impl ModuleCall<'_> {
    /// The directory of a local source (`./x`, `../x`) relative to the calling module's directory.
    pub fn local_dir(&self, caller: &Path) -> Option<PathBuf> {
        let src = self.source.as_deref()?;
        if src.starts_with("./") || src.starts_with("../") {
            Some(normalize(&caller.join(src)))
        } else {
            None
        }
    }
}

/// The lowest major version of provider `name` (`aws`, `azurerm`) a `terraform` block's
/// `required_providers` admits (see [`constraint_major`]).
fn provider_major(terraform: &Body, name: &str) -> Option<u32> {
    provider_version(terraform, name).and_then(constraint_major)
}

/// The `version` constraint of provider `name` in a `terraform` block's `required_providers`.
fn provider_version<'b>(terraform: &'b Body, name: &str) -> Option<&'b str> {
    use hcl_edit::expr::ObjectKey;
    let provider = terraform
        .get_blocks("required_providers")
        .find_map(|b| b.body.get_attribute(name))?;
    let Expression::Object(obj) = &provider.value else {
        return None;
    };
    obj.iter().find_map(|(k, v)| {
        let key = match k {
            ObjectKey::Ident(i) => i.as_str(),
            ObjectKey::Expression(e) => e.as_str()?,
        };
        (key == "version").then(|| v.expr().as_str()).flatten()
    })
}

/// The lowest major version a provider version constraint admits: the largest major of its lower
/// bounds (`>= 6.27`, `~> 6.0`, `= 6.1.0`, `6.1.0`); `None` when it has no lower bound.
fn constraint_major(version: &str) -> Option<u32> {
    version
        .split(',')
        .filter_map(|part| {
            let part = part.trim();
            let rest = ["~>", ">=", "=", ">"]
                .iter()
                .find_map(|op| part.strip_prefix(op))
                .or_else(|| {
                    part.starts_with(|c: char| c.is_ascii_digit())
                        .then_some(part)
                })?;
            rest.trim().split('.').next()?.parse::<u32>().ok()
        })
        .max()
}

/// The highest major version a provider version constraint admits: the smallest major its upper
/// bounds allow (`< 3.0` and `~> 2.99` give 2, `<= 3.1` and `= 3.1.0` give 3); `None` when it has no
/// upper bound (a one-part `~> 3` counts as none).
fn constraint_highest_major(version: &str) -> Option<u32> {
    version
        .split(',')
        .filter_map(|part| {
            let part = part.trim();
            let (op, rest) = ["~>", "<=", ">=", "<", ">", "="]
                .iter()
                .find_map(|op| part.strip_prefix(op).map(|r| (*op, r.trim())))
                .unwrap_or(("=", part));
            let nums: Vec<u32> = rest
                .split('.')
                .map(|n| n.parse::<u32>().ok())
                .collect::<Option<_>>()?;
            let major = *nums.first()?;
            match op {
                "=" | "<=" => Some(major),
                "~>" if nums.len() >= 2 => Some(major),
                "<" if nums[1..].iter().all(|n| *n == 0) => major.checked_sub(1),
                "<" => Some(major),
                _ => None,
            }
        })
        .min()
}

/// Lowers `slot` to `major`: the smallest upper bound among a provider's constraints decides.
fn lower(slot: &mut Option<u32>, major: Option<u32>) {
    if let Some(major) = major {
        *slot = Some(major.min(slot.unwrap_or(u32::MAX)));
    }
}

/// Raises `slot` to `major`: Terraform admits only versions meeting every constraint stated for a
/// provider, so the largest lower bound among them decides.
fn raise(slot: &mut Option<u32>, major: Option<u32>) {
    if let Some(major) = major {
        *slot = Some(major.max(slot.unwrap_or(0)));
    }
}

/// Removes `.` and folds `..` without touching the file system.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    if out.as_os_str().is_empty() {
        out.push(".");
    }
    out
}

/// The declarations of one module.
#[derive(Debug, Default)]
pub struct Module<'a> {
    /// Variables: their default, if any, and their declared type.
    pub variables: HashMap<&'a str, Variable<'a>>,
    pub locals: HashMap<&'a str, Located<'a>>,
    /// Managed resources in file order.
    pub resources: Vec<Resource<'a>>,
    /// `data` blocks by (type, name).
    pub data: HashMap<(&'a str, &'a str), Resource<'a>>,
    /// `module` blocks, by name.
    pub calls: BTreeMap<&'a str, ModuleCall<'a>>,
    /// `output` blocks' `value`, by name.
    pub outputs: HashMap<&'a str, Located<'a>>,
    /// The module's directory.
    pub dir: PathBuf,
    /// The lowest major version of the AWS provider that the module's `required_providers` or a
    /// `provider` block's legacy `version` argument admits (`>= 6.27` gives 6), when it states one;
    /// adapters pick version-dependent defaults by it.
    pub aws_provider_major: Option<u32>,
    /// The same for the `azurerm` provider.
    pub azurerm_provider_major: Option<u32>,
    /// The highest major version of the `azurerm` provider the module's constraints admit, when they
    /// bound it from above (`~> 2.99` gives 2; `>= 2.0` gives `None`).
    pub azurerm_provider_highest_major: Option<u32>,
    /// `provider` blocks in file order (the raw input reads the AWS provider's `default_tags`).
    pub providers: Vec<Provider<'a>>,
    /// Each file's text, as its spans index it (for locating parts of string literals).
    pub texts: HashMap<crate::source::FileId, std::sync::Arc<str>>,
    by_address: HashMap<(&'a str, &'a str), usize>,
}

impl<'a> Module<'a> {
    pub fn new(files: impl IntoIterator<Item = &'a ParsedFile>) -> Module<'a> {
        let mut m = Module::default();
        for f in files {
            m.texts.insert(f.file, std::sync::Arc::clone(&f.text));
            for block in f.body.blocks() {
                let labels: Vec<&str> = block.labels.iter().map(|l| l.as_str()).collect();
                match (block.ident.as_str(), labels.as_slice()) {
                    ("terraform", []) => {
                        raise(
                            &mut m.aws_provider_major,
                            provider_major(&block.body, "aws"),
                        );
                        raise(
                            &mut m.azurerm_provider_major,
                            provider_major(&block.body, "azurerm"),
                        );
                        lower(
                            &mut m.azurerm_provider_highest_major,
                            provider_version(&block.body, "azurerm")
                                .and_then(constraint_highest_major),
                        );
                    }
                    ("variable", [name]) => {
                        let default = block.body.get_attribute("default").map(|a| Located {
                            file: f.file,
                            expr: &a.value,
                        });
                        let ty = block.body.get_attribute("type").map(|a| &a.value);
                        let nullable = !matches!(
                            block.body.get_attribute("nullable").map(|a| &a.value),
                            Some(Expression::Bool(b)) if !*b.value()
                        );
                        m.variables.insert(
                            name,
                            Variable {
                                default,
                                ty,
                                nullable,
                            },
                        );
                    }
                    ("locals", []) => {
                        for attr in block.body.attributes() {
                            m.locals.insert(
                                attr.key.as_str(),
                                Located {
                                    file: f.file,
                                    expr: &attr.value,
                                },
                            );
                        }
                    }
                    ("module", [name]) => {
                        let source = block
                            .body
                            .get_attribute("source")
                            .and_then(|a| a.value.as_str().map(str::to_string));
                        m.calls.insert(
                            name,
                            ModuleCall {
                                name,
                                file: f.file,
                                block,
                                source,
                            },
                        );
                    }
                    ("output", [name]) => {
                        if let Some(a) = block.body.get_attribute("value") {
                            m.outputs.insert(
                                name,
                                Located {
                                    file: f.file,
                                    expr: &a.value,
                                },
                            );
                        }
                    }
                    ("data", [dtype, name]) => {
                        m.data.insert(
                            (dtype, name),
                            Resource {
                                file: f.file,
                                rtype: dtype,
                                name,
                                block,
                                address: format!("data.{dtype}.{name}"),
                            },
                        );
                    }
                    ("provider", [name]) => {
                        let alias = block
                            .body
                            .get_attribute("alias")
                            .and_then(|a| a.value.as_str().map(str::to_string));
                        // The legacy `version` argument of a provider block (deprecated since
                        // Terraform 0.13, still honoured) constrains the version as
                        // `required_providers` does.
                        let legacy = block
                            .body
                            .get_attribute("version")
                            .and_then(|a| a.value.as_str());
                        match *name {
                            "aws" => {
                                raise(&mut m.aws_provider_major, legacy.and_then(constraint_major))
                            }
                            "azurerm" => {
                                raise(
                                    &mut m.azurerm_provider_major,
                                    legacy.and_then(constraint_major),
                                );
                                lower(
                                    &mut m.azurerm_provider_highest_major,
                                    legacy.and_then(constraint_highest_major),
                                );
                            }
                            _ => {}
                        }
                        m.providers.push(Provider {
                            name,
                            alias,
                            file: f.file,
                            block,
                        });
                    }
                    ("resource", [rtype, name]) => {
                        m.by_address.insert((rtype, name), m.resources.len());
                        m.resources.push(Resource {
                            file: f.file,
                            rtype,
                            name,
                            block,
                            address: format!("{rtype}.{name}"),
                        });
                    }
                    _ => {}
                }
            }
        }
        m
    }

    pub fn in_dir(mut self, dir: PathBuf) -> Self {
        self.dir = dir;
        self
    }

    pub fn resource(&self, rtype: &str, name: &str) -> Option<&Resource<'a>> {
        self.by_address
            .get(&(rtype, name))
            .map(|&i| &self.resources[i])
    }

    pub fn resources_of<'s, 't>(
        &'s self,
        rtype: &'t str,
    ) -> impl Iterator<Item = &'s Resource<'a>> + use<'s, 't, 'a> {
        self.resources.iter().filter(move |r| r.rtype == rtype)
    }
}

/// The directories that the `module` blocks of `body` call by a local source, relative to `dir`.
pub fn local_sources(body: &Body, dir: &Path) -> Vec<PathBuf> {
    body.blocks()
        .filter(|b| b.has_ident("module"))
        .filter_map(|b| b.body.get_attribute("source"))
        .filter_map(|a| a.value.as_str())
        .filter(|s| s.starts_with("./") || s.starts_with("../"))
        .map(|s| normalize(&dir.join(s)))
        .collect()
}

/// Modules that `terraform init` installed for a root module: module key (`vpc`, `vpc.subnets`) →
/// directory.
pub type Installed = BTreeMap<String, PathBuf>;

/// Reads `.terraform/modules/modules.json` under a root module's directory, when there is one.
pub fn installed_modules(root: &Path) -> Option<Installed> {
    let text = std::fs::read_to_string(root.join(".terraform/modules/modules.json")).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    let mut out = Installed::new();
    for m in json.get("Modules")?.as_array()? {
        let (Some(key), Some(dir)) = (
            m.get("Key").and_then(|k| k.as_str()),
            m.get("Dir").and_then(|d| d.as_str()),
        ) else {
            continue;
        };
        if !key.is_empty() {
            out.insert(key.to_string(), normalize(&root.join(dir)));
        }
    }
    Some(out)
}

/// Every module directory of a scan, by directory.
pub type Workspace<'a> = BTreeMap<PathBuf, Module<'a>>;

/// The module names an address goes through: `module.a["x"].module.b[0].aws_s3_bucket.c` → `a`, `b`.
pub fn address_modules(address: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = address;
    while let Some(after) = rest.strip_prefix("module.") {
        let end = after.find(['.', '[']).unwrap_or(after.len());
        out.push(&after[..end]);
        let mut tail = &after[end..];
        if tail.starts_with('[') {
            // Skip the instance key; a quoted one may hold `]` or `.`.
            let mut in_string = false;
            let mut escaped = false;
            let mut close = None;
            for (i, c) in tail.char_indices() {
                match c {
                    _ if escaped => escaped = false,
                    '\\' if in_string => escaped = true,
                    '"' => in_string = !in_string,
                    ']' if !in_string => {
                        close = Some(i);
                        break;
                    }
                    _ => {}
                }
            }
            let Some(close) = close else {
                break;
            };
            tail = &tail[close + 1..];
        }
        match tail.strip_prefix('.') {
            Some(t) => rest = t,
            None => break,
        }
    }
    out
}

/// The headers of the `module` blocks that `address` is created through, from the root module in
/// `root`, outermost first (where a suppression on a module call is looked for). Spans are in the
/// parsed text (a JSON-syntax file's are still to be mapped back).
pub fn call_headers(
    workspace: &Workspace,
    root: &Path,
    installed: &Installed,
    address: &str,
) -> Vec<crate::source::Span> {
    let mut out = Vec::new();
    let mut dir = root.to_path_buf();
    let mut key = String::new();
    for name in address_modules(address) {
        let Some(call) = workspace.get(&dir).and_then(|m| m.calls.get(name)) else {
            break;
        };
        out.push(crate::source::Span::new(
            call.file,
            crate::terraform::parse::block_header(call.block),
        ));
        if !key.is_empty() {
            key.push('.');
        }
        key.push_str(name);
        match call
            .local_dir(&dir)
            .or_else(|| installed.get(&key).cloned())
        {
            Some(next) => dir = next,
            None => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aws_provider_major_from_required_providers() {
        let major = |text: &str| {
            let f = crate::source::SourceFile::new(
                "v.tf".into(),
                "v.tf".into(),
                std::sync::Arc::from(text),
            );
            let parsed = vec![crate::terraform::parse::parse(FileId(0), &f).expect("parses")];
            Module::new(&parsed).aws_provider_major
        };
        let tf = |v: &str| {
            format!("terraform {{\n  required_providers {{\n    aws = {{\n      source  = \"hashicorp/aws\"\n      version = \"{v}\"\n    }}\n  }}\n}}\n")
        };
        assert_eq!(major(&tf(">= 6.27")), Some(6));
        assert_eq!(major(&tf("~> 5.0")), Some(5));
        assert_eq!(major(&tf(">= 4.0, < 6.0")), Some(4));
        assert_eq!(major(&tf("5.31.0")), Some(5));
        assert_eq!(
            major("terraform {\n  required_version = \">= 1.5\"\n}\n"),
            None
        );
    }

    /// The provider majors a one-file module's constraints admit.
    struct Majors {
        aws: Option<u32>,
        azurerm: Option<u32>,
        azurerm_highest: Option<u32>,
    }

    fn provider_majors(text: &str) -> Majors {
        let f = crate::source::SourceFile::new(
            "p.tf".into(),
            "p.tf".into(),
            std::sync::Arc::from(text),
        );
        let parsed = vec![crate::terraform::parse::parse(FileId(0), &f).expect("parses")];
        let m = Module::new(&parsed);
        Majors {
            aws: m.aws_provider_major,
            azurerm: m.azurerm_provider_major,
            azurerm_highest: m.azurerm_provider_highest_major,
        }
    }

    #[test]
    fn azurerm_provider_major_is_read_beside_aws() {
        let text = "terraform {\n  required_providers {\n    azurerm = {\n      source  = \"hashicorp/azurerm\"\n      version = \"~> 3.100\"\n    }\n    aws = {\n      version = \">= 5.0\"\n    }\n  }\n}\n";
        let m = provider_majors(text);
        assert_eq!(m.azurerm, Some(3));
        assert_eq!(m.aws, Some(5));
    }

    #[test]
    fn legacy_provider_version_argument_is_a_constraint() {
        let majors = |text: &str| {
            let m = provider_majors(text);
            (m.azurerm, m.aws)
        };
        assert_eq!(
            majors("provider \"azurerm\" {\n  version = \">= 2.0.0\"\n  features {}\n}\n"),
            (Some(2), None)
        );
        assert_eq!(
            majors("provider \"aws\" {\n  alias   = \"x\"\n  version = \"~> 4.2\"\n}\n"),
            (None, Some(4))
        );
        // Both ways of stating a constraint: Terraform admits only versions meeting both.
        assert_eq!(
            majors(
                "provider \"azurerm\" {\n  version = \">= 2.0\"\n}\nterraform {\n  required_providers {\n    azurerm = {\n      version = \">= 3.10\"\n    }\n  }\n}\n"
            ),
            (Some(3), None)
        );
        // Only an upper bound, a non-literal, or no version at all: nothing is known.
        assert_eq!(
            majors("provider \"azurerm\" {\n  version = \"< 3.0\"\n}\n"),
            (None, None)
        );
        assert_eq!(
            majors("variable \"v\" {}\nprovider \"azurerm\" {\n  version = var.v\n}\n"),
            (None, None)
        );
        assert_eq!(
            majors("provider \"azurerm\" {\n  features {}\n}\n"),
            (None, None)
        );
        // Another provider's version says nothing about these two.
        assert_eq!(
            majors("provider \"google\" {\n  version = \"~> 3.0\"\n}\n"),
            (None, None)
        );
    }

    #[test]
    fn highest_admitted_major() {
        assert_eq!(constraint_highest_major(">= 2.0.0"), None);
        assert_eq!(constraint_highest_major("~> 2.99"), Some(2));
        assert_eq!(constraint_highest_major("~> 2.99.1"), Some(2));
        assert_eq!(constraint_highest_major("~> 3"), None);
        assert_eq!(constraint_highest_major(">= 2.0, < 3.0"), Some(2));
        assert_eq!(constraint_highest_major(">= 2.0, < 3.1"), Some(3));
        assert_eq!(constraint_highest_major("<= 3.4"), Some(3));
        assert_eq!(constraint_highest_major("2.46.1"), Some(2));
        assert_eq!(constraint_highest_major("= 4.1.0"), Some(4));
        let text = "provider \"azurerm\" {\n  version = \"< 4.0\"\n}\nterraform {\n  required_providers {\n    azurerm = {\n      version = \"~> 2.50\"\n    }\n  }\n}\n";
        let m = provider_majors(text);
        assert_eq!(m.azurerm_highest, Some(2));
        assert_eq!(m.azurerm, Some(2));
    }

    #[test]
    fn modules_of_an_address() {
        assert_eq!(address_modules("aws_s3_bucket.b"), Vec::<&str>::new());
        assert_eq!(address_modules("module.a.aws_s3_bucket.b"), vec!["a"]);
        assert_eq!(
            address_modules("module.a[\"x.]y\"].module.b[0].aws_s3_bucket.b[\"k\"]"),
            vec!["a", "b"]
        );
    }

    #[test]
    fn normalizes_relative_module_paths() {
        assert_eq!(normalize(Path::new("a/b/../c/./d")), PathBuf::from("a/c/d"));
        assert_eq!(normalize(Path::new("./x/../../y")), PathBuf::from("../y"));
        assert_eq!(normalize(Path::new("./.")), PathBuf::from("."));
    }
}
