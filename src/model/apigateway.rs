//! API Gateway (docs/model.md, `aws.apigateway`).

use super::{Document, Meta};
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct ApiGateway {
    pub rest_apis: Vec<ApiGatewayRestApi>,
    pub methods: Vec<ApiGatewayMethod>,
    pub stages: Vec<ApiGatewayStage>,
    pub routes: Vec<ApiGatewayRoute>,
}

/// A REST API (`aws_api_gateway_rest_api`, `AWS::ApiGateway::RestApi`) and who may call it.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct ApiGatewayRestApi {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Whether the endpoint is `PRIVATE` (reachable only through interface VPC endpoints); `false` for
    /// `EDGE` and `REGIONAL` (the default, `EDGE`, when no endpoint configuration is written).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub private: Option<bool>,
    /// The resource policy: the API's `policy` / `Policy`, or an `aws_api_gateway_rest_api_policy`
    /// that names it (which replaces it); absent when none (IAM and the methods' authorizers decide).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy: Option<Document>,
}

/// A REST API method (`aws_api_gateway_method`, `AWS::ApiGateway::Method`).
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct ApiGatewayMethod {
    #[serde(flatten)]
    pub meta: Meta,
    /// Upper case: `GET`, `POST`, `OPTIONS`, `ANY`, ….
    #[serde(skip_serializing_if = "Option::is_none")]
    pub http_method: Option<String>,
    /// `NONE`, `AWS_IAM`, `CUSTOM` or `COGNITO_USER_POOLS`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authorization_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_key_required: Option<bool>,
    /// Whether the REST API the method belongs to is a `PRIVATE` endpoint (reachable only from VPC
    /// endpoints); absent when the API is not in the scanned code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub private_api: Option<bool>,
    /// Whether the REST API's resource policy (its `policy`, or an `aws_api_gateway_rest_api_policy`)
    /// narrows the callers with a `Deny` statement or a condition (source IP, VPC endpoint…); `false`
    /// without a policy; absent when the API is not in the scanned code or its policy is unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub restricted_by_policy: Option<bool>,
}

/// A REST API stage (`aws_api_gateway_stage` with its `aws_api_gateway_method_settings`,
/// `AWS::ApiGateway::Stage`).
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct ApiGatewayStage {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Whether the stage has a cache cluster (without one, nothing is cached).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cache_cluster_enabled: Option<bool>,
    pub method_settings: Vec<ApiGatewayMethodSetting>,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct ApiGatewayMethodSetting {
    /// `*/*` for every method, else `resource/METHOD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub method_path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caching_enabled: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cache_data_encrypted: Option<bool>,
}

/// An HTTP or WebSocket API route (`aws_apigatewayv2_route`, `AWS::ApiGatewayV2::Route`).
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct ApiGatewayRoute {
    #[serde(flatten)]
    pub meta: Meta,
    /// `GET /items`, `$default`, `$connect`, ….
    #[serde(skip_serializing_if = "Option::is_none")]
    pub route_key: Option<String>,
    /// `HTTP` or `WEBSOCKET`: from the API, or from the route key when it tells.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protocol: Option<String>,
    /// `NONE`, `AWS_IAM`, `CUSTOM` or `JWT`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authorization_type: Option<String>,
}

entity!(
    ApiGatewayRestApi,
    ApiGatewayMethod,
    ApiGatewayStage,
    ApiGatewayRoute
);
