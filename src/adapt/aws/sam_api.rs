//! SAM APIs: an `AWS::Serverless::Function` event of type `Api` adds a method to a REST API, one of
//! type `HttpApi` a route to an HTTP API. Without `RestApiId`/`ApiId` the API is the implicit one SAM
//! creates (`ServerlessRestApi`, `ServerlessHttpApi`), configured by `Globals.Api`/`Globals.HttpApi`;
//! with one, an explicit `AWS::Serverless::Api`/`AWS::Serverless::HttpApi` (with the globals under
//! its own properties). Each event becomes an API Gateway method or route in the model, reported at
//! the event, so the API Gateway rules judge them as they judge the methods and routes written out.
//! A REST API with `Cors` also gets the OPTIONS method SAM adds to each of its paths (CORS preflight;
//! the paths of its events and of an inline OpenAPI definition), with the authorization SAM gives it.
//! (An HTTP API answers preflight itself and adds no route.)

use crate::adapt::{boolean, string, Res, Source, Tracker};
use crate::model::{ApiGatewayMethod, ApiGatewayRoute, ApiGatewayStage};
use crate::source::Span;
use crate::terraform::value::Value;
use std::collections::{BTreeMap, BTreeSet};

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    let rest_globals = src.sam_globals("Api");
    let http_globals = src.sam_globals("HttpApi");
    let mut rest: BTreeMap<String, Api> = BTreeMap::new();
    // An explicit REST API's stage: its cache and method settings (or the global ones).
    for item in src.items("", "AWS::Serverless::Api") {
        let r = &item.res;
        let mut t = item.tracker();
        let own = r.has("CacheClusterEnabled") || r.has("MethodSettings");
        let from = match (&rest_globals, own) {
            (Some(g), false) => g,
            _ => r,
        };
        let mut stage = ApiGatewayStage {
            name: t.field(r, "StageName", "name", string).known(),
            cache_cluster_enabled: t
                .field(
                    from,
                    "CacheClusterEnabled",
                    "cache_cluster_enabled",
                    boolean,
                )
                .or_default(false),
            ..ApiGatewayStage::default()
        };
        super::apigateway::template_settings(&mut t, from, &mut stage);
        stage.meta = t.finish(src.locations());
        src.model().aws.apigateway.stages.push(stage);
    }
    for item in src.items("", "AWS::Serverless::Api") {
        rest.insert(
            item.address.clone(),
            Api::of(Some(&item.res), rest_globals.as_ref()),
        );
    }
    let mut http: BTreeMap<String, Api> = BTreeMap::new();
    for item in src.items("", "AWS::Serverless::HttpApi") {
        http.insert(
            item.address.clone(),
            Api::of(Some(&item.res), http_globals.as_ref()),
        );
    }
    let implicit_rest = Api::of(None, rest_globals.as_ref());
    let implicit_http = Api::of(None, http_globals.as_ref());
    // The paths of each SAM REST API's events (without a trailing `/`, as SAM compares them), and those
    // that have an OPTIONS event of their own: CORS adds OPTIONS to the others.
    let mut paths: BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)> = BTreeMap::new();
    for item in src.items("", "AWS::Serverless::Function") {
        let Some(events) = item.res.block("Events") else {
            continue;
        };
        for name in events.keys() {
            let Some(event) = events.block(name.as_str()) else {
                continue;
            };
            let kind = event
                .attr("Type")
                .and_then(|(v, _)| v.as_str().map(str::to_string));
            let (is_rest, id_attr) = match kind.as_deref() {
                Some("Api") => (true, "RestApiId"),
                Some("HttpApi") => (false, "ApiId"),
                _ => continue,
            };
            let props = event.block("Properties");
            let at = events
                .attr(name.as_str())
                .map_or_else(|| event.span.clone(), |(_, s)| s);
            let mut t = Tracker::new(
                format!("{}.Events.{name}", item.address),
                String::new(),
                item.address.clone(),
                at.clone(),
            );
            t.at("event", at);
            // Which API: the implicit one, an explicit SAM API of the template, or one not told.
            let (implicit, apis) = if is_rest {
                ("ServerlessRestApi", (&rest, &implicit_rest))
            } else {
                ("ServerlessHttpApi", (&http, &implicit_http))
            };
            let (api_name, api) = match props.as_ref().and_then(|p| p.attr(id_attr)) {
                None => (implicit.to_string(), Some(apis.1)),
                Some((Value::Ref(r), _)) => {
                    let api = apis.0.get(&r.address);
                    (r.address.clone(), api)
                }
                Some(_) => ("the API".to_string(), None),
            };
            let no_api = format!(
                "`{id_attr}` does not name an API of this template, so its default authorizer is unknown"
            );
            let get = |k: &str| props.as_ref().and_then(|p| p.attr(k)).map(|(v, _)| v);
            let auth = props.as_ref().and_then(|p| p.attr("Auth"));
            if let Some((_, span)) = &auth {
                t.at("authorization_type", span.clone());
            }
            let authorizer = auth.as_ref().map(|(v, _)| lookup(v, &["Authorizer"]));
            let authorization = match authorizer {
                Some(Look::Str(a)) => Ok(kind_of(&a)),
                Some(Look::Unknown | Look::Bool(_) | Look::Other) => {
                    Err("the event's `Auth.Authorizer` is unknown".to_string())
                }
                Some(Look::Absent) | None => match api {
                    None => Err(no_api.clone()),
                    Some(api) => api.default_authorization(),
                },
            };
            let authorization_type = match authorization {
                Ok(a) => Some(a),
                Err(why) => {
                    t.mark_unknown("authorization_type");
                    t.explain("authorization_type", vec![why]);
                    None
                }
            };
            let path = get("Path").and_then(|v| v.as_str().map(str::to_string));
            let method = get("Method").and_then(|v| v.as_str().map(str::to_ascii_uppercase));
            if let (true, Some(_), Some(p)) = (is_rest, api, &path) {
                let p = normal_path(p);
                let (all, own_options) = paths.entry(api_name.clone()).or_default();
                if method.as_deref() == Some("OPTIONS") {
                    own_options.insert(p.clone());
                }
                all.insert(p);
            }
            if is_rest {
                let event_key = auth.as_ref().map(|(v, _)| lookup(v, &["ApiKeyRequired"]));
                let api_key_required = match event_key {
                    Some(Look::Bool(b)) => Some(b),
                    Some(Look::Str(_) | Look::Unknown | Look::Other) => None,
                    Some(Look::Absent) | None => api.and_then(|a| a.api_key_required),
                };
                if api_key_required.is_none() {
                    t.mark_unknown("api_key_required");
                }
                // A resource policy on the event (source IPs, VPC endpoints, accounts) is added to
                // the API's and narrows who may call the method.
                let restricted = match auth.as_ref().map(|(v, _)| lookup(v, &["ResourcePolicy"])) {
                    Some(Look::Absent) | None => api.and_then(|a| a.restricted),
                    Some(Look::Unknown) => None,
                    Some(_) => Some(true),
                };
                let mut m = ApiGatewayMethod {
                    http_method: method,
                    authorization_type,
                    api_key_required,
                    private_api: api.and_then(|a| a.private),
                    restricted_by_policy: restricted,
                    ..ApiGatewayMethod::default()
                };
                for (p, v) in [
                    ("private_api", m.private_api),
                    ("restricted_by_policy", m.restricted_by_policy),
                ] {
                    if v.is_none() {
                        t.mark_unknown(p);
                        t.explain(p, vec![no_api.clone()]);
                    }
                }
                if m.http_method.is_none() {
                    t.mark_unknown("http_method");
                }
                t.relabel(format!(
                    "{api_name} {}",
                    path.as_deref().unwrap_or("(path unknown)")
                ));
                m.meta = t.finish(src.locations());
                src.model().aws.apigateway.methods.push(m);
            } else {
                // An event without `Path` and `Method` is the API's `$default` route.
                let route_key = match (&method, &path) {
                    (None, None) => Some("$default".to_string()),
                    (m, Some(p)) => Some(format!("{} {p}", m.as_deref().unwrap_or("ANY"))),
                    (Some(_), None) => None,
                };
                if route_key.is_none() {
                    t.mark_unknown("route_key");
                }
                t.relabel(api_name);
                let mut r = ApiGatewayRoute {
                    route_key,
                    protocol: Some("HTTP".to_string()),
                    authorization_type,
                    ..ApiGatewayRoute::default()
                };
                r.meta = t.finish(src.locations());
                src.model().aws.apigateway.routes.push(r);
            }
        }
    }
    // Every SAM REST API with `Cors`: the paths of its events and of its inline OpenAPI definition.
    let apis = std::iter::once(("ServerlessRestApi".to_string(), &implicit_rest))
        .chain(rest.iter().map(|(name, api)| (name.clone(), api)));
    for (api_name, api) in apis {
        let Some(cors) = &api.cors else {
            continue;
        };
        let (mut all, mut own_options) = paths.remove(&api_name).unwrap_or_default();
        for (path, has_options) in &api.definition_paths {
            all.insert(path.clone());
            if *has_options {
                own_options.insert(path.clone());
            }
        }
        for path in all.difference(&own_options) {
            let m = preflight(api, &api_name, path, cors.clone(), src);
            src.model().aws.apigateway.methods.push(m);
        }
    }
}

/// The OPTIONS method SAM adds to `path` of an API with `Cors` (written at `cors`): a mock integration
/// that answers CORS preflight, with the API's default authorizer and API key unless
/// `AddDefaultAuthorizerToCorsPreflight`/`AddApiKeyRequiredToCorsPreflight` is `false`.
fn preflight<'r, 'a: 'r>(
    api: &Api,
    api_name: &str,
    path: &str,
    cors: Span,
    src: &mut impl Source<'r, 'a>,
) -> ApiGatewayMethod {
    let mut t = Tracker::new(
        format!("{api_name}.Cors.OPTIONS {path}"),
        format!("{api_name} {path}"),
        api_name.to_string(),
        cors.clone(),
    );
    // What SAM writes into the method follows from the API's `Cors` (and its `Auth`).
    for p in ["http_method", "authorization_type", "api_key_required"] {
        t.at(p, cors.clone());
    }
    let authorization_type = match (&api.authorizer_on_preflight, api.default_authorization()) {
        (Some(false), _) => Some("NONE".to_string()),
        (Some(true), Ok(a)) => Some(a),
        (Some(true), Err(why)) => {
            t.mark_unknown("authorization_type");
            t.explain("authorization_type", vec![why]);
            None
        }
        (None, _) => {
            t.mark_unknown("authorization_type");
            t.explain(
                "authorization_type",
                vec!["the API's `Auth.AddDefaultAuthorizerToCorsPreflight` is unknown".to_string()],
            );
            None
        }
    };
    let api_key_required = match (api.api_key_required, api.api_key_on_preflight) {
        (Some(false), _) | (_, Some(false)) => Some(false),
        (Some(true), Some(true)) => Some(true),
        _ => None,
    };
    let mut m = ApiGatewayMethod {
        http_method: Some("OPTIONS".to_string()),
        authorization_type,
        api_key_required,
        private_api: api.private,
        restricted_by_policy: api.restricted,
        ..ApiGatewayMethod::default()
    };
    for (p, known) in [
        ("api_key_required", m.api_key_required.is_some()),
        ("private_api", m.private_api.is_some()),
        ("restricted_by_policy", m.restricted_by_policy.is_some()),
    ] {
        if !known {
            t.mark_unknown(p);
        }
    }
    m.meta = t.finish(src.locations());
    m
}

/// A path as SAM compares paths for CORS: without a trailing `/`, except the root.
fn normal_path(path: &str) -> String {
    match path.trim_end_matches('/') {
        "" => "/".to_string(),
        p => p.to_string(),
    }
}

/// What a SAM API (explicit, or the implicit one from the globals) tells its events.
struct Api {
    /// `Auth.DefaultAuthorizer`: absent, a name, or unknown.
    default_authorizer: Look,
    /// The API is described by an OpenAPI document (`DefinitionBody`/`DefinitionUri`), whose
    /// `security` may authorize every method.
    definition: bool,
    api_key_required: Option<bool>,
    private: Option<bool>,
    restricted: Option<bool>,
    /// Where `Cors` is written (the API's own, else `Globals.Api`); SAM then adds OPTIONS methods.
    /// Not with an OpenAPI document in S3 (`DefinitionUri`), which SAM refuses to add CORS to.
    cors: Option<Span>,
    /// `Auth.AddDefaultAuthorizerToCorsPreflight` (default `true`).
    authorizer_on_preflight: Option<bool>,
    /// `Auth.AddApiKeyRequiredToCorsPreflight` (default `true`).
    api_key_on_preflight: Option<bool>,
    /// The paths of an inline OpenAPI definition (`DefinitionBody.paths`, without a trailing `/`), and
    /// whether each has an `options` method of its own.
    definition_paths: Vec<(String, bool)>,
}

impl Api {
    /// The API `own` (none for the implicit API) with `globals` under its properties.
    fn of(own: Option<&Res>, globals: Option<&Res>) -> Api {
        let prop = |k: &str| -> Option<Value> {
            own.and_then(|r| r.attr(k))
                .or_else(|| globals.and_then(|g| g.attr(k)))
                .map(|(v, _)| v)
        };
        // `Auth` merges: the API's own keys over the global ones.
        let auth = |k: &str| -> Look {
            let own_auth = own.and_then(|r| r.attr("Auth")).map(|(v, _)| v);
            let global_auth = globals.and_then(|g| g.attr("Auth")).map(|(v, _)| v);
            match own_auth.as_ref().map(|a| lookup(a, &[k])) {
                Some(Look::Absent) | None => global_auth
                    .as_ref()
                    .map_or(Look::Absent, |a| lookup(a, &[k])),
                Some(found) => found,
            }
        };
        let private = match prop("EndpointConfiguration") {
            None => Some(false),
            Some(v) => match lookup(&v, &[]) {
                Look::Str(s) => Some(s.eq_ignore_ascii_case("PRIVATE")),
                _ => match lookup(&v, &["Type"]) {
                    Look::Str(s) => Some(s.eq_ignore_ascii_case("PRIVATE")),
                    Look::Absent => Some(false),
                    _ => None,
                },
            },
        };
        let on_preflight = |k: &str| match auth(k) {
            Look::Bool(b) => Some(b),
            Look::Absent => Some(true),
            _ => None,
        };
        let cors = own
            .and_then(|r| r.attr("Cors"))
            .or_else(|| globals.and_then(|g| g.attr("Cors")))
            .map(|(_, span)| span)
            .filter(|_| !own.is_some_and(|r| r.has("DefinitionUri") && !r.has("DefinitionBody")));
        let definition_paths = match own.and_then(|r| r.attr("DefinitionBody")) {
            Some((Value::Object(body), _)) => match body.get("paths") {
                Some(Value::Object(paths)) => paths
                    .iter()
                    .map(|(path, item)| {
                        let has_options =
                            matches!(item, Value::Object(m) if m.contains_key("options"));
                        (normal_path(path), has_options)
                    })
                    .collect(),
                _ => Vec::new(),
            },
            _ => Vec::new(),
        };
        Api {
            cors,
            definition_paths,
            authorizer_on_preflight: on_preflight("AddDefaultAuthorizerToCorsPreflight"),
            api_key_on_preflight: on_preflight("AddApiKeyRequiredToCorsPreflight"),
            default_authorizer: auth("DefaultAuthorizer"),
            definition: own.is_some_and(|r| r.has("DefinitionBody") || r.has("DefinitionUri")),
            api_key_required: match auth("ApiKeyRequired") {
                Look::Bool(b) => Some(b),
                Look::Absent => Some(false),
                _ => None,
            },
            private,
            // A resource policy (source IPs, VPC endpoints, custom statements) narrows the callers.
            restricted: match auth("ResourcePolicy") {
                Look::Absent => Some(false),
                Look::Unknown => None,
                _ => Some(true),
            },
        }
    }

    /// The authorization of an event that names no authorizer of its own.
    fn default_authorization(&self) -> Result<String, String> {
        match &self.default_authorizer {
            Look::Str(a) => Ok(kind_of(a)),
            Look::Unknown | Look::Bool(_) | Look::Other => {
                Err("the API's `Auth.DefaultAuthorizer` is unknown".to_string())
            }
            Look::Absent if self.definition => Err(
                "the API's OpenAPI definition (`DefinitionBody`/`DefinitionUri`) may authorize the method"
                    .to_string(),
            ),
            Look::Absent => Ok("NONE".to_string()),
        }
    }
}

/// An authorizer named in SAM (`NONE`, `AWS_IAM` or an authorizer's name) as an authorization type.
fn kind_of(authorizer: &str) -> String {
    match authorizer {
        "NONE" => "NONE".to_string(),
        "AWS_IAM" => "AWS_IAM".to_string(),
        _ => "CUSTOM".to_string(),
    }
}

/// A value found at a path in a property's value.
enum Look {
    Absent,
    Unknown,
    Str(String),
    Bool(bool),
    Other,
}

fn lookup(v: &Value, path: &[&str]) -> Look {
    let mut v = v;
    for k in path {
        match v {
            Value::Object(m) => match m.get(*k) {
                Some(next) => v = next,
                None => return Look::Absent,
            },
            Value::Null => return Look::Absent,
            Value::Unknown | Value::Ref(_) | Value::Json(_) => return Look::Unknown,
            _ => return Look::Absent,
        }
    }
    match v {
        Value::Null => Look::Absent,
        Value::String(s) => Look::Str(s.clone()),
        Value::Bool(b) => Look::Bool(*b),
        Value::Unknown | Value::Ref(_) | Value::Json(_) => Look::Unknown,
        _ => Look::Other,
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Model;

    fn model(yaml: &str) -> Model {
        crate::cloudformation::adapt::model_of_yaml(yaml).0
    }

    /// Events become methods and routes of the implicit or explicit API, with the event's authorizer,
    /// else the API's default (its own `Auth` over `Globals`), else NONE; an OpenAPI definition or an
    /// API outside the template leaves it unknown; an event resource policy restricts the method.
    #[test]
    fn sam_events_become_methods_and_routes() {
        let m = model(
            "Transform: AWS::Serverless-2016-10-31\nGlobals:\n  Api:\n    Auth:\n      DefaultAuthorizer: AWS_IAM\n      ApiKeyRequired: true\nResources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      Events:\n        A:\n          Type: Api\n          Properties:\n            Path: /a\n            Method: get\n        B:\n          Type: Api\n          Properties:\n            Path: /b\n            Method: post\n            Auth:\n              Authorizer: NONE\n              ResourcePolicy:\n                IpRangeWhitelist: [10.0.0.0/8]\n        C:\n          Type: Api\n          Properties:\n            RestApiId: !Ref Own\n            Path: /c\n            Method: any\n        D:\n          Type: Api\n          Properties:\n            RestApiId: !Ref Defined\n            Path: /d\n            Method: get\n        E:\n          Type: HttpApi\n        G:\n          Type: HttpApi\n          Properties:\n            ApiId: !Ref Http\n            Path: /g\n            Method: get\n        S:\n          Type: S3\n  Own:\n    Type: AWS::Serverless::Api\n    Properties:\n      Auth:\n        DefaultAuthorizer: NONE\n  Defined:\n    Type: AWS::Serverless::Api\n    Properties:\n      DefinitionUri: s3://b/k\n  Http:\n    Type: AWS::Serverless::HttpApi\n    Properties:\n      Auth:\n        DefaultAuthorizer: Jwt\n",
        );
        let methods = &m.aws.apigateway.methods;
        let got: Vec<_> = methods
            .iter()
            .map(|x| {
                (
                    x.meta.id.as_str(),
                    x.meta.label.as_str(),
                    x.http_method.as_deref(),
                    x.authorization_type.as_deref(),
                    x.api_key_required,
                    x.restricted_by_policy,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "F.Events.A",
                    "ServerlessRestApi /a",
                    Some("GET"),
                    Some("AWS_IAM"),
                    Some(true),
                    Some(false)
                ),
                (
                    "F.Events.B",
                    "ServerlessRestApi /b",
                    Some("POST"),
                    Some("NONE"),
                    Some(true),
                    Some(true)
                ),
                (
                    "F.Events.C",
                    "Own /c",
                    Some("ANY"),
                    Some("NONE"),
                    Some(true),
                    Some(false)
                ),
                // The globals apply to explicit APIs too.
                (
                    "F.Events.D",
                    "Defined /d",
                    Some("GET"),
                    Some("AWS_IAM"),
                    Some(true),
                    Some(false)
                ),
            ]
        );
        // Without a default, an OpenAPI definition may authorize the method: unknown, not NONE.
        let m2 = model(
            "Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      Events:\n        D:\n          Type: Api\n          Properties:\n            RestApiId: !Ref Defined\n            Path: /d\n            Method: get\n  Defined:\n    Type: AWS::Serverless::Api\n    Properties:\n      DefinitionUri: s3://b/k\n",
        );
        let d = &m2.aws.apigateway.methods[0];
        assert_eq!(d.authorization_type, None);
        assert!(d.meta.unknown.contains(&"authorization_type".to_string()));
        let routes: Vec<_> = m
            .aws
            .apigateway
            .routes
            .iter()
            .map(|r| {
                (
                    r.meta.label.as_str(),
                    r.route_key.as_deref(),
                    r.authorization_type.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            routes,
            [
                ("ServerlessHttpApi", Some("$default"), Some("NONE")),
                ("Http", Some("GET /g"), Some("CUSTOM")),
            ]
        );
    }

    /// `Cors` on a SAM REST API (its own, else `Globals.Api`) adds an OPTIONS method to every path of its
    /// events (`/a` and `/a/` are one) that has no OPTIONS event, with the default authorizer and API
    /// key unless the API keeps them off preflight; not for an API whose definition is in S3, nor for
    /// HTTP APIs, which answer preflight themselves.
    #[test]
    fn cors_adds_options_methods() {
        let m = model(
            "Transform: AWS::Serverless-2016-10-31\nGlobals:\n  Api:\n    Cors: \"'*'\"\nResources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      Events:\n        A:\n          Type: Api\n          Properties:\n            Path: /a\n            Method: get\n        A2:\n          Type: Api\n          Properties:\n            Path: /a/\n            Method: post\n        B:\n          Type: Api\n          Properties:\n            Path: /b\n            Method: get\n        BOptions:\n          Type: Api\n          Properties:\n            Path: /b\n            Method: options\n        C:\n          Type: Api\n          Properties:\n            RestApiId: !Ref Iam\n            Path: /c\n            Method: get\n        D:\n          Type: Api\n          Properties:\n            RestApiId: !Ref Open\n            Path: /d\n            Method: get\n        E:\n          Type: Api\n          Properties:\n            RestApiId: !Ref Keyed\n            Path: /e\n            Method: get\n        S3Def:\n          Type: Api\n          Properties:\n            RestApiId: !Ref FromS3\n            Path: /s\n            Method: get\n        H:\n          Type: HttpApi\n          Properties:\n            ApiId: !Ref Http\n            Path: /h\n            Method: get\n  Iam:\n    Type: AWS::Serverless::Api\n    Properties:\n      Auth:\n        DefaultAuthorizer: AWS_IAM\n  Open:\n    Type: AWS::Serverless::Api\n    Properties:\n      Cors:\n        AllowOrigin: \"'https://example.com'\"\n      Auth:\n        DefaultAuthorizer: AWS_IAM\n        AddDefaultAuthorizerToCorsPreflight: false\n  Keyed:\n    Type: AWS::Serverless::Api\n    Properties:\n      Auth:\n        ApiKeyRequired: true\n  FromS3:\n    Type: AWS::Serverless::Api\n    Properties:\n      DefinitionUri: s3://b/k\n  Http:\n    Type: AWS::Serverless::HttpApi\n    Properties:\n      CorsConfiguration:\n        AllowOrigins: ['*']\n",
        );
        let options: Vec<_> = m
            .aws
            .apigateway
            .methods
            .iter()
            .filter(|x| x.meta.id.contains(".Cors."))
            .map(|x| {
                (
                    x.meta.id.as_str(),
                    x.meta.label.as_str(),
                    x.http_method.as_deref(),
                    x.authorization_type.as_deref(),
                    x.api_key_required,
                    x.private_api,
                    x.restricted_by_policy,
                )
            })
            .collect();
        let f = Some(false);
        assert_eq!(
            options,
            [
                (
                    "ServerlessRestApi.Cors.OPTIONS /a",
                    "ServerlessRestApi /a",
                    Some("OPTIONS"),
                    Some("NONE"),
                    f,
                    f,
                    f
                ),
                (
                    "Iam.Cors.OPTIONS /c",
                    "Iam /c",
                    Some("OPTIONS"),
                    Some("AWS_IAM"),
                    f,
                    f,
                    f
                ),
                (
                    "Keyed.Cors.OPTIONS /e",
                    "Keyed /e",
                    Some("OPTIONS"),
                    Some("NONE"),
                    Some(true),
                    f,
                    f
                ),
                (
                    "Open.Cors.OPTIONS /d",
                    "Open /d",
                    Some("OPTIONS"),
                    Some("NONE"),
                    f,
                    f,
                    f
                ),
            ]
        );
        assert!(m
            .aws
            .apigateway
            .routes
            .iter()
            .all(|r| r.route_key.as_deref() == Some("GET /h")));
        // The paths of an inline OpenAPI definition get one too, unless they have their own.
        let defined = model(
            "Transform: AWS::Serverless-2016-10-31\nResources:\n  Defined:\n    Type: AWS::Serverless::Api\n    Properties:\n      Cors: \"'*'\"\n      DefinitionBody:\n        swagger: '2.0'\n        paths:\n          /x/:\n            get: {}\n          /y:\n            get: {}\n            options: {}\n",
        );
        let labels: Vec<_> = defined
            .aws
            .apigateway
            .methods
            .iter()
            .map(|x| (x.meta.label.as_str(), x.http_method.as_deref()))
            .collect();
        assert_eq!(labels, [("Defined /x", Some("OPTIONS"))]);
        // Without `Cors` anywhere, no OPTIONS method is added.
        let plain = model(
            "Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      Events:\n        A:\n          Type: Api\n          Properties:\n            Path: /a\n            Method: get\n",
        );
        assert_eq!(plain.aws.apigateway.methods.len(), 1);
    }
}
