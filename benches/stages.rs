//! Per-stage benchmarks (`cargo bench`): parse, evaluate and adapt, policies, report, and the whole scan,
//! on the bundled example module. Whole-process timings and corpora are in bench/.

use preflight::policy::Registry;
use preflight::source::{FileId, SourceFile, SourceMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

fn main() {
    divan::main();
}

fn example_sources() -> (SourceMap, Vec<FileId>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/training-portal");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("examples")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "tf"))
        .collect();
    paths.sort();
    let mut sources = SourceMap::default();
    let ids = paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("read");
            let name = p.display().to_string();
            sources.add(SourceFile::new(p, name, Arc::from(text)))
        })
        .collect();
    (sources, ids)
}

fn source_bytes(sources: &SourceMap, ids: &[FileId]) -> divan::counter::BytesCount {
    divan::counter::BytesCount::new(
        ids.iter()
            .map(|&id| sources.get(id).text.len())
            .sum::<usize>(),
    )
}

#[divan::bench]
fn parse(bencher: divan::Bencher) {
    let (sources, ids) = example_sources();
    bencher.counter(source_bytes(&sources, &ids)).bench(|| {
        for &id in &ids {
            divan::black_box(preflight::terraform::parse::parse(id, sources.get(id)).is_ok());
        }
    });
}

/// Terraform JSON syntax: strict JSON parse, translation to native syntax, hcl-edit parse.
#[divan::bench]
fn parse_json_syntax(bencher: divan::Bencher) {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/partner-exchange-cdktf/cdk.tf.json");
    let text = std::fs::read_to_string(&path).expect("read");
    let mut sources = SourceMap::default();
    let id = sources.add(SourceFile::new(
        path.clone(),
        path.display().to_string(),
        Arc::from(text),
    ));
    bencher.counter(source_bytes(&sources, &[id])).bench(|| {
        divan::black_box(preflight::terraform::parse::parse(id, sources.get(id)).is_ok())
    });
}

#[divan::bench]
fn parse_evaluate_adapt(bencher: divan::Bencher) {
    let (sources, ids) = example_sources();
    bencher.bench(|| divan::black_box(preflight::terraform::analyze(&sources, &ids).model));
}

#[divan::bench]
fn load_policies() -> Registry {
    Registry::builtin().expect("policies")
}

#[divan::bench]
fn policies(bencher: divan::Bencher) {
    let (sources, ids) = example_sources();
    let analysis = preflight::terraform::analyze(&sources, &ids);
    let registry = Registry::builtin().expect("policies");
    let mut engine = registry.engines();
    bencher.bench_local(|| divan::black_box(registry.evaluate(&mut engine, &analysis.model)));
}

fn example_outcome() -> (preflight::Outcome, Registry) {
    let registry = Registry::builtin().expect("policies");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let req = preflight::Request::new(vec![root.join("examples")], root.to_path_buf());
    (preflight::scan(&req, &registry), registry)
}

#[divan::bench]
fn report_json(bencher: divan::Bencher) {
    let (outcome, registry) = example_outcome();
    bencher.bench(|| divan::black_box(preflight::report::json::render(&outcome, &registry)));
}

#[divan::bench]
fn report_human(bencher: divan::Bencher) {
    let (outcome, registry) = example_outcome();
    let style = preflight::report::human::Style {
        color: false,
        width: 100,
    };
    bencher
        .bench(|| divan::black_box(preflight::report::human::render(&outcome, &registry, style)));
}

#[divan::bench]
fn whole_scan(bencher: divan::Bencher) {
    let registry = Registry::builtin().expect("policies");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let req = preflight::Request::new(vec![root.join("examples")], root.to_path_buf());
    bencher.bench(|| divan::black_box(preflight::scan(&req, &registry).findings.len()));
}

/// The pre-commit case as one process pays it: load the policy registry, scan one file
/// (`examples/training-portal/storage.tf`, with its module), and compile only the policies whose
/// collections the model holds.
#[divan::bench]
fn cold_scan_one_file() -> usize {
    let registry = Registry::builtin().expect("policies");
    one_file_scan(&registry)
}

/// The same with every policy compiled up front, as the registry did before it compiled lazily: the
/// difference is what lazy compilation saves, and it grows with the catalog.
#[divan::bench]
fn cold_scan_one_file_all_compiled() -> usize {
    let registry = Registry::builtin().expect("policies");
    divan::black_box(registry.engine().expect("engine"));
    one_file_scan(&registry)
}

fn one_file_scan(registry: &Registry) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let req = preflight::Request::new(
        vec![root.join("examples/training-portal/storage.tf")],
        root.to_path_buf(),
    );
    preflight::scan(&req, registry).findings.len()
}
