//! One frame of the charts panel with ten years of history (target: under 3 ms of CPU).
//!
//! Headless: egui runs the panel alone — the week's figures and the six charts, all of them
//! on screen — and tessellates it into triangles, everything but the GPU upload. The data is
//! computed once per change, as the window's derived state does it (the verdicts kept in an
//! `Assessments` and updated from the changed day on), so a steady frame only cuts and
//! decimates the series; the last two cases change the plan every frame to show what a
//! change costs.

use criterion::{Criterion, criterion_group, criterion_main};
use eframe::egui;
use runweek::app::Command;
use runweek::app::charts::series::ChartData;
use runweek::app::charts::{ChartsArgs, ChartsView, charts_ui};
use runweek::core::edit::Edit;
use runweek::core::load::{WeekSummary, week_summary};
use runweek::core::plan::Plan;
use runweek::core::review::{Decision, decisions, update_decisions};
use runweek::core::verdict::Assessments;
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
    view: ChartsView,
    plan: Plan,
    verdicts: Assessments,
    data: ChartData,
    summary: WeekSummary,
    decisions: Vec<Decision>,
    frame: u64,
}

impl Panel {
    fn new() -> Panel {
        let plan = support::ten_years();
        let today = support::today();
        let (from, to) = plan.date_range().expect("ten years");
        let verdicts = Assessments::new(&plan, from, to);
        let data = ChartData::build(&plan, today, Some(&verdicts));
        let summary = week_summary(
            &plan,
            Week::containing(today, plan.settings.week_start),
            today,
        );
        let decisions = decisions(&plan, &verdicts, from, to, today);
        Panel {
            ctx: egui::Context::default(),
            view: ChartsView::default(),
            plan,
            verdicts,
            data,
            summary,
            decisions,
            frame: 0,
        }
    }

    /// The plan changed on `days`: what the derived state computes again.
    fn changed(&mut self, days: Option<(jiff::civil::Date, jiff::civil::Date)>) {
        let today = support::today();
        self.verdicts.update(&self.plan, days);
        let week = Week::containing(today, self.plan.settings.week_start);
        self.summary = week_summary(&self.plan, week, today);
        let (from, to) = self.plan.date_range().expect("ten years");
        match days {
            Some(changed) => {
                self.data.update(&self.plan, &self.verdicts, changed);
                let span = (from, to);
                update_decisions(
                    &mut self.decisions,
                    &self.plan,
                    &self.verdicts,
                    span,
                    changed,
                    today,
                );
            }
            None => {
                self.data = ChartData::build(&self.plan, today, Some(&self.verdicts));
                self.decisions = decisions(&self.plan, &self.verdicts, from, to, today);
            }
        }
    }

    /// One frame, as eframe runs it before handing the triangles to the GPU.
    fn frame(&mut self, pointer: Option<egui::Pos2>) -> usize {
        self.frame += 1;
        let today = support::today();
        let args = ChartsArgs {
            plan: &self.plan,
            today,
            week: Week::containing(today, self.plan.settings.week_start),
            decisions: &self.decisions,
        };
        let (view, data, summary) = (&mut self.view, &self.data, &self.summary);
        let mut out: Vec<Command> = Vec::new();
        let mut output = self.ctx.run_ui(input(self.frame, pointer), |ui| {
            charts_ui(ui, view, data, Some(summary), &args, &mut out);
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

    panel.view.show_all();
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

    // After a change to the sessions (today's session moved back and forth): the load
    // series of ten years recomputed, the verdicts kept, then the frame.
    let today = support::today();
    let todays = panel.plan.sessions_on(today)[0].id;
    let mut forth = true;
    c.bench_function("charts panel frame after a session moved, ten years", |b| {
        b.iter(|| {
            forth = !forth;
            let to = if forth { add_days(today, 1) } else { today };
            let edit = Edit::MoveSession {
                id: todays,
                to,
                index: None,
            };
            let days = edit.changed_days(&panel.plan);
            panel.plan.apply(edit).expect("the move is valid");
            panel.changed(days);
            panel.frame(None)
        })
    });
    // After a readiness check-in: the verdicts of ten years recomputed too.
    let mut entry = panel.plan.readiness().last().cloned().expect("readiness");
    c.bench_function("charts panel frame after a check-in, ten years", |b| {
        b.iter(|| {
            entry.unwell = !entry.unwell;
            let edit = Edit::SetReadiness(entry.clone());
            let days = edit.changed_days(&panel.plan);
            panel.plan.apply(edit).expect("the check-in is valid");
            panel.changed(days);
            panel.frame(None)
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
