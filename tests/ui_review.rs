//! The week review under the grid and "Your patterns" in the charts, driven like a runner
//! would: look back on a past week of the demo plan, fold the review away and open it again,
//! and find it folded on a small window.

mod support;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use runweek::app::{Command, RunweekApp};
use runweek::core::review::week_review;
use runweek::core::verdict::Assessments;
use runweek::core::week::{Week, add_days};
use runweek::present::review::decision_line;
use support::window::{demo, today, window_with};

fn builder(size: [f32; 2]) -> egui_kittest::HarnessBuilder<RunweekApp> {
    Harness::builder().with_size(size).with_max_steps(32)
}

/// The demo's latest week with a decision day to look back on, and its lines, as the core
/// and the shared words give them.
fn demo_week_with_decisions() -> (Week, Vec<String>) {
    let plan = demo();
    let (first, last) = plan.date_range().expect("the demo has days");
    let verdicts = Assessments::new(&plan, add_days(first, -21), add_days(last, 2));
    let mut week = Week::containing(today(), plan.settings.week_start);
    while week.start() >= first {
        let review = week_review(&plan, &verdicts, week, today());
        if !review.decisions.is_empty() {
            let lines = review
                .decisions
                .iter()
                .map(|d| decision_line(d, &plan.settings.review))
                .collect();
            return (week, lines);
        }
        week = week.previous();
    }
    panic!("the demo plan has a Push, Hold back or Rest day with its training logged");
}

#[test]
fn the_review_lines_appear_for_the_demo_week_and_the_panel_folds_away() {
    let (week, lines) = demo_week_with_decisions();
    let mut harness = window_with(builder([1280.0, 900.0]), demo(), today());
    harness.state_mut().push(Command::ShowWeekOf(week.start()));
    harness.run();
    harness.get_by_label_contains("Week review");
    for line in &lines {
        harness.get_by_label(line);
    }

    harness.get_by_label_contains("Week review").click();
    harness.run();
    assert_eq!(harness.state().prefs().review, Some(false), "remembered");
    for line in &lines {
        assert!(
            harness.query_by_label(line).is_none(),
            "folded away: {line}"
        );
    }

    harness.get_by_label_contains("Week review").click();
    harness.run();
    assert_eq!(harness.state().prefs().review, Some(true));
    harness.get_by_label(&lines[0]);
}

#[test]
fn on_a_small_window_the_review_starts_folded_and_the_grid_keeps_its_room() {
    let (week, lines) = demo_week_with_decisions();
    let mut harness = window_with(builder([1024.0, 640.0]), demo(), today());
    harness.state_mut().push(Command::ShowWeekOf(week.start()));
    harness.run();
    harness.get_by_label_contains("Week review");
    assert!(
        harness.query_by_label(&lines[0]).is_none(),
        "folded at first"
    );
    assert_eq!(harness.state().prefs().review, None, "no choice made yet");
    harness.get_by_label_contains("Week review").click();
    harness.run();
    harness.get_by_label(&lines[0]);
}

#[test]
fn the_charts_show_your_patterns_with_their_counts() {
    let mut harness = window_with(builder([1280.0, 1000.0]), demo(), today());
    harness.get_by_label("Charts").click();
    harness.run();
    harness.get_by_label("Your patterns");
    harness.get_by_label("On Hold back days");
    harness.get_by_label("On Push days");
    harness.get_by_label("  Pushed through");
    // A demo's few weeks never read as certain: every figure is "none yet" or too few.
    let figures = harness
        .query_all_by_label_contains(": too few to tell")
        .count()
        + harness.query_all_by_label("none yet").count();
    assert_eq!(figures, 4, "one per choice");

    // The definitions, with the thresholds in force, are in About these numbers.
    harness.get_by_label("About these numbers").click();
    harness.run();
    harness.get_by_label_contains("• A good next key session: The first key session in the 14");
    harness.get_by_label_contains("no more than 10 % short of its planned minutes");
    harness.get_by_label_contains("• Room to extend: The 3 weeks before");
}
