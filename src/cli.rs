//! Command-line arguments. The only module that knows clap.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "preflight",
    version,
    about = "Finds public, unencrypted and overshared cloud resources in infrastructure code before deployment"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

// Parsed once per run: the size of the largest variant does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Scan files and directories (default: the current directory).
    Check(CheckArgs),
    /// List the built-in policies.
    Rules(RulesArgs),
    /// Print one rule's documentation: why it matters and how to fix it.
    Explain(ExplainArgs),
    /// Run a Language Server Protocol server on stdin/stdout for editors (settings come from the
    /// editor's initializationOptions and workspace/didChangeConfiguration).
    Lsp,
    /// Run the `test_` rules of policy directories (the built-in policies' when no path is given).
    Test(TestArgs),
    /// Print the JSON Schema of the model that policies read as `input`.
    Schema,
}

#[derive(Debug, clap::Args)]
pub struct TestArgs {
    /// Directories or files of policies, libraries and their `_test.rego` files.
    pub paths: Vec<PathBuf>,
    /// Longest time one test may take, in seconds (more than 0, at most 3600).
    #[arg(long, value_name = "SECONDS", default_value = "5", value_parser = parse_policy_timeout)]
    pub policy_timeout: std::time::Duration,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Files or directories to scan.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Write the `--format` report to FILE; the terminal still gets the human report.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Lowest severity that makes the exit code 1 (`none`: findings never fail the run) [default: low,
    /// or `fail-on` in preflight.toml].
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// Set a Terraform variable (repeatable); wins over variable files and TF_VAR_ variables.
    #[arg(long = "var", value_name = "NAME=VALUE", value_parser = parse_var)]
    pub vars: Vec<(String, String)>,
    /// Read Terraform variable values from a .tfvars or .tfvars.json file (repeatable; later files win).
    #[arg(long = "var-file", value_name = "FILE")]
    pub var_files: Vec<PathBuf>,
    #[command(flatten)]
    pub policies: PolicyArgs,
    /// Largest file to read, in bytes (larger files are reported as errors).
    #[arg(long, value_name = "BYTES", default_value_t = crate::MAX_FILE_BYTES, value_parser = parse_max_file_size)]
    pub max_file_size: u64,
    /// Also list the checks that could not be decided because a value is unknown, and why.
    #[arg(long)]
    pub show_unknown: bool,
    /// Print, instead of a report, the input the policies read: one JSON object per root module,
    /// plan or template, with its `model` and its raw `resources` (what `custom.input: raw` policies
    /// get), to write a policy's tests from
    #[arg(long)]
    pub print_input: bool,
    /// Set a CloudFormation parameter (repeatable); wins over --cfn-params files and defaults.
    #[arg(long = "cfn-param", value_name = "NAME=VALUE", value_parser = parse_var)]
    pub cfn_params: Vec<(String, String)>,
    /// Read CloudFormation parameters from a JSON file: `[{"ParameterKey": …, "ParameterValue": …}]`
    /// or `{"Name": "Value"}` (repeatable; later files win).
    #[arg(long = "cfn-params", value_name = "FILE")]
    pub cfn_param_files: Vec<PathBuf>,
    /// Read settings from this file instead of the preflight.toml found in the working directory or
    /// a parent (up to the repository root).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Report only these rules: IDs, ID prefixes (`AWS-S3`) or names, comma-separated or repeated;
    /// replaces `select` of preflight.toml.
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    pub select: Option<Vec<String>>,
    /// Do not report these rules (IDs, prefixes or names); replaces `ignore` of preflight.toml.
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    pub ignore: Option<Vec<String>>,
    /// Unused, expired, reasonless or otherwise wrong suppression directives are errors (exit 2)
    /// instead of warnings.
    #[arg(long)]
    pub strict_suppressions: bool,
    /// Report only the findings this baseline file does not record.
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    pub baseline: Option<PathBuf>,
    /// Record the findings in this baseline file (then exit 0 unless there are errors).
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
}

fn parse_var(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((name, value)) if !name.trim().is_empty() => {
            Ok((name.trim().to_string(), value.to_string()))
        }
        _ => Err(format!("expected NAME=VALUE, got `{s}`")),
    }
}

/// Where policies come from.
#[derive(Debug, Clone, clap::Args)]
pub struct PolicyArgs {
    /// Also load the Rego policies in this directory (repeatable); same contract as the built-in ones.
    #[arg(long = "policy", value_name = "DIR")]
    pub dirs: Vec<PathBuf>,
    /// Longest time one policy evaluation may take, in seconds (more than 0, at most 3600); past it
    /// the scan reports an error.
    #[arg(long, value_name = "SECONDS", default_value = "5", value_parser = parse_policy_timeout)]
    pub policy_timeout: std::time::Duration,
}

impl PolicyArgs {
    pub fn timeout(&self) -> std::time::Duration {
        self.policy_timeout
    }
}

/// Longest `--policy-timeout`: one hour.
pub const MAX_POLICY_TIMEOUT_SECS: f64 = 3600.0;

/// `--policy-timeout`: a number of seconds, finite, more than zero and at most an hour (at least a
/// millisecond once rounded, so that no value silently becomes another).
fn parse_policy_timeout(s: &str) -> Result<std::time::Duration, String> {
    let secs: f64 = s
        .trim()
        .parse()
        .map_err(|_| format!("expected a number of seconds, got `{s}`"))?;
    if !secs.is_finite() {
        return Err(format!("expected a finite number of seconds, got `{s}`"));
    }
    if secs < 0.001 {
        return Err(format!(
            "must be at least 0.001 seconds (one millisecond), got `{s}`"
        ));
    }
    if secs > MAX_POLICY_TIMEOUT_SECS {
        return Err(format!(
            "must be at most {MAX_POLICY_TIMEOUT_SECS} seconds (one hour), got `{s}`"
        ));
    }
    Ok(std::time::Duration::from_secs_f64(secs))
}

/// `--max-file-size`: at least one byte (0 would make every non-empty file an error).
fn parse_max_file_size(s: &str) -> Result<u64, String> {
    match s.trim().parse::<u64>() {
        Ok(0) => Err("must be at least 1 byte, got `0`".into()),
        Ok(n) => Ok(n),
        Err(_) => Err(format!("expected a whole number of bytes, got `{s}`")),
    }
}

#[derive(Debug, clap::Args)]
pub struct RulesArgs {
    #[command(flatten)]
    pub policies: PolicyArgs,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = RulesFormat::Human)]
    pub format: RulesFormat,
}

#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// The rule's ID (`AWS-S3-001`, any case) or name (`public-bucket-acl`).
    pub rule: String,
    #[command(flatten)]
    pub policies: PolicyArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    Human,
    Json,
    /// The rule reference, as in docs/rules.md.
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Diagnostics with source snippets, for a terminal.
    Human,
    /// One JSON object (README "JSON output").
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands: annotations on the pull request.
    Github,
    /// JUnit XML, for GitLab, Jenkins and other CI test reports.
    Junit,
    /// `file:line:col: severity [ID] message`, one line each.
    Compact,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Low,
    Medium,
    High,
    Critical,
    None,
}

impl FailOn {
    pub fn severity(self) -> Option<crate::finding::Severity> {
        use crate::finding::Severity;
        match self {
            FailOn::Low => Some(Severity::Low),
            FailOn::Medium => Some(Severity::Medium),
            FailOn::High => Some(Severity::High),
            FailOn::Critical => Some(Severity::Critical),
            FailOn::None => None,
        }
    }
}
