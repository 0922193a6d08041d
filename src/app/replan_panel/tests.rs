//! The re-planner in the window: previews in the runner's words, offers, the push offer.

use super::super::theme::{self, Tone};
use super::offers::Offer;
use super::*;
use crate::core::edit::Edit;
use crate::core::readiness::{Body, Breathing, Legs, ReadinessEntry, Recent, Stride, When};
use crate::core::replan::{self, ReplanRules};
use crate::core::session::SessionId;
use crate::core::week::Week;
use crate::present::form::signed;
use eframe::egui;
use jiff::civil::date;

fn demo() -> Plan {
    crate::file::demo().expect("the demo parses")
}

fn wed() -> Date {
    date(2026, 11, 25)
}

fn hold_back() -> Ask {
    Ask {
        from: wed(),
        trigger: Trigger::Verdict(Verdict::HoldBack),
        missed: Vec::new(),
    }
}

fn check(actual: impl std::fmt::Debug, expected: impl std::fmt::Debug) {
    assert_eq!(format!("{actual:#?}"), format!("{expected:#?}"));
}

fn with(plan: &Plan, edit: Edit) -> Plan {
    let mut plan = plan.clone();
    plan.apply(edit).expect("the edit applies");
    plan
}

fn entry(day: Date) -> ReadinessEntry {
    ReadinessEntry::new(day, When::Morning)
}

fn push_entry(day: Date) -> ReadinessEntry {
    ReadinessEntry {
        legs: Legs::Responsive,
        breathing: Breathing::Controlled,
        recent: Recent::Stable,
        body: Body::Extend,
        ..entry(day)
    }
}

fn skipped(plan: &Plan, id: u64) -> Edit {
    let mut s = plan
        .session(SessionId(id))
        .expect("the session exists")
        .clone();
    s.done = Some(crate::core::session::Done::Skipped);
    Edit::UpdateSession(s)
}

fn ask(from: Date, trigger: Trigger, missed: &[u64]) -> Ask {
    Ask {
        from,
        trigger,
        missed: missed.iter().copied().map(SessionId).collect(),
    }
}

/// The preview as the runner reads it: title, card notes, banner lines.
fn check_preview(
    plan: &Plan,
    today: Date,
    ask: &Ask,
    title: &str,
    notes: &[(u64, &str)],
    lines: &[&str],
) {
    let preview = propose(plan, today, ask).expect("something to change");
    let actual_notes: Vec<(u64, &str)> = preview
        .notes
        .iter()
        .map(|(id, note)| (id.0, note.as_str()))
        .collect();
    check(
        (preview.title.as_str(), actual_notes, &preview.lines),
        (title, notes, lines),
    );
    // The preview applies exactly the planner's edits, as one batch.
    let proposal = replan::replan(
        plan,
        &request(plan, today, ask),
        &ReplanRules::for_settings(&plan.settings),
    );
    assert_eq!(preview.edits, proposal.edits);
}

fn thu() -> Date {
    date(2026, 11, 26)
}

fn fri() -> Date {
    date(2026, 11, 27)
}

#[test]
fn a_hold_back_day_moves_the_tempo_away_from_it() {
    check_preview(
        &demo(),
        wed(),
        &hold_back(),
        "Re-plan from Wed 25 Nov after a Hold back",
        &[
            (
                12,
                "Moved from Thu, 55 → 45 min\nThu follows today's hold-back day, and Fri has only 45 min",
            ),
            (13, "Moved from Fri\nMakes room for the tempo moved to Fri"),
        ],
        &[
            "Only easy sessions today, and nothing hard tomorrow except a key session.",
            "2 changes, marked ↻ on the cards:",
            "• Tempo moved Thu → Fri, 55 → 45 min: Thu follows today's hold-back day, and Fri has only 45 min",
            "• Recovery run moved Fri → Thu: makes room for the tempo moved to Fri",
            "✔ Every key session is kept: Long run 18 km (Sun).",
            "Form on Sun (Long run 18 km): −10 (−4 %, grey zone) as planned → −8.6 (−4 %, grey zone) with this plan: about the same.",
        ],
    );
}

#[test]
fn a_rest_day_moves_its_run_and_drops_what_no_longer_fits() {
    let plan = with(
        &demo(),
        Edit::SetReadiness(ReadinessEntry {
            unwell: true,
            ..entry(wed())
        }),
    );
    check_preview(
        &plan,
        wed(),
        &ask(wed(), Trigger::Verdict(Verdict::Rest), &[]),
        "Re-plan from Wed 25 Nov after a Rest verdict",
        &[
            (11, "Moved from Wed\nToday is a rest day"),
            // On a Rest day the tempo is eased where it is, not moved nearer the long run.
            (
                12,
                "Was Tempo “3 x 10 min at threshold”, 55 min → Easy 40 min\nToday is a rest day, and Thu follows today's rest day",
            ),
            // Dropped: no card, only why.
            (
                13,
                "Makes room for the easy run moved to Fri, and no other day this week has room for it",
            ),
        ],
        &[
            "Nothing but rest today, and nothing hard tomorrow except a key session.",
            "3 changes, marked ↻ on the cards:",
            "• Easy run moved Wed → Fri: today is a rest day",
            "• Tempo became a 40-minute easy run rather than moved nearer the key long run: today is a rest day, and Thu follows today's rest day",
            "• Recovery run dropped: makes room for the easy run moved to Fri, and no other day this week has room for it",
            "✔ Every key session is kept: Long run 18 km (Sun).",
            "Form on Sun (Long run 18 km): −10 (−4 %, grey zone) as planned → +12 (+5 %, fresh) with this plan: fresher.",
        ],
    );
}

#[test]
fn a_downgraded_session_says_what_it_was() {
    let plan = with(
        &demo(),
        Edit::SetReadiness(ReadinessEntry {
            legs: Legs::Heavy,
            stride: Stride::Rough,
            ..entry(thu())
        }),
    );
    check_preview(
        &plan,
        thu(),
        &ask(thu(), Trigger::Verdict(Verdict::HoldBack), &[]),
        "Re-plan from Thu 26 Nov after a Hold back",
        &[(
            12,
            "Was Tempo “3 x 10 min at threshold”, 55 min → Easy 40 min\nToday is a hold-back day, and no other day this week has room for it",
        )],
        &[
            "Only easy sessions today, and nothing hard tomorrow except a key session.",
            "1 change, marked ↻ on the cards:",
            "• Tempo became a 40-minute easy run: today is a hold-back day, and no other day this week has room for it",
            "✔ Every key session is kept: Long run 18 km (Sun).",
            "Form on Sun (Long run 18 km): −1.5 (−1 %, grey zone) as planned → +19 (+8 %, fresh) with this plan: fresher.",
            "Fatigue is carrying over: besides the key sessions, the week as proposed is easy.",
        ],
    );
}

#[test]
fn a_missed_session_is_fitted_in_on_a_later_day() {
    let plan = with(&demo(), skipped(&demo(), 12));
    check_preview(
        &plan,
        fri(),
        &ask(fri(), Trigger::Missed, &[12]),
        "Re-plan from Fri 27 Nov to fit in the missed session",
        &[
            (
                12,
                "Missed on Thu, fitted in here, 55 → 45 min\nFri has only 45 min",
            ),
            (
                13,
                "Makes room for the tempo moved to Fri, and no other day this week has room for it",
            ),
        ],
        &[
            "2 changes, marked ↻ on the cards:",
            "• Tempo moved Thu → Fri, 55 → 45 min: missed on Thu, and Fri has only 45 min",
            "• Recovery run dropped: makes room for the tempo moved to Fri, and no other day this week has room for it",
            "✔ Every key session is kept: Long run 18 km (Sun).",
            "Form on Sun (Long run 18 km): +28 (+13 %, fresh) as planned → +4.8 (+2 %, grey zone) with this plan: more tired.",
        ],
    );
}

#[test]
fn a_missed_key_session_shows_the_form_on_its_new_day() {
    let no_check = with(
        &demo(),
        Edit::RemoveReadiness {
            date: wed(),
            when: When::Morning,
        },
    );
    let plan = with(&no_check, skipped(&no_check, 10));
    let preview = propose(&plan, wed(), &ask(wed(), Trigger::Missed, &[10])).expect("a change");
    check(
        (
            &preview.notes[&SessionId(10)],
            &preview.lines[preview.lines.len() - 3..],
        ),
        (
            "Missed on Tue, fitted in here",
            [
                "✔ Every key session is kept: 5 x 1000 m (Wed) and Long run 18 km (Sun).",
                "Form on Wed (5 x 1000 m, fitted in again): +6.4 (+3 %, grey zone) with this plan.",
                "Form on Sun (Long run 18 km): +15 (+6 %, fresh) as planned → −12 (−5 %, grey zone) with this plan: more tired.",
            ],
        ),
    );
}

#[test]
fn a_week_dragged_by_hand_is_fixed_on_request() {
    let plan = with(
        &demo(),
        Edit::MoveSession {
            id: SessionId(12),
            to: date(2026, 11, 28),
            index: None,
        },
    );
    let week = Week::containing(wed(), plan.settings.week_start);
    let fix = Ask::fix_week(week, wed()).expect("the week is not over");
    check_preview(
        &plan,
        wed(),
        &fix,
        "Fix the rest of the week from Wed 25 Nov",
        &[
            (
                12,
                "Moved from Sat, 55 → 45 min\nSat is the day before the key long run, and Fri has only 45 min",
            ),
            (13, "Moved from Fri\nMakes room for the tempo moved to Fri"),
        ],
        &[
            // Today's verdict still holds on request, as on the command line.
            "Only easy sessions today, and nothing hard tomorrow except a key session.",
            "2 changes, marked ↻ on the cards:",
            "• Recovery run moved Fri → Thu: makes room for the tempo moved to Fri",
            "• Tempo moved Sat → Fri, 55 → 45 min: Sat is the day before the key long run, and Fri has only 45 min",
            "✔ Every key session is kept: Long run 18 km (Sun).",
            "Form on Sun (Long run 18 km): −23 (−9 %, grey zone) as planned → −8.6 (−4 %, grey zone) with this plan: fresher.",
        ],
    );
}

#[test]
fn a_key_session_that_cannot_be_kept_is_said_plainly() {
    let sun = date(2026, 11, 29);
    let plan = with(
        &demo(),
        Edit::SetReadiness(ReadinessEntry {
            unwell: true,
            ..entry(sun)
        }),
    );
    let preview =
        propose(&plan, sun, &ask(sun, Trigger::Verdict(Verdict::Rest), &[])).expect("a change");
    check(
        preview
            .lines
            .iter()
            .filter(|l| l.starts_with('⚠'))
            .collect::<Vec<_>>(),
        [
            "⚠ No day up to Tue 1 Dec can hold the long run without breaking the rules; this is the best week without it.",
        ],
    );
    // The window reaches Tuesday's key intervals in the next week, and says so.
    assert!(
        preview
            .lines
            .iter()
            .any(|l| l.starts_with("This re-plan reaches Tue 1 Dec (next key session); ")),
        "{:#?}",
        preview.lines
    );
}

#[test]
fn an_empty_proposal_says_why_instead_of_showing_nothing() {
    let accepted = with(
        &demo(),
        Edit::Batch(
            propose(&demo(), wed(), &hold_back())
                .expect("a change")
                .edits,
        ),
    );
    check(
        propose(&accepted, wed(), &hold_back()),
        Err::<Preview, _>("Nothing to change: the week already holds."),
    );
    // The missed tempo cannot go on Saturday, the day before the key long run.
    let sat = date(2026, 11, 28);
    let missed = with(&demo(), skipped(&demo(), 12));
    check(
        propose(&missed, sat, &ask(sat, Trigger::Missed, &[12])),
        Err::<Preview, _>(
            "Nothing to change: no later day this week can take Tempo “3 x 10 min at threshold” (Thu) without breaking the week's rules.",
        ),
    );
}

/// The offers for a selected day, in short: the verdict offer's day and changes, the
/// missed offer's day and changes, the push suggestion's minutes.
type Short = (
    Option<(Date, usize)>,
    Option<(Date, usize)>,
    Option<(u16, u16)>,
);

fn check_offers(plan: &Plan, today: Date, selected: Date, expected: Short) {
    let offers = offers(plan, today, selected);
    let short = |o: &Option<Offer>| o.as_ref().map(|o| (o.ask.from, o.changes));
    check(
        (
            short(&offers.verdict),
            short(&offers.missed),
            offers.push.as_ref().map(|(_, p)| (p.minutes, p.to_minutes)),
        ),
        expected,
    );
}

#[test]
fn offers_follow_the_days_that_call_for_them() {
    let plan = demo();
    // Today's Hold back shows on today and on any later day of the week.
    check_offers(&plan, wed(), wed(), (Some((wed(), 2)), None, None));
    check_offers(&plan, wed(), fri(), (Some((wed(), 2)), None, None));
    check_offers(
        &plan,
        wed(),
        date(2026, 11, 23),
        (Some((wed(), 2)), None, None),
    );
    // A week that is over offers nothing; next week has no verdict yet.
    check_offers(&plan, wed(), date(2026, 11, 18), (None, None, None));
    check_offers(&plan, wed(), date(2026, 12, 2), (None, None, None));
    // After a re-plan is accepted the offer stays, with nothing left to change.
    let accepted = with(
        &plan,
        Edit::Batch(propose(&plan, wed(), &hold_back()).expect("a change").edits),
    );
    check_offers(&accepted, wed(), wed(), (Some((wed(), 0)), None, None));
    // A missed session without a bad day.
    let missed = with(&plan, skipped(&plan, 12));
    check_offers(&missed, fri(), fri(), (None, Some((fri(), 2)), None));
    // A Push day with an easy day after it.
    let push = with(&plan, Edit::SetReadiness(push_entry(fri())));
    check_offers(&push, fri(), fri(), (None, None, Some((30, 35))));
    // A Push day before a hard day has no room to extend.
    let push_wed = with(&plan, Edit::SetReadiness(push_entry(wed())));
    check_offers(&push_wed, wed(), wed(), (None, None, None));
}

#[test]
fn a_push_day_suggests_a_longer_session_as_a_preview() {
    let plan = with(&demo(), Edit::SetReadiness(push_entry(fri())));
    let push =
        replan::suggest_push(&plan, fri(), fri(), &ReplanRules::default()).expect("room to extend");
    let preview = extend_preview(&plan, fri(), &push);
    check(
        (
            &preview.title,
            &preview.notes[&SessionId(13)],
            &preview.lines,
        ),
        (
            "Extend today's Recovery: 30 → 35 min",
            "Extended 30 → 35 min\nTomorrow is easy, and the week's planned load stays within 10 % of last week's",
            [
                "Push day: the recovery run could go from 30 to 35 min; tomorrow is easy, and the week's planned load stays within 10 % of last week's",
                "Only if the warm-up agrees: the first 10–15 minutes tell what kind of day it is.",
                "Form on Sun (Long run 18 km): +28 (+13 %, fresh) as planned → +27 (+12 %, fresh) with this plan: about the same.",
            ],
        ),
    );
    assert_eq!(preview.edits, [push.edit()]);
}

#[test]
fn every_character_a_preview_or_offer_draws_has_a_glyph() {
    let ctx = egui::Context::default();
    // The window's own fonts, as the app sets them up.
    theme::apply_style(&ctx);
    ctx.run_ui(Default::default(), |_| {})
        .drop_without_applying_deltas();
    let font = egui::FontId::proportional(13.0);
    // Previews of every kind of change, with the planner's own words in them.
    let plan = demo();
    let rest = with(
        &plan,
        Edit::SetReadiness(ReadinessEntry {
            unwell: true,
            ..entry(wed())
        }),
    );
    let downgrade = with(
        &plan,
        Edit::SetReadiness(ReadinessEntry {
            legs: Legs::Heavy,
            stride: Stride::Rough,
            ..entry(thu())
        }),
    );
    let push_plan = with(&plan, Edit::SetReadiness(push_entry(fri())));
    let push = replan::suggest_push(&push_plan, fri(), fri(), &ReplanRules::default())
        .expect("room to extend");
    let previews = [
        propose(&plan, wed(), &hold_back()),
        propose(
            &rest,
            wed(),
            &ask(wed(), Trigger::Verdict(Verdict::Rest), &[]),
        ),
        propose(
            &downgrade,
            thu(),
            &ask(thu(), Trigger::Verdict(Verdict::HoldBack), &[]),
        ),
        Ok(extend_preview(&push_plan, fri(), &push)),
    ];
    let mut text = String::new();
    for preview in previews {
        let preview = preview.expect("a change");
        text.push_str(&preview.title);
        preview.notes.values().for_each(|n| text.push_str(n));
        preview.lines.iter().for_each(|l| text.push_str(l));
    }
    // The marks the offers, the cards and the dropped list draw themselves.
    text.push_str("↻✖✔⚠—");
    for tone in [Tone::Good, Tone::Caution, Tone::Stop] {
        text.push_str(theme::tone_mark(tone));
    }
    for c in text.chars().filter(|c| !c.is_ascii()) {
        assert!(
            ctx.fonts_mut(|f| f.has_glyph(&font, c)),
            "no glyph for {c} (U+{:04X})",
            c as u32
        );
    }
}

#[test]
fn form_reads_as_a_signed_number() {
    for (x, expected) in [
        (1.34, "+1.3"),
        (-4.21, "−4.2"),
        (0.04, "0"),
        (-0.04, "0"),
        (-139.04, "−139"),
        (9.96, "+10"),
        (12.6, "+13"),
    ] {
        check(signed(x), expected);
    }
}

#[test]
fn fixing_the_week_starts_today_or_when_the_week_starts() {
    let this = Week::containing(wed(), crate::core::settings::WeekStart::Monday);
    check(Ask::fix_week(this, wed()).map(|a| a.from), Some(wed()));
    check(
        Ask::fix_week(this.next(), wed()).map(|a| a.from),
        Some(date(2026, 11, 30)),
    );
    check(Ask::fix_week(this.previous(), wed()), None::<Ask>);
}

#[test]
fn a_proposal_that_keeps_a_hard_session_says_so_while_fatigue_carries_over() {
    // Tuesday held back too (no "improving as I go"): two hold-back days in four, so
    // fatigue is carrying over on Wednesday, and the banner asks for a lighter week.
    let plan = with(
        &demo(),
        Edit::RemoveReadiness {
            date: date(2026, 11, 24),
            when: When::WarmUp,
        },
    );
    assert!(
        crate::core::verdict::assess(&plan, wed())
            .carry_over
            .is_some()
    );
    // The tempo that would follow the hold-back day is eased where it is rather than moved
    // to Friday, nearer the key long run, and the week reads as the lighter one asked for.
    let preview = propose(&plan, wed(), &hold_back()).expect("a proposal");
    let has = |line: &str| preview.lines.iter().any(|l| l == line);
    assert!(
        has(
            "• Tempo became a 40-minute easy run rather than moved nearer the key long run: \
             fatigue is carrying over, and Thu follows today's hold-back day"
        ),
        "{:#?}",
        preview.lines
    );
    assert!(
        has("Fatigue is carrying over: besides the key sessions, the week as proposed is easy."),
        "{:#?}",
        preview.lines
    );
}

#[test]
fn an_offer_names_how_far_it_reaches_when_the_next_key_session_is_next_week() {
    // A hold-back Sunday: the next key session is Tuesday's hills, so the re-plan runs on
    // to it and the offer says so rather than "the rest of the week".
    let sun = date(2026, 11, 29);
    let tired = ReadinessEntry {
        legs: Legs::Heavy,
        breathing: Breathing::Laboured,
        ..entry(sun)
    };
    let plan = with(&demo(), Edit::SetReadiness(tired));
    let offers = offers(&plan, sun, sun);
    let offer = offers
        .verdict
        .as_ref()
        .expect("Sunday's hold back offers a re-plan");
    check(offer.reaches, Some(date(2026, 12, 1)));
    // Today's Hold back on Wednesday, with Sunday's key long run still ahead, stays in
    // its week.
    let offers = super::offers(&demo(), wed(), wed());
    check(
        offers.verdict.as_ref().map(|o| o.reaches),
        Some(None::<Date>),
    );
}
