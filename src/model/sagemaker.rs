//! SageMaker (docs/model.md, `aws.sagemaker`).

use super::Meta;
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Sagemaker {
    pub notebook_instances: Vec<SagemakerNotebookInstance>,
    pub endpoint_configurations: Vec<SagemakerEndpointConfiguration>,
}

/// `aws_sagemaker_notebook_instance`, `AWS::SageMaker::NotebookInstance`.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct SagemakerNotebookInstance {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The customer managed key of the ML storage volume; absent when not written (an AWS managed key
    /// is used) or unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    /// `Enabled` (the default) or `Disabled`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direct_internet_access: Option<String>,
}

/// `aws_sagemaker_endpoint_configuration`, `AWS::SageMaker::EndpointConfig`.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct SagemakerEndpointConfiguration {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The customer managed key of the endpoint's storage volumes; absent when not written or unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_key_arn: Option<String>,
}

entity!(SagemakerNotebookInstance, SagemakerEndpointConfiguration);
