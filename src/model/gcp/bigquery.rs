//! BigQuery datasets (docs/model.md, `gcp.bigquery`); their `access` entries are IAM grants
//! (`gcp.iam.grants`).

use crate::model::Meta;
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Bigquery {
    pub datasets: Vec<BigqueryDataset>,
}

/// A `google_bigquery_dataset`.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct BigqueryDataset {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dataset_id: Option<String>,
    /// The default customer-managed key of new tables (`default_encryption_configuration.kms_key_name`);
    /// absent when Google's own key is used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_key_name: Option<String>,
}

entity!(BigqueryDataset);
