//! Glue Data Catalog encryption settings: metadata at rest and connection passwords.

use crate::adapt::{boolean, string, Field, Source};
use crate::model::GlueCatalogEncryption;

pub(super) fn adapt<'r, 'a: 'r>(src: &mut impl Source<'r, 'a>) {
    for item in src.items(
        "aws_glue_data_catalog_encryption_settings",
        "AWS::Glue::DataCatalogEncryptionSettings",
    ) {
        let r = &item.res;
        let mut t = item.tracker();
        let mut g = GlueCatalogEncryption::default();
        // Without a setting, the catalog is not encrypted and passwords are returned in clear.
        let (mut mode, mut password) = (Some("DISABLED".to_string()), Some(false));
        match t.block(
            r,
            (
                "data_catalog_encryption_settings",
                "DataCatalogEncryptionSettings",
            ),
            "settings",
        ) {
            Field::Known(s) => {
                mode = match t.block(
                    &s,
                    ("encryption_at_rest", "EncryptionAtRest"),
                    "settings.encryption_at_rest",
                ) {
                    Field::Known(e) => t
                        .field(
                            &e,
                            ("catalog_encryption_mode", "CatalogEncryptionMode"),
                            "catalog_encryption_mode",
                            string,
                        )
                        .or_default("DISABLED".to_string())
                        .map(|m| m.to_ascii_uppercase()),
                    Field::Unknown => {
                        t.mark_unknown("catalog_encryption_mode");
                        None
                    }
                    Field::NotWritten => mode,
                };
                password = match t.block(
                    &s,
                    (
                        "connection_password_encryption",
                        "ConnectionPasswordEncryption",
                    ),
                    "settings.connection_password_encryption",
                ) {
                    Field::Known(p) => t
                        .field(
                            &p,
                            (
                                "return_connection_password_encrypted",
                                "ReturnConnectionPasswordEncrypted",
                            ),
                            "connection_password_encrypted",
                            boolean,
                        )
                        .or_default(false),
                    Field::Unknown => {
                        t.mark_unknown("connection_password_encrypted");
                        None
                    }
                    Field::NotWritten => password,
                };
            }
            Field::Unknown => {
                t.mark_unknown("catalog_encryption_mode");
                t.mark_unknown("connection_password_encrypted");
                (mode, password) = (None, None);
            }
            Field::NotWritten => {}
        }
        g.catalog_encryption_mode = mode;
        g.connection_password_encrypted = password;
        g.meta = t.finish(src.locations());
        src.model().aws.glue.catalog_encryption_settings.push(g);
    }
}
