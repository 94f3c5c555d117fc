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
}

impl<T: HasMeta> Joiner<T> {
    pub fn new() -> Self {
        Joiner {
            items: Vec::new(),
            by_address: HashMap::new(),
            by_name: HashMap::new(),
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
            Target::Address(a) => self.by_address.get(a).copied(),
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
                self.items.len() - 1
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
