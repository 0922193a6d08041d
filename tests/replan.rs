//! The re-planner: scenarios as a runner would tell them, the hard constraints checked
//! independently of the planner on random weeks, the search held equal to a brute force,
//! and `runweek replan` through the real binary.

mod support;
use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

use jiff::civil::{Date, date};
use proptest::prelude::*;
use runweek::core::history::History;
use runweek::core::plan::{Availability, Plan, Weekday};
use runweek::core::replan::{
    Action, DayLimit, MAX_SESSIONS, NOT_PROVEN, Proposal, ReplanRequest, ReplanRules, replan,
    replan_brute_force, replan_window, search_space, suggest_push,
};
use runweek::core::session::{Done, DoneRun, Kind, Session, SessionId};
use runweek::core::settings::Settings;
use runweek::core::units::Minutes;
use runweek::core::week::{Week, add_days};
use support::{runweek, temp_file};

// ---------------------------------------------------------------------------------------
// A small language for weeks, so that a scenario reads like the runner's own description.
// ---------------------------------------------------------------------------------------

/// The Monday of the week every scenario is in.
const MONDAY: Date = date(2026, 11, 23);

fn day(name: &str) -> Date {
    let offset = match name {
        "lastSun" => -1,
        "Mon" => 0,
        "Tue" => 1,
        "Wed" => 2,
        "Thu" => 3,
        "Fri" => 4,
        "Sat" => 5,
        "Sun" => 6,
        "nextMon" => 7,
        "nextTue" => 8,
        "nextWed" => 9,
        "nextSun" => 13,
        other => panic!("unknown day {other}"),
    };
    add_days(MONDAY, offset)
}

fn kind(name: &str) -> Kind {
    Kind::ALL
        .into_iter()
        .find(|k| k.label() == name)
        .unwrap_or_else(|| panic!("unknown kind {name}"))
}

/// `"Mon Rest; Tue Intervals 60 key done; Sat Easy 40, Strength 25"`: sessions get ids
/// 1, 2, … in the order written.
fn week(spec: &str) -> Vec<Session> {
    let mut sessions = Vec::new();
    for part in spec.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let (d, rest) = part.split_once(' ').expect("a day and its sessions");
        for one in rest.split(',') {
            let words: Vec<&str> = one.split_whitespace().collect();
            let k = kind(words[0]);
            let minutes = words
                .get(1)
                .and_then(|w| w.parse::<i64>().ok())
                .unwrap_or(0);
            let id = SessionId(sessions.len() as u64 + 1);
            let mut s = Session::new(id, day(d), k, Minutes::new(minutes).expect("minutes"));
            s.key = words.contains(&"key");
            if words.contains(&"done") {
                s.done = Some(Done::Done(DoneRun {
                    minutes: s.minutes,
                    distance_km: None,
                    rpe: None,
                    avg_hr: None,
                }));
            }
            if words.contains(&"skipped") {
                s.done = Some(Done::Skipped);
            }
            sessions.push(s);
        }
    }
    sessions
}

/// `"Fri 45; Thu blocked"`: minutes per weekday, and blocked days of the scenario's week.
fn availability(spec: &str) -> Availability {
    let mut a = Availability::default();
    for part in spec.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let (d, what) = part.split_once(' ').expect("a day and a limit");
        if what == "blocked" {
            a.blocked.insert(day(d));
        } else {
            a.max_minutes
                .insert(Weekday::of(day(d)), what.parse().expect("minutes"));
        }
    }
    a
}

fn plan(spec: &str, avail: &str) -> Plan {
    Plan::new(
        Settings::default(),
        availability(avail),
        week(spec),
        Vec::new(),
    )
    .expect("plan")
}

// ---------------------------------------------------------------------------------------
// The hard constraints, checked from their definitions on the plan after the proposal.
// ---------------------------------------------------------------------------------------

fn is_candidate(s: &Session, request: &ReplanRequest, week: Week, end: Date) -> bool {
    (request.from <= s.date && s.date <= end && s.done.is_none())
        || (s.is_skipped() && week.contains(s.date) && request.missed.contains(&s.id))
}

/// The last day of the window, from the product's words: the later of the end of the week
/// and the next key session still to run after `from`, at most seven days ahead.
fn window_end(before: &Plan, from: Date) -> Date {
    let week_end = Week::containing(from, before.settings.week_start).end();
    let next_key = before
        .sessions()
        .iter()
        .filter(|s| s.date > from && s.key && s.done.is_none())
        .map(|s| s.date)
        .min();
    match next_key {
        Some(key) if key > week_end && key <= add_days(from, 7) => key,
        _ => week_end,
    }
}

/// The next key session's day after `from`, within the window or not.
fn next_key_day(before: &Plan, from: Date) -> Option<Date> {
    before
        .sessions()
        .iter()
        .filter(|s| s.date > from && s.key && s.done.is_none())
        .map(|s| s.date)
        .min()
}

fn is_run(k: Kind) -> bool {
    !matches!(k, Kind::Rest | Kind::Cross | Kind::Strength)
}

/// Asserts every hard constraint of the product on `proposal`, applying it to `before`
/// through the real applier. Returns the plan after.
fn assert_legal(before: &Plan, request: &ReplanRequest, proposal: &Proposal) -> Plan {
    let mut after = before.clone();
    after
        .apply(proposal.batch())
        .unwrap_or_else(|e| panic!("the batch applies: {e}\n{proposal:#?}"));
    let week = Week::containing(request.from, before.settings.week_start);
    let end = window_end(before, request.from);
    assert_eq!(
        (proposal.window.first, proposal.window.last),
        (request.from, end),
        "the window"
    );
    let old: HashMap<SessionId, &Session> = before.sessions().iter().map(|s| (s.id, s)).collect();
    let new: HashMap<SessionId, &Session> = after.sessions().iter().map(|s| (s.id, s)).collect();
    let explain = || format!("{proposal:#?}");

    // Never lost, never duplicated: every session is still there or was dropped by name.
    assert_eq!(
        new.len(),
        after.sessions().len(),
        "duplicate ids\n{}",
        explain()
    );
    let dropped: BTreeSet<SessionId> = proposal
        .changes
        .iter()
        .filter(|c| c.action == Action::Drop)
        .map(|c| c.id)
        .collect();
    for id in old.keys() {
        assert!(
            new.contains_key(id) != dropped.contains(id),
            "session {id} lost or dropped twice\n{}",
            explain()
        );
    }
    assert!(
        new.keys().all(|id| old.contains_key(id)),
        "a new session appeared"
    );

    // One change per touched session, saying what happened.
    let touched: BTreeSet<SessionId> = old
        .iter()
        .filter(|(id, s)| new.get(id).is_none_or(|n| n != *s))
        .map(|(id, _)| *id)
        .collect();
    let changed: BTreeSet<SessionId> = proposal.changes.iter().map(|c| c.id).collect();
    assert_eq!(
        touched,
        changed,
        "changes and edits disagree\n{}",
        explain()
    );
    for c in &proposal.changes {
        assert!(!c.reason.is_empty());
        assert!(!c.reason.contains("keeps the week's rules"), "{}", c.reason);
        if let Some(n) = new.get(&c.id) {
            assert_eq!(Some(n.date), c.to);
            assert_eq!((n.kind, n.minutes.get()), (c.kind, c.minutes));
        }
    }

    for s in before.sessions() {
        let n = new.get(&s.id);
        if !is_candidate(s, request, week, end) {
            // Done sessions and everything outside the window stay exactly as they were.
            assert_eq!(n, Some(&s), "a fixed session changed\n{}", explain());
            continue;
        }
        if let Some(n) = n
            && n.date != s.date
        {
            assert!(
                n.date >= request.today,
                "moved onto a past day\n{}",
                explain()
            );
            assert!(
                request.from <= n.date && n.date <= end,
                "moved out of the window"
            );
            if s.is_skipped() {
                assert!(
                    n.date > s.date,
                    "a missed session moved back\n{}",
                    explain()
                );
            }
        }
        if let Some(n) = n {
            assert!(n.minutes <= s.minutes, "a session grew");
        }
        // Tired: a hard session that is not key is eased, never moved nearer the key.
        let tired = request.limit == DayLimit::RestOnly || request.carry_over;
        if let (Some(n), Some(key), true) = (n, next_key_day(before, request.from), tired)
            && s.kind.is_hard()
            && !s.key
            && n.kind == s.kind
            && n.date != s.date
        {
            let near = |d: Date| runweek::core::week::days_between(d, key).abs();
            assert!(
                near(n.date) >= near(s.date),
                "a hard session moved nearer the key session while tired\n{}",
                explain()
            );
        }
    }

    // The rules, day by day, counting what will be run.
    let counting = |d: Date| -> Vec<&Session> {
        after
            .sessions_on(d)
            .iter()
            .filter(|s| !s.is_skipped())
            .collect()
    };
    let fixed = |s: &Session| -> bool {
        old.get(&s.id)
            .is_some_and(|o| *o == s && !is_candidate(o, request, week, end))
    };
    let hard = |d: Date| counting(d).iter().any(|s| s.kind.is_hard());
    let fixed_hard = |d: Date| counting(d).iter().any(|s| s.kind.is_hard() && fixed(s));
    let first = add_days(request.from, -1);
    let mut d = first;
    while d <= end {
        let next = add_days(d, 1);
        if hard(d) && hard(next) {
            assert!(
                fixed_hard(d) && fixed_hard(next),
                "two hard days in a row on {d} and {next}\n{}",
                explain()
            );
        }
        for key in counting(next).into_iter().filter(|s| s.key) {
            if hard(d) {
                assert!(
                    fixed(key) && fixed_hard(d),
                    "hard the day before the key session on {next}\n{}",
                    explain()
                );
            }
        }
        d = next;
    }
    let mut d = request.from;
    while d <= end {
        let open: Vec<&Session> = counting(d).into_iter().filter(|s| !s.is_done()).collect();
        let minutes: u32 = open.iter().map(|s| u32::from(s.minutes.get())).sum();
        if let Some(cap) = after.availability.max_minutes_on(d) {
            assert!(
                minutes <= u32::from(cap),
                "over the minutes of {d}\n{}",
                explain()
            );
        }
        if d == request.from {
            for s in &open {
                match request.limit {
                    DayLimit::EasyOnly => assert!(!s.kind.is_hard(), "hard on a hold-back day"),
                    DayLimit::RestOnly => assert_eq!(s.kind, Kind::Rest, "not rest on a rest day"),
                    DayLimit::None => {}
                }
            }
        }
        if request.limit != DayLimit::None && d == add_days(request.from, 1) {
            for s in &open {
                assert!(
                    s.key || !s.kind.is_hard(),
                    "hard the day after a hold-back day\n{}",
                    explain()
                );
            }
        }
        let moved_in = counting(d)
            .iter()
            .any(|s| old.get(&s.id).is_some_and(|o| o.date != d));
        if moved_in {
            let all = counting(d);
            let runs = all.iter().filter(|s| is_run(s.kind)).count();
            let rests = all.iter().filter(|s| s.kind == Kind::Rest).count();
            assert!(runs <= 1, "two runs on {d} after a move\n{}", explain());
            assert!(
                rests == 0 || rests == all.len(),
                "a session moved beside a rest day"
            );
        }
        d = add_days(d, 1);
    }

    // The window's planned load does not grow (a missed session counts as planned).
    let planned = |p: &Plan| -> f64 {
        p.sessions_between(week.start(), end)
            .iter()
            .filter(|s| !s.is_skipped())
            .map(Session::planned_load)
            .sum()
    };
    let missed_load: f64 = before
        .sessions_between(week.start(), end)
        .iter()
        .filter(|s| s.is_skipped() && request.missed.contains(&s.id))
        .map(Session::planned_load)
        .sum();
    assert!(planned(&after) <= planned(before) + missed_load + 1e-9);

    // The proposal's week is the week and the window after, in grid order.
    assert_eq!(
        proposal.week,
        after.sessions_between(week.start(), end).to_vec(),
        "the proposal's week is not the week after"
    );
    after
}

// ---------------------------------------------------------------------------------------
// Scenarios.
// ---------------------------------------------------------------------------------------

struct Case {
    week: &'static str,
    avail: &'static str,
    today: &'static str,
    from: &'static str,
    limit: DayLimit,
    /// Days whose skipped sessions are named as missed.
    missed: &'static [&'static str],
}

const BASE: &str = "lastSun Long 100 key done; Mon Rest; Tue Intervals 60 key; Wed Easy 45; \
                    Thu Tempo 55; Fri Recovery 30; Sat Easy 40, Strength 25; Sun Long 110 key; \
                    nextMon Rest";

fn request_for(p: &Plan, case: &Case) -> ReplanRequest {
    let missed = case
        .missed
        .iter()
        .flat_map(|d| p.sessions_on(day(d)))
        .filter(|s| s.is_skipped())
        .map(|s| s.id)
        .collect();
    ReplanRequest {
        today: day(case.today),
        from: day(case.from),
        limit: case.limit,
        missed,
        push: false,
        carry_over: false,
    }
}

fn check(case: Case, expected: &[&str], keeps_key: bool) -> (Plan, Proposal) {
    let p = plan(case.week, case.avail);
    let request = request_for(&p, &case);
    let proposal = replan(&p, &request, &ReplanRules::default());
    let reasons: Vec<&str> = proposal.changes.iter().map(|c| c.reason.as_str()).collect();
    assert_eq!(reasons, expected, "\n{proposal:#?}");
    assert_eq!(proposal.keeps_key, keeps_key, "{:?}", proposal.message);
    assert_eq!(proposal.message.is_none(), keeps_key);
    let after = assert_legal(&p, &request, &proposal);
    // Whatever was proposed, the search found the brute force's optimum.
    if search_space(&p, &request, &ReplanRules::default()) <= 2_000_000 {
        let brute = replan_brute_force(&p, &request, &ReplanRules::default());
        assert_eq!(brute.score, proposal.score);
    }
    (after, proposal)
}

#[test]
fn hold_back_on_the_key_day_moves_the_key_to_the_next_day_and_keeps_the_rhythm() {
    check(
        Case {
            week: BASE,
            avail: "",
            today: "Tue",
            from: "Tue",
            limit: DayLimit::EasyOnly,
            missed: &[],
        },
        &[
            "Intervals moved Tue → Wed: today is a hold-back day",
            "Easy run moved Wed → Tue: makes room for the intervals moved to Wed",
            "Tempo moved Thu → Fri: Thu would follow the intervals on Wed",
            "Recovery run moved Fri → Thu: makes room for the tempo moved to Fri",
        ],
        true,
    );
}

#[test]
fn hold_back_the_day_before_the_key_day_changes_nothing_and_protects_the_key() {
    let (_, proposal) = check(
        Case {
            week: BASE,
            avail: "",
            today: "Sat",
            from: "Sat",
            limit: DayLimit::EasyOnly,
            missed: &[],
        },
        &[],
        true,
    );
    assert!(proposal.is_empty());
}

#[test]
fn hold_back_on_an_easy_day_moves_the_tempo_that_would_follow_it() {
    check(
        Case {
            week: BASE,
            avail: "",
            today: "Wed",
            from: "Wed",
            limit: DayLimit::EasyOnly,
            missed: &[],
        },
        &[
            "Tempo moved Thu → Fri: Thu follows today's hold-back day",
            "Recovery run moved Fri → Thu: makes room for the tempo moved to Fri",
        ],
        true,
    );
}

#[test]
fn two_hold_back_days_in_a_row_downgrade_the_tempo_rather_than_crowd_the_long_run() {
    let (after, _) = check(
        Case {
            week: BASE,
            avail: "",
            today: "Wed",
            from: "Wed",
            limit: DayLimit::EasyOnly,
            missed: &[],
        },
        &[
            "Tempo moved Thu → Fri: Thu follows today's hold-back day",
            "Recovery run moved Fri → Thu: makes room for the tempo moved to Fri",
        ],
        true,
    );
    // The next morning is a hold-back day too.
    let request = ReplanRequest {
        limit: DayLimit::EasyOnly,
        ..ReplanRequest::new(day("Thu"), day("Thu"))
    };
    let second = replan(&after, &request, &ReplanRules::default());
    let reasons: Vec<&str> = second.changes.iter().map(|c| c.reason.as_str()).collect();
    assert_eq!(
        reasons,
        [
            "Tempo became a 40-minute easy run: Fri follows today's hold-back day, and no \
             other day this week has room for it"
        ],
        "{second:#?}"
    );
    assert!(second.keeps_key);
    assert_legal(&after, &request, &second);
}

#[test]
fn a_rest_day_clears_the_day_and_keeps_the_easy_run_later() {
    check(
        Case {
            week: BASE,
            avail: "",
            today: "Wed",
            from: "Wed",
            limit: DayLimit::RestOnly,
            missed: &[],
        },
        // On a Rest day the tempo is not moved nearer Sunday's key long run: it is eased
        // where it is, and the easy run keeps its minutes on Friday.
        &[
            "Easy run moved Wed → Fri: today is a rest day",
            "Tempo became a 40-minute easy run rather than moved nearer the key long run: \
             today is a rest day, and Thu follows today's rest day",
            "Recovery run dropped: makes room for the easy run moved to Fri, and no other day \
             this week has room for it",
        ],
        true,
    );
}

#[test]
fn a_skipped_long_run_on_saturday_moves_to_sunday() {
    check(
        Case {
            week: "Mon Rest; Tue Intervals 60 key done; Wed Easy 45 done; Thu Tempo 50 done; \
                   Fri Rest; Sat Long 110 key skipped; Sun Easy 40; nextMon Rest",
            avail: "",
            today: "Sun",
            from: "Sun",
            limit: DayLimit::None,
            missed: &["Sat"],
        },
        &[
            "Long run moved Sat → Sun: missed on Sat",
            "Easy run dropped: makes room for the long run moved to Sun",
        ],
        true,
    );
}

#[test]
fn a_missed_key_session_is_not_forced_onto_a_day_before_a_hard_one() {
    // Monday next week is hard, so Sunday cannot take the long run.
    check(
        Case {
            week: "Sat Long 110 key skipped; Sun Easy 40; nextMon Intervals 60",
            avail: "",
            today: "Sun",
            from: "Sun",
            limit: DayLimit::None,
            missed: &["Sat"],
        },
        &[],
        false,
    );
}

#[test]
fn when_the_only_free_day_is_unavailable_the_key_session_becomes_easy_and_says_so() {
    let (_, proposal) = check(
        Case {
            week: "Mon Rest; Tue Easy 45; Wed Easy 40; Thu Intervals 60 key; Sat Easy 40; \
                   Sun Long 110 key; nextMon Rest",
            avail: "Fri 0",
            today: "Thu",
            from: "Thu",
            limit: DayLimit::EasyOnly,
            missed: &[],
        },
        &[
            "Intervals became a 45-minute easy run: today is a hold-back day, and no other day \
           this week has room for it",
        ],
        false,
    );
    assert_eq!(
        proposal.message.as_deref(),
        Some(
            "No day this week can hold the intervals without breaking the rules; this is the \
             best week without it."
        )
    );
}

#[test]
fn with_the_free_day_available_the_key_session_moves_there() {
    check(
        Case {
            week: "Mon Rest; Tue Easy 45; Wed Easy 40; Thu Intervals 60 key; Sat Easy 40; \
                   Sun Long 110 key; nextMon Rest",
            avail: "",
            today: "Thu",
            from: "Thu",
            limit: DayLimit::EasyOnly,
            missed: &[],
        },
        &["Intervals moved Thu → Fri: today is a hold-back day"],
        true,
    );
}

#[test]
fn a_week_with_two_key_sessions_keeps_both() {
    check(
        Case {
            week: "Mon Easy 40; Tue Easy 45; Wed Intervals 60 key; Thu Easy 45; Fri Recovery 30; \
                   Sat Long 120 key; Sun Easy 50; nextMon Rest",
            avail: "",
            today: "Wed",
            from: "Wed",
            limit: DayLimit::EasyOnly,
            missed: &[],
        },
        &[
            "Intervals moved Wed → Thu: today is a hold-back day",
            "Easy run moved Thu → Wed: makes room for the intervals moved to Thu",
        ],
        true,
    );
}

#[test]
fn the_last_day_of_the_week_has_nowhere_to_send_the_long_run() {
    check(
        Case {
            week: BASE,
            avail: "",
            today: "Sun",
            from: "Sun",
            limit: DayLimit::EasyOnly,
            missed: &[],
        },
        &["Long run became an 80-minute easy run: today is a hold-back day"],
        false,
    );
}

#[test]
fn a_day_with_too_few_minutes_shortens_the_session_to_fit() {
    check(
        Case {
            week: "Mon Rest; Tue Easy 45; Wed Tempo 55; Thu Easy 40; Fri Easy 30; Sat Easy 40; \
                   Sun Long 110 key; nextMon Rest",
            avail: "Sun 90",
            today: "Tue",
            from: "Tue",
            limit: DayLimit::None,
            missed: &[],
        },
        &["Long run shortened 110 → 90 min: Sun has only 90 min"],
        true,
    );
}

#[test]
fn a_blocked_date_moves_its_session_and_names_the_date() {
    check(
        Case {
            week: "Mon Rest; Tue Easy 45; Wed Tempo 55; Thu Easy 40; Sun Long 110 key",
            avail: "Thu blocked",
            today: "Tue",
            from: "Tue",
            limit: DayLimit::None,
            missed: &[],
        },
        &["Easy run moved Thu → Fri: Thu 26 Nov is blocked"],
        true,
    );
}

#[test]
fn a_hand_dragged_week_with_two_hard_days_in_a_row_is_repaired() {
    check(
        Case {
            week: "Mon Rest; Tue Intervals 60 key; Wed Tempo 55; Thu Easy 45; Fri Easy 30; \
                   Sat Easy 40; Sun Long 110 key; nextMon Rest",
            avail: "",
            today: "Mon",
            from: "Mon",
            limit: DayLimit::None,
            missed: &[],
        },
        &[
            "Tempo moved Wed → Thu: Wed would follow the intervals on Tue",
            "Easy run moved Thu → Wed: makes room for the tempo moved to Thu",
        ],
        true,
    );
}

#[test]
fn done_sessions_and_past_days_are_left_alone() {
    let (_, proposal) = check(
        Case {
            week: "Mon Tempo 50 done; Tue Intervals 60 key done; Wed Easy 45; Thu Easy 40; \
                   Sat Easy 40; Sun Long 100 key",
            avail: "",
            today: "Wed",
            from: "Wed",
            limit: DayLimit::None,
            missed: &[],
        },
        &[],
        true,
    );
    assert!(proposal.is_empty());
}

#[test]
fn the_proposal_is_the_same_every_time() {
    let p = plan(BASE, "Fri 45");
    let request = ReplanRequest {
        limit: DayLimit::EasyOnly,
        ..ReplanRequest::new(day("Tue"), day("Tue"))
    };
    let first = replan(&p, &request, &ReplanRules::default());
    for _ in 0..3 {
        assert_eq!(replan(&p, &request, &ReplanRules::default()), first);
    }
}

#[test]
fn after_verdict_names_skipped_key_sessions_and_sets_the_limit() {
    let p = plan(
        "Tue Intervals 60 key skipped; Wed Easy 45 skipped; Sun Long 110 key",
        "",
    );
    let r = ReplanRequest::after_verdict(
        &p,
        day("Thu"),
        day("Thu"),
        Some(runweek::core::verdict::Verdict::HoldBack),
    );
    assert_eq!(r.limit, DayLimit::EasyOnly);
    assert_eq!(r.missed, [SessionId(1)]);
    assert!(!r.push);
}

// ---------------------------------------------------------------------------------------
// The Push suggestion.
// ---------------------------------------------------------------------------------------

fn push_plan(next: &str, avail: &str) -> Plan {
    // Last week 600 min of easy running at RPE 3; this week a little less.
    let spec = format!(
        "lastSun Easy 60; Mon Rest; Tue Easy 45; Wed Easy 50; Thu Tempo 50; Fri {next}; \
         Sat Easy 40; Sun Long 100 key"
    );
    let mut sessions = week(&spec);
    for d in 0..7 {
        let id = SessionId(100 + d);
        let s = Session::new(
            id,
            add_days(MONDAY, d as i64 - 7),
            Kind::Easy,
            Minutes::new(90).expect("minutes"),
        );
        sessions.push(s);
    }
    Plan::new(
        Settings::default(),
        availability(avail),
        sessions,
        Vec::new(),
    )
    .expect("plan")
}

#[test]
fn a_push_day_with_an_easy_day_after_suggests_a_longer_session() {
    let p = push_plan("Easy 30", "");
    let s = suggest_push(&p, day("Thu"), day("Thu"), &ReplanRules::default()).expect("a push");
    assert_eq!((s.kind, s.minutes, s.to_minutes), (Kind::Tempo, 50, 60));
    assert_eq!(
        s.reason,
        "Push day: the tempo could go from 50 to 60 min; tomorrow is easy, and the week's \
         planned load stays within 10 % of last week's"
    );
    let mut after = p.clone();
    after.apply(s.edit()).expect("applies");
    assert_eq!(after.session(s.id).map(|x| x.minutes.get()), Some(60));
}

#[test]
fn no_push_suggestion_before_a_hard_day_or_without_room() {
    let rules = ReplanRules::default();
    assert!(suggest_push(&push_plan("Hills 45", ""), day("Thu"), day("Thu"), &rules).is_none());
    // Thursday has only 50 minutes.
    assert!(
        suggest_push(
            &push_plan("Easy 30", "Thu 50"),
            day("Thu"),
            day("Thu"),
            &rules
        )
        .is_none()
    );
    // Not on a day already past.
    assert!(suggest_push(&push_plan("Easy 30", ""), day("Fri"), day("Thu"), &rules).is_none());
}

#[test]
fn the_proposal_carries_the_push_suggestion_only_when_asked() {
    let p = push_plan("Easy 30", "");
    let mut request = ReplanRequest::new(day("Thu"), day("Thu"));
    assert!(replan(&p, &request, &ReplanRules::default()).push.is_none());
    request.push = true;
    let proposal = replan(&p, &request, &ReplanRules::default());
    assert!(proposal.is_empty());
    assert_eq!(proposal.push.map(|s| s.to_minutes), Some(60));
}

// ---------------------------------------------------------------------------------------
// The window reaching the next key session, and the tired runner's rule.
// ---------------------------------------------------------------------------------------

/// Like [`check`], with the carry-over flag and the rules given; returns the proposal.
fn check_with(
    case: Case,
    carry_over: bool,
    rules: &ReplanRules,
    expected: &[&str],
) -> (Plan, ReplanRequest, Proposal) {
    let p = plan(case.week, case.avail);
    let mut request = request_for(&p, &case);
    request.carry_over = carry_over;
    let proposal = replan(&p, &request, rules);
    let reasons: Vec<&str> = proposal.changes.iter().map(|c| c.reason.as_str()).collect();
    assert_eq!(reasons, expected, "\n{proposal:#?}");
    assert!(proposal.keeps_key, "{:?}", proposal.message);
    if *rules == ReplanRules::default() {
        assert_legal(&p, &request, &proposal);
    }
    if search_space(&p, &request, rules) <= 2_000_000 {
        let brute = replan_brute_force(&p, &request, rules);
        assert_eq!(brute, proposal);
    }
    (p, request, proposal)
}

#[test]
fn hold_back_on_saturday_with_the_key_session_on_monday_replans_saturday_to_monday() {
    let (_, _, proposal) = check_with(
        Case {
            week: "Tue Intervals 60 key done; Wed Easy 45 done; Thu Easy 40 done; Fri Rest; \
                   Sat Tempo 50; Sun Easy 40; nextMon Long 100 key; nextTue Easy 40",
            avail: "",
            today: "Sat",
            from: "Sat",
            limit: DayLimit::EasyOnly,
            missed: &[],
        },
        false,
        &ReplanRules::default(),
        &[
            "Tempo became a 35-minute easy run: today is a hold-back day, and no other day up \
           to Mon 30 Nov has room for it",
        ],
    );
    assert_eq!(
        (proposal.window.first, proposal.window.last),
        (day("Sat"), day("nextMon"))
    );
    assert!(proposal.window.crosses_week());
    // The proposal's week runs on to Monday, with its key long run.
    let last = proposal.week.last().expect("sessions");
    assert_eq!(
        (last.date, last.kind, last.key),
        (day("nextMon"), Kind::Long, true)
    );
}

#[test]
fn hold_back_on_saturday_moves_sunday_intervals_into_next_week_before_a_wednesday_key() {
    let (_, _, proposal) = check_with(
        Case {
            week: "Sat Easy 40; Sun Intervals 60; nextMon Easy 40; nextTue Easy 40; \
                   nextWed Long 100 key",
            avail: "",
            today: "Sat",
            from: "Sat",
            limit: DayLimit::EasyOnly,
            missed: &[],
        },
        false,
        &ReplanRules::default(),
        &[
            "Intervals moved Sun → next Mon: Sun follows today's hold-back day",
            "Easy run moved next Mon → Sun: makes room for the intervals moved to next Mon",
        ],
    );
    assert_eq!(proposal.window.last, day("nextWed"));
}

#[test]
fn a_key_session_more_than_seven_days_ahead_leaves_the_window_in_its_week() {
    let p = plan(
        "Sat Easy 40; Sun Intervals 60; nextMon Easy 40; nextSun Long 100 key",
        "",
    );
    let request = ReplanRequest {
        limit: DayLimit::EasyOnly,
        ..ReplanRequest::new(day("Sat"), day("Sat"))
    };
    let proposal = replan(&p, &request, &ReplanRules::default());
    assert_eq!(proposal.window.last, day("Sun"));
    assert!(!proposal.window.crosses_week());
    // And a runner who keeps every re-plan inside its week can say so.
    let p = plan("Sat Easy 40; Sun Intervals 60; nextMon Long 100 key", "");
    let inside = ReplanRules {
        reach_days: 0,
        ..ReplanRules::default()
    };
    assert_eq!(replan(&p, &request, &inside).window.last, day("Sun"));
    assert_eq!(
        replan(&p, &request, &ReplanRules::default()).window.last,
        day("nextMon")
    );
}

/// A rest day on Tuesday; the tempo on a Thursday with only 30 minutes to train; the key
/// long run on Sunday.
const REST_TUESDAY: &str = "Mon Easy 40 done; Tue Rest; Wed Easy 40; Thu Tempo 50; \
                            Fri Recovery 30; Sat Easy 40; Sun Long 110 key";

#[test]
fn a_rest_day_with_a_tempo_two_days_later_shortens_the_tempo_rather_than_move_it_nearer_sunday() {
    let case = || Case {
        week: REST_TUESDAY,
        avail: "Thu 30",
        today: "Tue",
        from: "Tue",
        limit: DayLimit::RestOnly,
        missed: &[],
    };
    check_with(
        case(),
        false,
        &ReplanRules::default(),
        &[
            "Tempo shortened 50 → 30 min rather than moved nearer the key long run: today is \
           a rest day, and Thu has only 30 min",
        ],
    );
    // Without the rule the tempo keeps its minutes by moving to Friday, nearer the long run.
    let p = plan(REST_TUESDAY, "Thu 30");
    let request = request_for(&p, &case());
    let moved = replan(
        &p,
        &request,
        &ReplanRules {
            ease_when_tired: false,
            ..ReplanRules::default()
        },
    );
    let tempo = moved.change(SessionId(4)).expect("the tempo changes");
    assert_eq!(
        (tempo.action, tempo.to, tempo.minutes),
        (Action::Move, Some(day("Fri")), 50),
        "{moved:#?}"
    );
}

#[test]
fn a_rest_day_eases_the_tempo_of_the_next_day_instead_of_moving_it() {
    check_with(
        Case {
            week: "Mon Easy 40 done; Tue Rest; Wed Tempo 50; Thu Easy 40; Fri Easy 40; \
                   Sat Recovery 30; Sun Long 110 key",
            avail: "",
            today: "Tue",
            from: "Tue",
            limit: DayLimit::RestOnly,
            missed: &[],
        },
        false,
        &ReplanRules::default(),
        &[
            "Tempo became a 35-minute easy run rather than moved nearer the key long run: \
           today is a rest day, and Wed follows today's rest day",
        ],
    );
}

/// A week dragged by hand: the tempo beside Tuesday's intervals, the key long run on
/// Saturday.
const DRAGGED: &str = "lastSun Long 100 done; Mon Easy 40; Tue Intervals 60; Wed Tempo 50; \
                       Thu Easy 40; Fri Easy 40; Sat Long 110 key; Sun Rest";

#[test]
fn carry_over_eases_a_hard_session_rather_than_move_it_to_the_day_before_the_day_before_the_key() {
    let case = || Case {
        week: DRAGGED,
        avail: "",
        today: "Mon",
        from: "Mon",
        limit: DayLimit::None,
        missed: &[],
    };
    // Rested, the tempo moves to Thursday, the day before the day before the long run.
    check_with(
        case(),
        false,
        &ReplanRules::default(),
        &[
            "Tempo moved Wed → Thu: Wed would follow the intervals on Tue",
            "Easy run moved Thu → Wed: makes room for the tempo moved to Thu",
        ],
    );
    // Tired, it stays on its day as an easy run.
    check_with(
        case(),
        true,
        &ReplanRules::default(),
        &[
            "Tempo became a 35-minute easy run rather than moved nearer the key long run: \
           fatigue is carrying over, and Wed would follow the intervals on Tue",
        ],
    );
}

#[test]
fn the_replan_rules_are_optional_settings_of_the_plan_file() {
    // An older file, without them, opens with the defaults and is written without them.
    let old = runweek::file::parse("(version: 1, settings: (load_growth_pct: 10))").expect("opens");
    assert_eq!(old.settings.replan, Default::default());
    assert!(!runweek::file::to_text(&old).contains("replan"));

    let own = runweek::file::parse(
        "(version: 1, settings: (replan: (reach_days: 3, ease_when_tired: false)))",
    )
    .expect("opens");
    let rules = ReplanRules::for_settings(&own.settings);
    assert_eq!((rules.reach_days, rules.ease_when_tired), (3, false));
    let again = runweek::file::parse(&runweek::file::to_text(&own)).expect("reads back");
    assert_eq!(again.settings.replan, own.settings.replan);

    let bad = runweek::file::parse("(version: 1,\n settings: (replan: (reach_days: 9)))")
        .expect_err("out of range");
    assert!(
        bad.to_string()
            .contains("replan.reach_days must be between 0 and 7, got 9"),
        "{bad}"
    );
}

#[test]
fn the_request_after_a_verdict_carries_the_fatigue_flag() {
    let p = plan(BASE, "");
    let request = ReplanRequest::after_verdict(&p, day("Wed"), day("Wed"), None);
    // No readiness logged: no carry-over.
    assert!(!request.carry_over);
}

// ---------------------------------------------------------------------------------------
// Properties over random weeks.
// ---------------------------------------------------------------------------------------

#[derive(Debug, Clone)]
struct RawSession {
    day: i64,
    kind: usize,
    minutes: i64,
    key: bool,
    status: u8,
}

#[derive(Debug, Clone)]
struct RawWeek {
    sessions: Vec<RawSession>,
    caps: Vec<Option<u16>>,
    blocked: Vec<bool>,
    today: i64,
    from: i64,
    limit: u8,
    missed: Vec<bool>,
    carry_over: bool,
}

fn raw_week(max_sessions: usize) -> impl Strategy<Value = RawWeek> {
    let session = (
        -1i64..=7,
        0usize..10,
        4i64..=24,
        prop::bool::weighted(0.3),
        prop::sample::select(vec![0u8, 0, 0, 1, 2]),
    )
        .prop_map(|(day, kind, five, key, status)| RawSession {
            day,
            kind,
            minutes: five * 5,
            key,
            status,
        });
    let cap = prop::sample::select(vec![
        None,
        None,
        None,
        Some(0),
        Some(30),
        Some(45),
        Some(60),
        Some(90),
    ]);
    (
        prop::collection::vec(session, 0..=max_sessions),
        prop::collection::vec(cap, 7),
        prop::collection::vec(prop::bool::weighted(0.1), 7),
        0i64..7,
        0i64..7,
        0u8..3,
        prop::collection::vec(any::<bool>(), max_sessions + 1),
        prop::bool::weighted(0.25),
    )
        .prop_map(
            |(sessions, caps, blocked, today, from, limit, missed, carry_over)| RawWeek {
                sessions,
                caps,
                blocked,
                today,
                // Usually from today on; sometimes from a day already past.
                from: if from < today && from % 3 != 0 {
                    today
                } else {
                    from
                },
                limit,
                missed,
                carry_over,
            },
        )
}

/// Weeks around a week's end: sessions from Wednesday to next Thursday, the re-plan from a
/// day between Thursday and Sunday, and a hard key session early next week, so that the
/// window crosses into the next week.
fn raw_week_end(max_sessions: usize) -> impl Strategy<Value = RawWeek> {
    (
        raw_week(max_sessions),
        3i64..7,
        0i64..2,
        7i64..=9,
        3usize..=6,
    )
        .prop_map(|(mut raw, today, later, key_day, kind)| {
            for s in &mut raw.sessions {
                // -1..=7 onto Wednesday..next Thursday.
                s.day += 3;
            }
            raw.today = today;
            raw.from = today + later;
            raw.sessions.push(RawSession {
                day: key_day,
                kind,
                minutes: 60,
                key: true,
                status: 0,
            });
            raw.missed.push(false);
            raw
        })
}

fn build(raw: &RawWeek) -> (Plan, ReplanRequest) {
    let today = add_days(MONDAY, raw.today);
    let mut sessions = Vec::new();
    for (i, r) in raw.sessions.iter().enumerate() {
        let k = Kind::ALL[r.kind];
        let minutes = if k == Kind::Rest { 0 } else { r.minutes };
        let mut s = Session::new(
            SessionId(i as u64 + 1),
            add_days(MONDAY, r.day),
            k,
            Minutes::new(minutes).expect("minutes"),
        );
        s.key = r.key && k != Kind::Rest;
        s.done = match r.status {
            1 if s.date <= today => Some(Done::Done(DoneRun {
                minutes: s.minutes,
                distance_km: None,
                rpe: None,
                avg_hr: None,
            })),
            2 => Some(Done::Skipped),
            _ => None,
        };
        sessions.push(s);
    }
    let mut availability = Availability::default();
    for (d, cap) in raw.caps.iter().enumerate() {
        if let Some(cap) = cap {
            availability.max_minutes.insert(Weekday::ALL[d], *cap);
        }
    }
    for (d, blocked) in raw.blocked.iter().enumerate() {
        if *blocked {
            availability.blocked.insert(add_days(MONDAY, d as i64));
        }
    }
    let plan = Plan::new(Settings::default(), availability, sessions, Vec::new()).expect("plan");
    let missed = plan
        .sessions()
        .iter()
        .filter(|s| s.is_skipped() && raw.missed[s.id.0 as usize])
        .map(|s| s.id)
        .collect();
    let request = ReplanRequest {
        today,
        from: add_days(MONDAY, raw.from),
        limit: [DayLimit::None, DayLimit::EasyOnly, DayLimit::RestOnly][usize::from(raw.limit)],
        missed,
        push: false,
        carry_over: raw.carry_over,
    };
    (plan, request)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn every_proposal_keeps_the_hard_constraints_and_undoes_exactly(raw in raw_week(14)) {
        let (p, request) = build(&raw);
        let proposal = replan(&p, &request, &ReplanRules::default());
        let after = assert_legal(&p, &request, &proposal);

        // Accepted as one step, undone as one step.
        let mut plan = p.clone();
        let mut history = History::default();
        history.apply(&mut plan, proposal.batch()).expect("applies");
        prop_assert_eq!(&plan, &after);
        prop_assert_eq!(history.can_undo(), !proposal.is_empty());
        history.undo(&mut plan);
        prop_assert_eq!(&plan, &p);
        history.redo(&mut plan);
        prop_assert_eq!(&plan, &after);

        // A week re-planned once needs nothing more from the same day, over the same days:
        // a key session the proposal eased is no longer key, so the window of the week
        // after may reach further, to the next key session.
        let rules = ReplanRules::default();
        if request.missed.is_empty()
            && replan_window(&after, request.from, &rules) == proposal.window
        {
            let again = replan(&after, &request, &ReplanRules::default());
            prop_assert!(again.is_empty(), "{:#?}", again);
        }
    }

    #[test]
    fn the_search_finds_the_brute_force_optimum(raw in raw_week(6)) {
        let (p, request) = build(&raw);
        let rules = ReplanRules::default();
        prop_assume!(search_space(&p, &request, &rules) <= 30_000);
        let fast = replan(&p, &request, &rules);
        let slow = replan_brute_force(&p, &request, &rules);
        prop_assert_eq!(fast.score, slow.score);
        // The same tie-break too: the very same proposal.
        prop_assert_eq!(&fast, &slow);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn a_window_across_the_week_end_keeps_the_hard_constraints(raw in raw_week_end(12)) {
        let (p, request) = build(&raw);
        let proposal = replan(&p, &request, &ReplanRules::default());
        let after = assert_legal(&p, &request, &proposal);
        let mut plan = p.clone();
        let mut history = History::default();
        history.apply(&mut plan, proposal.batch()).expect("applies");
        prop_assert_eq!(&plan, &after);
        history.undo(&mut plan);
        prop_assert_eq!(&plan, &p);
    }

    #[test]
    fn a_window_across_the_week_end_is_the_brute_force_optimum(raw in raw_week_end(6)) {
        let (p, request) = build(&raw);
        let rules = ReplanRules::default();
        prop_assume!(search_space(&p, &request, &rules) <= 30_000);
        let fast = replan(&p, &request, &rules);
        let slow = replan_brute_force(&p, &request, &rules);
        prop_assert_eq!(&fast, &slow);
    }
}

#[test]
fn the_search_matches_the_brute_force_with_other_knobs() {
    let rules = ReplanRules {
        shorten_pct: vec![80, 50],
        max_runs_per_day: 2,
        easy_day_after: false,
        downgrade_to: Some(Kind::Recovery),
        ..ReplanRules::default()
    };
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: 48,
        ..ProptestConfig::default()
    });
    runner
        .run(&raw_week(5), |raw| {
            let (p, request) = build(&raw);
            if search_space(&p, &request, &rules) > 30_000 {
                return Ok(());
            }
            let fast = replan(&p, &request, &rules);
            let slow = replan_brute_force(&p, &request, &rules);
            prop_assert_eq!(&fast, &slow);
            Ok(())
        })
        .expect("the search and the brute force agree");
}

/// Weeks where days run out of room: several sessions a day, one run a day for a day that
/// receives a moved session, blocked days and tight minutes, so that moved sessions crowd
/// each other and the search's bound has to see it.
fn capped_week(max_sessions: usize) -> impl Strategy<Value = RawWeek> {
    let session = (
        2i64..7,
        prop::sample::select(vec![0usize, 1, 2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4]),
        4i64..=16,
        prop::bool::weighted(0.25),
        prop::sample::select(vec![0u8, 0, 0, 0, 2]),
    )
        .prop_map(|(day, kind, five, key, status)| RawSession {
            day,
            kind,
            minutes: five * 5,
            key,
            status,
        });
    let cap = prop::sample::select(vec![None, None, Some(20), Some(30), Some(45), Some(50)]);
    (
        prop::collection::vec(session, 3..=max_sessions),
        prop::collection::vec(cap, 7),
        prop::collection::vec(prop::bool::weighted(0.3), 7),
        3i64..5,
        0u8..3,
        prop::collection::vec(any::<bool>(), max_sessions + 1),
        prop::bool::weighted(0.25),
    )
        .prop_map(
            |(sessions, caps, blocked, from, limit, missed, carry_over)| RawWeek {
                sessions,
                caps,
                blocked,
                today: from,
                from,
                limit,
                missed,
                carry_over,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 160, ..ProptestConfig::default() })]

    #[test]
    fn the_search_finds_the_brute_force_optimum_on_crowded_days(
        raw in capped_week(8),
        two_runs in prop::bool::weighted(0.25),
    ) {
        let (p, request) = build(&raw);
        let rules = ReplanRules {
            max_runs_per_day: if two_runs { 2 } else { 1 },
            ..ReplanRules::default()
        };
        prop_assume!(search_space(&p, &request, &rules) <= 40_000);
        let fast = replan(&p, &request, &rules);
        let slow = replan_brute_force(&p, &request, &rules);
        prop_assert!(fast.optimal);
        prop_assert_eq!(&fast, &slow);
    }
}

// ---------------------------------------------------------------------------------------
// `runweek replan` through the real binary.
// ---------------------------------------------------------------------------------------

/// Every `"YYYY-MM-DD"` in `text` moved by `days`.
fn shift_dates(text: &str, days: i64) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('"') {
        out.push_str(&rest[..=at]);
        rest = &rest[at + 1..];
        if rest.len() >= 11
            && rest.as_bytes()[10] == b'"'
            && let Ok(d) = rest[..10].parse::<Date>()
        {
            out.push_str(&add_days(d, days).to_string());
            rest = &rest[10..];
        }
    }
    out.push_str(rest);
    out
}

/// The demo plan moved by whole weeks so that its Wednesday 25 November is not in the
/// past, whatever the clock says; with the day it lands on.
fn demo_on_its_hold_back_day(name: &str) -> (PathBuf, Date) {
    let out = runweek(&["demo"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let wednesday = date(2026, 11, 25);
    let today = jiff::Zoned::now().date();
    let behind = runweek::core::week::days_between(wednesday, today).max(0);
    let shift = (behind + 6) / 7 * 7;
    (
        temp_file(name, &shift_dates(&text, shift)),
        add_days(wednesday, shift),
    )
}

#[test]
fn replan_json_follows_the_contract_and_protects_the_sunday_long_run() {
    let (path, wednesday) = demo_on_its_hold_back_day("demo-json.ron");
    let out = runweek(&[
        "replan",
        path.to_str().expect("utf-8 path"),
        "--date",
        &wednesday.to_string(),
        "--json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let keys: BTreeSet<&str> = v
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        BTreeSet::from([
            "date",
            "verdict",
            "keeps_key",
            "optimal",
            "window",
            "changes",
            "week"
        ])
    );
    // Sunday's key long run is in the week: the window ends with it.
    assert_eq!(
        v["window"],
        serde_json::json!({
            "from": wednesday.to_string(),
            "to": add_days(wednesday, 4).to_string(),
        })
    );
    assert_eq!(v["optimal"], true);
    assert_eq!(v["date"], wednesday.to_string());
    assert!(
        v["verdict"] == "HoldBack" || v["verdict"] == "Rest",
        "the demo's Wednesday is a bad day: {}",
        v["verdict"]
    );
    assert_eq!(v["keeps_key"], true);
    let changes = v["changes"].as_array().expect("changes");
    assert!(!changes.is_empty());
    for c in changes {
        let fields: BTreeSet<&str> = c
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            fields,
            BTreeSet::from(["id", "action", "from", "to", "kind", "minutes", "reason"])
        );
        assert!(
            ["Move", "Downgrade", "Shorten", "Drop"]
                .contains(&c["action"].as_str().expect("action"))
        );
        assert_eq!(c["to"].is_null(), c["action"] == "Drop");
        // Sunday's key long run is not touched.
        assert_ne!(c["id"], 16, "{c}");
    }
    let week = v["week"].as_array().expect("week");
    let sunday = add_days(wednesday, 4).to_string();
    let long = week
        .iter()
        .find(|s| s["id"] == 16)
        .expect("the long run is in the week");
    assert_eq!(
        (&long["date"], &long["kind"], &long["key"]),
        (
            &serde_json::json!(sunday),
            &serde_json::json!("Long"),
            &serde_json::json!(true)
        )
    );
    // Nothing hard on the bad day or the day after, and Saturday stays easy.
    for s in week {
        let d: Date = s["date"].as_str().expect("date").parse().expect("a date");
        let hard = kind(s["kind"].as_str().expect("kind")).is_hard();
        if d == wednesday || d == add_days(wednesday, 1) || d == add_days(wednesday, 3) {
            assert!(!hard, "{s}");
        }
        assert!(
            s.as_object()
                .expect("object")
                .keys()
                .all(|k| ["id", "date", "kind", "minutes", "key"].contains(&k.as_str()))
        );
    }
}

/// A hold-back Saturday before the key intervals of Monday, as a plan file.
const SATURDAY_PLAN: &str = r#"(
    version: 1,
    sessions: [
        (id: 1, date: "2026-11-24", kind: Intervals, minutes: 60, key: true, done: Some(Done(minutes: 60))),
        (id: 2, date: "2026-11-28", kind: Tempo, minutes: 50),
        (id: 3, date: "2026-11-29", kind: Easy, minutes: 40),
        (id: 4, date: "2026-11-30", kind: Intervals, minutes: 60, key: true),
        (id: 5, date: "2026-12-01", kind: Easy, minutes: 40),
    ],
    readiness: [
        (date: "2026-11-28", when: Morning, legs: Heavy, breathing: Laboured),
    ],
)"#;

#[test]
fn replan_json_lists_the_window_into_next_week_and_every_session_of_its_days() {
    let path = temp_file("saturday.ron", SATURDAY_PLAN);
    let file = path.to_str().expect("utf-8 path");
    let args = ["replan", file, "--date", "2026-11-28", "--as-if-today"];
    let out = runweek(&[&args[..], &["--json"]].concat());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["verdict"], "HoldBack");
    assert_eq!(
        v["window"],
        serde_json::json!({"from": "2026-11-28", "to": "2026-11-30"})
    );
    let ids: Vec<u64> = v["week"]
        .as_array()
        .expect("week")
        .iter()
        .map(|s| s["id"].as_u64().expect("id"))
        .collect();
    // The week (Tuesday's done intervals too) and Monday's key intervals; not Tuesday's run.
    assert_eq!(ids, [1, 2, 3, 4], "{v}");

    let out = runweek(&args);
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        text.contains("This re-plan reaches Mon 30 Nov (next key session)."),
        "{text}"
    );
    assert!(text.contains("Mon 30 Nov"), "{text}");
}

#[test]
fn replan_prints_the_changes_for_people_and_writes_only_when_asked() {
    let (path, wednesday) = demo_on_its_hold_back_day("demo-write.ron");
    let file = path.to_str().expect("utf-8 path");
    let before = std::fs::read_to_string(&path).expect("readable");
    let out = runweek(&["replan", file, "--date", &wednesday.to_string()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let heading = format!("Re-plan from {}", wednesday.strftime("%a %-d %b %Y"));
    assert!(text.starts_with(&heading), "{text}");
    assert!(text.contains("Tempo moved Thu → Fri"), "{text}");
    assert!(text.contains("Every key session is kept."), "{text}");
    assert!(text.contains("run again with --write"), "{text}");
    assert_eq!(std::fs::read_to_string(&path).expect("readable"), before);

    let out = runweek(&["replan", file, "--date", &wednesday.to_string(), "--write"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(text.contains("Wrote "), "{text}");
    let written = runweek::file::load(&path).expect("the written plan loads");
    let tempo = written
        .session(SessionId(12))
        .expect("the tempo is still there");
    assert_eq!(tempo.date, add_days(wednesday, 2));

    // Re-planned once, the week needs nothing more.
    let out = runweek(&["replan", file, "--date", &wednesday.to_string(), "--write"]);
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(text.contains("Nothing to change"), "{text}");
    assert!(text.contains("Nothing written"), "{text}");
}

#[test]
fn replan_of_a_missing_file_is_one_line() {
    let out = runweek(&["replan", "/nonexistent/plan.ron", "--date", "2026-11-25"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stderr).lines().count(), 1);
}

#[test]
fn shift_dates_moves_every_date_and_nothing_else() {
    assert_eq!(
        shift_dates(
            r#"(date: "2026-11-25", title: "x", blocked: ["2026-12-31"])"#,
            7
        ),
        r#"(date: "2026-12-02", title: "x", blocked: ["2027-01-07"])"#
    );
}

#[test]
fn a_rest_day_dropped_to_make_room_does_not_claim_no_day_had_room() {
    check(
        Case {
            week: "Mon Easy 40; Tue Intervals 60 key; Wed Easy 45; Thu Tempo 50; Fri Rest; \
                   Sat Easy 40; Sun Long 100 key",
            avail: "",
            today: "Tue",
            from: "Tue",
            limit: DayLimit::EasyOnly,
            missed: &[],
        },
        &[
            "Intervals moved Tue → Wed: today is a hold-back day",
            "Easy run moved Wed → Thu: makes room for the intervals moved to Wed",
            "Tempo moved Thu → Fri: Thu would follow the intervals on Wed",
            "Rest day dropped: makes room for the tempo moved to Fri",
        ],
        true,
    );
}

// ---------------------------------------------------------------------------------------
// Bounded work on any week: a budget, no recursion, no day past the calendar's end.
// ---------------------------------------------------------------------------------------

/// `n` sessions from Monday on, spread over the week in turn, with two key sessions, a
/// blocked Wednesday, odd minutes on the other days and a hold-back Monday: the kind of
/// week that made the search run for seconds and gigabytes.
fn crowded(n: usize, per_day_cap: bool) -> (Plan, ReplanRequest) {
    let kinds = [
        (Kind::Easy, 45),
        (Kind::Tempo, 50),
        (Kind::Strength, 25),
        (Kind::Intervals, 60),
        (Kind::Recovery, 30),
        (Kind::Cross, 40),
        (Kind::Hills, 50),
        (Kind::Easy, 35),
        (Kind::Long, 95),
    ];
    let sessions = (0..n)
        .map(|i| {
            let (k, minutes) = kinds[i % kinds.len()];
            let mut s = Session::new(
                SessionId(i as u64 + 1),
                add_days(MONDAY, (i % 7) as i64),
                k,
                Minutes::new(minutes).expect("minutes"),
            );
            s.key = i == 3 || i == 13;
            s
        })
        .collect();
    let mut a = Availability::default();
    if per_day_cap {
        a.blocked.insert(day("Wed"));
        for (d, m) in [
            (Weekday::Mon, 95),
            (Weekday::Tue, 130),
            (Weekday::Thu, 75),
            (Weekday::Fri, 140),
            (Weekday::Sat, 65),
            (Weekday::Sun, 170),
        ] {
            a.max_minutes.insert(d, m);
        }
    }
    let p = Plan::new(Settings::default(), a, sessions, Vec::new()).expect("plan");
    let request = ReplanRequest {
        limit: DayLimit::EasyOnly,
        ..ReplanRequest::new(MONDAY, MONDAY)
    };
    (p, request)
}

/// A full week of three sessions a day, as a runner with doubles plans it: a run each day
/// (intervals and the long run key, a tempo between), strength and cross-training beside.
const FULL_WEEK: &str = "lastSun Long 100 key done; \
    Mon Recovery 30, Strength 25, Cross 30; Tue Intervals 60 key, Easy 20, Strength 20; \
    Wed Easy 45, Cross 40, Strength 25; Thu Tempo 55, Easy 20, Strength 20; \
    Fri Recovery 30, Cross 30, Strength 25; Sat Easy 40, Strength 25, Cross 30; \
    Sun Long 110 key, Cross 20, Recovery 20; nextMon Rest";

#[test]
fn weeks_a_runner_really_plans_are_searched_to_the_end() {
    let mut slowest = (std::time::Duration::ZERO, String::new());
    let mut times = Vec::new();
    for avail in ["", "Wed 60; Fri 45", "Thu blocked; Sat 50"] {
        let p = plan(FULL_WEEK, avail);
        for from in ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] {
            for limit in [DayLimit::None, DayLimit::EasyOnly, DayLimit::RestOnly] {
                let request = ReplanRequest {
                    limit,
                    ..ReplanRequest::new(day(from), day(from))
                };
                let started = std::time::Instant::now();
                let proposal = replan(&p, &request, &ReplanRules::default());
                let took = started.elapsed();
                let what = format!("from {from}, {limit:?}, \"{avail}\"");
                assert!(proposal.optimal, "{what}");
                assert_eq!(proposal.optimality(), None);
                assert_legal(&p, &request, &proposal);
                // The figure to hold is under 1 ms in a release build (`cargo bench --bench
                // replan`); this debug build only guards against a runaway.
                assert!(took.as_millis() < 250, "{what}: {took:?}");
                times.push(took);
                if took > slowest.0 {
                    slowest = (took, what);
                }
            }
        }
    }
    times.sort();
    eprintln!(
        "full week of 21 sessions, {} re-plans: median {:?}, slowest {:?} ({})",
        times.len(),
        times[times.len() / 2],
        slowest.0,
        slowest.1
    );
}

#[test]
fn a_crowded_window_stops_at_the_budget_with_the_best_week_it_found() {
    for n in [36, 40] {
        let (p, request) = crowded(n, true);
        let started = std::time::Instant::now();
        let proposal = replan(&p, &request, &ReplanRules::default());
        let took = started.elapsed();
        eprintln!(
            "{n} sessions: {took:?}, optimal {}, {} changes",
            proposal.optimal,
            proposal.changes.len()
        );
        assert_legal(&p, &request, &proposal);
        assert_eq!(proposal.optimality().is_some(), !proposal.optimal);
        // Well under a second in a release build; a debug build is several times slower.
        assert!(took.as_secs_f64() < 3.0, "{n} sessions: {took:?}");
    }
}

#[test]
fn a_search_stopped_by_its_budget_says_so_and_still_keeps_the_rules() {
    let case = Case {
        week: BASE,
        avail: "",
        today: "Tue",
        from: "Tue",
        limit: DayLimit::EasyOnly,
        missed: &[],
    };
    let p = plan(case.week, case.avail);
    let request = request_for(&p, &case);
    let full = replan(&p, &request, &ReplanRules::default());
    assert!(full.optimal);
    let rules = ReplanRules {
        search_budget: 1,
        ..ReplanRules::default()
    };
    let hurried = replan(&p, &request, &rules);
    assert!(!hurried.optimal);
    assert_eq!(hurried.optimality(), Some(NOT_PROVEN));
    assert!(NOT_PROVEN.starts_with("Best found; not proven optimal"));
    assert_legal(&p, &request, &hurried);
    assert!(!hurried.score.is_better_than(&full.score));
}

#[test]
fn twenty_five_thousand_sessions_in_a_week_need_no_deep_stack() {
    let (p, request) = crowded(25_100, false);
    // A small stack: the search's depth is the number of sessions, which the file decides,
    // so it must live on the heap.
    let proposal = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || {
            let started = std::time::Instant::now();
            let proposal = replan(&p, &request, &ReplanRules::default());
            (proposal, started.elapsed())
        })
        .expect("thread")
        .join();
    let (proposal, took) = proposal.expect("no stack overflow, no panic");
    assert!(!proposal.optimal);
    assert!(proposal.is_empty());
    assert_eq!(
        proposal.message.as_deref(),
        Some(
            "This week holds 25100 sessions still to run; the re-planner weighs at most 200, \
             so it proposes no change."
        )
    );
    // A guard against a runaway (which took minutes), not a figure: alone it takes under a
    // second, but a loaded two-core machine running the other tests can more than double that.
    assert!(took.as_secs_f64() < 10.0, "{took:?}");
    // Just within the limit, the search itself runs on its own stack too.
    let (p, request) = crowded(MAX_SESSIONS, false);
    let proposal = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || replan(&p, &request, &ReplanRules::default()))
        .expect("thread")
        .join()
        .expect("no stack overflow, no panic");
    assert_eq!(proposal.message, None);
}

#[test]
fn near_the_end_of_the_calendar_no_day_past_it_is_proposed() {
    let last = runweek::core::day::LAST;
    // The week of the last day a plan may hold runs into 2200 (unless it ends on a Sunday).
    let week = Week::containing(last, runweek::core::settings::WeekStart::Monday);
    assert!(week.end() > last, "2199-12-31 is a {:?}", last.weekday());
    let mut key = Session::new(
        SessionId(1),
        last,
        Kind::Intervals,
        Minutes::new(60).expect("60"),
    );
    key.key = true;
    let tempo = Session::new(
        SessionId(2),
        add_days(last, -1),
        Kind::Tempo,
        Minutes::new(50).expect("50"),
    );
    let p = Plan::new(
        Settings::default(),
        Availability::default(),
        vec![tempo, key],
        Vec::new(),
    )
    .expect("plan");
    for from in [add_days(last, -1), last] {
        let request = ReplanRequest {
            limit: DayLimit::EasyOnly,
            ..ReplanRequest::new(from, from)
        };
        let proposal = replan(&p, &request, &ReplanRules::default());
        for c in &proposal.changes {
            assert!(c.to.is_none_or(|to| to <= last), "{c:?}");
        }
        let after = assert_legal(&p, &request, &proposal);
        let text = runweek::file::to_text(&after);
        assert_eq!(
            runweek::file::parse(&text).expect("the file can hold it"),
            after
        );
    }
}
