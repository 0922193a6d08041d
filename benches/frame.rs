//! One frame of the window with ten years of history open (target: under 2 ms of CPU), with
//! the charts closed and open, steady and right after a change: a drop, a readiness click,
//! an undo; and the block view with sixteen weeks, steady and after a drop.
//!
//! Headless: egui runs the app's whole frame — the top bar, the grid, the side panel with
//! the editor open, the week summary, the charts when open — and tessellates it into
//! triangles, everything but the GPU upload. The frame must not walk the whole history, so
//! it costs the same with ten years open as with one week; a change costs what the derived
//! state computes again (the verdicts from the changed day on, the week, the offers, the
//! charts' series).

use criterion::{Criterion, criterion_group, criterion_main};
use eframe::egui;
use runweek::app::{Command, RunweekApp, View};
use runweek::core::edit::Edit;
use runweek::core::readiness::{Legs, ReadinessEntry, When};
use runweek::core::week::add_days;

mod support;

fn input(frame: u64) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        time: Some(frame as f64 / 60.0),
        ..Default::default()
    }
}

/// One frame, as eframe runs it before handing the triangles to the GPU.
fn frame(ctx: &egui::Context, app: &mut RunweekApp, n: u64) -> usize {
    let mut output = ctx.run_ui(input(n), |ui| app.show(ui));
    output.textures_delta.clear();
    ctx.tessellate(output.shapes, output.pixels_per_point).len()
}

fn bench(c: &mut Criterion) {
    let plan = support::ten_years();
    let today = support::today();
    let todays = plan.sessions_on(today)[0].id;
    eprintln!("ten years: {} sessions", plan.sessions().len());
    block(c, &plan);
    let mut app = RunweekApp::new_with(plan, None, today);
    let ctx = egui::Context::default();
    // The editor open on today's session, as when a runner logs a run.
    app.push(Command::SelectSession(todays));
    let mut n = 0;
    for _ in 0..5 {
        n += 1;
        frame(&ctx, &mut app, n);
    }
    c.bench_function("week view frame, ten years open", |b| {
        b.iter(|| {
            n += 1;
            frame(&ctx, &mut app, n)
        })
    });
    // A frame right after a change: one undo step (an inverse edit) and what is derived from
    // the plan computed again. Moves today's session back and forth.
    let mut forth = true;
    let mut drop = |app: &mut RunweekApp| {
        forth = !forth;
        let to = if forth { add_days(today, 1) } else { today };
        app.push(Command::Edit(Edit::MoveSession {
            id: todays,
            to,
            index: None,
        }));
    };
    c.bench_function("week view frame after a drop, ten years open", |b| {
        b.iter(|| {
            drop(&mut app);
            n += 1;
            frame(&ctx, &mut app, n)
        })
    });
    // A readiness click: today's legs between Heavy and Normal.
    let mut entry = app
        .plan()
        .readiness_on(today, When::Morning)
        .cloned()
        .unwrap_or_else(|| ReadinessEntry::new(today, When::Morning));
    let mut check_in = move |app: &mut RunweekApp| {
        entry.legs = if entry.legs == Legs::Heavy {
            Legs::Normal
        } else {
            Legs::Heavy
        };
        app.push(Command::Edit(Edit::SetReadiness(entry.clone())));
    };
    c.bench_function(
        "week view frame after a readiness click, ten years open",
        |b| {
            b.iter(|| {
                check_in(&mut app);
                n += 1;
                frame(&ctx, &mut app, n)
            })
        },
    );
    // Undo and redo in turn: each frame follows one of them.
    let mut back = false;
    c.bench_function(
        "week view frame after an undo or redo, ten years open",
        |b| {
            b.iter(|| {
                back = !back;
                app.push(if back { Command::Undo } else { Command::Redo });
                n += 1;
                frame(&ctx, &mut app, n)
            })
        },
    );

    // The same with the charts open under the grid.
    app.push(Command::ToggleCharts);
    for _ in 0..5 {
        n += 1;
        frame(&ctx, &mut app, n);
    }
    c.bench_function("frame with the charts open, ten years", |b| {
        b.iter(|| {
            n += 1;
            frame(&ctx, &mut app, n)
        })
    });
    c.bench_function("frame with the charts open after a drop, ten years", |b| {
        b.iter(|| {
            drop(&mut app);
            n += 1;
            frame(&ctx, &mut app, n)
        })
    });
    c.bench_function(
        "frame with the charts open after a readiness click, ten years",
        |b| {
            b.iter(|| {
                check_in(&mut app);
                n += 1;
                frame(&ctx, &mut app, n)
            })
        },
    );
    c.bench_function(
        "frame with the charts open after an undo or redo, ten years",
        |b| {
            b.iter(|| {
                back = !back;
                app.push(if back { Command::Undo } else { Command::Redo });
                n += 1;
                frame(&ctx, &mut app, n)
            })
        },
    );
}

/// The block view: sixteen weeks as rows from four weeks before today, ten years open.
fn block(c: &mut Criterion, plan: &runweek::core::plan::Plan) {
    let today = support::today();
    let todays = plan.sessions_on(today)[0].id;
    let mut app = RunweekApp::new_with(plan.clone(), None, today);
    let ctx = egui::Context::default();
    app.push(Command::SetBlockWeeks(16));
    app.push(Command::ShowView(View::Block));
    app.push(Command::ShowBlockFrom(add_days(today, -28)));
    let mut n = 0;
    for _ in 0..5 {
        n += 1;
        frame(&ctx, &mut app, n);
    }
    c.bench_function("block view frame, 16 weeks, ten years open", |b| {
        b.iter(|| {
            n += 1;
            frame(&ctx, &mut app, n)
        })
    });
    let mut forth = true;
    c.bench_function(
        "block view frame after a drop, 16 weeks, ten years open",
        |b| {
            b.iter(|| {
                forth = !forth;
                let to = if forth { add_days(today, 8) } else { today };
                app.push(Command::Edit(Edit::MoveSession {
                    id: todays,
                    to,
                    index: None,
                }));
                n += 1;
                frame(&ctx, &mut app, n)
            })
        },
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
