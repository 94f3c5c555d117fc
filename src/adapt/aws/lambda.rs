//! Lambda functions (the key of their environment variables) and function URLs (who may call them);
//! SAM `AWS::Serverless::Function` included, with what it inherits from `Globals.Function`; the
//! permissions that open a function or a layer version to other principals.

use crate::adapt::{string, Field, Res, Source, Tracker};
use crate::model::{LambdaFunction, LambdaFunctionUrl, LambdaLayerPermission, LambdaPermission};
use crate::terraform::value::Value;

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    let globals = src.sam_globals("Function");
    for (terraform, cloudformation) in [
        ("aws_lambda_function", "AWS::Lambda::Function"),
        ("", "AWS::Serverless::Function"),
    ] {
        let sam = terraform.is_empty();
        for item in src.items(terraform, cloudformation) {
            let r = &item.res;
            let mut t = item.tracker();
            let name = t
                .field(r, ("function_name", "FunctionName"), "name", string)
                .known();
            let mut env = environment(&mut t, r);
            let mut key = ref_or_string(&mut t, r, ("kms_key_arn", "KmsKeyArn"), "kms_key_arn");
            let mut url = if sam {
                t.block(r, "FunctionUrlConfig", "function_url")
            } else {
                Field::NotWritten
            };
            if let (true, Some(g)) = (sam, &globals) {
                // Variables merge with the global ones; a key or URL setting on the function wins.
                if !matches!(env, Field::Known(true)) {
                    match environment(&mut t, g) {
                        Field::Known(true) => {
                            t.unknown_remove("environment_variables");
                            env = Field::Known(true);
                        }
                        Field::Unknown => env = Field::Unknown,
                        _ => {}
                    }
                }
                if matches!(key, Field::NotWritten) {
                    key = ref_or_string(&mut t, g, "KmsKeyArn", "kms_key_arn");
                }
                if matches!(url, Field::NotWritten) {
                    url = t.block(g, "FunctionUrlConfig", "function_url");
                }
            }
            let function = LambdaFunction {
                name,
                environment_variables: match env {
                    Field::Known(b) => Some(b),
                    Field::Unknown => None,
                    Field::NotWritten => Some(false),
                },
                kms_key_arn: key.known(),
                ..LambdaFunction::default()
            };
            if let Field::Known(config) = url {
                // SAM creates an `AWS::Lambda::Url` for the function; it is reported at the function.
                let mut ut = Tracker::new(
                    format!("{}.FunctionUrlConfig", item.address),
                    item.label.clone(),
                    item.address.clone(),
                    r.span.clone(),
                );
                let mut u = LambdaFunctionUrl {
                    function: Some(item.label.clone()),
                    ..LambdaFunctionUrl::default()
                };
                u.authorization_type = auth_type(&mut ut, &config, "AuthType");
                u.meta = ut.finish(src.locations());
                src.model().aws.lambda.function_urls.push(u);
            }
            let mut function = function;
            function.meta = t.finish(src.locations());
            src.model().aws.lambda.functions.push(function);
        }
    }
    for item in src.items("aws_lambda_function_url", "AWS::Lambda::Url") {
        let r = &item.res;
        let mut t = item.tracker();
        let mut u = LambdaFunctionUrl {
            function: t
                .field(
                    r,
                    ("function_name", "TargetFunctionArn"),
                    "function",
                    string,
                )
                .known(),
            ..LambdaFunctionUrl::default()
        };
        u.authorization_type = auth_type(&mut t, r, ("authorization_type", "AuthType"));
        u.meta = t.finish(src.locations());
        src.model().aws.lambda.function_urls.push(u);
    }
}

/// Function permissions (`aws_lambda_permission`, `AWS::Lambda::Permission`) and layer version
/// permissions (`aws_lambda_layer_version_permission`, `AWS::Lambda::LayerVersionPermission`). Runs
/// after the functions are adapted: a permission names its function by the function's name.
pub(super) fn permissions<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for item in src.items("aws_lambda_permission", "AWS::Lambda::Permission") {
        let r = &item.res;
        let mut t = item.tracker();
        let function = match t.field(
            r,
            ("function_name", "FunctionName"),
            "function",
            function_name,
        ) {
            Field::Known(FunctionName::Address(a)) => {
                let functions = &src.model().aws.lambda.functions;
                functions
                    .iter()
                    .find(|f| f.meta.id == a)
                    .map(|f| f.name.clone().unwrap_or_else(|| f.meta.id.clone()))
                    .or(Some(a))
            }
            Field::Known(FunctionName::Literal(s)) => Some(after(&s, ":function:").to_string()),
            _ => None,
        };
        let mut p = LambdaPermission {
            function,
            action: t.field(r, ("action", "Action"), "action", string).known(),
            principal: ref_or_string(&mut t, r, ("principal", "Principal"), "principal").known(),
            source_arn: ref_or_string(&mut t, r, ("source_arn", "SourceArn"), "source_arn").known(),
            source_account: ref_or_string(
                &mut t,
                r,
                ("source_account", "SourceAccount"),
                "source_account",
            )
            .known(),
            principal_org_id: ref_or_string(
                &mut t,
                r,
                ("principal_org_id", "PrincipalOrgID"),
                "principal_org_id",
            )
            .known(),
            event_source_token: ref_or_string(
                &mut t,
                r,
                ("event_source_token", "EventSourceToken"),
                "event_source_token",
            )
            .known(),
            function_url_auth_type: t
                .field(
                    r,
                    ("function_url_auth_type", "FunctionUrlAuthType"),
                    "function_url_auth_type",
                    string,
                )
                .known()
                .map(|s| s.to_ascii_uppercase()),
            ..LambdaPermission::default()
        };
        p.meta = t.finish(src.locations());
        src.model().aws.lambda.permissions.push(p);
    }
    for item in src.items(
        "aws_lambda_layer_version_permission",
        "AWS::Lambda::LayerVersionPermission",
    ) {
        let r = &item.res;
        let mut t = item.tracker();
        let mut p = LambdaLayerPermission {
            layer: t
                .field(r, ("layer_name", "LayerVersionArn"), "layer", |v| match v {
                    Value::Ref(r) => Some(r.address.clone()),
                    _ => string(v).map(|s| after(&s, ":layer:").to_string()),
                })
                .known(),
            principal: ref_or_string(&mut t, r, ("principal", "Principal"), "principal").known(),
            action: t.field(r, ("action", "Action"), "action", string).known(),
            organization_id: ref_or_string(
                &mut t,
                r,
                ("organization_id", "OrganizationId"),
                "organization_id",
            )
            .known(),
            ..LambdaLayerPermission::default()
        };
        p.meta = t.finish(src.locations());
        src.model().aws.lambda.layer_permissions.push(p);
    }
}

/// The name in an ARN after `marker` (`:function:`, `:layer:`), without a version or alias; `s` itself
/// when it is not such an ARN.
fn after<'s>(s: &'s str, marker: &str) -> &'s str {
    match s.split_once(marker) {
        Some((_, rest)) => rest.split(':').next().unwrap_or(rest),
        None => s,
    }
}

/// How a permission names its function: a reference to a function of the scan, or a name or ARN.
enum FunctionName {
    Address(String),
    Literal(String),
}

fn function_name(v: &Value) -> Option<FunctionName> {
    match v {
        Value::Ref(r) => Some(FunctionName::Address(r.address.clone())),
        _ => string(v).map(FunctionName::Literal),
    }
}

/// Whether `r` defines environment variables (`environment { variables = … }`, `Environment:
/// Variables:`).
fn environment(t: &mut Tracker, r: &Res) -> Field<bool> {
    match t.block(r, ("environment", "Environment"), "environment_variables") {
        Field::Known(env) => match t.field(
            &env,
            ("variables", "Variables"),
            "environment_variables",
            non_empty_map,
        ) {
            Field::NotWritten => Field::Known(false),
            other => other,
        },
        Field::Unknown => Field::Unknown,
        Field::NotWritten => Field::NotWritten,
    }
}

fn non_empty_map(v: &Value) -> Option<bool> {
    match v {
        Value::Object(map) => Some(!map.is_empty()),
        Value::Null => Some(false),
        _ => None,
    }
}

/// An attribute that names another resource (a key ARN, a configuration's name): an empty string is
/// the same as leaving it out, and a reference to a resource (`aws_kms_key.x.arn`, `!GetAtt Key.Arn`)
/// is a value, written as `address.attribute`.
pub(super) fn ref_or_string(
    t: &mut Tracker,
    r: &Res,
    attr: impl crate::adapt::Name,
    path: &str,
) -> Field<String> {
    match t.field(r, attr, path, string_or_reference) {
        Field::Known(k) if k.is_empty() => Field::NotWritten,
        other => other,
    }
}

fn string_or_reference(v: &Value) -> Option<String> {
    match v {
        Value::Ref(r) => Some(format!("{}.{}", r.address, r.attr)),
        _ => string(v),
    }
}

/// `NONE` or `AWS_IAM`, upper-cased (required in both formats).
fn auth_type(t: &mut Tracker, r: &Res, attr: impl crate::adapt::Name) -> Option<String> {
    t.field(r, attr, "authorization_type", string)
        .known()
        .map(|s| s.to_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use crate::model::Model;

    fn model(yaml: &str) -> Model {
        crate::cloudformation::adapt::model_of_yaml(yaml).0
    }

    #[test]
    fn sam_functions_inherit_globals_unless_they_override() {
        let m = model(
            "Transform: AWS::Serverless-2016-10-31\nGlobals:\n  Function:\n    Environment:\n      Variables:\n        A: b\n    FunctionUrlConfig:\n      AuthType: NONE\nResources:\n  Plain:\n    Type: AWS::Serverless::Function\n  Keyed:\n    Type: AWS::Serverless::Function\n    Properties:\n      KmsKeyArn: !GetAtt Key.Arn\n      FunctionUrlConfig:\n        AuthType: AWS_IAM\n  Key:\n    Type: AWS::KMS::Key\n",
        );
        let f = &m.aws.lambda.functions;
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].environment_variables, Some(true));
        assert_eq!(f[0].kms_key_arn, None);
        assert!(f[0].meta.unknown.is_empty());
        assert_eq!(f[1].kms_key_arn.as_deref(), Some("Key.Arn"));
        let urls = &m.aws.lambda.function_urls;
        assert_eq!(urls.len(), 2);
        assert_eq!(urls[0].meta.id, "Plain.FunctionUrlConfig");
        assert_eq!(urls[0].authorization_type.as_deref(), Some("NONE"));
        assert_eq!(urls[1].authorization_type.as_deref(), Some("AWS_IAM"));
    }

    #[test]
    fn permissions_name_their_function_and_layer() {
        let m = model(
            "AWSTemplateFormatVersion: '2010-09-09'\nParameters:\n  Org:\n    Type: String\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      FunctionName: orders\n  P:\n    Type: AWS::Lambda::Permission\n    Properties:\n      FunctionName: !Ref Fn\n      Action: lambda:InvokeFunction\n      Principal: '*'\n      PrincipalOrgID: !Ref Org\n  Q:\n    Type: AWS::Lambda::Permission\n    Properties:\n      FunctionName: arn:aws:lambda:eu-west-1:111122223333:function:billing:live\n      Action: lambda:InvokeFunction\n      Principal: s3.amazonaws.com\n      SourceArn: arn:aws:s3:::uploads\n  L:\n    Type: AWS::Lambda::LayerVersionPermission\n    Properties:\n      LayerVersionArn: arn:aws:lambda:eu-west-1:111122223333:layer:libs:3\n      Action: lambda:GetLayerVersion\n      Principal: '*'\n",
        );
        let p = &m.aws.lambda.permissions;
        assert_eq!(p[0].function.as_deref(), Some("orders"));
        assert_eq!(p[0].principal.as_deref(), Some("*"));
        assert_eq!(p[0].principal_org_id, None);
        assert!(p[0].meta.unknown.contains(&"principal_org_id".to_string()));
        assert_eq!(p[1].function.as_deref(), Some("billing"));
        assert_eq!(p[1].source_arn.as_deref(), Some("arn:aws:s3:::uploads"));
        let l = &m.aws.lambda.layer_permissions;
        assert_eq!(l[0].layer.as_deref(), Some("libs"));
        assert_eq!(l[0].organization_id, None);
        assert!(l[0].meta.unknown.is_empty());
    }

    #[test]
    fn empty_or_unknown_environment() {
        let m = model(
            "AWSTemplateFormatVersion: '2010-09-09'\nParameters:\n  Vars:\n    Type: String\nResources:\n  Empty:\n    Type: AWS::Lambda::Function\n    Properties:\n      KmsKeyArn: ''\n      Environment:\n        Variables: {}\n  Unknown:\n    Type: AWS::Lambda::Function\n    Properties:\n      Environment:\n        Variables: !Ref Vars\n",
        );
        let f = &m.aws.lambda.functions;
        assert_eq!(f[0].environment_variables, Some(false));
        assert_eq!(f[0].kms_key_arn, None);
        assert!(!f[0].meta.unknown.contains(&"kms_key_arn".to_string()));
        assert_eq!(f[1].environment_variables, None);
        assert!(f[1]
            .meta
            .unknown
            .contains(&"environment_variables".to_string()));
    }
}
