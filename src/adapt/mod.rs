//! The adapter toolkit shared by every input format: what the Terraform adapters
//! (`crate::terraform::adapt`) and the CloudFormation adapters (`crate::cloudformation::adapt`) use to
//! turn resources into model entities with a location for every attribute read.
//!
//! - `res`: `Res`, the fields of a resource read alike from HCL, a plan or a template; `Item`, `Fields`,
//!   `Field`.
//! - `tracker`: `Tracker`, an entity's unknown paths and locations while it is built.
//! - `join`: `Joiner`, companion resources joined to their parent by address or name.
//! - `values`: converters from evaluated values (`string`, `boolean`, `document`, …).
//! - `s3`: S3 rules that both formats' bucket adapters apply.
//!
//! Knows nothing of a format's resource types, of policies or of output formats.

mod join;
mod res;
pub(crate) mod s3;
mod tracker;
mod values;

pub(crate) use join::{Joiner, Target};
pub(crate) use res::{Field, Fields, Item, ObjectFields, Res};
pub(crate) use tracker::Tracker;
pub(crate) use values::{
    boolean, document, normalize_protocol, number, string, strings, Direction,
};
