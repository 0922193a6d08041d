//! Loading and saving a ten-year history (targets: under 50 ms each).

use criterion::{Criterion, criterion_group, criterion_main};
use runweek::file;

mod support;

fn bench(c: &mut Criterion) {
    let plan = support::ten_years();
    let text = file::to_text(&plan);
    // Kept in the target folder so that `runweek check` can be timed on it as a process.
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("ten-years.ron");
    eprintln!(
        "ten years in {}: {} sessions, {} readiness entries, {:.1} MB",
        path.display(),
        plan.sessions().len(),
        plan.readiness().len(),
        text.len() as f64 / 1e6
    );
    file::save(&path, &plan).expect("save");
    c.bench_function("load ten years", |b| {
        b.iter(|| file::load(&path).expect("loads"))
    });
    // Alternate two plans so that every save really writes.
    let mut other = plan.clone();
    other.settings.fitness_days = 43;
    let mut flip = false;
    c.bench_function("save ten years", |b| {
        b.iter(|| {
            flip = !flip;
            file::save(&path, if flip { &plan } else { &other }).expect("saves")
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
