//! What a policy's text says about itself, read without parsing the Rego: its package, whether it
//! declares `deny`, the ids in its METADATA, the packages it imports, the model collections and fields
//! it reads.
//!
//! Pure functions of the text, shared by the crate and by `build.rs`, which runs them over the built-in
//! policies at build time (a unit test checks them against regorus's parser for every built-in).

/// The METADATA comment block of a policy's text: `# METADATA` and the comment lines after it.
pub fn metadata_block(text: &str) -> String {
    let mut out = String::new();
    for l in text
        .lines()
        .skip_while(|l| l.trim() != "# METADATA")
        .take_while(|l| l.starts_with('#'))
    {
        out.push_str(l);
        out.push('\n');
    }
    out
}

/// `custom.id` and `custom.name` read off a METADATA block written the usual way (`#   id: X` under
/// `# custom:`), without parsing it; `None` when they are not found so.
pub fn metadata_ids(text: &str) -> Option<(String, String)> {
    let block = metadata_block(text);
    let mut custom = false;
    let (mut id, mut name) = (None, None);
    for l in block.lines() {
        let l = l.trim_start_matches('#');
        if l.trim_end() == " custom:" {
            custom = true;
            continue;
        }
        if !l.starts_with("  ") {
            custom = false;
        }
        if !custom {
            continue;
        }
        if let Some(v) = l.strip_prefix("   id: ") {
            id = Some(v.trim().to_string());
        } else if let Some(v) = l.strip_prefix("   name: ") {
            name = Some(v.trim().to_string());
        }
    }
    Some((id?, name?))
}

/// The packages a policy's text imports (`import data.preflight.lib` → `preflight.lib`), read off the
/// text; `rego.v1` and `input` imports are not packages.
pub fn imported_packages(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| l.trim().strip_prefix("import data."))
        .map(|rest| rest.split_whitespace().next().unwrap_or("").to_string())
        .collect()
}

/// The package a policy's text declares (`package a.b`), read without parsing the policy.
pub fn declared_package(text: &str) -> Option<String> {
    text.lines()
        .find_map(|l| l.trim().strip_prefix("package "))
        .map(|p| p.trim().to_string())
}

/// Whether a policy's text declares a `deny` rule (a line starting `deny contains`, `deny[`,
/// `deny if`, `deny :=`, …), read without parsing the policy.
pub fn declares_deny(text: &str) -> bool {
    text.lines().any(|l| {
        l.strip_prefix("deny")
            .is_some_and(|rest| rest.starts_with([' ', '[', '{', '.', ':', '=', '\t']))
            || l.starts_with("default deny")
    })
}

/// Every `.name` in a policy's text: the fields it may read.
pub fn field_names(text: &str) -> std::collections::BTreeSet<String> {
    let field = |rest: &str| {
        rest.chars()
            .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
            .collect::<String>()
    };
    let mut out: std::collections::BTreeSet<String> = text.split('.').skip(1).map(field).collect();
    // Fields named as strings to the `lib` helpers that look at keys: `lib.not_written(x, "key")`.
    for helper in ["not_written(", "is_unknown(", "unknown_under("] {
        for (i, _) in text.match_indices(helper) {
            let args = &text[i + helper.len()..];
            let args = &args[..args.find(')').unwrap_or(args.len())];
            if let Some((_, quoted)) = args.split_once('"') {
                out.insert(field(quoted));
            }
        }
    }
    out.retain(|n| !n.is_empty());
    out
}

/// The fields a user's policy may read: [`field_names`], names after a `.` with capitals too
/// (CloudFormation's `Tags` in the raw input), and every string or raw string that could be a field
/// name (`"tags_all"` in `r.attributes[key]`). A wider net than the built-in policies need, which
/// read the model's lower-case fields by name.
pub fn user_field_names(text: &str) -> std::collections::BTreeSet<String> {
    let name = |s: &str| {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
            .collect::<String>()
    };
    let mut out = field_names(text);
    out.extend(text.split('.').skip(1).map(name));
    // Line by line, so that a stray quote (in a comment, say) misleads one line only. Every other
    // piece between quotes is a string's content; an escaped quote only ends a candidate early,
    // which finds a name the policy does not read: harmless.
    for line in text.lines() {
        for quote in ['"', '`'] {
            for piece in line.split(quote).skip(1).step_by(2) {
                if !piece.is_empty() && name(piece) == piece {
                    out.insert(piece.to_string());
                }
            }
        }
    }
    out.retain(|n| !n.is_empty());
    out
}

/// `input.aws.s3.buckets…` → `aws.s3.buckets`: the collections a policy reads.
pub fn input_collections(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, _) in text.match_indices("input.") {
        let rest = &text[i + "input.".len()..];
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
            .unwrap_or(rest.len());
        let parts: Vec<&str> = rest[..end].split('.').filter(|s| !s.is_empty()).collect();
        // `input.aws` or `input.aws.iam` read whole (walked generically): every collection under it.
        let path = match parts.len() {
            0 => continue,
            1 | 2 if rest[..end].ends_with('.') => continue,
            1 | 2 => format!("{}.*", parts.join(".")),
            _ => parts[..3].join("."),
        };
        if !out.contains(&path) {
            out.push(path);
        }
    }
    out
}

/// Whether the text has a `# METADATA` block.
pub fn has_metadata(text: &str) -> bool {
    text.lines().any(|l| l.trim() == "# METADATA")
}
