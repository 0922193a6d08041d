//! The look back in words: one line per decision day, the patterns with their counts, "Room
//! to extend" with its evidence, and the definitions behind them. The week review in the
//! window, "Your patterns" in the charts and `runweek review` all say these.

use crate::core::review::{
    Choice, Decision, Did, FEW, KeyStatus, NextKey, Pattern, Ran, RoomToExtend,
};
use crate::core::session::Kind;
use crate::core::settings::ReviewRules;
use crate::core::verdict::Verdict;
use crate::core::week::add_days;

use super::weekday;

/// A kind as a runner says it in a sentence: "tempo", "long run".
fn kind_word(kind: Kind) -> String {
    match kind {
        Kind::Long => "long run".to_owned(),
        other => other.label().to_lowercase(),
    }
}

/// What was run: "easy 40 min", "tempo 50 min + strength 25 min".
fn ran(sessions: &[Ran]) -> String {
    sessions
        .iter()
        .filter_map(|s| {
            s.done
                .map(|(m, _)| format!("{} {m} min", kind_word(s.kind)))
        })
        .collect::<Vec<_>>()
        .join(" + ")
}

/// What was run against what was planned: "easy 40 min instead of tempo" when sessions were
/// left out, else "tempo 35 min at RPE 5, planned 50 min at RPE 7".
fn against_plan(sessions: &[Ran]) -> String {
    let missing: Vec<String> = sessions
        .iter()
        .filter(|s| s.done.is_none())
        .map(|s| kind_word(s.kind))
        .collect();
    if !missing.is_empty() {
        return format!("{} instead of {}", ran(sessions), missing.join(" and "));
    }
    sessions
        .iter()
        .filter_map(|s| {
            let (m, r) = s.done?;
            Some(format!(
                "{} {m} min at RPE {r}, planned {} min at RPE {}",
                kind_word(s.kind),
                s.planned_minutes,
                s.planned_rpe
            ))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The planned sessions of a day nothing was run on: "the tempo", "the easy run".
fn skipped(sessions: &[Ran]) -> String {
    let kinds: Vec<String> = sessions
        .iter()
        .map(|s| match s.kind {
            Kind::Easy | Kind::Recovery => format!("{} run", s.kind.label().to_lowercase()),
            k => kind_word(k),
        })
        .collect();
    format!("the {}", kinds.join(" and the "))
}

/// What the runner did, in words that say the verdict where it matters: "held back (easy 40
/// min instead of tempo)", "pushed on a Hold back day (intervals 60 min)".
pub fn did_words(d: &Decision) -> String {
    let on = format!("on a {} day", d.verdict.label());
    match (d.verdict, d.did) {
        (Verdict::HoldBack, Did::HeldBack) => format!("held back ({})", against_plan(&d.sessions)),
        (Verdict::HoldBack, Did::AsPlanned) => {
            format!("kept the easy day as planned ({})", ran(&d.sessions))
        }
        (Verdict::Push, Did::Extended) => format!("extended ({})", against_plan(&d.sessions)),
        (Verdict::Push, Did::AsPlanned) => format!("ran as planned {on} ({})", ran(&d.sessions)),
        (Verdict::Push, Did::HeldBack) => {
            format!("held back {on} ({})", against_plan(&d.sessions))
        }
        (_, Did::PushedThrough) => format!("pushed {on} ({})", ran(&d.sessions)),
        (_, Did::Skipped) if d.sessions.iter().any(|s| !s.skipped) => {
            format!("nothing logged ({} planned)", skipped(&d.sessions))
        }
        (Verdict::Push, Did::Rested) => format!("rested {on}"),
        (Verdict::Push, Did::Skipped) => format!("skipped {} {on}", skipped(&d.sessions)),
        (_, Did::Rested) => "rested".to_owned(),
        (_, Did::Skipped) => format!("rested ({} skipped)", skipped(&d.sessions)),
        (_, Did::HeldBack | Did::AsPlanned | Did::Extended) => {
            format!("trained {on} ({})", ran(&d.sessions))
        }
    }
}

/// The next two days' verdicts: "Wed and Thu Hold back", "Wed As planned, Thu Push".
fn next_days(d: &Decision) -> Option<String> {
    let days: Vec<(String, Verdict)> = d
        .next_days
        .iter()
        .enumerate()
        .filter_map(|(i, v)| Some((weekday(add_days(d.date, i as i64 + 1)), (*v)?)))
        .collect();
    match days.as_slice() {
        [] => None,
        [(a, va), (b, vb)] if va == vb => Some(format!("{a} and {b} {}", va.label())),
        _ => Some(
            days.iter()
                .map(|(day, v)| format!("{day} {}", v.label()))
                .collect::<Vec<_>>()
                .join(", "),
        ),
    }
}

/// "Sat's key long run done as planned at RPE 6 (planned 6)".
pub fn next_key_words(key: &NextKey, rules: &ReviewRules) -> String {
    let head = format!("{}'s key {}", weekday(key.date), kind_word(key.kind));
    let rpe = match (key.rpe, key.planned_rpe) {
        (Some(r), Some(p)) => format!(" at RPE {r} (planned {p})"),
        (Some(r), None) => format!(" at RPE {r}"),
        (None, _) => " (no RPE logged)".to_owned(),
    };
    match key.status {
        KeyStatus::Planned => format!("{head} still to come"),
        KeyStatus::Skipped if key.marked_skipped => format!("{head} skipped"),
        KeyStatus::Skipped => format!("{head} not logged"),
        KeyStatus::Done if key.good => format!("{head} done as planned{rpe}"),
        KeyStatus::Done => {
            let planned = u32::from(key.planned_minutes);
            let done = u32::from(key.minutes.unwrap_or(0));
            let short = if done * 100 < planned * (100 - u32::from(rules.good_key_minutes_pct)) {
                format!(", {} min short,", planned - done)
            } else {
                String::new()
            };
            format!("{head} done{short}{rpe}")
        }
    }
}

/// One decision day on one line: "Thu: held back (easy 40 min instead of tempo) → Sat's key
/// long run done as planned at RPE 6 (planned 6)".
pub fn decision_line(d: &Decision, rules: &ReviewRules) -> String {
    let mut then: Vec<String> = next_days(d).into_iter().collect();
    if let Some(key) = &d.next_key {
        then.push(next_key_words(key, rules));
    }
    let then = if then.is_empty() {
        "nothing logged since".to_owned()
    } else {
        then.join("; ")
    };
    format!("{}: {} → {then}", weekday(d.date), did_words(d))
}

/// "On Hold back days" / "On Push days".
pub fn situation(choice: Choice) -> String {
    format!("On {} days", choice.situation().label())
}

/// The figure of one pattern, never more certain than its count: "none yet", "1 of 3: too
/// few to tell", "4 of 6 (67 %)".
pub fn pattern_figure(p: &Pattern) -> String {
    let (g, n) = (p.good_next_key, p.count);
    if n == 0 {
        "none yet".to_owned()
    } else if p.too_few() {
        format!("{g} of {n}: too few to tell")
    } else {
        format!("{g} of {n} ({:.0} %)", f64::from(g) * 100.0 / f64::from(n))
    }
}

/// "On Hold back days, held back: 4 of 6 (67 %) followed by a good next key session".
pub fn pattern_line(p: &Pattern) -> String {
    let tail = if p.count == 0 || p.too_few() {
        String::new()
    } else {
        " followed by a good next key session".to_owned()
    };
    format!(
        "{}, {}: {}{tail}",
        situation(p.choice),
        p.choice.label().to_lowercase(),
        pattern_figure(p)
    )
}

pub const ROOM_HEADLINE: &str = "Room to extend";

/// What "Room to extend" saw, in one sentence.
pub fn room_evidence(r: &RoomToExtend) -> String {
    let load = super::load;
    format!(
        "The last {} weeks: {} checks, all As planned or Push; easy runs at RPE {:.1} → {:.1}; \
         weekly load {} → {}.",
        r.weeks.len(),
        r.checks,
        r.easy_rpe.0,
        r.easy_rpe.1,
        r.loads.first().map_or_else(String::new, |&l| load(l)),
        r.loads.last().map_or_else(String::new, |&l| load(l)),
    )
}

/// The kind of change the Push suggestion makes, offered, never applied.
pub fn room_suggestion(r: &RoomToExtend) -> String {
    format!(
        "Stability with room to extend: if the week keeps feeling this steady, consider a longer \
         key session within the week's load, or letting next week's load grow by up to {} %. \
         Nothing changes unless you change it.",
        r.growth_pct
    )
}

/// The definitions behind the look back, with the thresholds in force: for "About these
/// numbers" and `runweek review --help`'s reader.
pub fn definitions(rules: &ReviewRules) -> Vec<(&'static str, String)> {
    vec![
        (
            "Decision day",
            "A day whose verdict is Push, Hold back or Rest, once its training can be read (a \
             past day, or today when every session is logged)."
                .to_owned(),
        ),
        (
            "What you did",
            format!(
                "The day's done load (logged minutes × RPE) against its planned load, sessions \
                 other than Rest: within {} % is as planned, above is extended, below is held \
                 back; nothing run is rested (rest was planned) or skipped. On a Hold back or \
                 Rest day, running a hard session (not held back) or longer than planned is \
                 pushing through.",
                rules.as_planned_pct
            ),
        ),
        (
            "Followed the verdict",
            "Push: extended. Hold back: held back, rested, or an easy day run as planned. Rest: \
             nothing run."
                .to_owned(),
        ),
        (
            "A good next key session",
            format!(
                "The first key session in the {} days after: done, no more than {} % short of \
                 its planned minutes, at a logged RPE no more than {} above plan.",
                crate::core::review::NEXT_KEY_DAYS,
                rules.good_key_minutes_pct,
                rules.good_key_rpe_above
            ),
        ),
        (
            "Your patterns",
            format!(
                "Counts only decision days whose next key session has come and gone; below {FEW} \
                 it says \"too few to tell\"."
            ),
        ),
        (
            "Room to extend",
            format!(
                "The {} weeks before: at least {} checks a week, all As planned or Push; easy-run \
                 RPE stable or falling (rising less than {} over the weeks); each week's load no \
                 more than {} % above the week before; no hold-back day this week, and fatigue \
                 not carrying over. A note only: it never changes the plan.",
                rules.room_weeks,
                crate::core::review::MIN_CHECKS_PER_WEEK,
                crate::core::review::EASY_RPE_RISE,
                crate::core::review::FLAT_LOAD_PCT
            ),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::session::SessionId;
    use jiff::civil::date;

    fn ran_as(kind: Kind, planned: (u16, u8), done: Option<(u16, u8)>) -> Ran {
        Ran {
            kind,
            planned_minutes: planned.0,
            planned_rpe: planned.1,
            done,
            skipped: done.is_none(),
        }
    }

    fn key(status: KeyStatus, minutes: Option<u16>, rpe: Option<u8>, good: bool) -> NextKey {
        NextKey {
            date: date(2026, 11, 28),
            id: SessionId(7),
            kind: Kind::Long,
            status,
            planned_minutes: 100,
            minutes,
            rpe,
            planned_rpe: Some(6),
            marked_skipped: false,
            good,
        }
    }

    #[test]
    fn a_decision_reads_as_one_line() {
        let rules = ReviewRules::default();
        let thu = Decision {
            date: date(2026, 11, 26),
            verdict: Verdict::HoldBack,
            did: Did::HeldBack,
            followed: true,
            sessions: vec![
                ran_as(Kind::Tempo, (50, 7), None),
                ran_as(Kind::Easy, (40, 3), Some((40, 3))),
            ],
            next_days: [None, None],
            next_key: Some(key(KeyStatus::Done, Some(100), Some(6), true)),
        };
        assert_eq!(
            decision_line(&thu, &rules),
            "Thu: held back (easy 40 min instead of tempo) → Sat's key long run done as \
             planned at RPE 6 (planned 6)"
        );
        let tue = Decision {
            date: date(2026, 11, 24),
            verdict: Verdict::HoldBack,
            did: Did::PushedThrough,
            followed: false,
            sessions: vec![ran_as(Kind::Intervals, (60, 8), Some((60, 8)))],
            next_days: [Some(Verdict::HoldBack), Some(Verdict::HoldBack)],
            next_key: Some(key(KeyStatus::Done, Some(80), Some(8), false)),
        };
        assert_eq!(
            decision_line(&tue, &rules),
            "Tue: pushed on a Hold back day (intervals 60 min) → Wed and Thu Hold back; Sat's \
             key long run done, 20 min short, at RPE 8 (planned 6)"
        );
        let quiet = Decision {
            next_days: [None, Some(Verdict::Push)],
            next_key: None,
            verdict: Verdict::Push,
            did: Did::Skipped,
            sessions: vec![ran_as(Kind::Intervals, (60, 8), None)],
            ..tue
        };
        assert_eq!(
            decision_line(&quiet, &rules),
            "Tue: skipped the intervals on a Push day → Thu Push"
        );
        let unlogged = Decision {
            sessions: vec![Ran {
                skipped: false,
                ..ran_as(Kind::Easy, (45, 3), None)
            }],
            verdict: Verdict::HoldBack,
            next_key: Some(NextKey {
                status: KeyStatus::Skipped,
                ..key(KeyStatus::Skipped, None, None, false)
            }),
            ..quiet.clone()
        };
        assert_eq!(
            decision_line(&unlogged, &rules),
            "Tue: nothing logged (the easy run planned) → Thu Push; Sat's key long run not \
             logged"
        );
    }

    #[test]
    fn a_pattern_is_never_more_certain_than_its_count() {
        let p = |count, good| Pattern {
            choice: Choice::HeldBack,
            count,
            good_next_key: good,
        };
        assert_eq!(
            pattern_line(&p(0, 0)),
            "On Hold back days, held back: none yet"
        );
        assert_eq!(
            pattern_line(&p(4, 3)),
            "On Hold back days, held back: 3 of 4: too few to tell"
        );
        assert_eq!(
            pattern_line(&p(6, 4)),
            "On Hold back days, held back: 4 of 6 (67 %) followed by a good next key session"
        );
    }
}
