//! API Gateway: REST APIs (endpoint type and resource policy), REST API methods (who may call them),
//! stage caches (encrypted or not) and HTTP or WebSocket API routes.

use super::resource_policy;
use crate::adapt::{boolean, document, string, Field, Joiner, Res, Source, Tracker};
use crate::model::{
    ApiGatewayMethod, ApiGatewayMethodSetting, ApiGatewayRestApi, ApiGatewayRoute, ApiGatewayStage,
};
use crate::terraform::value::Value;
use std::collections::HashMap;

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    rest_apis(src);
    methods(src);
    stages(src);
    routes(src);
}

/// The API a resource belongs to (`rest_api_id = aws_api_gateway_rest_api.x.id`, `RestApiId: !Ref X`),
/// as the address of that API when it is a reference.
fn api_address(r: &Res, attr: impl crate::adapt::Name) -> Option<String> {
    match r.attr(attr) {
        Some((Value::Ref(target), _)) => Some(target.address),
        _ => None,
    }
}

/// What a REST API tells about who can reach its methods: a `PRIVATE` endpoint, and a resource policy
/// that narrows the callers (a `Deny` statement or a condition). `None`: cannot tell.
#[derive(Clone, Copy)]
struct RestApi {
    private: Option<bool>,
    restricted: Option<bool>,
}

/// Whether a resource policy narrows who may call the API.
fn restricts(v: &Value) -> Option<bool> {
    let (doc, unknown) = document(v)?;
    let narrows = doc
        .statements
        .iter()
        .any(|s| s.effect.as_deref() == Some("Deny") || !s.conditions.is_empty());
    // An unknown part could be the condition that narrows it.
    match (narrows, unknown.is_empty()) {
        (true, _) => Some(true),
        (false, true) => Some(false),
        (false, false) => None,
    }
}

/// Whether the API's endpoint is `PRIVATE`: `Some(false)` when no endpoint configuration is written
/// (an `EDGE` API), `None` when its types cannot be told.
fn endpoint_private(r: &Res) -> Option<bool> {
    match r.nested(("endpoint_configuration", "EndpointConfiguration")) {
        Err(_) => None,
        Ok(v) => match v.first().and_then(|e| e.attr(("types", "Types"))) {
            None => Some(false),
            Some((Value::List(types), _)) if types.iter().all(Value::is_known) => {
                Some(types.iter().any(|t| t.as_str() == Some("PRIVATE")))
            }
            Some((Value::String(s), _)) => Some(s == "PRIVATE"),
            Some(_) => None,
        },
    }
}

/// REST APIs with their resource policy (written on the API, or an `aws_api_gateway_rest_api_policy`
/// that names it by reference; a literal `rest_api_id` is an ID the scan cannot match, so that policy
/// stands as an API of its own).
fn rest_apis<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    let mut apis: Joiner<ApiGatewayRestApi> = Joiner::new();
    for item in src.items("aws_api_gateway_rest_api", "AWS::ApiGateway::RestApi") {
        let r = &item.res;
        let mut t = item.tracker();
        let private = endpoint_private(r);
        if private.is_none() {
            t.mark_unknown("private");
            t.explain(
                "private",
                vec!["the endpoint configuration's types cannot be resolved".to_string()],
            );
        }
        if let Some((_, span)) = r.attr(("endpoint_configuration", "EndpointConfiguration")) {
            t.at("private", span);
        }
        let api = ApiGatewayRestApi {
            name: t.field(r, ("name", "Name"), "name", string).known(),
            private,
            policy: t.document(r, ("policy", "Policy"), "policy").known(),
            ..ApiGatewayRestApi::default()
        };
        apis.add(api, t, None);
    }
    for item in src.items("aws_api_gateway_rest_api_policy", "") {
        resource_policy::join(&mut apis, &item, "rest_api_id", "policy", &["private"]);
    }
    let apis = apis.finish(src.locations());
    src.model().aws.apigateway.rest_apis.extend(apis);
}

fn methods<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    let mut apis: HashMap<String, RestApi> = HashMap::new();
    for item in src.items("aws_api_gateway_rest_api", "AWS::ApiGateway::RestApi") {
        let is_private = endpoint_private(&item.res);
        let restricted = match item.res.attr(("policy", "Policy")) {
            None => Some(false),
            Some((v, _)) => restricts(&v),
        };
        apis.insert(
            item.address.clone(),
            RestApi {
                private: is_private,
                restricted,
            },
        );
    }
    // A separate policy resource (Terraform) replaces the API's own.
    for item in src.items("aws_api_gateway_rest_api_policy", "") {
        let Some(api) = api_address(&item.res, "rest_api_id").and_then(|a| apis.get_mut(&a)) else {
            continue;
        };
        api.restricted = item.res.attr("policy").and_then(|(v, _)| restricts(&v));
    }
    for item in src.items("aws_api_gateway_method", "AWS::ApiGateway::Method") {
        let r = &item.res;
        let mut t = item.tracker();
        let mut m = ApiGatewayMethod {
            http_method: t
                .field(r, ("http_method", "HttpMethod"), "http_method", string)
                .known()
                .map(|s| s.to_ascii_uppercase()),
            api_key_required: t
                .field(
                    r,
                    ("api_key_required", "ApiKeyRequired"),
                    "api_key_required",
                    boolean,
                )
                .or_default(false),
            ..ApiGatewayMethod::default()
        };
        // Required in Terraform; CloudFormation takes NONE when it is left out (and an authorizer
        // without a type does not deploy, so that case is left undecided).
        m.authorization_type = match t.field(
            r,
            ("authorization", "AuthorizationType"),
            "authorization_type",
            string,
        ) {
            Field::Known(a) => Some(a.to_ascii_uppercase()),
            Field::Unknown => None,
            Field::NotWritten if r.has(("authorizer_id", "AuthorizerId")) => {
                t.mark_unknown("authorization_type");
                None
            }
            Field::NotWritten => Some("NONE".to_string()),
        };
        let api = api_address(r, ("rest_api_id", "RestApiId")).and_then(|a| apis.get(&a).copied());
        let outside = "the REST API is not in the scanned code, so its endpoint type and resource policy are unknown";
        for (path, value, why) in [
            (
                "private_api",
                api.map(|a| a.private),
                "the REST API's endpoint type cannot be told",
            ),
            (
                "restricted_by_policy",
                api.map(|a| a.restricted),
                "the REST API's resource policy cannot be read",
            ),
        ] {
            let known = value.flatten();
            if known.is_none() {
                t.mark_unknown(path);
                let why = if api.is_some() { why } else { outside };
                t.explain(path, vec![why.to_string()]);
            }
            match path {
                "private_api" => m.private_api = known,
                _ => m.restricted_by_policy = known,
            }
        }
        m.meta = t.finish(src.locations());
        src.model().aws.apigateway.methods.push(m);
    }
}

/// One method setting's cache flags from `r` into `t` under `method_settings[i]`.
fn method_setting(
    t: &mut Tracker,
    r: &Res,
    i: usize,
    method_path: Option<String>,
) -> ApiGatewayMethodSetting {
    let at = format!("method_settings[{i}]");
    t.at(at.clone(), r.span.clone());
    ApiGatewayMethodSetting {
        method_path,
        caching_enabled: t
            .field(
                r,
                ("caching_enabled", "CachingEnabled"),
                &format!("{at}.caching_enabled"),
                boolean,
            )
            .or_default(false),
        cache_data_encrypted: t
            .field(
                r,
                ("cache_data_encrypted", "CacheDataEncrypted"),
                &format!("{at}.cache_data_encrypted"),
                boolean,
            )
            .or_default(false),
    }
}

/// CloudFormation's `MethodSettings` list of a stage (or a deployment's stage description).
pub(super) fn template_settings(t: &mut Tracker, r: &Res, stage: &mut ApiGatewayStage) {
    match t.blocks(r, "MethodSettings", "method_settings") {
        Field::Known(list) => {
            for s in list {
                // `/orders` and `GET` as Terraform writes it: `orders/GET` (`~1` escapes `/`).
                let path = match (
                    s.attr("ResourcePath").and_then(|(v, _)| string(&v)),
                    s.attr("HttpMethod").and_then(|(v, _)| string(&v)),
                ) {
                    (Some(p), Some(m)) => Some(format!(
                        "{}/{m}",
                        p.trim_start_matches('/').replace("~1", "/")
                    )),
                    _ => None,
                };
                let i = stage.method_settings.len();
                stage.method_settings.push(method_setting(t, &s, i, path));
                // Left-out flags point at the entry's first line (its `HttpMethod`, else
                // `ResourcePath`), not at the brace of a JSON object.
                if let Some((_, span)) = s.attr("HttpMethod").or_else(|| s.attr("ResourcePath")) {
                    t.at(format!("method_settings[{i}]"), span);
                }
            }
        }
        Field::Unknown | Field::NotWritten => {}
    }
}

fn stages<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    let mut joiner: Joiner<ApiGatewayStage> = Joiner::new();
    for item in src.items("aws_api_gateway_stage", "AWS::ApiGateway::Stage") {
        let r = &item.res;
        let mut t = item.tracker();
        let mut stage = ApiGatewayStage {
            name: t
                .field(r, ("stage_name", "StageName"), "name", string)
                .known(),
            cache_cluster_enabled: t
                .field(
                    r,
                    ("cache_cluster_enabled", "CacheClusterEnabled"),
                    "cache_cluster_enabled",
                    boolean,
                )
                .or_default(false),
            ..ApiGatewayStage::default()
        };
        template_settings(&mut t, r, &mut stage);
        let name = stage.name.clone();
        joiner.add(stage, t, name.as_deref());
    }
    // A deployment's `StageDescription` creates its stage.
    for item in src.items("", "AWS::ApiGateway::Deployment") {
        let r = &item.res;
        let mut t = item.tracker();
        let Field::Known(d) = t.block(r, "StageDescription", "stage") else {
            continue;
        };
        let mut stage = ApiGatewayStage {
            name: t.field(r, "StageName", "name", string).known(),
            cache_cluster_enabled: t
                .field(&d, "CacheClusterEnabled", "cache_cluster_enabled", boolean)
                .or_default(false),
            ..ApiGatewayStage::default()
        };
        if d.has("CachingEnabled") || d.has("CacheDataEncrypted") {
            let s = method_setting(&mut t, &d, 0, Some("*/*".to_string()));
            stage.method_settings.push(s);
            // Left-out flags of the stage as a whole point at `StageDescription`.
            if let Some((_, span)) = r.attr("StageDescription") {
                t.at("method_settings[0]", span);
            }
        }
        template_settings(&mut t, &d, &mut stage);
        joiner.add(stage, t, None);
    }
    for item in src.items("aws_api_gateway_method_settings", "") {
        let (stage, t) = joiner.join(&item, "stage_name", &["cache_cluster_enabled"]);
        let r = &item.res;
        let method_path = r.attr("method_path").and_then(|(v, _)| string(&v));
        let i = stage.method_settings.len();
        let setting = match t.block(r, "settings", &format!("method_settings[{i}]")) {
            Field::Known(s) => method_setting(t, &s, i, method_path),
            Field::Unknown => ApiGatewayMethodSetting {
                method_path,
                ..ApiGatewayMethodSetting::default()
            },
            Field::NotWritten => ApiGatewayMethodSetting {
                method_path,
                caching_enabled: Some(false),
                cache_data_encrypted: Some(false),
            },
        };
        // Left-out flags point at the companion resource, not at the stage.
        t.at(format!("method_settings[{i}]"), r.span.clone());
        stage.method_settings.push(setting);
    }
    let stages = joiner.finish(src.locations());
    src.model().aws.apigateway.stages.extend(stages);
}

fn routes<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    let mut protocols: HashMap<String, Option<String>> = HashMap::new();
    for item in src.items("aws_apigatewayv2_api", "AWS::ApiGatewayV2::Api") {
        let p = item
            .res
            .attr(("protocol_type", "ProtocolType"))
            .and_then(|(v, _)| string(&v))
            .map(|s| s.to_ascii_uppercase());
        protocols.insert(item.address.clone(), p);
    }
    for item in src.items("aws_apigatewayv2_route", "AWS::ApiGatewayV2::Route") {
        let r = &item.res;
        let mut t = item.tracker();
        let route_key = t
            .field(r, ("route_key", "RouteKey"), "route_key", string)
            .known();
        let from_api = api_address(r, ("api_id", "ApiId"))
            .and_then(|a| protocols.get(&a).cloned())
            .flatten();
        let protocol = from_api.or_else(|| match route_key.as_deref() {
            Some("$connect" | "$disconnect") => Some("WEBSOCKET".to_string()),
            Some(k) if k.contains(' ') => Some("HTTP".to_string()),
            _ => None,
        });
        if protocol.is_none() {
            t.mark_unknown("protocol");
            t.explain(
                "protocol",
                vec!["the API is not in the scanned code and the route key does not tell whether it is an HTTP or a WebSocket API".to_string()],
            );
        }
        let authorization_type = t
            .field(
                r,
                ("authorization_type", "AuthorizationType"),
                "authorization_type",
                string,
            )
            .or_default("NONE".to_string())
            .map(|s| s.to_ascii_uppercase());
        let mut route = ApiGatewayRoute {
            route_key,
            protocol,
            authorization_type,
            ..ApiGatewayRoute::default()
        };
        route.meta = t.finish(src.locations());
        src.model().aws.apigateway.routes.push(route);
    }
}

#[cfg(test)]
mod tests {
    use crate::terraform::adapt::model_of_text as model;

    const DOC: &str = r#"jsonencode({ Statement = [{ Effect = "Allow", Principal = "*", Action = "execute-api:Invoke", Resource = "*" }] })"#;

    #[test]
    fn a_policy_resource_joins_its_api_and_a_lost_one_stands_alone() {
        let m = model(&format!(
            "resource \"aws_api_gateway_rest_api\" \"a\" {{\n  name = \"a\"\n  endpoint_configuration {{\n    types = [\"PRIVATE\"]\n  }}\n}}\nresource \"aws_api_gateway_rest_api\" \"b\" {{\n  name = \"b\"\n}}\nresource \"aws_api_gateway_rest_api_policy\" \"a\" {{\n  rest_api_id = aws_api_gateway_rest_api.a.id\n  policy = {DOC}\n}}\nresource \"aws_api_gateway_rest_api_policy\" \"lost\" {{\n  rest_api_id = \"a1b2c3d4e5\"\n  policy = {DOC}\n}}\n"
        ));
        let apis = &m.aws.apigateway.rest_apis;
        assert_eq!(apis.len(), 3);
        assert_eq!(apis[0].private, Some(true));
        assert!(apis[0].policy.is_some());
        assert_eq!(apis[1].private, Some(false));
        assert!(apis[1].policy.is_none());
        // The policy of an API outside the scan: its endpoint type is unknown.
        assert_eq!(apis[2].meta.id, "aws_api_gateway_rest_api_policy.lost");
        assert!(apis[2].policy.is_some());
        assert!(apis[2].meta.unknown.contains(&"private".to_string()));
    }
}
