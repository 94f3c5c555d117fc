//! Lambda (docs/model.md, `aws.lambda`).

use super::Meta;
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Lambda {
    pub functions: Vec<LambdaFunction>,
    pub function_urls: Vec<LambdaFunctionUrl>,
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

entity!(LambdaFunction, LambdaFunctionUrl);
