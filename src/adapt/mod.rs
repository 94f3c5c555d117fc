//! The adapter toolkit shared by every input format: what the Terraform adapters
//! (`crate::terraform::adapt`) and the CloudFormation adapters (`crate::cloudformation::adapt`) use to
//! turn resources into model entities with a location for every attribute read.
//!
//! - `res`: `Res`, the fields of a resource read alike from HCL, a plan or a template; `Item`, `Fields`,
//!   `Field`.
//! - `tracker`: `Tracker`, an entity's unknown paths and locations while it is built.
//! - `join`: `Joiner`, companion resources joined to their parent by address or name.
//! - `values`: converters from evaluated values (`string`, `boolean`, `document`, …).
//! - `source`: `Source`, the resources of a scanned unit in either format.
//! - `raw`: `RawInput`, every resource with its evaluated attributes and their locations, for custom
//!   policies that read it (`custom.input: raw`).
//! - `s3`: S3 rules that both formats' bucket adapters apply.
//! - `aws`: one adapter per AWS service, written once for both formats against `Source` (the older
//!   services still have one adapter per format: `crate::terraform::adapt`,
//!   `crate::cloudformation::adapt`).
//! - `azure`: one adapter per Azure service (`azurerm`, Terraform only).
//! - `gcp`: one adapter per Google Cloud service (`google`, Terraform only).
//!
//! Apart from `aws`, `azure` and `gcp`, knows nothing of a format's resource types, of policies or of
//! output formats.

pub(crate) mod aws;
pub(crate) mod azure;
pub(crate) mod gcp;
mod join;
pub mod raw;
mod res;
pub(crate) mod s3;
mod source;
mod tracker;
mod values;

pub(crate) use join::{target, Joiner, Target};
pub(crate) use res::{Field, Fields, Format, Item, Name, ObjectFields, Res};
pub(crate) use source::Source;
pub(crate) use tracker::Tracker;
pub(crate) use values::{
    boolean, document, document_json, normalize_protocol, number, string, strings, Direction,
};
