//! Lambda (docs/model.md, `aws.lambda`).

use super::Meta;
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Lambda {
    pub functions: Vec<LambdaFunction>,
    pub function_urls: Vec<LambdaFunctionUrl>,
    pub permissions: Vec<LambdaPermission>,
    pub layer_permissions: Vec<LambdaLayerPermission>,
}

/// A function (`aws_lambda_function`, `AWS::Lambda::Function`, SAM `AWS::Serverless::Function`).
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct LambdaFunction {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Whether the function defines at least one environment variable.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub environment_variables: Option<bool>,
    /// The customer managed key that encrypts the environment variables; absent when not written
    /// (Lambda then uses the AWS managed key `aws/lambda`) or unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_key_arn: Option<String>,
}

/// A function URL (`aws_lambda_function_url`, `AWS::Lambda::Url`, SAM `FunctionUrlConfig`).
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct LambdaFunctionUrl {
    #[serde(flatten)]
    pub meta: Meta,
    /// The function's name or ARN as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub function: Option<String>,
    /// `NONE` (anyone can call the URL) or `AWS_IAM`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authorization_type: Option<String>,
}

/// A statement added to a function's resource policy (`aws_lambda_permission`,
/// `AWS::Lambda::Permission`).
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct LambdaPermission {
    #[serde(flatten)]
    pub meta: Meta,
    /// The function's name or ARN as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub function: Option<String>,
    /// `lambda:InvokeFunction`, `lambda:InvokeFunctionUrl`, `lambda:*`, ….
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// `*`, an account ID or ARN, or a service principal (`s3.amazonaws.com`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub principal: Option<String>,
    /// The resource (`source_arn`), account (`source_account`) or organization (`principal_org_id`)
    /// the grant is limited to; absent when not written or unknown (the entity's `unknown` tells).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_arn: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_account: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub principal_org_id: Option<String>,
    /// Alexa's `event_source_token`, which limits who can invoke the function like a source ARN.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event_source_token: Option<String>,
    /// For `lambda:InvokeFunctionUrl`: `NONE` or `AWS_IAM`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub function_url_auth_type: Option<String>,
}

/// A layer version shared with other accounts (`aws_lambda_layer_version_permission`,
/// `AWS::Lambda::LayerVersionPermission`).
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct LambdaLayerPermission {
    #[serde(flatten)]
    pub meta: Meta,
    /// The layer's name or version ARN as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub layer: Option<String>,
    /// `*` (every AWS account) or an account ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub principal: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// The organization the share is limited to; absent when not written or unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
}

entity!(
    LambdaFunction,
    LambdaFunctionUrl,
    LambdaPermission,
    LambdaLayerPermission
);
