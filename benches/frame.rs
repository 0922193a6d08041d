//! One frame of the week view with ten years of history open (target: under 2 ms of CPU).
//!
//! Headless: egui runs the app's whole frame — the top bar, the grid, the side panel with
//! the editor open, the week summary — and tessellates it into triangles, everything but
//! the GPU upload. The frame must not walk the whole history, so it costs the same with ten
//! years open as with one week.

use criterion::{Criterion, criterion_group, criterion_main};
use eframe::egui;
use runweek::app::{Command, RunweekApp};
use runweek::core::edit::Edit;
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
    // A frame right after a change: one undo step (a snapshot of the whole plan) and the
    // week view rebuilt. Moves today's session back and forth.
    let mut forth = true;
    c.bench_function("week view frame after a drop, ten years open", |b| {
        b.iter(|| {
            forth = !forth;
            let to = if forth { add_days(today, 1) } else { today };
            app.push(Command::Edit(Edit::MoveSession {
                id: todays,
                to,
                index: None,
            }));
            n += 1;
            frame(&ctx, &mut app, n)
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
