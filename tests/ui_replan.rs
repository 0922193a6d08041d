//! Re-planning in the window, driven like a runner would: the offer on a Hold back day, the
//! proposal on the grid with its reasons, Accept as one undo step, Discard, a week fixed
//! after dragging, a missed session fitted in again, and a longer session on a Push day.
//!
//! The expected plans come from the planner itself (`runweek::core::replan`), so these tests
//! hold the window to the proposal: Accept must change exactly what the proposal's batch
//! changes, nothing more.

mod support;

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use jiff::civil::{Date, date};
use runweek::app::RunweekApp;
use runweek::core::edit::Edit;
use runweek::core::plan::Plan;
use runweek::core::readiness::{Body, Breathing, Legs, ReadinessEntry, Recent, When};
use runweek::core::replan::{self, ReplanRequest, ReplanRules};
use runweek::core::session::{Done, SessionId};
use runweek::core::verdict::{self, Verdict};
use support::window::{demo, drag, undo, window};

/// "Today" in the demo plan: Wednesday of its middle week, a Hold back day.
fn wed() -> Date {
    date(2026, 11, 25)
}

fn fri() -> Date {
    date(2026, 11, 27)
}

fn harness_on(plan: Plan, today: Date) -> Harness<'static, RunweekApp> {
    window(plan, today)
}

fn with(plan: &Plan, edit: Edit) -> Plan {
    let mut plan = plan.clone();
    plan.apply(edit).expect("the edit applies");
    plan
}

/// The plan as the planner's proposal would leave it, for the re-plan the day's verdict
/// calls for (what `runweek replan --write` would write).
fn proposed(plan: &Plan, today: Date, from: Date, missed: &[u64]) -> Plan {
    let verdict = verdict::assess(plan, from).verdict;
    let mut request = ReplanRequest::after_verdict(plan, today, from, verdict);
    request.push = false;
    request
        .missed
        .extend(missed.iter().map(|&id| SessionId(id)));
    let proposal = replan::replan(plan, &request, &ReplanRules::default());
    assert!(!proposal.is_empty(), "the planner proposes something");
    with(plan, proposal.batch())
}

fn click(harness: &mut Harness<'_, RunweekApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

/// Whether some widget's label holds `words`.
fn shows(harness: &Harness<'_, RunweekApp>, words: &str) -> bool {
    harness.query_all_by_label_contains(words).next().is_some()
}

fn notices(harness: &Harness<'_, RunweekApp>) -> Vec<String> {
    harness
        .state()
        .notices()
        .map(|(_, text)| text.to_owned())
        .collect()
}

#[test]
fn the_demo_day_is_a_hold_back_day() {
    // The premise of the tests below, checked rather than assumed.
    assert_eq!(
        verdict::assess(&demo(), wed()).verdict,
        Some(Verdict::HoldBack)
    );
}

#[test]
fn a_hold_back_day_offers_a_re_plan_and_shows_it_with_reasons() {
    let mut harness = harness_on(demo(), wed());
    harness.get_by_label_contains("Today says Hold back — re-plan the rest of the week?");
    harness.get_by_label(
        "Only easy sessions today, and nothing hard tomorrow except a key session. The proposal makes 2 changes and keeps every key session.",
    );
    assert!(!shows(&harness, "Proposal"), "an offer, not a proposal yet");

    click(&mut harness, "Re-plan the rest of the week");
    harness.get_by_label("Re-plan from Wed 25 Nov after a Hold back");
    // The banner lists every change with its reason, and what the week keeps.
    harness.get_by_label(
        "• Tempo moved Thu → Fri, 55 → 45 min: Thu follows today's hold-back day, and Fri has only 45 min",
    );
    harness.get_by_label("• Recovery run moved Fri → Thu: makes room for the tempo moved to Fri");
    harness.get_by_label("✔ Every key session is kept: Long run 18 km (Sun).");
    assert!(shows(
        &harness,
        "Form on Sun (Long run 18 km): −10 (−4 %, grey zone) as planned → −8.6 (−4 %, grey zone) with this plan: about the same."
    ));
    // The cards on the grid say where they came from and why.
    assert!(shows(&harness, "Moved from Thu, 55 → 45 min"));
    assert!(shows(&harness, "Moved from Fri"));
    // Nothing is applied before Accept.
    assert_eq!(*harness.state().plan(), demo());
    assert!(!harness.state().history().can_undo());
}

#[test]
fn accept_applies_the_proposal_as_one_undo_step() {
    let mut harness = harness_on(demo(), wed());
    click(&mut harness, "Re-plan the rest of the week");
    click(&mut harness, "Accept");
    assert_eq!(
        *harness.state().plan(),
        proposed(&demo(), wed(), wed(), &[])
    );
    assert!(!shows(&harness, "Proposal"), "the banner is gone");
    assert!(notices(&harness).contains(
        &"Applied: Re-plan from Wed 25 Nov after a Hold back. Ctrl+Z undoes it.".to_owned()
    ));
    // The week now holds: the offer says so instead of offering an empty re-plan.
    harness.get_by_label("Nothing to change: the week already holds.");

    undo(&mut harness);
    assert_eq!(
        *harness.state().plan(),
        demo(),
        "one Ctrl+Z restores the plan"
    );
    assert!(
        !harness.state().history().can_undo(),
        "the re-plan was one step"
    );
}

#[test]
fn discard_leaves_the_plan_exactly_as_it_was() {
    let mut harness = harness_on(demo(), wed());
    click(&mut harness, "Re-plan the rest of the week");
    click(&mut harness, "Discard");
    assert_eq!(*harness.state().plan(), demo());
    assert!(!harness.state().history().can_undo());
    assert!(!harness.state().is_dirty());
    assert!(
        !shows(&harness, "Re-plan from Wed 25 Nov"),
        "the banner is gone"
    );
    // The offer is still there for a second look.
    harness.get_by_label("Re-plan the rest of the week");
}

#[test]
fn a_week_dragged_by_hand_is_fixed_on_request() {
    let mut harness = harness_on(demo(), wed());
    // The tempo dragged onto Saturday, the day before the key long run.
    let tempo = harness
        .get_by_label_contains("Tempo, 3 x 10 min at threshold")
        .rect()
        .center();
    let head = harness.get_by_label("Sat 28 Nov").rect();
    drag(
        &mut harness,
        tempo,
        egui::pos2(head.center().x, head.bottom() + 300.0),
    );
    let dragged = harness.state().plan().clone();
    assert_eq!(
        dragged.session(SessionId(12)).map(|s| s.date),
        Some(date(2026, 11, 28))
    );

    click(&mut harness, "Fix the rest of my week");
    harness.get_by_label("Fix the rest of the week from Wed 25 Nov");
    assert!(shows(
        &harness,
        "Sat is the day before the key long run, and Fri has only 45 min"
    ));
    assert!(shows(&harness, "Moved from Sat, 55 → 45 min"));
    click(&mut harness, "Accept");
    assert_eq!(
        *harness.state().plan(),
        proposed(&dragged, wed(), wed(), &[])
    );
    assert_eq!(
        harness
            .state()
            .plan()
            .session(SessionId(12))
            .map(|s| s.date),
        Some(fri())
    );
    // The drag and the fix are two steps.
    undo(&mut harness);
    assert_eq!(*harness.state().plan(), dragged);
    undo(&mut harness);
    assert_eq!(*harness.state().plan(), demo());
}

#[test]
fn fixing_a_week_that_holds_says_so_instead_of_an_empty_preview() {
    let accepted = proposed(&demo(), wed(), wed(), &[]);
    let mut harness = harness_on(accepted.clone(), wed());
    click(&mut harness, "Fix the rest of my week");
    assert!(
        notices(&harness).contains(&"Nothing to change: the week already holds.".to_owned()),
        "{:?}",
        notices(&harness)
    );
    assert!(!shows(&harness, "Accept"), "no empty preview");
    assert_eq!(*harness.state().plan(), accepted);
}

#[test]
fn a_missed_session_is_fitted_in_again() {
    let mut skipped = demo().session(SessionId(12)).expect("the tempo").clone();
    skipped.done = Some(Done::Skipped);
    let plan = with(&demo(), Edit::UpdateSession(skipped));
    let mut harness = harness_on(plan.clone(), fri());
    harness.get_by_label_contains("Missed this week: Tempo “3 x 10 min at threshold” (Thu)");
    click(&mut harness, "Fit in the missed session");
    harness.get_by_label("Re-plan from Fri 27 Nov to fit in the missed session");
    assert!(shows(
        &harness,
        "Missed on Thu, fitted in here, 55 → 45 min"
    ));
    // The recovery run gives way; a dropped session is listed on its day with why.
    assert!(shows(&harness, "Makes room for the tempo moved to Fri"));
    click(&mut harness, "Accept");
    assert_eq!(
        *harness.state().plan(),
        proposed(&plan, fri(), fri(), &[12])
    );
    let tempo = harness
        .state()
        .plan()
        .session(SessionId(12))
        .expect("kept")
        .clone();
    assert_eq!((tempo.date, tempo.done), (fri(), None));
}

#[test]
fn a_push_day_suggests_extending_and_only_a_click_applies_it() {
    let entry = ReadinessEntry {
        legs: Legs::Responsive,
        breathing: Breathing::Controlled,
        recent: Recent::Stable,
        body: Body::Extend,
        ..ReadinessEntry::new(fri(), When::Morning)
    };
    let plan = with(&demo(), Edit::SetReadiness(entry));
    let mut harness = harness_on(plan.clone(), fri());
    harness.get_by_label_contains("Today says Push — room to extend");
    assert!(shows(&harness, "tomorrow is easy"));
    assert_eq!(
        *harness.state().plan(),
        plan,
        "a suggestion, never automatic"
    );

    click(&mut harness, "Extend to 35 min");
    harness.get_by_label("Extend today's Recovery: 30 → 35 min");
    assert!(shows(&harness, "Extended 30 → 35 min"));
    assert_eq!(*harness.state().plan(), plan, "a preview, not applied yet");
    click(&mut harness, "Accept");
    let minutes = |h: &Harness<'_, RunweekApp>| {
        h.state()
            .plan()
            .session(SessionId(13))
            .map(|s| s.minutes.get())
    };
    assert_eq!(minutes(&harness), Some(35));
    undo(&mut harness);
    assert_eq!(*harness.state().plan(), plan);
}
