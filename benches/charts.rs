//! One frame of the charts panel with ten years of history (target: under 3 ms of CPU).
//!
//! Headless: egui runs the panel alone — the week's figures and the six charts, all of them
//! on screen — and tessellates it into triangles, everything but the GPU upload. The metrics
//! are cached per plan revision, so a steady frame only cuts and decimates the cached
//! series; the last two cases change the plan every frame to show what a change costs.

use criterion::{Criterion, criterion_group, criterion_main};
use eframe::egui;
use runweek::app::Command;
use runweek::app::charts::{ChartsArgs, ChartsState, charts_ui};
use runweek::core::edit::Edit;
use runweek::core::plan::Plan;
use runweek::core::week::{Week, add_days};

mod support;

/// Tall enough that no chart is scrolled out of sight (which would make it free).
fn input(frame: u64, pointer: Option<egui::Pos2>) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 1200.0),
        )),
        time: Some(frame as f64 / 60.0),
        events: pointer
            .map(|p| vec![egui::Event::PointerMoved(p)])
            .unwrap_or_default(),
        ..Default::default()
    }
}

struct Panel {
    ctx: egui::Context,
    state: ChartsState,
    plan: Plan,
    rev: u64,
    frame: u64,
}

impl Panel {
    fn new() -> Panel {
        Panel {
            ctx: egui::Context::default(),
            state: ChartsState::default(),
            plan: support::ten_years(),
            rev: 0,
            frame: 0,
        }
    }

    /// One frame, as eframe runs it before handing the triangles to the GPU.
    fn frame(&mut self, pointer: Option<egui::Pos2>) -> usize {
        self.frame += 1;
        let today = support::today();
        let args = ChartsArgs {
            plan: &self.plan,
            rev: self.rev,
            today,
            week: Week::containing(today, self.plan.settings.week_start),
        };
        let state = &mut self.state;
        let mut out: Vec<Command> = Vec::new();
        let mut output = self.ctx.run_ui(input(self.frame, pointer), |ui| {
            charts_ui(ui, state, &args, &mut out);
        });
        output.textures_delta.clear();
        self.ctx
            .tessellate(output.shapes, output.pixels_per_point)
            .len()
    }
}

fn bench(c: &mut Criterion) {
    let mut panel = Panel::new();
    for _ in 0..5 {
        panel.frame(None);
    }
    c.bench_function("charts panel frame, ten years, last 12 weeks shown", |b| {
        b.iter(|| panel.frame(None))
    });

    panel.state.show_all();
    for _ in 0..5 {
        panel.frame(None);
    }
    c.bench_function("charts panel frame, ten years, all shown", |b| {
        b.iter(|| panel.frame(None))
    });
    // The pointer over the fitness chart: a tooltip, and the hovered day marked on every
    // chart.
    let over_fitness = Some(egui::pos2(900.0, 330.0));
    c.bench_function("charts panel frame, ten years, all shown, hovering", |b| {
        b.iter(|| panel.frame(over_fitness))
    });
    assert_eq!(panel.state.rebuilds(), 1, "a steady frame never recomputes");

    // After a change to the sessions (today's session moved back and forth): the load
    // series of ten years recomputed, the verdicts kept, then the frame.
    let today = support::today();
    let todays = panel.plan.sessions_on(today)[0].id;
    let mut forth = true;
    c.bench_function("charts panel frame after a session moved, ten years", |b| {
        b.iter(|| {
            forth = !forth;
            let to = if forth { add_days(today, 1) } else { today };
            panel
                .plan
                .apply(Edit::MoveSession {
                    id: todays,
                    to,
                    index: None,
                })
                .expect("the move is valid");
            panel.rev += 1;
            panel.frame(None)
        })
    });
    // After a readiness check-in: the verdicts of ten years recomputed too.
    let mut entry = panel.plan.readiness().last().cloned().expect("readiness");
    c.bench_function("charts panel frame after a check-in, ten years", |b| {
        b.iter(|| {
            entry.unwell = !entry.unwell;
            panel
                .plan
                .apply(Edit::SetReadiness(entry.clone()))
                .expect("the check-in is valid");
            panel.rev += 1;
            panel.frame(None)
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
