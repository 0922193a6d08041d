//! Load and trends over a ten-year history (target: every series in under 10 ms), and the
//! look-ups the charts and the re-plan preview make on top of them.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use runweek::core::load::{self, Trends};
use runweek::core::week::add_days;

mod support;

fn bench(c: &mut Criterion) {
    let plan = support::ten_years();
    let today = support::today();
    eprintln!(
        "ten years: {} sessions, {} days of trends",
        plan.sessions().len(),
        Trends::compute(&plan, today).days().len()
    );
    c.bench_function("trends of ten years", |b| {
        b.iter(|| Trends::compute(black_box(&plan), black_box(today)))
    });
    let trends = Trends::compute(&plan, today);
    let key_day = add_days(today, 4);
    c.bench_function("form on the key day with a proposal", |b| {
        b.iter(|| trends.form_on_with(black_box(&plan), black_box(today), black_box(key_day)))
    });
    c.bench_function("summaries of 16 weeks", |b| {
        b.iter(|| {
            load::week_summaries(
                black_box(&plan),
                today,
                add_days(today, -7 * 12),
                add_days(today, 7 * 4),
            )
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
