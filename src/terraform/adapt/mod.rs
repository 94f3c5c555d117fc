//! Terraform resources → the normalized model (`crate::model`), with a location for every attribute read.
//!
//! The entry points and one adapter file per service; the toolkit they use (`Res`, `Tracker`,
//! `Joiner`, value converters) is `crate::adapt`, shared with the CloudFormation adapters. Knows
//! Terraform's AWS resource types and the cloud defaults the provider applies; knows nothing of
//! policies or output formats.

mod ebs;
mod ec2;
mod s3;
mod sns;

use super::eval::Evaluator;
use super::plan;
use crate::adapt::raw::RawInput;
use crate::adapt::{Item, Res};
use crate::model::{Locations, Model};
use crate::source::FileId;
use std::rc::Rc;

/// Builds the model of an evaluated root module and every module it calls, in one pass: companion
/// resources join their parent across modules (by prefixed address or by the globally unique name).
pub fn adapt(root: &Evaluator) -> (Model, Locations) {
    let (model, locations, _) = adapt_with_raw(root, false);
    (model, locations)
}

/// [`adapt`], and with `raw` the raw input of custom policies too (every resource instance of every
/// module, see [`crate::adapt::raw`]).
pub fn adapt_with_raw(root: &Evaluator, raw: bool) -> (Model, Locations, Option<RawInput>) {
    let mut children = Vec::new();
    collect_children(root, &mut children);
    let mut evs: Vec<&Evaluator> = vec![root];
    evs.extend(children.iter().map(|c| c.as_ref()));
    let mut cx = Cx {
        evs,
        plan: None,
        model: Model::default(),
        locations: Locations::default(),
    };
    let budget = root.instances_left();
    adapt_all(&mut cx);
    let raw = raw.then(|| {
        // The same instances as the adapters saw, without spending the budget twice.
        let after = root.instances_left();
        root.set_instances_left(budget);
        let mut out = RawInput::default();
        for &ev in &cx.evs {
            for res in &ev.module.resources {
                for inst in ev.instances(res) {
                    let item = Item {
                        res: Res::of(ev, res, &inst),
                        address: inst.address,
                        label: inst.label,
                    };
                    let defaults = default_tags(&cx.evs, ev, res);
                    out.push_terraform(res.rtype, &item, defaults);
                }
            }
        }
        root.set_instances_left(after);
        out
    });
    (cx.model, cx.locations, raw)
}

/// The `default_tags { tags = … }` of the AWS provider configuration that `res` (of the module `ev`
/// evaluates) uses: the one its `provider` argument names (`aws.west`), else the default one; declared
/// in its own module, else in the root module (`evs[0]`), where providers are configured and whence
/// child modules inherit them. A module call's `providers` map is not followed.
fn default_tags<'a>(
    evs: &[&Evaluator<'a>],
    ev: &Evaluator<'a>,
    res: &crate::terraform::module::Resource,
) -> Option<crate::adapt::raw::DefaultTags> {
    if !res.rtype.starts_with("aws_") {
        return None;
    }
    let chosen = res
        .body()
        .get_attribute("provider")
        .map(|a| a.value.to_string().trim().to_string());
    let (name, alias) = match chosen
        .as_deref()
        .map(|c| c.split_once('.').unwrap_or((c, "")))
    {
        Some((name, alias)) => (
            name.to_string(),
            (!alias.is_empty()).then(|| alias.to_string()),
        ),
        None => ("aws".to_string(), None),
    };
    if name != "aws" {
        return None;
    }
    let root = evs.first().copied().unwrap_or(ev);
    let (at, provider) = [ev, root].into_iter().find_map(|e| {
        e.module
            .providers
            .iter()
            .find(|p| p.name == name && p.alias == alias)
            .map(|p| (e, p))
    })?;
    let block = provider.block.body.get_blocks("default_tags").next()?;
    let attr = block.body.get_attribute("tags")?;
    let value = at.eval_at(provider.file, &attr.value);
    let why = at.take_why();
    Some(crate::adapt::raw::DefaultTags {
        value,
        span: crate::source::Span::new(provider.file, super::parse::attribute(attr)),
        why,
    })
}

/// The raw input of a Terraform plan (`file` is the plan's JSON): its planned resources.
pub fn raw_plan(file: FileId, plan: &plan::Plan) -> RawInput {
    let mut out = RawInput::default();
    for r in &plan.resources {
        let item = Item {
            res: Res::planned(file, r),
            address: r.address.clone(),
            label: r.label.clone(),
        };
        out.push(&r.rtype, &item);
    }
    out
}

/// Builds the model of a Terraform plan (`file` is the plan's JSON).
pub fn adapt_plan(file: FileId, plan: &plan::Plan) -> (Model, Locations) {
    let mut cx = Cx {
        evs: Vec::new(),
        plan: Some((file, plan)),
        model: Model::default(),
        locations: Locations::default(),
    };
    adapt_all(&mut cx);
    (cx.model, cx.locations)
}

fn adapt_all(cx: &mut Cx) {
    s3::adapt(cx);
    ebs::adapt(cx);
    ec2::adapt(cx);
    sns::adapt(cx);
    crate::adapt::aws::adapt(cx);
    crate::adapt::azure::adapt(cx);
    crate::adapt::gcp::adapt(cx);
}

/// The evaluators of every module instance `ev` calls, depth first in call-name order.
fn collect_children<'a>(ev: &Evaluator<'a>, out: &mut Vec<Rc<Evaluator<'a>>>) {
    for child in ev.children() {
        out.push(Rc::clone(&child));
        collect_children(&child, out);
    }
}

pub(crate) struct Cx<'r, 'a> {
    /// The root module's evaluator and its descendants'.
    pub evs: Vec<&'r Evaluator<'a>>,
    /// A plan whose resources are adapted as well.
    pub plan: Option<(FileId, &'r plan::Plan)>,
    pub model: Model,
    pub locations: Locations,
}

impl<'r, 'a: 'r> crate::adapt::Source<'r, 'a> for Cx<'r, 'a> {
    fn items(&self, terraform: &str, _: &str) -> Vec<Item<'r, 'a>> {
        if terraform.is_empty() {
            return Vec::new();
        }
        self.instances(terraform)
    }

    fn model(&mut self) -> &mut Model {
        &mut self.model
    }

    fn types(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .evs
            .iter()
            .flat_map(|ev| ev.module.resources.iter().map(|r| r.rtype.to_string()))
            .collect();
        if let Some((_, plan)) = self.plan {
            out.extend(plan.resources.iter().map(|r| r.rtype.clone()));
        }
        out.sort();
        out.dedup();
        out
    }

    fn locations(&mut self) -> &mut Locations {
        &mut self.locations
    }
}

impl<'r, 'a> Cx<'r, 'a> {
    /// Every instance of every resource of type `rtype` in every module (`count` and `for_each`
    /// expanded).
    pub fn instances(&self, rtype: &str) -> Vec<Item<'r, 'a>> {
        let mut out = Vec::new();
        for &ev in &self.evs {
            for res in ev.module.resources_of(rtype) {
                out.extend(ev.instances(res).into_iter().map(|inst| Item {
                    res: Res::of(ev, res, &inst),
                    address: inst.address,
                    label: inst.label,
                }));
            }
        }
        if let Some((file, plan)) = self.plan {
            out.extend(
                plan.resources
                    .iter()
                    .filter(|r| r.rtype == rtype)
                    .map(|r| Item {
                        res: Res::planned(file, r),
                        address: r.address.clone(),
                        label: r.label.clone(),
                    }),
            );
        }
        out
    }
}

/// The model of one Terraform file's text, for adapters' unit tests.
#[cfg(test)]
pub(crate) fn model_of_text(text: &str) -> crate::model::Model {
    use crate::source::{FileId, SourceFile};
    let f = SourceFile::new("m.tf".into(), "m.tf".into(), std::sync::Arc::from(text));
    let files = vec![crate::terraform::parse::parse(FileId(0), &f).expect("parses")];
    let module = crate::terraform::module::Module::new(&files);
    let ev = crate::terraform::eval::Evaluator::new(&module);
    adapt(&ev).0
}

#[cfg(test)]
mod tests {
    use crate::adapt::Source;

    #[test]
    fn types_lists_each_resource_type_once() {
        let text = "resource \"b\" \"x\" {}\nresource \"a\" \"y\" {}\nresource \"b\" \"z\" {}\ndata \"c\" \"d\" {}\n";
        let f = crate::source::SourceFile::new(
            "m.tf".into(),
            "m.tf".into(),
            std::sync::Arc::from(text),
        );
        let files =
            vec![crate::terraform::parse::parse(crate::source::FileId(0), &f).expect("parses")];
        let module = crate::terraform::module::Module::new(&files);
        let ev = crate::terraform::eval::Evaluator::new(&module);
        let cx = super::Cx {
            evs: vec![&ev],
            plan: None,
            model: crate::model::Model::default(),
            locations: crate::model::Locations::default(),
        };
        assert_eq!(cx.types(), vec!["a".to_string(), "b".to_string()]);
    }
}
