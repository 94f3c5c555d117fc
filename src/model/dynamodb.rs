//! DynamoDB (docs/model.md, `aws.dynamodb`).

use super::Meta;
use serde::Serialize;

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Dynamodb {
    pub tables: Vec<Table>,
}

#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct Table {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Who holds the key the table is encrypted with: `AWS_OWNED` (the default), `AWS_MANAGED`
    /// (`aws/dynamodb` in the account) or `CUSTOMER_MANAGED`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
}

entity!(Table);
