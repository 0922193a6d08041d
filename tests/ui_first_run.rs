//! What a runner meets on a first try, at the window sizes runners have: the week readable
//! from 1024×640 to 1920×1080, the charts never hiding it, notices that never move it, a
//! settings window that stays put, and recording a run in a click or two.

mod support;

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use runweek::app::{Level, RunweekApp};
use runweek::core::session::{Done, SessionId};
use support::window::{demo, drag, today, undo, window_with};

const SMALL: [f32; 2] = [1024.0, 640.0];
const LARGE: [f32; 2] = [1920.0, 1080.0];

fn at(size: [f32; 2]) -> Harness<'static, RunweekApp> {
    window_with(
        Harness::builder().with_size(size).with_max_steps(32),
        demo(),
        today(),
    )
}

fn rect(harness: &Harness<'_, RunweekApp>, label: &str) -> egui::Rect {
    harness.get_by_label(label).rect()
}

/// The header of a day: "Mon 23 Nov" where the column has room, else "Mon 23".
fn header(harness: &Harness<'_, RunweekApp>, day: &str) -> egui::Rect {
    harness
        .query_by_label(&format!("{day} Nov"))
        .or_else(|| harness.query_by_label(day))
        .unwrap_or_else(|| panic!("no header for {day}"))
        .rect()
}

fn click(harness: &mut Harness<'_, RunweekApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

/// The demo's week, Monday first: the day's number and month.
const DAYS: [(&str, &str); 7] = [
    ("Mon 23", "Nov"),
    ("Tue 24", "Nov"),
    ("Wed 25", "Nov"),
    ("Thu 26", "Nov"),
    ("Fri 27", "Nov"),
    ("Sat 28", "Nov"),
    ("Sun 29", "Nov"),
];

#[test]
fn the_week_stays_readable_from_a_small_window_to_a_large_one() {
    for size in [SMALL, LARGE, [3840.0, 2160.0]] {
        let harness = at(size);
        let headers: Vec<egui::Rect> = DAYS.iter().map(|(day, _)| header(&harness, day)).collect();
        if size != SMALL {
            rect(&harness, "Mon 23 Nov");
        }
        for (i, ((day, month), header)) in DAYS.iter().zip(&headers).enumerate() {
            // The "+" sits under the header, inside the column.
            let add = rect(&harness, &format!("Add a session on {day} {month}"));
            assert!(
                header.bottom() <= add.top(),
                "{size:?}: {day} runs into its +"
            );
            if let Some(next) = headers.get(i + 1) {
                assert!(
                    add.right() < next.left(),
                    "{size:?}: {day}'s + is not in its column"
                );
            }
        }
        for pair in headers.windows(2) {
            assert!(
                pair[0].right() < pair[1].left(),
                "{size:?}: headers overlap"
            );
        }
        // Cards of neighbouring days never overlap.
        let cards: Vec<egui::Rect> = [
            "Intervals, 5 x 1000 m",
            "Easy, 45 min, 8.0 km",
            "Tempo, 3 x 10 min at threshold",
            "Recovery, 30 min",
            "Easy, Easy + strides",
            "Long, Long run 18 km",
        ]
        .iter()
        .map(|words| harness.get_by_label_contains(words).rect())
        .collect();
        for pair in cards.windows(2) {
            assert!(!pair[0].intersects(pair[1]), "{size:?}: cards overlap");
        }
        // The key mark never sits on the kind's word.
        let keys: Vec<egui::Rect> = harness
            .get_all_by_label("★ KEY")
            .map(|n| n.rect())
            .collect();
        assert!(keys.len() >= 2, "the week's key sessions are marked");
        for kind in ["INTERVALS", "LONG"] {
            for word in harness.get_all_by_label(kind) {
                for key in &keys {
                    assert!(
                        !word.rect().intersects(*key),
                        "{size:?}: {kind} under ★ KEY"
                    );
                }
            }
        }
        // The day panel gives the week room on a small window.
        let panel = rect(&harness, "Wednesday 25 November 2026");
        if size == SMALL {
            assert!(panel.left() > 1024.0 - 300.0, "day panel at {panel:?}");
        } else {
            assert!(panel.left() < size[0] - 350.0, "day panel at {panel:?}");
        }
    }
}

#[test]
fn the_charts_never_take_the_grid_below_a_usable_height() {
    for size in [SMALL, LARGE] {
        let mut harness = at(size);
        let header = header(&harness, "Mon 23");
        click(&mut harness, "Charts");
        let charts = rect(&harness, "Load and trends");
        assert!(
            charts.top() - header.top() >= 240.0,
            "{size:?}: the grid keeps {} px",
            charts.top() - header.top()
        );
        // Dragged to the top, the panel stops where the grid would become unusable, and
        // its share of the window is what is remembered.
        let edge = rect(&harness, "Resize the charts panel").center();
        drag(&mut harness, edge, egui::pos2(edge.x, 60.0));
        let charts = rect(&harness, "Load and trends");
        assert!(
            charts.top() - header.top() >= 240.0,
            "{size:?}: the grid keeps {} px after the drag",
            charts.top() - header.top()
        );
        let share = harness.state().prefs().charts_share.expect("remembered");
        assert!((0.2..0.9).contains(&share), "{share}");
    }
}

#[test]
fn notices_above_the_grid_never_move_it() {
    for size in [SMALL, LARGE] {
        let mut harness = at(size);
        let before = header(&harness, "Thu 26");
        click(&mut harness, "Re-plan the rest of the week");
        harness.get_by_label("Accept");
        assert_eq!(
            header(&harness, "Thu 26"),
            before,
            "{size:?}: the proposal moved it"
        );
        click(&mut harness, "Accept");
        assert_eq!(
            header(&harness, "Thu 26"),
            before,
            "{size:?}: accepting moved it"
        );
        harness
            .query_by_label("Mon 23 Nov")
            .or_else(|| harness.query_by_label("Mon 23"))
            .expect("Monday's header")
            .click();
        harness.run();
        assert_eq!(
            header(&harness, "Thu 26"),
            before,
            "{size:?}: a past day moved it"
        );
        // The week before, where fatigue is carrying over: its banner takes the same strip.
        harness.key_press(egui::Key::ArrowLeft);
        harness.run();
        harness.get_by_label_contains("Fatigue is carrying over");
        assert_eq!(
            header(&harness, "Thu 19").top(),
            before.top(),
            "{size:?}: the carry-over banner moved it"
        );
    }
}

#[test]
fn settings_open_at_their_final_size_and_place() {
    for size in [SMALL, LARGE] {
        let mut harness = at(size);
        click(&mut harness, "Settings");
        let miles = rect(&harness, "Miles");
        let hint = rect(&harness, "bpm at easy effort; empty if unknown");
        let apply = rect(&harness, "Apply");
        click(&mut harness, "Miles");
        harness.run();
        assert_eq!(rect(&harness, "Miles"), miles, "{size:?}: the window moved");
        // The hint is whole: it ends inside the window, whose right edge the Close row
        // and the rules table reach.
        assert!(
            hint.right() < miles.left() + 560.0,
            "{size:?}: hint at {hint:?}"
        );
        assert!(apply.left() < hint.right(), "{size:?}");
    }
}

#[test]
fn a_hard_session_dropped_on_a_hold_back_day_warns_about_the_verdict() {
    let mut harness = at([1280.0, 800.0]);
    let tempo = harness
        .get_by_label_contains("Tempo, 3 x 10 min at threshold")
        .rect()
        .center();
    let wednesday = rect(&harness, "Wed 25 Nov");
    drag(
        &mut harness,
        tempo,
        egui::pos2(wednesday.center().x, wednesday.bottom() + 300.0),
    );
    let warning = "Wed says Hold back: Tempo is hard, but the day calls for easy sessions only";
    // On the day's column and in the day's panel, with the week's rules.
    assert_eq!(harness.get_all_by_label_contains(warning).count(), 2);
    assert!(
        harness
            .get_all_by_label_contains("Two hard days in a row")
            .count()
            >= 1
    );
}

#[test]
fn a_refused_drop_is_forgotten_after_a_drop_that_worked() {
    let mut harness = at([1280.0, 800.0]);
    let card = |h: &Harness<'_, RunweekApp>| {
        h.get_by_label_contains("Tempo, 3 x 10 min at threshold")
            .rect()
            .center()
    };
    let column = |h: &Harness<'_, RunweekApp>, day: &str| {
        let head = h.get_by_label(day).rect();
        egui::pos2(head.center().x, head.bottom() + 300.0)
    };
    let (from, to) = (card(&harness), column(&harness, "Mon 23 Nov"));
    drag(&mut harness, from, to);
    let refused = |h: &Harness<'_, RunweekApp>| {
        h.state()
            .notices()
            .filter(|(level, _)| *level == Level::Refused)
            .count()
    };
    assert_eq!(refused(&harness), 1, "the past day refused the drop");
    let (from, to) = (card(&harness), column(&harness, "Fri 27 Nov"));
    drag(&mut harness, from, to);
    assert_eq!(refused(&harness), 0, "the refusal is old news");
}

#[test]
fn mark_done_records_what_was_run_in_one_step() {
    let mut harness = at(SMALL);
    harness
        .get_by_label("Easy, 45 min, 8.0 km")
        .click_secondary();
    harness.run();
    click(&mut harness, "Mark done…");
    harness.get_by_label("What you actually ran:");
    // The minutes field has the focus with the plan's minutes selected: typing replaces
    // them, Enter marks the session done.
    assert!(
        harness
            .get_by_label("Minutes")
            .accesskit_node()
            .is_focused()
    );
    harness.event(egui::Event::Text("38".into()));
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    let session = harness
        .state()
        .plan()
        .session(SessionId(11))
        .expect("there")
        .clone();
    let Some(Done::Done(run)) = session.done else {
        panic!("marked done: {:?}", session.done);
    };
    assert_eq!(run.minutes.get(), 38);
    assert_eq!(run.distance_km.map(|k| k.get()), Some(8.0));
    // The day's panel shows the minutes run, and the plan beside them.
    harness.get_by_label_contains("Easy · 38 min done (45 min planned)");
    undo(&mut harness);
    assert_eq!(*harness.state().plan(), demo(), "one step");
}

#[test]
fn the_chart_range_buttons_show_the_range_on_show() {
    let mut harness = at(LARGE);
    click(&mut harness, "Charts");
    let selected = |h: &Harness<'_, RunweekApp>, label: &str| {
        h.get_by_label(label).accesskit_node().toggled() == Some(egui::accesskit::Toggled::True)
    };
    // The week's figures read form with its share of fitness and its zone.
    let form = harness
        .get_by_label_contains("Form today: ")
        .accesskit_node()
        .value()
        .unwrap_or_default();
    assert!(form.contains(" %, "), "{form}");
    click(&mut harness, "6 months");
    assert!(selected(&harness, "6 months"));
    assert!(!selected(&harness, "All"));
    click(&mut harness, "All");
    assert!(selected(&harness, "All"));
    assert!(!selected(&harness, "6 months"));
}

#[test]
fn the_kind_list_shows_every_kind_without_scrolling() {
    let mut harness = at(SMALL);
    click(&mut harness, "Recovery, 30 min, 5.0 km");
    harness.get_by_label("Kind").click();
    harness.run();
    let cross = rect(&harness, "Cross");
    let strength = rect(&harness, "Strength");
    assert!(strength.top() >= cross.bottom() - 1.0);
    assert!(strength.bottom() <= 640.0);
    click(&mut harness, "Strength");
    assert_eq!(
        harness.get_by_label("Kind").value().as_deref(),
        Some("Strength"),
        "the last kind was in reach"
    );
}
