//! The look back over ten years of history (target: under 10 ms): every decision day with
//! what followed, the patterns, and "Room to extend" for the current week, from the verdicts
//! the window already keeps (an `Assessments`, computed once per change and measured in
//! `benches/verdict.rs`).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use runweek::core::review::{decisions, patterns, week_review};
use runweek::core::verdict::Assessments;
use runweek::core::week::Week;

mod support;

fn bench(c: &mut Criterion) {
    let plan = support::ten_years();
    let today = support::today();
    let (first, last) = plan.date_range().expect("ten years of days");
    let verdicts = Assessments::new(&plan, first, last);
    let found = decisions(&plan, &verdicts, first, last, today);
    assert!(
        found.len() > 100,
        "the history holds decision days: {}",
        found.len()
    );

    c.bench_function("review: every decision day of ten years", |b| {
        b.iter(|| decisions(black_box(&plan), &verdicts, first, last, today))
    });
    c.bench_function("review: ten years, decisions and patterns", |b| {
        b.iter(|| patterns(&decisions(black_box(&plan), &verdicts, first, last, today)))
    });
    let week = Week::containing(today, plan.settings.week_start);
    c.bench_function("review: the week on show with room to extend", |b| {
        b.iter(|| week_review(black_box(&plan), &verdicts, week, today))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
