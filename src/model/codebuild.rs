//! CodeBuild (docs/model.md, `aws.codebuild`).

use super::Meta;
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Codebuild {
    pub projects: Vec<CodebuildProject>,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct CodebuildProject {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Who holds the key that encrypts the build's output artifacts: `AWS_MANAGED` (the account's
    /// `aws/s3` key, the default) or `CUSTOMER_MANAGED`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encryption_key: Option<String>,
}

entity!(CodebuildProject);
