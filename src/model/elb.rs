//! Elastic Load Balancing (docs/model.md, `aws.elb`): load balancers (Classic, Application, Network,
//! Gateway) with their internet exposure, and the protocol each listener takes traffic in.

use super::Meta;
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Elb {
    pub load_balancers: Vec<LoadBalancer>,
    pub listeners: Vec<LbListener>,
}

/// `aws_lb`/`aws_alb`/`AWS::ElasticLoadBalancingV2::LoadBalancer`, or a Classic `aws_elb`/
/// `AWS::ElasticLoadBalancing::LoadBalancer` (whose listeners are written inside it).
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct LoadBalancer {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `classic`, `application`, `network` or `gateway` (`application` when left out of a v2 one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lb_type: Option<String>,
    /// `true` for an internal scheme; `false` (internet-facing) when left out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub internal: Option<bool>,
    /// A Classic load balancer's listeners (empty for v2 ones: see `aws.elb.listeners`).
    pub listeners: Vec<ClassicListener>,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct ClassicListener {
    /// The front-end protocol, upper-case: `HTTP`, `HTTPS`, `TCP` or `SSL`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protocol: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub port: Option<f64>,
}

/// `aws_lb_listener`/`aws_alb_listener`/`AWS::ElasticLoadBalancingV2::Listener`, with what it knows of
/// its load balancer.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct LbListener {
    #[serde(flatten)]
    pub meta: Meta,
    /// Upper-case: `HTTP`, `HTTPS`, `TCP`, `TLS`, `UDP`, `TCP_UDP`, `GENEVE`. Left out: `HTTP` on an
    /// Application Load Balancer of the scanned code, else absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protocol: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub port: Option<f64>,
    /// The default actions in order (`forward`, `redirect`, `fixed-response`, `authenticate-oidc`,
    /// `authenticate-cognito`).
    pub default_actions: Vec<LbAction>,
    /// The load balancer's `internal` and `lb_type`, when it is in the scanned code (else absent and
    /// listed in `unknown`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub internal: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lb_type: Option<String>,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct LbAction {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action_type: Option<String>,
    /// A redirect's target protocol, upper-case; `#{PROTOCOL}` (the request's own) when left out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redirect_protocol: Option<String>,
}

entity!(LoadBalancer, LbListener);
