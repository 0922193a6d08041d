//! The day's verdict with ten years of history behind it (target: under 100 µs), and the
//! badges of a visible week.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use runweek::core::verdict::{assess, assess_range};
use runweek::core::week::add_days;

mod support;

fn bench(c: &mut Criterion) {
    let plan = support::ten_years();
    let today = support::today();
    c.bench_function("assess one day, ten years behind it", |b| {
        b.iter(|| assess(black_box(&plan), black_box(today)))
    });
    let monday = add_days(today, -2);
    c.bench_function("assess_range over a week", |b| {
        b.iter(|| assess_range(black_box(&plan), monday, add_days(monday, 6)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
