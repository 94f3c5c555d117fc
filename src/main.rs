//! Thin: arguments → scan → report → exit code (0 clean, 1 findings, 2 errors).

use clap::Parser;
use preflight::baseline::{self, Baseline};
use preflight::cli::{
    CheckArgs, Cli, Command, ExplainArgs, Format, RulesArgs, RulesFormat, TestArgs,
};
use preflight::config::{self, Config, Settings};
use preflight::policy::{self, Registry};
use preflight::report;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

/// Scanning allocates many small, short-lived values on every thread; mimalloc handles that pattern
/// better than the system allocator (measured in bench/: see README's performance section).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    if std::env::args_os()
        .nth(1)
        .is_some_and(|a| a == policy::worker::WORKER_ARG)
    {
        return ExitCode::from(policy::worker::serve());
    }
    let cli = Cli::parse();
    if matches!(cli.command, Command::Lsp) {
        return match preflight::lsp::run() {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: language server: {}", report::terminal::escape(&e));
                ExitCode::from(2)
            }
        };
    }
    let cwd = std::env::current_dir().unwrap_or_else(|_| ".".into());
    let policies = match &cli.command {
        Command::Check(a) => &a.policies,
        Command::Rules(a) => &a.policies,
        Command::Explain(a) => &a.policies,
        Command::Lsp => return ExitCode::SUCCESS,
        Command::Test(a) => return test(a),
        Command::Schema => return schema(),
    };
    // preflight.toml: named by --config, or found from the working directory up to the repository root.
    let config_path = match &cli.command {
        Command::Check(a) => a.config.clone(),
        _ => None,
    }
    .or_else(|| config::find(&cwd));
    let config = match config_path {
        None => None,
        Some(path) => match Config::load(&path, &cwd) {
            Ok(c) => Some(c),
            Err(e) => return fail(&e),
        },
    };
    let settings = settings(&cli.command, config.as_ref());
    let mut registry = match Registry::with_custom(&settings.policies, policies.timeout()) {
        Ok(r) => r,
        Err(e) => {
            policy_error(&e);
            return ExitCode::from(2);
        }
    };
    // Rules named in the file and on the command line must exist (custom policies included).
    if let Some(c) = &config {
        if let Err(e) = c.check_rules(&registry) {
            return fail(&e);
        }
    }
    if let Command::Check(a) = &cli.command {
        for (flag, list) in [("--select", &a.select), ("--ignore", &a.ignore)] {
            let list = list.as_deref().unwrap_or_default();
            if let Err(e) = config::check_flag_rules(flag, list, &registry) {
                return fail(&e);
            }
        }
    }
    settings.apply_severity(&mut registry);
    // A custom policy that asks for more memory than there is must not abort the scan: it runs in a
    // worker process (see policy::worker).
    if registry.policies.iter().any(|p| p.custom) {
        match policy::worker::Isolation::current_exe() {
            Ok(isolation) => registry.isolate_custom(isolation),
            Err(e) => {
                eprintln!(
                    "error: cannot find the running program to evaluate custom policies: {e}"
                );
                return ExitCode::from(2);
            }
        }
    }
    match cli.command {
        Command::Check(args) => check(&args, &settings, &registry, cwd),
        Command::Rules(args) => rules(&args, &registry),
        Command::Explain(args) => explain(&args, &registry),
        Command::Lsp => ExitCode::SUCCESS,
        Command::Test(_) | Command::Schema => ExitCode::from(2),
    }
}

/// A policy that does not load, as a diagnostic with its snippet on stderr.
fn policy_error(e: &policy::PolicyError) {
    // Policy files are input too: their text reaches the terminal escaped.
    let mut text = String::new();
    let handler =
        miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor());
    if handler.render_report(&mut text, e).is_err() {
        text = e.to_string();
    }
    eprintln!("{}", report::terminal::escape(&text));
}

/// `preflight test`: exit 0 when every test passes, 1 when one fails, 2 when a file does not load.
fn test(args: &TestArgs) -> ExitCode {
    match policy::testing::run(&args.paths, args.policy_timeout) {
        Ok(results) => {
            let text = policy::testing::render(&results);
            if write_stdout(&report::terminal::escape(&text)).is_err() {
                return ExitCode::from(2);
            }
            if results.iter().any(|r| r.failure.is_some()) {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => {
            policy_error(&e);
            ExitCode::from(2)
        }
    }
}

/// `preflight schema`: the model's JSON Schema.
fn schema() -> ExitCode {
    match write_stdout(&preflight::model::json_schema()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(2),
    }
}

/// The settings of a command: preflight.toml, then the flags (which win).
fn settings(command: &Command, config: Option<&Config>) -> Settings {
    let flags = match command {
        Command::Check(a) => config::Flags {
            fail_on: a.fail_on.map(|f| f.severity()),
            select: a.select.clone(),
            ignore: a.ignore.clone(),
            var_files: a.var_files.clone(),
            cfn_params: a.cfn_param_files.clone(),
            policies: a.policies.dirs.clone(),
            strict_suppressions: a.strict_suppressions,
            baseline: a.baseline.clone(),
        },
        Command::Rules(a) => config::Flags {
            policies: a.policies.dirs.clone(),
            ..config::Flags::default()
        },
        Command::Explain(a) => config::Flags {
            policies: a.policies.dirs.clone(),
            ..config::Flags::default()
        },
        Command::Lsp | Command::Test(_) | Command::Schema => config::Flags::default(),
    };
    Settings::merge(config, flags)
}

/// Prints a configuration problem (with its place in the file) and gives exit code 2.
fn fail(e: &config::ConfigError) -> ExitCode {
    let mut text = String::new();
    let handler =
        miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor());
    if handler.render_report(&mut text, e).is_err() {
        text = e.to_string();
    }
    eprintln!("{}", report::terminal::escape(&text));
    ExitCode::from(2)
}

/// `check --print-input`: the policy inputs as JSON on stdout; the scan's errors as diagnostics on
/// stderr (exit code 2 when there are any, else 0: nothing is judged).
fn print_input(outcome: &preflight::Outcome) -> ExitCode {
    let json = serde_json::json!({ "inputs": outcome.inputs });
    match serde_json::to_string_pretty(&json) {
        Ok(text) => println!("{text}"),
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    }
    for e in &outcome.errors {
        let place = e
            .file
            .map(|f| outcome.sources.get(f).display.clone())
            .or_else(|| e.path.clone())
            .unwrap_or_default();
        eprintln!(
            "error: {}: {}",
            report::terminal::escape(&place),
            report::terminal::escape(&e.message)
        );
    }
    if outcome.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}

fn check(
    args: &CheckArgs,
    settings: &Settings,
    registry: &Registry,
    cwd: std::path::PathBuf,
) -> ExitCode {
    let mut request = preflight::Request::new(args.paths.clone(), cwd.clone());
    request.vars = args.vars.clone();
    request.var_files = settings.var_files.clone();
    request.show_unknown = args.show_unknown;
    request.keep_inputs = args.print_input;
    request.max_file_bytes = args.max_file_size;
    request.cfn_params = args.cfn_params.clone();
    request.cfn_param_files = settings.cfn_params.clone();
    request.selection = settings.selection.clone();
    request.exclude = settings.exclude.clone();
    request.strict_suppressions = settings.strict_suppressions;
    request.env = std::env::vars()
        .filter(|(k, _)| k.starts_with("TF_VAR_"))
        .collect();
    let mut outcome = preflight::scan(&request, registry);
    if args.print_input {
        return print_input(&outcome);
    }
    // Baselines: --write-baseline records every finding (a baseline named in preflight.toml is not
    // applied then); --baseline (or `baseline` in preflight.toml) leaves out the recorded ones.
    let mut wrote_baseline = false;
    if let Some(file) = &args.write_baseline {
        match baseline::write(file, &outcome.findings, &outcome.sources, registry, &cwd) {
            Ok(n) => {
                eprintln!(
                    "preflight: wrote {n} finding{} to the baseline {}",
                    if n == 1 { "" } else { "s" },
                    file.display()
                );
                wrote_baseline = true;
            }
            Err(e) => {
                eprintln!("error: {}", report::terminal::escape(&e));
                return ExitCode::from(2);
            }
        }
    } else if let Some(file) = &settings.baseline {
        let loaded = match Baseline::load(file, &cwd) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("error: {}", report::terminal::escape(&e));
                return ExitCode::from(2);
            }
        };
        let applied = loaded.apply(&mut outcome.findings, &outcome.sources, registry, &cwd);
        outcome.baseline = Some(applied);
        eprintln!(
            "preflight: baseline {}: {} finding{} already recorded (not shown); {} entr{} no longer match{}",
            file.display(),
            applied.baselined,
            if applied.baselined == 1 { "" } else { "s" },
            applied.stale,
            if applied.stale == 1 { "y" } else { "ies" },
            if applied.stale > 0 {
                " (fixed or changed: refresh it with --write-baseline)"
            } else {
                ""
            }
        );
    }
    let human = |to_terminal: bool| {
        let color = to_terminal
            && std::io::stdout().is_terminal()
            && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        let width = std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(100);
        report::human::render(&outcome, registry, report::human::Style { color, width })
    };
    let machine = |format: Format| match format {
        Format::Json => report::json::render(&outcome, registry),
        Format::Sarif => report::sarif::render(&outcome, registry, &cwd),
        Format::Github => report::github::render(&outcome, registry),
        Format::Junit => report::junit::render(&outcome, registry),
        Format::Compact => report::compact::render(&outcome, registry),
        Format::Human => human(false),
    };
    let text = match &args.output {
        Some(path) => {
            if let Err(e) = std::fs::write(path, machine(args.format)) {
                eprintln!(
                    "error: cannot write the report to {}: {e}",
                    report::terminal::escape(&path.display().to_string())
                );
                return ExitCode::from(2);
            }
            human(true)
        }
        None if args.format == Format::Human => human(true),
        None => machine(args.format),
    };
    if write_stdout(&text).is_err() {
        return ExitCode::from(2);
    }
    if !outcome.errors.is_empty() {
        ExitCode::from(2)
    } else if !wrote_baseline && report::failing(&outcome, registry, settings.fail_on) > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn rules(args: &RulesArgs, registry: &Registry) -> ExitCode {
    let text = match args.format {
        RulesFormat::Markdown => report::rules_markdown(registry),
        RulesFormat::Json => {
            let list: Vec<_> = registry.policies.iter().map(|p| &p.meta).collect();
            let mut s = serde_json::to_string_pretty(&list).unwrap_or_default();
            s.push('\n');
            s
        }
        RulesFormat::Human => {
            let w = |f: fn(&policy::metadata::Metadata) -> usize| {
                registry
                    .policies
                    .iter()
                    .map(|p| f(&p.meta))
                    .max()
                    .unwrap_or(0)
            };
            let (idw, namew) = (w(|m| m.id.len()).max(2), w(|m| m.name.len()).max(4));
            let mut s = format!(
                "{:<idw$} {:<namew$} {:<9} {:<14} {}\n",
                "ID", "NAME", "SEVERITY", "CATEGORY", "TITLE"
            );
            for p in &registry.policies {
                let m = &p.meta;
                s.push_str(&format!(
                    "{:<idw$} {:<namew$} {:<9} {:<14} {}\n",
                    m.id, m.name, m.severity, m.category, m.title
                ));
            }
            // Policy text is input when it comes from --policy.
            report::terminal::escape(&s).into_owned()
        }
    };
    match write_stdout(&text) {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(2),
    }
}

fn explain(args: &ExplainArgs, registry: &Registry) -> ExitCode {
    let Some(policy) = registry.find(&args.rule) else {
        let known = registry.policies.iter().map(|p| p.meta.id.as_str());
        let hint = preflight::suppress::closest(&args.rule.to_ascii_uppercase(), known)
            .map(|k| format!("; did you mean {k}?"))
            .unwrap_or_default();
        eprintln!(
            "error: no rule {}{hint} (`preflight rules` lists them)",
            report::terminal::escape(&args.rule)
        );
        return ExitCode::from(2);
    };
    match write_stdout(&report::terminal::escape(&report::explain(policy))) {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(2),
    }
}

/// Writes to stdout; a closed pipe (`preflight check | head`) is not a panic.
fn write_stdout(text: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}
