//! A Terraform module: the `.tf` files of one directory, indexed by what they declare.

use super::inputs::DeclaredType;
use super::parse::ParsedFile;
use crate::source::FileId;
use hcl_edit::expr::Expression;
use hcl_edit::structure::{Block, Body};
use std::collections::HashMap;

/// A `resource` block.
#[derive(Debug)]
pub struct Resource<'a> {
    pub file: FileId,
    pub rtype: &'a str,
    pub name: &'a str,
    pub block: &'a Block,
    /// `type.name`, as Terraform prints it.
    pub address: String,
}

impl<'a> Resource<'a> {
    pub fn body(&self) -> &'a Body {
        &self.block.body
    }
}

/// An attribute expression together with the file it is written in.
#[derive(Debug, Clone, Copy)]
pub struct Located<'a> {
    pub file: FileId,
    pub expr: &'a Expression,
}

/// A `variable` block.
#[derive(Debug, Clone, Copy)]
pub struct Variable<'a> {
    pub default: Option<Located<'a>>,
    pub ty: DeclaredType,
}

/// The declarations of one module.
#[derive(Debug, Default)]
pub struct Module<'a> {
    /// Variables: their default, if any, and their declared type.
    pub variables: HashMap<&'a str, Variable<'a>>,
    pub locals: HashMap<&'a str, Located<'a>>,
    /// Managed resources in file order.
    pub resources: Vec<Resource<'a>>,
    /// `data` blocks by (type, name).
    pub data: HashMap<(&'a str, &'a str), Resource<'a>>,
    by_address: HashMap<(&'a str, &'a str), usize>,
}

impl<'a> Module<'a> {
    pub fn new(files: &'a [ParsedFile]) -> Module<'a> {
        let mut m = Module::default();
        for f in files {
            for block in f.body.blocks() {
                let labels: Vec<&str> = block.labels.iter().map(|l| l.as_str()).collect();
                match (block.ident.as_str(), labels.as_slice()) {
                    ("variable", [name]) => {
                        let default = block.body.get_attribute("default").map(|a| Located {
                            file: f.file,
                            expr: &a.value,
                        });
                        let ty = match block
                            .body
                            .get_attribute("type")
                            .and_then(|a| a.value.as_variable())
                            .map(|v| v.as_str())
                        {
                            Some("string") => DeclaredType::String,
                            Some("number") => DeclaredType::Number,
                            Some("bool") => DeclaredType::Bool,
                            _ => DeclaredType::Other,
                        };
                        m.variables.insert(name, Variable { default, ty });
                    }
                    ("locals", []) => {
                        for attr in block.body.attributes() {
                            m.locals.insert(
                                attr.key.as_str(),
                                Located {
                                    file: f.file,
                                    expr: &attr.value,
                                },
                            );
                        }
                    }
                    ("data", [dtype, name]) => {
                        m.data.insert(
                            (dtype, name),
                            Resource {
                                file: f.file,
                                rtype: dtype,
                                name,
                                block,
                                address: format!("data.{dtype}.{name}"),
                            },
                        );
                    }
                    ("resource", [rtype, name]) => {
                        m.by_address.insert((rtype, name), m.resources.len());
                        m.resources.push(Resource {
                            file: f.file,
                            rtype,
                            name,
                            block,
                            address: format!("{rtype}.{name}"),
                        });
                    }
                    _ => {}
                }
            }
        }
        m
    }

    pub fn resource(&self, rtype: &str, name: &str) -> Option<&Resource<'a>> {
        self.by_address
            .get(&(rtype, name))
            .map(|&i| &self.resources[i])
    }

    pub fn resources_of<'s>(
        &'s self,
        rtype: &'s str,
    ) -> impl Iterator<Item = &'s Resource<'a>> + 's {
        self.resources.iter().filter(move |r| r.rtype == rtype)
    }
}
