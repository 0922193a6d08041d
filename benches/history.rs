//! One undo step with ten years of history: a drop on the grid applied through the history
//! and undone again. The history keeps the inverse edit, never a copy of the plan
//! (a copy and a compare per edit cost about 2 ms here).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use runweek::core::edit::Edit;
use runweek::core::history::History;
use runweek::core::week::add_days;

mod support;

fn bench(c: &mut Criterion) {
    let mut plan = support::ten_years();
    let today = support::today();
    let id = plan.sessions_on(today)[0].id;
    let mut history = History::default();
    c.bench_function("history: apply a drop and undo it, ten years", |b| {
        b.iter(|| {
            let drop = Edit::MoveSession {
                id,
                to: add_days(today, 1),
                index: Some(0),
            };
            history
                .apply(black_box(&mut plan), drop)
                .expect("the drop is valid");
            assert!(history.undo(&mut plan));
        })
    });
    c.bench_function("history: a drop on the card's own place, ten years", |b| {
        b.iter(|| {
            let drop = Edit::MoveSession {
                id,
                to: today,
                index: Some(0),
            };
            history
                .apply(black_box(&mut plan), drop)
                .expect("the drop is valid");
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
