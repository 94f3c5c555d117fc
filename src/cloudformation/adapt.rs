//! CloudFormation resources → the normalized model, with the adapter toolkit (`crate::adapt`: trackers,
//! joins and converters) that the Terraform adapters use too. Entity ids are logical IDs.
//!
//! Property objects and lists (`PublicAccessBlockConfiguration`, `SecurityGroupIngress`, `Policies`) are
//! walked as nodes so that their spans stay exact; a node written as `!If [Cond, {...}, !Ref AWS::NoValue]`
//! follows the condition when it can be decided, and is unknown when it cannot.

use super::{resource_ids, Resolved, Template};
use crate::adapt::aws::security_group::{
    default_group_id, Attachments, LOAD_BALANCERS, NOT_ATTACHMENTS,
};
use crate::adapt::{
    boolean, normalize_protocol, number, string, Direction, Field, Fields, Item, Joiner, Res,
    Target, Tracker,
};
use crate::finding::Trace;
use crate::json::{Kind, Node};
use crate::model::{Bucket, Document, Locations, Model, SecurityGroup, SgRule, Topic, Volume};
use crate::source::{FileId, Span};
use crate::terraform::value::Value;

/// Properties of a resource that has none.
static EMPTY: Node = Node {
    span: 0..0,
    kind: Kind::Object(Vec::new()),
};

/// Builds the model of one template.
pub fn adapt(file: FileId, tpl: &Template) -> (Model, Locations) {
    let mut cx = Cx {
        file,
        tpl,
        model: Model::default(),
        locations: Locations::default(),
    };
    s3(&mut cx);
    ebs(&mut cx);
    ec2(&mut cx);
    sns(&mut cx);
    crate::adapt::aws::adapt(&mut cx);
    (cx.model, cx.locations)
}

/// The raw input of custom policies (see [`crate::adapt::raw`]): every resource of the template whose
/// condition is not known to be false, its `Properties` resolved.
pub fn raw(file: FileId, tpl: &Template) -> crate::adapt::raw::RawInput {
    let mut out = crate::adapt::raw::RawInput::default();
    for r in tpl.resources.iter().filter(|r| tpl.exists(r)) {
        let item = Item {
            address: r.logical_id.to_string(),
            label: r.logical_id.to_string(),
            res: Res::template(
                file,
                tpl,
                r.properties.unwrap_or(&EMPTY),
                Span::new(file, r.entry.key_span.clone()),
            ),
        };
        out.push(r.rtype, &item);
    }
    out
}

struct Cx<'t> {
    file: FileId,
    tpl: &'t Template<'t>,
    model: Model,
    locations: Locations,
}

/// One resource of the template: the item the shared trackers and joins work on, and its `Properties`.
struct Resource<'t> {
    item: Item<'t, 't>,
    props: &'t Node,
}

impl<'t> crate::adapt::Source<'t, 't> for Cx<'t> {
    fn items(&self, _: &str, cloudformation: &str) -> Vec<Item<'t, 't>> {
        if cloudformation.is_empty() {
            return Vec::new();
        }
        self.resources(cloudformation)
            .into_iter()
            .map(|r| r.item)
            .collect()
    }

    fn model(&mut self) -> &mut Model {
        &mut self.model
    }

    fn sam_globals(&self, section: &str) -> Option<Res<'t, 't>> {
        let node = self.tpl.root.get("Globals")?.get(section)?;
        Some(Res::template(
            self.file,
            self.tpl,
            node,
            Span::new(self.file, node.span.clone()),
        ))
    }

    fn locations(&mut self) -> &mut Locations {
        &mut self.locations
    }
}

impl<'t> Cx<'t> {
    /// The resources of type `rtype` (those whose condition is not known to be false), located at
    /// their logical ID.
    fn resources(&self, rtype: &str) -> Vec<Resource<'t>> {
        resource_ids(self.tpl, rtype)
            .into_iter()
            .map(|r| {
                let props = r.properties.unwrap_or(&EMPTY);
                Resource {
                    item: Item {
                        address: r.logical_id.to_string(),
                        label: r.logical_id.to_string(),
                        res: Res::template(
                            self.file,
                            self.tpl,
                            props,
                            Span::new(self.file, r.entry.key_span.clone()),
                        ),
                    },
                    props,
                }
            })
            .collect()
    }

    /// A property object (or a list element) read like a nested block, located at its first line.
    fn res(&self, node: &'t Node) -> Res<'t, 't> {
        Res::template(self.file, self.tpl, node, self.span(node))
    }

    fn span(&self, node: &Node) -> Span {
        Span::new(self.file, node.span.clone())
    }

    fn span_of(&self, range: &std::ops::Range<usize>) -> Span {
        Span::new(self.file, range.clone())
    }

    fn resolve(&self, node: &'t Node) -> Resolved<'t> {
        self.tpl.resolve(node)
    }

    /// Property `name` of the object `props`, resolved.
    fn prop(&self, props: &'t Node, name: &str) -> Resolved<'t> {
        match props.get(name) {
            Some(n) => self.resolve(n),
            None => Resolved::Absent,
        }
    }

    /// Property `name` that must be an object (`PublicAccessBlockConfiguration`).
    fn object(&self, props: &'t Node, name: &str) -> Resolved<'t> {
        match self.prop(props, name) {
            Resolved::Node(n) if !matches!(n.kind, Kind::Object(_)) => {
                Resolved::Unknown(vec![format!("`{name}` is not an object")])
            }
            other => other,
        }
    }

    /// The elements of the list property `name`, each resolved, with its index in the list as written;
    /// `Err` when the list itself is unknown.
    fn list(&self, props: &'t Node, name: &str) -> Result<Vec<(usize, Resolved<'t>)>, Vec<String>> {
        match self.prop(props, name) {
            Resolved::Absent => Ok(Vec::new()),
            Resolved::Unknown(why) => Err(why),
            Resolved::Node(n) => match &n.kind {
                Kind::Array(items) => Ok(items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| (i, self.resolve(item)))
                    .collect()),
                _ => Err(vec![format!("`{name}` is not a list")]),
            },
        }
    }

    /// The first element of list property `name` that is there (`ServerSideEncryptionConfiguration`).
    fn first(&self, props: &'t Node, name: &str) -> Resolved<'t> {
        match self.list(props, name) {
            Err(why) => Resolved::Unknown(why),
            Ok(items) => items
                .into_iter()
                .map(|(_, r)| r)
                .find(|r| !matches!(r, Resolved::Absent))
                .unwrap_or(Resolved::Absent),
        }
    }
}

/// Fields of a property object with `!Ref AWS::NoValue` removed inside list and object values, as
/// CloudFormation removes them (the shared reader only removes a property that is `AWS::NoValue` as a
/// whole).
struct NoValueRemoved<'a, 'r, 'b>(&'a Res<'r, 'b>);

impl<'r, 'b: 'r> Fields for NoValueRemoved<'_, 'r, 'b> {
    fn get(&self, name: &str) -> Option<(Value, Span, Vec<Trace>, Vec<String>)> {
        self.0
            .attr_traced(name)
            .map(|(v, span, trace, why)| (remove_no_value(v), span, trace, why))
    }

    fn format(&self) -> crate::adapt::Format {
        self.0.format()
    }

    fn document_tree(&self, name: &str) -> Option<crate::json_spans::SpanTree> {
        self.0.document_tree(name)
    }
}

fn remove_no_value(v: Value) -> Value {
    match v {
        Value::List(items) => Value::List(
            items
                .into_iter()
                .filter(|v| *v != Value::Null)
                .map(remove_no_value)
                .collect(),
        ),
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(_, v)| *v != Value::Null)
                .map(|(k, v)| (k, remove_no_value(v)))
                .collect(),
        ),
        other => other,
    }
}

/// A policy document property (an object, or JSON text) into model path `path`, with `!Ref AWS::NoValue`
/// entries removed; its unknown parts are listed under `path`.
fn read_document<'r, 'b: 'r>(
    t: &mut Tracker,
    r: &Res<'r, 'b>,
    attr: &str,
    path: &str,
) -> Field<Document> {
    t.document(&NoValueRemoved(r), attr, path)
}

/// Whether property `name` is written (a property removed with `!Ref AWS::NoValue` is not).
fn written(r: &Res<'_, '_>, name: &str) -> bool {
    r.attr(name).is_some()
}

/// Marks `path` unknown, located at `span`, with why.
fn unknown_at(t: &mut Tracker, path: &str, span: Span, why: Vec<String>) {
    t.at(path, span);
    t.mark_unknown(path);
    t.explain(path, why);
}

/// `PublicRead` → `public-read`: canned ACL names as S3 spells them.
fn canned_acl(v: &Value) -> Option<String> {
    let s = string(v)?;
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('-');
        }
        out.push(c.to_ascii_lowercase());
    }
    Some(out)
}

fn s3(cx: &mut Cx) {
    let mut buckets: Joiner<Bucket> = Joiner::merging();
    for r in cx.resources("AWS::S3::Bucket") {
        let res = &r.item.res;
        let mut t = r.item.tracker();
        let mut b = Bucket {
            name: t.field(res, "BucketName", "name", string).known(),
            acl: t
                .field(res, "AccessControl", "acl", canned_acl)
                .or_default("private".into()),
            ..Bucket::default()
        };
        b.encryption.algorithm = Some("AES256".into());
        b.encryption.configured = Some(false);
        match cx.object(r.props, "PublicAccessBlockConfiguration") {
            Resolved::Absent => {}
            Resolved::Unknown(why) => {
                // Whether there is a block is unknown: `configured` stays absent (see unknown_blocks).
                let span = prop_span(cx, r.props, "PublicAccessBlockConfiguration", res);
                unknown_at(&mut t, "public_access_block", span, why);
            }
            Resolved::Node(node) => {
                let pab = cx.res(node);
                let holder = prop_span(cx, r.props, "PublicAccessBlockConfiguration", res);
                b.public_access_block.configured = Some(true);
                let mut flag = |name: &str, field: &str| {
                    let path = format!("public_access_block.{field}");
                    let f = t.field(&pab, name, &path, boolean);
                    if !f.is_written() {
                        // Left out: false, pointing at the property that holds the block.
                        t.at(&path, holder.clone());
                    }
                    f.or_default(false)
                };
                b.public_access_block.block_public_acls =
                    flag("BlockPublicAcls", "block_public_acls");
                b.public_access_block.block_public_policy =
                    flag("BlockPublicPolicy", "block_public_policy");
                b.public_access_block.ignore_public_acls =
                    flag("IgnorePublicAcls", "ignore_public_acls");
                b.public_access_block.restrict_public_buckets =
                    flag("RestrictPublicBuckets", "restrict_public_buckets");
            }
        }
        let sse = match cx.object(r.props, "BucketEncryption") {
            Resolved::Node(n) => match cx.first(n, "ServerSideEncryptionConfiguration") {
                Resolved::Node(rule) => cx.object(rule, "ServerSideEncryptionByDefault"),
                other => other,
            },
            other => other,
        };
        match sse {
            Resolved::Absent => {}
            Resolved::Unknown(why) => {
                b.encryption.algorithm = None;
                b.encryption.configured = None;
                let span = prop_span(cx, r.props, "BucketEncryption", res);
                unknown_at(&mut t, "encryption", span, why);
            }
            Resolved::Node(node) => {
                let default = cx.res(node);
                b.encryption.configured = Some(true);
                b.encryption.algorithm = t
                    .field(&default, "SSEAlgorithm", "encryption.algorithm", string)
                    .known();
                b.encryption.kms_key_id = t
                    .field(&default, "KMSMasterKeyID", "encryption.kms_key_id", string)
                    .known();
            }
        }
        let ownership = match cx.object(r.props, "OwnershipControls") {
            Resolved::Node(n) => cx.first(n, "Rules"),
            other => other,
        };
        match ownership {
            Resolved::Absent => {}
            Resolved::Unknown(why) => {
                let span = prop_span(cx, r.props, "OwnershipControls", res);
                unknown_at(&mut t, "object_ownership", span, why);
            }
            Resolved::Node(rule) => {
                b.object_ownership = t
                    .field(&cx.res(rule), "ObjectOwnership", "object_ownership", string)
                    .known();
            }
        }
        b.website = match cx.object(r.props, "WebsiteConfiguration") {
            Resolved::Absent => Some(false),
            Resolved::Unknown(why) => {
                let span = prop_span(cx, r.props, "WebsiteConfiguration", res);
                unknown_at(&mut t, "website", span, why);
                None
            }
            Resolved::Node(site) => {
                t.at(
                    "website",
                    prop_span(cx, r.props, "WebsiteConfiguration", res),
                );
                // Only `RedirectAllRequestsTo`: every request is sent elsewhere, no object is served.
                let has = |p: &str| site.get(p).is_some();
                Some(
                    !(has("RedirectAllRequestsTo")
                        && !has("IndexDocument")
                        && !has("RoutingRules")),
                )
            }
        };
        let name = b.name.clone();
        buckets.add(b, t, name.as_deref());
    }
    for r in cx.resources("AWS::S3::BucketPolicy") {
        let value = r.item.res.attr("Bucket").map(|(v, _)| v);
        let found = value
            .as_ref()
            .and_then(|v| buckets.find(&crate::adapt::target(v)));
        let (b, t) = buckets.join(
            &r.item,
            "Bucket",
            &[
                "acl",
                "public_access_block",
                "object_ownership",
                "encryption",
                "website",
            ],
        );
        if found.is_none() {
            // A bucket outside the template (another stack's, or a literal name).
            b.external = true;
            if let Some(Value::String(s)) = value {
                b.name = Some(s);
            }
        }
        t.unknown_remove("policy");
        if let Field::Known(doc) = read_document(t, &r.item.res, "PolicyDocument", "policy") {
            b.policy = Some(doc);
        }
    }
    crate::adapt::s3::unknown_blocks(&mut buckets);
    cx.model.aws.s3.buckets = buckets.finish(&mut cx.locations);
    crate::adapt::s3::label_external(&mut cx.model.aws.s3.buckets);
}

/// Where property `name` is written (its key to the end of its value), else the resource's header.
fn prop_span(cx: &Cx, props: &Node, name: &str, res: &Res<'_, '_>) -> Span {
    props
        .prop(name)
        .map_or_else(|| res.span.clone(), |p| Span::new(cx.file, p.span()))
}

/// Where element `i` of list property `name` is written, else the resource's header.
fn item_span(cx: &Cx, props: &Node, name: &str, i: usize, res: &Res<'_, '_>) -> Span {
    props
        .get(name)
        .and_then(|l| l.items().get(i))
        .map_or_else(|| res.span.clone(), |n| cx.span(n))
}

fn ebs(cx: &mut Cx) {
    for r in cx.resources("AWS::EC2::Volume") {
        let res = &r.item.res;
        let mut t = r.item.tracker();
        let encrypted = t.field(res, "Encrypted", "encrypted", boolean);
        // A volume made from a snapshot keeps the snapshot's encryption.
        let from_snapshot = written(res, "SnapshotId");
        let mut v = Volume {
            encrypted: if from_snapshot {
                encrypted.known()
            } else {
                encrypted.or_default(false)
            },
            kms_key_id: t.field(res, "KmsKeyId", "kms_key_id", string).known(),
            size: t.field(res, "Size", "size", number).known(),
            ..Volume::default()
        };
        v.meta = t.finish(&mut cx.locations);
        cx.model.aws.ebs.volumes.push(v);
    }
}

fn ec2(cx: &mut Cx) {
    let mut groups: Joiner<SecurityGroup> = Joiner::new();
    for r in cx.resources("AWS::EC2::SecurityGroup") {
        let res = &r.item.res;
        let mut t = r.item.tracker();
        let mut g = SecurityGroup {
            name: t.field(res, "GroupName", "name", string).known(),
            vpc_default: Some(false),
            ..SecurityGroup::default()
        };
        for dir in [Direction::Ingress, Direction::Egress] {
            let key = dir.key();
            match cx.list(r.props, dir.property()) {
                Ok(items) => {
                    let mut any_rule = false;
                    for (i, item) in items {
                        match item {
                            Resolved::Node(node) if matches!(node.kind, Kind::Object(_)) => {
                                push_rule(&mut g, &mut t, dir, &cx.res(node), cx.span(node));
                                any_rule = true;
                            }
                            Resolved::Node(node) => {
                                let why = vec![format!(
                                    "a rule of `{}` is not an object",
                                    dir.property()
                                )];
                                unknown_at(&mut t, key, cx.span(node), why);
                                any_rule = true;
                            }
                            Resolved::Absent => {}
                            Resolved::Unknown(why) => {
                                // A rule that may or may not be there.
                                let span = item_span(cx, r.props, dir.property(), i, res);
                                unknown_at(&mut t, key, span, why);
                                any_rule = true;
                            }
                        }
                    }
                    if dir == Direction::Egress && !any_rule {
                        default_egress(&mut g, &mut t);
                    }
                }
                Err(why) => {
                    let span = prop_span(cx, r.props, dir.property(), res);
                    unknown_at(&mut t, key, span, why);
                }
            }
        }
        let name = g.name.clone();
        groups.add(g, t, name.as_deref());
    }

    // Separate rule resources join their group through `GroupId` (or `GroupName` in a default VPC); a
    // rule whose group is not in this template stands as a group of its own.
    for (rtype, dir) in [
        ("AWS::EC2::SecurityGroupIngress", Direction::Ingress),
        ("AWS::EC2::SecurityGroupEgress", Direction::Egress),
    ] {
        for r in cx.resources(rtype) {
            let res = &r.item.res;
            let by = if written(res, "GroupId") || !written(res, "GroupName") {
                "GroupId"
            } else {
                "GroupName"
            };
            let (g, t) = join_group(cx, &mut groups, &r.item, by);
            push_rule(g, t, dir, res, res.span.clone());
        }
    }
    attachments(cx).apply(&mut groups);
    cx.model.aws.ec2.security_groups = groups.finish(&mut cx.locations);
}

/// The group a rule resource adds to; rules added to a VPC's default group
/// (`!GetAtt Vpc.DefaultSecurityGroup`) make it an entity of its own, located at the VPC.
fn join_group<'g>(
    cx: &Cx,
    groups: &'g mut Joiner<SecurityGroup>,
    item: &Item,
    by: &str,
) -> &'g mut (SecurityGroup, Tracker) {
    let vpc = match item.res.attr(by) {
        Some((Value::Ref(r), _)) if r.attr == "DefaultSecurityGroup" => r.address.clone(),
        _ => return groups.join(item, by, &["attached_to", "vpc_default"]),
    };
    let id = default_group_id(&vpc);
    let i = match groups.find(&Target::Address(id.clone())) {
        Some(i) => i,
        None => {
            let header = cx
                .tpl
                .resources
                .iter()
                .find(|r| r.logical_id == vpc)
                .map_or_else(|| item.res.span.clone(), |r| cx.span_of(&r.entry.key_span));
            let g = SecurityGroup {
                name: Some("default".into()),
                vpc_default: Some(true),
                ..SecurityGroup::default()
            };
            let label = format!("{vpc}/default");
            groups.add(g, Tracker::new(id, label, vpc, header), None);
            groups.items.len() - 1
        }
    };
    &mut groups.items[i]
}

/// Which resources attach which groups: every reference (`Ref`, `Fn::GetAtt`, `Fn::Sub`) to a group
/// in another resource's properties, a load balancer's `SecurityGroups` counted as a load balancer's.
/// A group exported in `Outputs` may be attached by other stacks.
fn attachments(cx: &Cx) -> Attachments {
    let mut out = Attachments::default();
    for r in cx.tpl.resources.iter().filter(|r| cx.tpl.exists(r)) {
        if NOT_ATTACHMENTS.contains(&r.rtype) {
            continue;
        }
        let Some(props) = r.properties else { continue };
        let lb_prop = LOAD_BALANCERS
            .iter()
            .find(|(t, _)| *t == r.rtype)
            .map(|(_, p)| *p);
        for p in props.props() {
            let lb = lb_prop == Some(p.key.as_str());
            references(&p.value, &mut |group| out.add(&group, r.logical_id, lb));
        }
    }
    if let Some(outputs) = cx.tpl.root.get("Outputs") {
        for o in outputs.props() {
            if o.value.get("Export").is_none() {
                continue;
            }
            if let Some(v) = o.value.get("Value") {
                references(v, &mut |group| {
                    out.unknown_group(
                        &group,
                        format!("output `{}` exports the group to other stacks", o.key),
                    )
                });
            }
        }
    }
    out
}

/// Every resource `node` references: `Ref`, `Fn::GetAtt` and `${X}`/`${X.Attr}` in `Fn::Sub`; a
/// VPC's `DefaultSecurityGroup` as the id of its default group's entity.
fn references(node: &Node, found: &mut impl FnMut(String)) {
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        match &n.kind {
            Kind::Object(props) => {
                if let [p] = props.as_slice() {
                    match (p.key.as_str(), &p.value.kind) {
                        ("Ref", Kind::String(s)) => found(s.clone()),
                        ("Fn::GetAtt", _) => {
                            let parts: Vec<&str> = match &p.value.kind {
                                Kind::String(s) => s.splitn(2, '.').collect(),
                                _ => p.value.items().iter().filter_map(|i| i.as_str()).collect(),
                            };
                            match parts.as_slice() {
                                [vpc, "DefaultSecurityGroup"] => found(default_group_id(vpc)),
                                [res, ..] => found(res.to_string()),
                                [] => {}
                            }
                        }
                        ("Fn::Sub", _) => {
                            let text = match &p.value.kind {
                                Kind::String(s) => Some(s.as_str()),
                                _ => p.value.items().first().and_then(|i| i.as_str()),
                            };
                            for name in text.map(sub_names).unwrap_or_default() {
                                found(name);
                            }
                        }
                        _ => {}
                    }
                }
                stack.extend(props.iter().map(|p| &p.value));
            }
            Kind::Array(items) => stack.extend(items.iter()),
            _ => {}
        }
    }
}

/// The resources `${X}` and `${X.Attr}` name in a `Fn::Sub` string (`${!Literal}` is not one).
fn sub_names(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("${") {
        rest = &rest[i + 2..];
        let Some(end) = rest.find('}') else { break };
        let name = &rest[..end];
        if !name.starts_with('!') {
            out.push(name.split('.').next().unwrap_or(name).to_string());
        }
        rest = &rest[end..];
    }
    out
}

/// A group whose template writes no egress rule gets one that allows all outbound IPv4 traffic.
fn default_egress(g: &mut SecurityGroup, t: &mut Tracker) {
    let base = format!("egress[{}]", g.egress.len());
    for path in ["", ".protocol", ".from_port", ".to_port", ".cidr_blocks"] {
        t.left_out(&format!("{base}{path}"), "SecurityGroupEgress");
    }
    g.egress.push(SgRule {
        from_port: Some(0.0),
        to_port: Some(65535.0),
        protocol: Some("-1".into()),
        cidr_blocks: vec!["0.0.0.0/0".into()],
        ..SgRule::default()
    });
}

/// One rule: an element of `SecurityGroupIngress`/`SecurityGroupEgress`, or a rule resource's properties.
fn push_rule(g: &mut SecurityGroup, t: &mut Tracker, dir: Direction, r: &Res, span: Span) {
    let list = match dir {
        Direction::Ingress => &g.ingress,
        Direction::Egress => &g.egress,
    };
    let base = format!("{}[{}]", dir.key(), list.len());
    t.at(&base, span);
    let p = |name: &str| format!("{base}.{name}");
    let protocol = t
        .field(r, "IpProtocol", &p("protocol"), string)
        .known()
        .map(|s| normalize_protocol(&s));
    let mut rule = SgRule {
        from_port: t.field(r, "FromPort", &p("from_port"), number).known(),
        to_port: t.field(r, "ToPort", &p("to_port"), number).known(),
        description: t.field(r, "Description", &p("description"), string).known(),
        ..SgRule::default()
    };
    // One address range per rule: a one-element list, as the model has lists.
    rule.cidr_blocks = t
        .field(r, "CidrIp", &p("cidr_blocks"), string)
        .known()
        .into_iter()
        .collect();
    rule.ipv6_cidr_blocks = t
        .field(r, "CidrIpv6", &p("ipv6_cidr_blocks"), string)
        .known()
        .into_iter()
        .collect();
    if protocol.as_deref() == Some("-1") {
        // All protocols means all ports, whatever the port properties say.
        rule.from_port = Some(0.0);
        rule.to_port = Some(65535.0);
    }
    rule.protocol = protocol;
    match dir {
        Direction::Ingress => g.ingress.push(rule),
        Direction::Egress => g.egress.push(rule),
    }
}

/// How a `Topics` element names its topic: `!Ref Topic` (the ARN) or `!GetAtt Topic.TopicArn` by
/// logical ID, a literal ARN by the topic name at its end.
fn topic_target(v: &Value) -> Target {
    match v {
        Value::Ref(r) => Target::Address(r.address.clone()),
        Value::String(s) if s.starts_with("arn:") => match s.rsplit(':').next() {
            Some(name) if !name.is_empty() => Target::Name(name.to_string()),
            _ => Target::Unknown,
        },
        Value::String(s) => Target::Name(s.clone()),
        _ => Target::Unknown,
    }
}

fn sns(cx: &mut Cx) {
    let mut topics: Joiner<Topic> = Joiner::new();
    for r in cx.resources("AWS::SNS::Topic") {
        let res = &r.item.res;
        let mut t = r.item.tracker();
        let key = t.field(res, "KmsMasterKeyId", "kms_master_key_id", string);
        // An empty key ID turns encryption off, like leaving it out.
        let encrypted = match &key {
            Field::Known(k) => Some(!k.is_empty()),
            Field::Unknown => None,
            Field::NotWritten => Some(false),
        };
        match res.attr("KmsMasterKeyId") {
            Some((_, span)) if encrypted.is_some() => t.at("encrypted", span),
            Some((_, span)) => {
                t.at("encrypted", span);
                t.mark_unknown("encrypted");
            }
            None => t.left_out("encrypted", "KmsMasterKeyId"),
        }
        let topic = Topic {
            name: t.field(res, "TopicName", "name", string).known(),
            kms_master_key_id: key.known(),
            encrypted,
            ..Topic::default()
        };
        let name = topic.name.clone();
        topics.add(topic, t, name.as_deref());
    }
    for r in cx.resources("AWS::SNS::TopicPolicy") {
        let res = &r.item.res;
        // The policy applies to every listed topic this template defines.
        let mut targets: Vec<usize> = match res.attr("Topics") {
            Some((Value::List(items), _)) => items
                .iter()
                .filter_map(|v| topics.find(&topic_target(v)))
                .collect(),
            Some((v, _)) => topics.find(&topic_target(&v)).into_iter().collect(),
            None => Vec::new(),
        };
        targets.sort_unstable();
        targets.dedup();
        if targets.is_empty() {
            let (topic, t) = topics.join(&r.item, "Topics", &["encrypted"]);
            if let Field::Known(doc) = read_document(t, res, "PolicyDocument", "policy") {
                topic.policy = Some(doc);
            }
            continue;
        }
        for i in targets {
            let (topic, t) = &mut topics.items[i];
            if let Field::Known(doc) = read_document(t, res, "PolicyDocument", "policy") {
                topic.policy = Some(doc);
            }
        }
    }
    cx.model.aws.sns.topics = topics.finish(&mut cx.locations);
}

/// The model and locations of one CloudFormation template's YAML text, for adapters' unit tests.
#[cfg(test)]
pub(crate) fn model_of_yaml(yaml: &str) -> (Model, Locations) {
    let root = crate::yaml::parse(yaml).expect("parses");
    let tpl = Template::from_node(&root, std::collections::HashMap::new()).expect("template");
    adapt(crate::source::FileId(0), &tpl)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canned_acl_names() {
        assert_eq!(
            canned_acl(&Value::str("PublicReadWrite")).as_deref(),
            Some("public-read-write")
        );
        assert_eq!(
            canned_acl(&Value::str("Private")).as_deref(),
            Some("private")
        );
    }

    fn model(yaml: &str) -> (Model, Locations) {
        model_of_yaml(yaml)
    }

    const HEAD: &str = "AWSTemplateFormatVersion: '2010-09-09'\nParameters:\n  Env:\n    Type: String\n    Default: prod\n  Open:\n    Type: String\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\n  IsOpen: !Equals [!Ref Open, 'yes']\nResources:\n";

    #[test]
    fn security_group_rules_inline_and_separate() {
        let (m, _) = model(&format!(
            "{HEAD}  Web:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: web\n      SecurityGroupIngress:\n        - IpProtocol: 6\n          FromPort: 22\n          ToPort: 22\n          CidrIp: 0.0.0.0/0\n        - !If [IsProd, !Ref AWS::NoValue, {{IpProtocol: -1, CidrIpv6: '::/0'}}]\n        - !If [IsOpen, {{IpProtocol: tcp, FromPort: 80, ToPort: 80, CidrIp: 0.0.0.0/0}}, !Ref AWS::NoValue]\n  Rdp:\n    Type: AWS::EC2::SecurityGroupIngress\n    Properties:\n      GroupId: !GetAtt Web.GroupId\n      IpProtocol: '-1'\n      CidrIp: 10.0.0.0/8\n  Elsewhere:\n    Type: AWS::EC2::SecurityGroupEgress\n    Properties:\n      GroupId: sg-0123456789abcdef0\n      IpProtocol: tcp\n      FromPort: 443\n      ToPort: 443\n      CidrIp: 0.0.0.0/0\n"
        ));
        let groups = &m.aws.ec2.security_groups;
        assert_eq!(groups.len(), 2);
        let web = &groups[0];
        assert_eq!(web.meta.id, "Web");
        assert_eq!(web.ingress.len(), 2);
        assert_eq!(web.ingress[0].protocol.as_deref(), Some("tcp"));
        assert_eq!(web.ingress[0].cidr_blocks, vec!["0.0.0.0/0".to_string()]);
        assert_eq!(web.ingress[1].protocol.as_deref(), Some("-1"));
        assert_eq!(web.ingress[1].to_port, Some(65535.0));
        assert_eq!(web.ingress[1].cidr_blocks, vec!["10.0.0.0/8".to_string()]);
        assert_eq!(web.meta.unknown, vec!["ingress".to_string()]);
        // No egress written: the default allow-all rule.
        assert_eq!(web.egress.len(), 1);
        assert_eq!(web.egress[0].protocol.as_deref(), Some("-1"));
        let orphan = &groups[1];
        assert_eq!(orphan.meta.id, "Elsewhere");
        assert_eq!(orphan.egress.len(), 1);
        assert_eq!(orphan.egress[0].from_port, Some(443.0));
    }

    #[test]
    fn attachments_default_group_and_acl_entries() {
        let (m, _) = model(&format!(
            "{HEAD}  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/16\n  Alb:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: alb\n  App:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: app\n  Shared:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: shared\n  Lb:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties:\n      SecurityGroups: [!Ref Alb]\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      VpcConfig:\n        SecurityGroupIds: [!Sub '${{App.GroupId}}']\n  DefaultIn:\n    Type: AWS::EC2::SecurityGroupIngress\n    Properties:\n      GroupId: !GetAtt Vpc.DefaultSecurityGroup\n      IpProtocol: tcp\n      FromPort: 443\n      ToPort: 443\n      CidrIp: 10.0.0.0/8\n  Acl:\n    Type: AWS::EC2::NetworkAcl\n    Properties:\n      VpcId: !Ref Vpc\n  AclIn:\n    Type: AWS::EC2::NetworkAclEntry\n    Properties:\n      NetworkAclId: !Ref Acl\n      RuleNumber: 100\n      Protocol: 6\n      RuleAction: allow\n      CidrBlock: 0.0.0.0/0\n      PortRange: {{From: 22, To: 22}}\n  AclOut:\n    Type: AWS::EC2::NetworkAclEntry\n    Properties:\n      NetworkAclId: !Ref Acl\n      RuleNumber: 100\n      Protocol: -1\n      Egress: true\n      RuleAction: allow\n      CidrBlock: 0.0.0.0/0\nOutputs:\n  SharedId:\n    Value: !Ref Shared\n    Export:\n      Name: shared-sg\n"
        ));
        let g = &m.aws.ec2.security_groups;
        let kinds = |i: usize| {
            g[i].attached_to.as_ref().map(|a| {
                a.iter()
                    .map(|a| (a.resource.as_str(), a.kind))
                    .collect::<Vec<_>>()
            })
        };
        assert_eq!(kinds(0), Some(vec![("Lb", "load_balancer")]));
        assert_eq!(kinds(1), Some(vec![("Fn", "other")]));
        // Exported: other stacks may attach it.
        assert_eq!(kinds(2), None);
        assert!(g[2].meta.unknown.contains(&"attached_to".to_string()));
        assert_eq!(g[3].meta.id, "Vpc#default_security_group");
        assert_eq!((g[3].vpc_default, g[3].ingress.len()), (Some(true), 1));
        let acl = &m.aws.ec2.network_acls[0];
        let r = &acl.ingress[0];
        assert_eq!(
            (r.protocol.as_deref(), r.from_port, r.to_port, r.rule_number),
            (Some("tcp"), Some(22.0), Some(22.0), Some(100.0))
        );
        assert_eq!(acl.egress[0].protocol.as_deref(), Some("-1"));
    }

    #[test]
    fn rds_inherits_and_defaults() {
        let (m, _) = model(&format!(
            "{HEAD}  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n  Replica:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      SourceDBInstanceIdentifier: !Ref Db\n  Restored:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      DBSnapshotIdentifier: !If [IsProd, !Ref AWS::NoValue, snap-1]\n  Serverless:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      Engine: aurora-mysql\n      EngineMode: serverless\n"
        ));
        let i = &m.aws.rds.instances;
        assert_eq!(i[0].storage_encrypted, Some(false));
        assert_eq!(i[0].publicly_accessible, Some(false));
        assert_eq!(i[1].storage_encrypted, None);
        assert!(i[1].meta.unknown.is_empty());
        // The snapshot is removed by AWS::NoValue in prod.
        assert_eq!(i[2].storage_encrypted, Some(false));
        assert_eq!(m.aws.rds.clusters[0].storage_encrypted, Some(true));
    }

    #[test]
    fn iam_policies_roles_and_inline_entries() {
        let (m, locs) = model(&format!(
            "{HEAD}  AppRole:\n    Type: AWS::IAM::Role\n    Properties:\n      RoleName: app\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: {{Service: ec2.amazonaws.com}}\n            Action: sts:AssumeRole\n      Policies:\n        - PolicyName: admin\n          PolicyDocument:\n            Statement:\n              - Effect: Allow\n                Action: '*'\n                Resource: '*'\n                Condition: !If [IsProd, !Ref AWS::NoValue, {{Bool: {{aws:MultiFactorAuthPresent: 'true'}}}}]\n  Attached:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyName: attached\n      Users: [alice]\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Action: s3:GetObject\n            Resource: !Sub 'arn:${{AWS::Partition}}:s3:::b/*'\n"
        ));
        let p = &m.aws.iam.policies;
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].kind, "user_inline");
        let attached = p[0].document.as_ref().expect("document");
        assert_eq!(attached.statements.len(), 1);
        assert_eq!(p[1].meta.id, "AppRole#Policies[0]");
        assert_eq!(p[1].meta.label, "AppRole/admin");
        assert_eq!(p[1].kind, "role_inline");
        // The condition is removed in prod, so nothing about it is unknown.
        assert!(p[1].meta.unknown.is_empty(), "{:?}", p[1].meta.unknown);
        assert_eq!(locs.entities["AppRole#Policies[0]"].resource, "AppRole");
        let role = &m.aws.iam.roles[0];
        assert_eq!(role.name.as_deref(), Some("app"));
        assert!(role.trust_policy.is_some());
    }

    #[test]
    fn topic_policies_join_every_listed_topic() {
        let (m, _) = model(&format!(
            "{HEAD}  Orders:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: orders\n      KmsMasterKeyId: alias/aws/sns\n  Alerts:\n    Type: AWS::SNS::Topic\n  Policy:\n    Type: AWS::SNS::TopicPolicy\n    Properties:\n      Topics: [!Ref Orders, !GetAtt Alerts.TopicArn, 'arn:aws:sns:eu-west-1:111122223333:orders']\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: '*'\n            Action: sns:Publish\n            Resource: '*'\n  Lost:\n    Type: AWS::SNS::TopicPolicy\n    Properties:\n      Topics: [!ImportValue shared-topic]\n      PolicyDocument:\n        Statement: []\n"
        ));
        let t = &m.aws.sns.topics;
        assert_eq!(t.len(), 3);
        assert_eq!(t[0].encrypted, Some(true));
        assert_eq!(t[1].encrypted, Some(false));
        assert!(t[0].policy.is_some() && t[1].policy.is_some());
        assert_eq!(t[2].meta.id, "Lost");
        assert_eq!(t[2].meta.unknown, vec!["encrypted".to_string()]);
    }

    #[test]
    fn an_undecided_public_access_block_is_unknown() {
        let (m, _) = model(&format!(
            "{HEAD}  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      PublicAccessBlockConfiguration: !If\n        - IsOpen\n        - !Ref AWS::NoValue\n        - BlockPublicAcls: true\n"
        ));
        let b = &m.aws.s3.buckets[0];
        assert_eq!(b.public_access_block.configured, None);
        assert_eq!(b.public_access_block.block_public_acls, None);
        assert_eq!(b.meta.unknown, vec!["public_access_block".to_string()]);
    }

    #[test]
    fn bucket_policies_outside_the_template_share_one_external_bucket() {
        let (m, _) = model(&format!(
            "{HEAD}  Site:\n    Type: AWS::S3::Bucket\n    Properties:\n      WebsiteConfiguration:\n        IndexDocument: index.html\n  Redirect:\n    Type: AWS::S3::Bucket\n    Properties:\n      WebsiteConfiguration:\n        RedirectAllRequestsTo: {{HostName: example.com}}\n  P1:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: shared-logs\n      PolicyDocument: {{Statement: []}}\n  P2:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: shared-logs\n      PolicyDocument: {{Statement: []}}\n"
        ));
        let b = &m.aws.s3.buckets;
        assert_eq!(b.len(), 3);
        assert_eq!((b[0].website, b[0].external), (Some(true), false));
        assert_eq!(b[0].encryption.configured, Some(false));
        assert_eq!(b[1].website, Some(false));
        assert_eq!(b[2].meta.id, "P1");
        assert!(b[2].external);
        assert_eq!(b[2].name.as_deref(), Some("shared-logs"));
        assert_eq!(b[2].encryption.configured, None);
        assert!(b[2]
            .meta
            .unknown
            .contains(&"public_access_block".to_string()));
    }

    #[test]
    fn access_point_blocks_default_on_and_left_out_flags_off() {
        let (m, _) = model(&format!(
            "{HEAD}  Lake:\n    Type: AWS::S3::Bucket\n  Open:\n    Type: AWS::S3::AccessPoint\n    Properties:\n      Bucket: !Ref Lake\n      PublicAccessBlockConfiguration:\n        BlockPublicPolicy: false\n  Default:\n    Type: AWS::S3::AccessPoint\n    Properties:\n      Bucket: elsewhere\n      VpcConfiguration: {{VpcId: vpc-1}}\n"
        ));
        let ap = &m.aws.s3.access_points;
        assert_eq!(ap.len(), 2);
        assert_eq!(ap[0].bucket_id.as_deref(), Some("Lake"));
        assert_eq!(ap[0].network_origin.as_deref(), Some("Internet"));
        assert_eq!(ap[0].public_access_block.block_public_policy, Some(false));
        assert_eq!(
            ap[0].public_access_block.restrict_public_buckets,
            Some(false)
        );
        assert_eq!(ap[1].bucket_id, None);
        assert_eq!(ap[1].bucket.as_deref(), Some("elsewhere"));
        assert_eq!(ap[1].network_origin.as_deref(), Some("VPC"));
        assert_eq!(
            ap[1].public_access_block.restrict_public_buckets,
            Some(true)
        );
    }
}
