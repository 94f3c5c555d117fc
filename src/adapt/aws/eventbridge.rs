//! EventBridge event buses and who may put events on them: the bus's own policy, bus policy resources,
//! and single-statement permissions (`aws_cloudwatch_event_permission`, an `AWS::Events::EventBusPolicy`
//! written with `Principal`/`Action`), each of which adds a statement to the bus policy.

use super::resource_policy::last_segment;
use crate::adapt::{document, string, Item, Joiner, ObjectFields, Res, Source, Tracker};
use crate::model::{Document, EventBus};
use crate::terraform::value::Value;
use std::collections::BTreeMap;

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    let mut buses: Joiner<EventBus> = Joiner::new();
    for item in src.items("aws_cloudwatch_event_bus", "AWS::Events::EventBus") {
        let r = &item.res;
        let mut t = item.tracker();
        let bus = EventBus {
            name: t.field(r, ("name", "Name"), "name", string).known(),
            policy: t.document(r, "Policy", "policy").known(),
            ..EventBus::default()
        };
        let name = bus.name.clone();
        buses.add(bus, t, name.as_deref());
    }
    // A whole policy replaces the bus's.
    for item in src.items(
        "aws_cloudwatch_event_bus_policy",
        "AWS::Events::EventBusPolicy",
    ) {
        let r = &item.res;
        let i = bus(&mut buses, &item, ("event_bus_name", "EventBusName"));
        let (bus, t) = &mut buses.items[i];
        if r.has("Statement") {
            // CloudFormation's `Statement` is one statement object.
            if let Some((v, span)) = r.attr("Statement") {
                let map = BTreeMap::from([(
                    "Policy".to_string(),
                    Value::Object(BTreeMap::from([("Statement".to_string(), v)])),
                )]);
                bus.policy = t
                    .document(&ObjectFields { map: &map, span }, "Policy", "policy")
                    .known();
            }
        } else if r.has("policy") {
            bus.policy = t.document(r, "policy", "policy").known();
        } else {
            add_statement(bus, t, r);
        }
    }
    for item in src.items("aws_cloudwatch_event_permission", "") {
        let i = bus(&mut buses, &item, "event_bus_name");
        let (bus, t) = &mut buses.items[i];
        add_statement(bus, t, &item.res);
    }
    let buses = buses.finish(src.locations());
    src.model().aws.eventbridge.buses.extend(buses);
}

/// The bus a policy resource names (by reference, name or ARN; the account's `default` bus when it
/// names none). A bus that is not in the scan is an entity of its own, named after it when the name is
/// written.
fn bus(buses: &mut Joiner<EventBus>, item: &Item, attr: impl crate::adapt::Name) -> usize {
    let target = match item.res.attr(attr) {
        None => Value::String("default".into()),
        Some((v, _)) => v,
    };
    let found = match &target {
        Value::Ref(r) => buses.find(&crate::adapt::Target::Address(r.address.clone())),
        Value::String(s) => buses.find(&crate::adapt::Target::Name(last_segment(s).to_string())),
        _ => None,
    };
    if let Some(i) = found {
        return i;
    }
    let name = match &target {
        Value::String(s) => Some(last_segment(s).to_string()),
        _ => None,
    };
    let label = name.clone().unwrap_or_else(|| item.label.clone());
    let mut t = Tracker::new(
        item.address.clone(),
        label,
        item.address.clone(),
        item.res.span.clone(),
    );
    if name.is_none() {
        t.mark_unknown("name");
    }
    let bus = EventBus {
        name: name.clone(),
        ..EventBus::default()
    };
    buses.add(bus, t, name.as_deref());
    buses.items.len() - 1
}

/// Adds the statement a permission resource stands for: `principal` (an account or `*`) may perform
/// `action` (`events:PutEvents` by default), under its `condition` (an organization) if any.
fn add_statement(bus: &mut EventBus, t: &mut Tracker, r: &Res) {
    // `null` leaves an argument out.
    let get = |tf: &str, cfn: &str| {
        r.attr((tf, cfn))
            .map(|(v, _)| v)
            .filter(|v| *v != Value::Null)
    };
    let principal = get("principal", "Principal").unwrap_or(Value::Unknown);
    let action = get("action", "Action").unwrap_or(Value::String("events:PutEvents".into()));
    let mut stmt = BTreeMap::from([
        ("Effect".to_string(), Value::String("Allow".into())),
        (
            "Principal".to_string(),
            Value::Object(BTreeMap::from([("AWS".to_string(), principal)])),
        ),
        ("Action".to_string(), action),
        ("Resource".to_string(), Value::String("*".into())),
    ]);
    let condition = match r.nested(("condition", "Condition")) {
        // A `dynamic "condition"` that gave no block may stand for one whose value is not known (its
        // `for_each` wraps an unknown value in `try`): the condition is unknown, not absent.
        Ok(blocks) if blocks.is_empty() && r.keys().iter().any(|k| k == "condition") => {
            Some(Value::Unknown)
        }
        Ok(blocks) => blocks.into_iter().next().map(|c| {
            let get = |tf: &str, cfn: &str| c.attr((tf, cfn)).map(|(v, _)| v);
            let op = get("type", "Type").and_then(|v| string(&v));
            let key = get("key", "Key").and_then(|v| string(&v));
            match (op, key) {
                (Some(op), Some(key)) => Value::Object(BTreeMap::from([(
                    op,
                    Value::Object(BTreeMap::from([(
                        key,
                        get("value", "Value").unwrap_or(Value::Unknown),
                    )])),
                )])),
                _ => Value::Unknown,
            }
        }),
        Err(_) => Some(Value::Unknown),
    };
    if let Some(c) = condition {
        stmt.insert("Condition".to_string(), c);
    }
    let value = Value::Object(BTreeMap::from([(
        "Statement".to_string(),
        Value::List(vec![Value::Object(stmt)]),
    )]));
    let Some((doc, unknown)) = document(&value) else {
        return;
    };
    let policy = bus.policy.get_or_insert_with(Document::default);
    let n = policy.statements.len();
    let path = format!("policy.statements[{n}]");
    let span = r
        .attr(("principal", "Principal"))
        .map_or_else(|| r.span.clone(), |(_, s)| s);
    t.at(&path, span);
    for u in unknown {
        // `statements[0].x` of the one-statement document is statement `n` of the bus policy.
        let rest = u.strip_prefix("statements[0]").unwrap_or("");
        t.mark_unknown(format!("{path}{rest}"));
    }
    policy.statements.extend(doc.statements);
}
