//! Lambda functions (the key of their environment variables) and function URLs (who may call them);
//! SAM `AWS::Serverless::Function` included, with what it inherits from `Globals.Function`.

use crate::adapt::{string, Field, Res, Source, Tracker};
use crate::model::{LambdaFunction, LambdaFunctionUrl};
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
            let mut key = key_arn(&mut t, r, ("kms_key_arn", "KmsKeyArn"), "kms_key_arn");
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
                    key = key_arn(&mut t, g, "KmsKeyArn", "kms_key_arn");
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

/// A key ARN attribute; an empty string is the same as leaving it out.
pub(super) fn key_arn(
    t: &mut Tracker,
    r: &Res,
    attr: impl crate::adapt::Name,
    path: &str,
) -> Field<String> {
    match t.field(r, attr, path, string) {
        Field::Known(k) if k.is_empty() => Field::NotWritten,
        other => other,
    }
}

/// `NONE` or `AWS_IAM`, upper-cased (required in both formats).
fn auth_type(t: &mut Tracker, r: &Res, attr: impl crate::adapt::Name) -> Option<String> {
    t.field(r, attr, "authorization_type", string)
        .known()
        .map(|s| s.to_ascii_uppercase())
}
