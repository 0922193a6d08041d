//! The day's verdict with ten years of history behind it (target: under 100 µs), the badges
//! of a visible week, and the verdict cache of the whole history: built once, then updated
//! from the changed day on (target: well under 1 ms after a check-in on the last day).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use runweek::core::edit::Edit;
use runweek::core::verdict::{Assessments, assess, assess_range};
use runweek::core::week::add_days;

mod support;

fn bench(c: &mut Criterion) {
    let mut plan = support::ten_years();
    let today = support::today();
    c.bench_function("assess one day, ten years behind it", |b| {
        b.iter(|| assess(black_box(&plan), black_box(today)))
    });
    let monday = add_days(today, -2);
    c.bench_function("assess_range over a week", |b| {
        b.iter(|| assess_range(black_box(&plan), monday, add_days(monday, 6)))
    });

    let (first, _) = plan.date_range().expect("ten years of days");
    c.bench_function("Assessments::new over ten years", |b| {
        b.iter(|| Assessments::new(black_box(&plan), first, today))
    });

    // A check-in on the last day, toggled so that every update has something to change.
    let mut days = Assessments::new(&plan, first, today);
    let mut entry = plan.readiness().last().cloned().expect("readiness");
    c.bench_function(
        "Assessments::update after a check-in on the last day, ten years",
        |b| {
            b.iter(|| {
                entry.unwell = !entry.unwell;
                let edit = Edit::SetReadiness(entry.clone());
                let changed = edit.changed_days(&plan);
                plan.apply(edit).expect("the check-in is valid");
                days.update(black_box(&plan), changed);
            })
        },
    );
    // A session done a year ago moved: the days from then to the end of the reach again.
    let year_ago = add_days(today, -365);
    let id = plan.sessions_on(year_ago)[0].id;
    let mut forth = true;
    c.bench_function(
        "Assessments::update after a move a year ago, ten years",
        |b| {
            b.iter(|| {
                forth = !forth;
                let to = if forth {
                    add_days(year_ago, 1)
                } else {
                    year_ago
                };
                let edit = Edit::MoveSession {
                    id,
                    to,
                    index: None,
                };
                let changed = edit.changed_days(&plan);
                plan.apply(edit).expect("the move is valid");
                days.update(black_box(&plan), changed);
            })
        },
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
