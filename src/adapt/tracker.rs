//! `Tracker`: an entity's unknown paths and attribute locations, collected while an adapter builds it.

use super::{document_json, Field, Fields, Name, Res};
use crate::finding::Trace;
use crate::model::{Document, EntityLocations, Locations, Meta};
use crate::source::Span;
use crate::terraform::value::Value;
use std::collections::HashMap;

/// Collects an entity's unknown paths and attribute locations while it is built.
pub(crate) struct Tracker {
    id: String,
    label: String,
    unknown: Vec<String>,
    pub(super) locs: EntityLocations,
}

impl Tracker {
    pub fn new(id: String, label: String, resource: String, header: Span) -> Tracker {
        Tracker {
            id,
            label,
            unknown: Vec::new(),
            locs: EntityLocations {
                resource,
                header,
                attrs: HashMap::new(),
                missing: HashMap::new(),
                traces: HashMap::new(),
                unknown_why: HashMap::new(),
                note: None,
            },
        }
    }

    /// The entity stands for every instance of a resource whose number of instances is unknown: it is
    /// reported as `resource`, and every finding on it carries `why`, located at `span`.
    pub fn stands_for_all(&mut self, resource: String, why: String, span: Span) {
        self.locs.resource = resource;
        self.locs.note = Some(Trace {
            span: Some(span),
            note: format!(
                "{}: what the block writes holds for every instance, and so does this finding",
                why.strip_suffix(crate::terraform::eval::UNEXPANDED_TAIL)
                    .unwrap_or(&why)
            ),
            hint: None,
        });
    }

    /// Where model path `path` was read from: its own location, the nearest located parent's, else
    /// the resource header.
    pub fn span_of(&self, path: &str) -> Span {
        let mut p = path;
        loop {
            if let Some(s) = self.locs.attrs.get(p) {
                return s.clone();
            }
            match p.rfind(['.', '[']) {
                Some(cut) => p = &p[..cut],
                None => return self.locs.header.clone(),
            }
        }
    }

    /// Adds a note at `span` to the trace of findings on `path`: which value (often a default that
    /// was left out) makes the setting what it is.
    pub fn because(&mut self, path: &str, span: Span, note: String) {
        self.locs
            .traces
            .entry(path.to_string())
            .or_default()
            .push(Trace {
                span: Some(span),
                note,
                hint: None,
            });
    }

    /// Adds where the value at `from` came from to the trace of findings on `to` (a finding that one
    /// value makes together with another).
    pub fn trace_too(&mut self, to: &str, from: &str) {
        if let Some(more) = self.locs.traces.get(from).cloned() {
            self.locs
                .traces
                .entry(to.to_string())
                .or_default()
                .extend(more);
        }
    }

    /// Names the entity `label` in messages.
    pub fn relabel(&mut self, label: String) {
        self.label = label;
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn at(&mut self, path: impl Into<String>, span: Span) {
        self.locs.attrs.insert(path.into(), span);
    }

    pub fn mark_unknown(&mut self, path: impl Into<String>) {
        let path = path.into();
        if !self.unknown.contains(&path) {
            self.unknown.push(path);
        }
    }

    /// The paths marked unknown so far.
    pub fn unknown_paths(&self) -> &[String] {
        &self.unknown
    }

    pub fn is_unknown(&self, path: &str) -> bool {
        self.unknown.iter().any(|u| u == path)
    }

    /// Records that model path `path` comes from source attribute `attr`, which was not written.
    pub fn left_out(&mut self, path: &str, attr: &str) {
        self.locs.missing.insert(path.to_string(), attr.to_string());
    }

    /// Why the value at `path` is unknown.
    pub fn explain(&mut self, path: &str, why: Vec<String>) {
        self.locs.unknown_why.insert(path.to_string(), why);
    }

    /// A companion resource settled what was unknown about a bucket standing on its own.
    pub fn unknown_remove(&mut self, path: &str) {
        self.unknown.retain(|u| u != path);
    }

    /// Reads attribute `attr` of `r` into model path `path`, converting with `conv` (a value of the wrong
    /// type counts as unknown).
    pub fn field<T>(
        &mut self,
        r: &impl Fields,
        attr: impl Name,
        path: &str,
        conv: impl Fn(&Value) -> Option<T>,
    ) -> Field<T> {
        let attr = attr.pick(r.format());
        let Some((value, span, trace, why)) = r.get(attr) else {
            self.left_out(path, attr);
            return Field::NotWritten;
        };
        self.at(path, span);
        if !trace.is_empty() {
            self.locs.traces.insert(path.to_string(), trace);
        }
        // `attr = null` (or a variable that is null) means the argument is omitted: the default applies,
        // and the finding points at the attribute.
        if value == Value::Null {
            return Field::NotWritten;
        }
        match conv(&value) {
            Some(v) => {
                if !why.is_empty() {
                    // Known as a whole, with unknown parts (a document): keep the reasons for them.
                    self.locs.unknown_why.insert(path.to_string(), why);
                }
                Field::Known(v)
            }
            None => {
                self.mark_unknown(path);
                self.locs.unknown_why.insert(path.to_string(), why);
                Field::Unknown
            }
        }
    }

    /// Reads a policy document attribute (JSON text, or `jsonencode` of a partly known value); the
    /// parts that are unknown are listed under `path`, and where the source writes the document's
    /// statements out (a `jsonencode` object, JSON text in a string, a template's property object, an
    /// `aws_iam_policy_document`), each statement and its parts get their own location.
    pub fn document(&mut self, r: &impl Fields, attr: impl Name, path: &str) -> Field<Document> {
        let attr = attr.pick(r.format()).to_string();
        let field = self.field(r, attr.as_str(), path, document_json);
        // A trace for a whole document would name whatever part came from a variable, not the
        // statement a policy reports.
        self.locs.traces.remove(path);
        match field {
            Field::Known((doc, unknown, json)) => {
                for u in unknown {
                    self.mark_unknown(format!("{path}.{u}"));
                }
                if let Some(tree) = r.document_tree(&attr) {
                    for (part, span, used_at) in crate::model::document::part_spans(&json, &tree) {
                        let part = format!("{path}.{part}");
                        if let Some(used) = used_at {
                            self.locs.traces.insert(
                                part.clone(),
                                vec![Trace {
                                    span: Some(used),
                                    note: format!("the document is used by `{attr}` here"),
                                    hint: None,
                                }],
                            );
                        }
                        self.at(part, span);
                    }
                }
                Field::Known(doc)
            }
            Field::Unknown => Field::Unknown,
            Field::NotWritten => Field::NotWritten,
        }
    }

    /// The nested block (or property object) `name` of `r`, as model path `path`: its location is
    /// recorded, a block left out is remembered, and one a template cannot tell is unknown.
    pub fn block<'r, 'a>(
        &mut self,
        r: &Res<'r, 'a>,
        name: impl Name,
        path: &str,
    ) -> Field<Res<'r, 'a>> {
        match self.blocks(r, name, path) {
            Field::Known(mut v) => Field::Known(v.swap_remove(0)),
            Field::Unknown => Field::Unknown,
            Field::NotWritten => Field::NotWritten,
        }
    }

    /// Every nested block (or object of a property list) `name` of `r`, as [`Tracker::block`] does;
    /// `NotWritten` when there is none.
    pub fn blocks<'r, 'a>(
        &mut self,
        r: &Res<'r, 'a>,
        name: impl Name,
        path: &str,
    ) -> Field<Vec<Res<'r, 'a>>> {
        let name = name.pick(r.format());
        match r.nested(name) {
            Err(why) => {
                self.at(
                    path,
                    r.attr(name).map_or_else(|| r.span.clone(), |(_, s)| s),
                );
                self.mark_unknown(path);
                self.explain(path, why);
                Field::Unknown
            }
            Ok(v) if v.is_empty() => {
                self.left_out(path, name);
                Field::NotWritten
            }
            Ok(v) => {
                self.at(path, v[0].span.clone());
                Field::Known(v)
            }
        }
    }

    pub fn finish(self, locations: &mut Locations) -> Meta {
        locations.entities.insert(self.id.clone(), self.locs);
        Meta {
            id: self.id,
            label: self.label,
            unknown: self.unknown,
        }
    }
}
