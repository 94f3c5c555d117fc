//! What a scan produces: findings (a policy fired) and errors (a file could not be read or parsed).
//!
//! Plain data, shared by every stage after `locate`; knows nothing of output formats.

use crate::source::{FileId, Span};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "low" => Some(Severity::Low),
            "medium" => Some(Severity::Medium),
            "high" => Some(Severity::High),
            "critical" => Some(Severity::Critical),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// A step a value came through: a variable's default or tfvars line, a local, a flag.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Trace {
    /// `None` for values from the command line or the environment.
    pub span: Option<Span>,
    pub note: String,
    /// What the user can do about it (`pass --cfn-param Name=VALUE …`), shown with the fix.
    pub hint: Option<String>,
}

/// A policy result located in the source.
#[derive(Debug, Clone)]
pub struct Finding {
    /// Index of the rule in the policy registry.
    pub rule: usize,
    pub span: Span,
    /// Terraform address or CloudFormation logical ID of the entity.
    pub resource: String,
    pub message: String,
    /// The model attribute path the policy named (`acl`, `policy.statements[0]`).
    pub path: String,
    /// `Some` when the location is a resource header because an attribute was not written: the
    /// attribute's name (empty when unknown).
    pub missing: Option<String>,
    /// Where the offending value came from, outermost first.
    pub trace: Vec<Trace>,
    /// The header of the resource the finding is about (suppression directives above it apply).
    pub header: Span,
    /// Found in a CloudFormation template (the fix is given in CloudFormation's terms).
    pub cloudformation: bool,
    /// The headers of the `module` blocks the resource is created through, outermost first (a
    /// suppression directive on one of them covers the finding).
    pub calls: Vec<Span>,
}

/// A finding left out by a suppression directive, with the directive's reason.
#[derive(Debug, Clone)]
pub struct Suppressed {
    pub finding: Finding,
    pub reason: Option<String>,
}

/// A check that could not be decided because a value it reads is unknown (`--show-unknown`).
#[derive(Debug, Clone)]
pub struct Undecided {
    pub rule: usize,
    pub resource: String,
    /// The model attribute path that is unknown.
    pub attribute: String,
    pub span: Span,
    /// Why it is unknown, when known ("var.acl has no value: …").
    pub reasons: Vec<String>,
}

/// A file that could not be read or parsed, or a problem found while evaluating it.
#[derive(Debug, Clone)]
pub struct ScanError {
    /// Where the problem is; `None` when there is no text to point at (unreadable file).
    pub span: Option<Span>,
    pub file: Option<FileId>,
    /// For errors without a loaded file: the path as given.
    pub path: Option<String>,
    pub message: String,
}

impl ScanError {
    pub fn parse(span: Span, message: String) -> ScanError {
        ScanError {
            file: Some(span.file),
            span: Some(span),
            path: None,
            message,
        }
    }

    pub fn unreadable(path: String, message: String) -> ScanError {
        ScanError {
            span: None,
            file: None,
            path: Some(path),
            message,
        }
    }
}
