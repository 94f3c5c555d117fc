//! `Source`: where a service adapter finds its resources, whatever the format. A service adapter
//! (`crate::adapt::aws`) is written once against it and fills the model from Terraform (HCL, JSON,
//! plans) and CloudFormation alike; attribute names that differ are given as pairs (`Name`).

use super::{Item, Res};
use crate::model::{Locations, Model};

/// The resources of one scanned unit (a Terraform root module with its children, a plan, a template)
/// and the model they become.
pub(crate) trait Source<'r, 'a: 'r> {
    /// Every resource (every instance, for Terraform) of the Terraform type `terraform` or the
    /// CloudFormation type `cloudformation`, whichever this source is written in. An empty type name
    /// means the format has no such resource.
    fn items(&self, terraform: &str, cloudformation: &str) -> Vec<Item<'r, 'a>>;

    fn model(&mut self) -> &mut Model;

    /// Every resource type this source holds, sorted and without repeats: for adapters that judge a
    /// family of types by their name (`google_*_iam_member`). CloudFormation answers none.
    fn types(&self) -> Vec<String> {
        Vec::new()
    }

    /// A SAM template's `Globals` section `section` (`Function`, `Api`), whose properties every
    /// resource of that kind inherits unless it writes its own; `None` for Terraform and for templates
    /// without one.
    fn sam_globals(&self, _section: &str) -> Option<Res<'r, 'a>> {
        None
    }

    fn locations(&mut self) -> &mut Locations;
}
