//! Elastic Load Balancing: load balancers with their scheme and type, and the protocol each listener
//! accepts traffic in. A v2 listener (`aws_lb_listener`, `AWS::ElasticLoadBalancingV2::Listener`) is
//! joined to its load balancer through `load_balancer_arn`/`LoadBalancerArn` for the scheme and type;
//! a Classic load balancer's listeners are written inside it.
//!
//! Defaults: `internal` false (CloudFormation `Scheme` `internet-facing`), v2 type `application`; a v2
//! listener's protocol left out is `HTTP` on an Application Load Balancer; a redirect's protocol left
//! out keeps the request's (`#{PROTOCOL}`).

use crate::adapt::{boolean, number, string, target, Field, Format, Joiner, Res, Source, Tracker};
use crate::model::{ClassicListener, LbAction, LbListener, LoadBalancer};

fn upper(v: &crate::terraform::value::Value) -> Option<String> {
    string(v).map(|s| s.to_ascii_uppercase())
}

fn lower(v: &crate::terraform::value::Value) -> Option<String> {
    string(v).map(|s| s.to_ascii_lowercase())
}

/// `internal = true` / `Scheme: internal`.
fn internal(t: &mut Tracker, r: &Res) -> Option<bool> {
    if r.format() == Format::CloudFormation {
        t.field(r, "Scheme", "internal", |v| {
            string(v).map(|s| s.eq_ignore_ascii_case("internal"))
        })
        .or_default(false)
    } else {
        t.field(r, "internal", "internal", boolean)
            .or_default(false)
    }
}

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    // Classic load balancers.
    for item in src.items("aws_elb", "AWS::ElasticLoadBalancing::LoadBalancer") {
        let r = &item.res;
        let mut t = item.tracker();
        let name = t
            .field(r, ("name", "LoadBalancerName"), "name", string)
            .known();
        let internal = internal(&mut t, r);
        let mut listeners = Vec::new();
        if let Field::Known(blocks) = t.blocks(r, ("listener", "Listeners"), "listeners") {
            for (i, b) in blocks.iter().enumerate() {
                let path = format!("listeners[{i}]");
                t.at(path.clone(), b.span.clone());
                listeners.push(ClassicListener {
                    protocol: t
                        .field(
                            b,
                            ("lb_protocol", "Protocol"),
                            &format!("{path}.protocol"),
                            upper,
                        )
                        .known(),
                    port: t
                        .field(
                            b,
                            ("lb_port", "LoadBalancerPort"),
                            &format!("{path}.port"),
                            number,
                        )
                        .known(),
                });
            }
        }
        let mut lb = LoadBalancer {
            name,
            lb_type: Some("classic".into()),
            internal,
            listeners,
            ..LoadBalancer::default()
        };
        lb.meta = t.finish(src.locations());
        src.model().aws.elb.load_balancers.push(lb);
    }

    // v2 load balancers, kept in a joiner for their listeners.
    let mut lbs: Joiner<LoadBalancer> = Joiner::new();
    for tf in ["aws_lb", "aws_alb"] {
        let cfn = if tf == "aws_lb" {
            "AWS::ElasticLoadBalancingV2::LoadBalancer"
        } else {
            ""
        };
        for item in src.items(tf, cfn) {
            let r = &item.res;
            let mut t = item.tracker();
            let name = t.field(r, ("name", "Name"), "name", string).known();
            let lb_type = t
                .field(r, ("load_balancer_type", "Type"), "lb_type", lower)
                .or_default("application".to_string());
            let internal = internal(&mut t, r);
            let lb = LoadBalancer {
                name,
                lb_type,
                internal,
                ..LoadBalancer::default()
            };
            lbs.add(lb, t, None);
        }
    }

    for tf in ["aws_lb_listener", "aws_alb_listener"] {
        let cfn = if tf == "aws_lb_listener" {
            "AWS::ElasticLoadBalancingV2::Listener"
        } else {
            ""
        };
        for item in src.items(tf, cfn) {
            let r = &item.res;
            let mut t = item.tracker();
            let lb = r
                .attr(("load_balancer_arn", "LoadBalancerArn"))
                .and_then(|(v, _)| lbs.find(&target(&v)))
                .map(|i| &lbs.items[i].0);
            let (internal, lb_type) = match lb {
                Some(lb) => (lb.internal, lb.lb_type.clone()),
                None => {
                    for path in ["internal", "lb_type"] {
                        t.mark_unknown(path);
                        t.explain(
                            path,
                            vec!["the listener's load balancer is not in the scanned code".into()],
                        );
                    }
                    (None, None)
                }
            };
            let protocol = match t.field(r, ("protocol", "Protocol"), "protocol", upper) {
                Field::Known(p) => Some(p),
                Field::Unknown => None,
                Field::NotWritten => match lb_type.as_deref() {
                    Some("application") => Some("HTTP".to_string()),
                    Some(_) => None,
                    None => {
                        t.mark_unknown("protocol");
                        t.explain(
                            "protocol",
                            vec![
                                "`protocol` is left out and the load balancer's type is unknown"
                                    .into(),
                            ],
                        );
                        None
                    }
                },
            };
            let port = t.field(r, ("port", "Port"), "port", number).known();
            let mut default_actions = Vec::new();
            if let Field::Known(blocks) =
                t.blocks(r, ("default_action", "DefaultActions"), "default_actions")
            {
                for (i, b) in blocks.iter().enumerate() {
                    let path = format!("default_actions[{i}]");
                    t.at(path.clone(), b.span.clone());
                    let action_type = t
                        .field(b, ("type", "Type"), &format!("{path}.action_type"), lower)
                        .known();
                    let mut redirect_protocol = None;
                    if action_type.as_deref() == Some("redirect") {
                        let rpath = format!("{path}.redirect_protocol");
                        match t.block(b, ("redirect", "RedirectConfig"), &rpath) {
                            Field::Known(rc) => {
                                redirect_protocol = t
                                    .field(&rc, ("protocol", "Protocol"), &rpath, upper)
                                    .or_default("#{PROTOCOL}".to_string());
                            }
                            Field::NotWritten => redirect_protocol = Some("#{PROTOCOL}".into()),
                            Field::Unknown => {}
                        }
                    }
                    default_actions.push(LbAction {
                        action_type,
                        redirect_protocol,
                    });
                }
            }
            let mut l = LbListener {
                protocol,
                port,
                default_actions,
                internal,
                lb_type,
                ..LbListener::default()
            };
            l.meta = t.finish(src.locations());
            src.model().aws.elb.listeners.push(l);
        }
    }
    let lbs = lbs.finish(src.locations());
    src.model().aws.elb.load_balancers.extend(lbs);
}

#[cfg(test)]
mod tests {
    use crate::terraform::adapt::model_of_text as model;

    #[test]
    fn a_listener_takes_scheme_and_type_from_its_load_balancer() {
        let m = model(
            "resource \"aws_lb\" \"net\" {\n  load_balancer_type = \"network\"\n  internal = true\n}\n\
             resource \"aws_lb\" \"web\" {}\n\
             resource \"aws_lb_listener\" \"n\" {\n  load_balancer_arn = aws_lb.net.arn\n  port = 443\n}\n\
             resource \"aws_lb_listener\" \"w\" {\n  load_balancer_arn = aws_lb.web.arn\n  port = 80\n}\n\
             variable \"arn\" {}\n\
             resource \"aws_lb_listener\" \"x\" {\n  load_balancer_arn = var.arn\n}\n",
        );
        let l = &m.aws.elb.listeners;
        assert_eq!(
            (
                l[0].internal,
                l[0].lb_type.as_deref(),
                l[0].protocol.as_deref()
            ),
            (Some(true), Some("network"), None)
        );
        assert_eq!(
            (
                l[1].internal,
                l[1].lb_type.as_deref(),
                l[1].protocol.as_deref()
            ),
            (Some(false), Some("application"), Some("HTTP"))
        );
        assert_eq!(l[2].internal, None);
        assert_eq!(l[2].meta.unknown, vec!["internal", "lb_type", "protocol"]);
    }

    #[test]
    fn a_redirect_without_protocol_keeps_the_requests() {
        let m = model(
            "resource \"aws_lb_listener\" \"r\" {\n  default_action {\n    type = \"redirect\"\n    redirect {\n      port = \"8080\"\n    }\n  }\n}\n",
        );
        let a = &m.aws.elb.listeners[0].default_actions[0];
        assert_eq!(a.redirect_protocol.as_deref(), Some("#{PROTOCOL}"));
    }
}
