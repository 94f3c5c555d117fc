//! `Joiner`: companion resources (a bucket's policy, a group's separate rules) joined to the entity they
//! configure, by address or by name.

use super::{Item, Tracker};
use crate::model::{HasMeta, Locations};
use crate::terraform::value::Value;
use std::collections::HashMap;

/// Entities that companion resources join, found by address or by name.
pub(crate) struct Joiner<T> {
    pub items: Vec<(T, Tracker)>,
    by_address: HashMap<String, usize>,
    by_name: HashMap<String, usize>,
    /// Companions of the same parent outside the scan share one entity (see [`Joiner::merging`]).
    merge_orphans: bool,
}

impl<T: HasMeta> Joiner<T> {
    pub fn new() -> Self {
        Joiner {
            items: Vec::new(),
            by_address: HashMap::new(),
            by_name: HashMap::new(),
            merge_orphans: false,
        }
    }

    /// A joiner whose companions of one parent that is not in the scan (the same literal name, the same
    /// reference to a data source) join one entity, the first companion's: a bucket outside the code
    /// with both a policy and a public access block in it is judged with that block.
    pub fn merging() -> Self {
        Joiner {
            merge_orphans: true,
            ..Joiner::new()
        }
    }

    pub fn add(&mut self, item: T, tracker: Tracker, name: Option<&str>) {
        if let Some(n) = name {
            self.by_name.insert(n.to_string(), self.items.len());
        }
        self.by_address
            .insert(tracker.id().to_string(), self.items.len());
        self.items.push((item, tracker));
    }

    pub fn find(&self, target: &Target) -> Option<usize> {
        match target {
            // `aws_s3_bucket.b[0]` names the one instance of a resource whose `count` is unknown,
            // which is registered without an index.
            Target::Address(a) => self.by_address.get(a).copied().or_else(|| {
                a.strip_suffix(']')
                    .and_then(|rest| rest.rfind('[').map(|i| &rest[..i]))
                    .and_then(|base| self.by_address.get(base).copied())
            }),
            Target::Name(n) => self.by_name.get(n).copied(),
            Target::Unknown => None,
        }
    }

    /// The entity the companion `inst` names through `attr`; when it is not in this module, the companion
    /// stands as an entity of its own with the `unknown` paths it cannot tell.
    pub fn join(&mut self, item: &Item, attr: &str, unknown: &[&str]) -> &mut (T, Tracker) {
        let r = &item.res;
        let (target, why) = match r.attr_traced(attr) {
            Some((v, _, _, why)) => (target(&v), why),
            None => (Target::Unknown, Vec::new()),
        };
        let i = match self.find(&target) {
            Some(i) => i,
            None => {
                let mut t = item.tracker();
                let mut reasons = vec![format!(
                    "`{attr}` names a resource that is not in the scanned code, so its other settings are unknown"
                )];
                reasons.extend(why);
                for u in unknown {
                    t.mark_unknown(*u);
                    t.locs.unknown_why.insert(u.to_string(), reasons.clone());
                }
                self.add(T::default(), t, None);
                let i = self.items.len() - 1;
                if self.merge_orphans {
                    match target {
                        Target::Address(a) => {
                            self.by_address.entry(a).or_insert(i);
                        }
                        Target::Name(n) => {
                            self.by_name.entry(n).or_insert(i);
                        }
                        Target::Unknown => {}
                    }
                }
                i
            }
        };
        &mut self.items[i]
    }

    /// Every entity with its meta filled in; locations go to `locations`.
    pub fn finish(self, locations: &mut Locations) -> Vec<T> {
        self.items
            .into_iter()
            .map(|(mut item, t)| {
                *item.meta_mut() = t.finish(locations);
                item
            })
            .collect()
    }
}

/// How a companion resource names its parent: by reference to its address, or by a literal name.
pub(crate) enum Target {
    Address(String),
    Name(String),
    Unknown,
}

pub(crate) fn target(v: &Value) -> Target {
    match v {
        Value::Ref(r) => Target::Address(r.address.clone()),
        Value::String(s) => Target::Name(s.clone()),
        _ => Target::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Bucket;
    use crate::source::{FileId, Span};

    fn bucket(joiner: &mut Joiner<Bucket>, address: &str) {
        let t = Tracker::new(
            address.into(),
            "b".into(),
            address.into(),
            Span::new(FileId(0), 0..1),
        );
        joiner.add(Bucket::default(), t, None);
    }

    #[test]
    fn an_indexed_reference_finds_a_resource_whose_count_is_unknown() {
        let mut j: Joiner<Bucket> = Joiner::new();
        bucket(&mut j, "module.site.aws_s3_bucket.default");
        bucket(&mut j, "aws_s3_bucket.logs[1]");
        let find = |a: &str| j.find(&Target::Address(a.into()));
        assert_eq!(find("module.site.aws_s3_bucket.default[0]"), Some(0));
        assert_eq!(find("aws_s3_bucket.logs[1]"), Some(1));
        assert_eq!(find("aws_s3_bucket.logs[0]"), None);
        assert_eq!(find("aws_s3_bucket.other[0]"), None);
    }
}
