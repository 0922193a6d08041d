//! Looking back: what the runner did on each day with a Push, Hold back or Rest verdict,
//! what followed, how each kind of choice has tended to turn out, and whether the last weeks
//! show "stability with room to extend".
//!
//! The article closes the loop this way: "If pushing today makes tomorrow worse, it was
//! probably not the right call. If holding back today allows the next key session to be
//! stronger, it probably was." Everything here is read from the plan file (verdicts,
//! sessions as planned and as done, RPE); nothing is guessed, and the verdicts are the
//! shared ones ([`Assessments`]), never assessed a second way.
//!
//! # Definitions
//!
//! - **Decision day**: a day whose verdict is Push, Hold back or Rest, and whose training
//!   can be read: a day before `today`, or today once it has training and every session of
//!   it is logged (done or skipped).
//! - **The day's training**: its sessions of any kind but Rest. Planned load is the sum of
//!   their planned loads (minutes × planned RPE, every session, skipped ones too); done load
//!   the sum of the done ones' loads (logged minutes × logged RPE, the planned RPE when none
//!   was logged). A session not done by the end of its day counts as skipped. The plan file
//!   cannot tell a session planned ahead from one added after the run: both count as
//!   planned.
//! - **What the runner did** ([`Did`]), first match wins:
//!   - *Rested*: nothing done, and nothing but rest was planned (the plan already said rest,
//!     or a re-plan made it so);
//!   - *Skipped*: nothing done although training was planned;
//!   - *Extended*: done load above planned load by more than `review.as_planned_pct`
//!     (10 % by default);
//!   - *Held back*: done load below planned load by more than that share;
//!   - *As planned*: within it.
//!
//!   On a Hold back or Rest day, *Extended* or *As planned* read **Pushed through** when a
//!   hard session (Long, Tempo, Intervals, Hills, Race) was run or the day ran longer than
//!   planned by more than that share; *Extended* by effort alone (an easy run that felt
//!   harder than its planned RPE, no longer and nothing hard) reads *As planned*: the day
//!   stayed easy.
//! - **Followed the verdict**: Push → Extended. Hold back → Held back, Rested, Skipped, or
//!   As planned (no hard session was done and no more than planned: an easy day is what
//!   Hold back asks for). Rest → Rested or Skipped.
//! - **What followed**: the next two days' verdicts (`None` when not logged), and the next
//!   key session within [`NEXT_KEY_DAYS`] days after the decision day: done, skipped (or not
//!   logged by the end of its day) or still planned, with its logged RPE and its planned
//!   RPE as the file gives them.
//! - **A good next key session**: done, no more than `review.good_key_minutes_pct` (10 %)
//!   short of its planned minutes, at a logged RPE no more than `review.good_key_rpe_above`
//!   (1) above its planned RPE (the kind's usual RPE when the plan gives none). Without a
//!   logged RPE it cannot be told, and does not count as good.
//! - **Patterns** ([`patterns`]): on Hold back days, held back (followed) against pushed
//!   through; on Push days, extended against as planned. Each counts the decision days
//!   whose next key session has come and gone (done or skipped), and how many of those
//!   were followed by a good one. Below [`FEW`] the count is too few to tell.
//! - **Room to extend** ([`room_to_extend`]): over the `review.room_weeks` weeks (3) before
//!   the week, every week had at least [`MIN_CHECKS_PER_WEEK`] logged verdicts, all As
//!   planned or Push; the RPE of the easy and recovery runs done in those weeks was stable
//!   or falling (its least-squares line rises by less than [`EASY_RPE_RISE`] over the
//!   weeks, from at least three runs); each week's done load was no more than
//!   [`FLAT_LOAD_PCT`] % above the week before (and above zero); the week itself has no Hold
//!   back or Rest day so far; and fatigue is not carrying over, neither at the end of those
//!   weeks nor on the week's last day so far. It only says so: it never changes the plan.

use jiff::civil::Date;

use super::plan::Plan;
use super::session::{Done, Kind, Session, SessionId};
use super::settings::ReviewRules;
use super::verdict::{Assessments, Verdict, slope};
use super::week::{Week, add_days, days_between};

/// How far after a decision day its "next key session" is looked for.
pub const NEXT_KEY_DAYS: i64 = 14;
/// Below this many decisions with a known outcome a pattern is too few to tell.
pub const FEW: u32 = 5;
/// Logged verdicts each week needs before "Room to extend" reads it as steady.
pub const MIN_CHECKS_PER_WEEK: usize = 3;
/// The rise in easy-run RPE over the weeks (points of CR-10) still read as stable.
pub const EASY_RPE_RISE: f64 = 0.5;
/// The week-on-week rise in done load (percent) still read as flat.
pub const FLAT_LOAD_PCT: f64 = 5.0;

/// What the runner did on a decision day: see the module docs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Did {
    Extended,
    AsPlanned,
    HeldBack,
    Rested,
    PushedThrough,
    Skipped,
}

impl Did {
    /// The name in `runweek review --json`.
    pub fn key(self) -> &'static str {
        match self {
            Did::Extended => "Extended",
            Did::AsPlanned => "AsPlanned",
            Did::HeldBack => "HeldBack",
            Did::Rested => "Rested",
            Did::PushedThrough => "PushedThrough",
            Did::Skipped => "Skipped",
        }
    }
}

/// What became of the next key session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyStatus {
    Done,
    /// Skipped, or not logged by the end of its day.
    Skipped,
    /// Still to come.
    Planned,
}

impl KeyStatus {
    pub fn key(self) -> &'static str {
        match self {
            KeyStatus::Done => "done",
            KeyStatus::Skipped => "skipped",
            KeyStatus::Planned => "planned",
        }
    }
}

/// One session of a decision day, as planned and as run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ran {
    pub kind: Kind,
    pub planned_minutes: u16,
    pub planned_rpe: u8,
    /// Minutes and RPE as logged (the planned RPE when none was logged); `None` when not
    /// done.
    pub done: Option<(u16, u8)>,
    /// Marked skipped by the runner (a session neither done nor skipped was not logged).
    pub skipped: bool,
}

/// The next key session after a decision day.
#[derive(Debug, Clone, PartialEq)]
pub struct NextKey {
    pub date: Date,
    pub id: SessionId,
    pub kind: Kind,
    pub status: KeyStatus,
    pub planned_minutes: u16,
    /// Logged minutes, when done.
    pub minutes: Option<u16>,
    /// Logged RPE, when done and logged.
    pub rpe: Option<u8>,
    /// Planned RPE as the file gives it.
    pub planned_rpe: Option<u8>,
    /// Marked skipped by the runner; a [`KeyStatus::Skipped`] session without it was not
    /// logged by the end of its day.
    pub marked_skipped: bool,
    /// Done, not too short, at an RPE not too far above plan: see the module docs.
    pub good: bool,
}

/// One decision day and what followed it.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub date: Date,
    pub verdict: Verdict,
    pub did: Did,
    pub followed: bool,
    /// The day's training sessions (Rest kind left out), in grid order.
    pub sessions: Vec<Ran>,
    /// The verdicts of the next two days.
    pub next_days: [Option<Verdict>; 2],
    pub next_key: Option<NextKey>,
}

/// The decision days from `from` to `to` (both included), oldest first.
///
/// `verdicts` must cover `from..=to` and the two days after; days outside it read as not
/// logged.
pub fn decisions(
    plan: &Plan,
    verdicts: &Assessments,
    from: Date,
    to: Date,
    today: Date,
) -> Vec<Decision> {
    let rules = &plan.settings.review;
    verdicts
        .between(from, to)
        .iter()
        .filter_map(|a| {
            let verdict = a.verdict?;
            if verdict == Verdict::AsPlanned {
                return None;
            }
            decision(plan, verdicts, a.date, verdict, today, rules)
        })
        .collect()
}

/// Brings `all`, the decision days from `from` to `to` as [`decisions`] gave them, up to date
/// after a change to the days `changed` (first and last), `verdicts` being up to date and
/// `from`, `to` and `today` the same: only the days whose decision can read a changed day
/// or a verdict that changed with it are decided again. A day's decision reads its own
/// sessions, the verdicts of it and the next two days, and the key sessions of the
/// [`NEXT_KEY_DAYS`] after it; the verdicts change as far as [`Assessments::reach_days`]
/// after the last changed day.
pub fn update_decisions(
    all: &mut Vec<Decision>,
    plan: &Plan,
    verdicts: &Assessments,
    (from, to): (Date, Date),
    changed: (Date, Date),
    today: Date,
) {
    let reach = Assessments::reach_days(&plan.settings.verdict);
    let low = add_days(changed.0, -NEXT_KEY_DAYS.max(2)).max(from);
    let high = add_days(changed.1, reach).min(to);
    if high < low {
        return;
    }
    let start = all.partition_point(|d| d.date < low);
    let end = all.partition_point(|d| d.date <= high).max(start);
    all.splice(start..end, decisions(plan, verdicts, low, high, today));
}

fn decision(
    plan: &Plan,
    verdicts: &Assessments,
    date: Date,
    verdict: Verdict,
    today: Date,
    rules: &ReviewRules,
) -> Option<Decision> {
    let training: Vec<&Session> = plan
        .sessions_on(date)
        .iter()
        .filter(|s| s.kind != Kind::Rest)
        .collect();
    if date > today
        || (date == today && (training.is_empty() || training.iter().any(|s| s.done.is_none())))
    {
        return None;
    }
    let sessions: Vec<Ran> = training
        .iter()
        .map(|s| Ran {
            kind: s.kind,
            planned_minutes: s.minutes.get(),
            planned_rpe: s.planned_rpe(),
            done: match s.done {
                Some(Done::Done(run)) => Some((
                    run.minutes.get(),
                    run.rpe.map_or(s.planned_rpe(), |r| r.get()),
                )),
                _ => None,
            },
            skipped: s.is_skipped(),
        })
        .collect();
    let did = did(verdict, &training, rules);
    Some(Decision {
        date,
        verdict,
        did,
        followed: followed(verdict, did),
        sessions,
        next_days: [
            verdicts.verdict(add_days(date, 1)),
            verdicts.verdict(add_days(date, 2)),
        ],
        next_key: next_key(plan, date, today, rules),
    })
}

/// What the runner did with the day's training (sessions of any kind but Rest).
fn did(verdict: Verdict, training: &[&Session], rules: &ReviewRules) -> Did {
    let done: Vec<&&Session> = training.iter().filter(|s| s.is_done()).collect();
    if done.is_empty() {
        return if training.is_empty() {
            Did::Rested
        } else {
            Did::Skipped
        };
    }
    let planned: f64 = training.iter().map(|s| s.planned_load()).sum();
    let ran: f64 = done.iter().map(|s| s.done_load()).sum();
    let share = f64::from(rules.as_planned_pct) / 100.0;
    let base = if ran > planned * (1.0 + share) + 1e-9 {
        Did::Extended
    } else if ran < planned * (1.0 - share) - 1e-9 {
        Did::HeldBack
    } else {
        Did::AsPlanned
    };
    if !verdict.is_held_back() {
        return base;
    }
    let hard = done.iter().any(|s| s.kind.is_hard());
    let planned_minutes: f64 = training.iter().map(|s| f64::from(s.minutes.get())).sum();
    let ran_minutes: f64 = done
        .iter()
        .filter_map(|s| match s.done {
            Some(Done::Done(run)) => Some(f64::from(run.minutes.get())),
            _ => None,
        })
        .sum();
    let longer = ran_minutes > planned_minutes * (1.0 + share) + 1e-9;
    match base {
        Did::Extended | Did::AsPlanned if hard || longer => Did::PushedThrough,
        // Only the effort rose (an easy run that felt harder): still an easy day.
        Did::Extended => Did::AsPlanned,
        _ => base,
    }
}

/// Whether `did` is what `verdict` asked for: see the module docs.
pub fn followed(verdict: Verdict, did: Did) -> bool {
    match verdict {
        Verdict::Push => did == Did::Extended,
        Verdict::HoldBack => matches!(
            did,
            Did::HeldBack | Did::Rested | Did::Skipped | Did::AsPlanned
        ),
        Verdict::Rest => matches!(did, Did::Rested | Did::Skipped),
        Verdict::AsPlanned => true,
    }
}

/// The first key session after `date`, within [`NEXT_KEY_DAYS`].
fn next_key(plan: &Plan, date: Date, today: Date, rules: &ReviewRules) -> Option<NextKey> {
    let s = plan
        .sessions_between(add_days(date, 1), add_days(date, NEXT_KEY_DAYS))
        .iter()
        .find(|s| s.key)?;
    let (status, minutes, rpe) = match s.done {
        Some(Done::Done(run)) => (
            KeyStatus::Done,
            Some(run.minutes.get()),
            run.rpe.map(|r| r.get()),
        ),
        Some(Done::Skipped) => (KeyStatus::Skipped, None, None),
        None if s.date < today => (KeyStatus::Skipped, None, None),
        None => (KeyStatus::Planned, None, None),
    };
    let planned = u32::from(s.minutes.get());
    let long_enough = minutes.is_some_and(|m| {
        u32::from(m) * 100 >= planned * (100 - u32::from(rules.good_key_minutes_pct))
    });
    let easy_enough = rpe.is_some_and(|r| r <= s.planned_rpe() + rules.good_key_rpe_above);
    Some(NextKey {
        date: s.date,
        id: s.id,
        kind: s.kind,
        status,
        planned_minutes: s.minutes.get(),
        minutes,
        rpe,
        planned_rpe: s.rpe.map(|r| r.get()),
        marked_skipped: s.is_skipped(),
        good: status == KeyStatus::Done && long_enough && easy_enough,
    })
}

/// The two situations the patterns compare, with their two choices each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// On a Hold back day: held back (followed the verdict).
    HeldBack,
    /// On a Hold back day: pushed through.
    PushedThrough,
    /// On a Push day: extended.
    Extended,
    /// On a Push day: ran as planned.
    AsPlanned,
}

impl Choice {
    pub const ALL: [Choice; 4] = [
        Choice::HeldBack,
        Choice::PushedThrough,
        Choice::Extended,
        Choice::AsPlanned,
    ];

    /// The verdict of the day the choice was made on.
    pub fn situation(self) -> Verdict {
        match self {
            Choice::HeldBack | Choice::PushedThrough => Verdict::HoldBack,
            Choice::Extended | Choice::AsPlanned => Verdict::Push,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Choice::HeldBack => "Held back",
            Choice::PushedThrough => "Pushed through",
            Choice::Extended => "Extended",
            Choice::AsPlanned => "As planned",
        }
    }

    /// The choice a decision made, if it is one of these.
    pub fn of(d: &Decision) -> Option<Choice> {
        match (d.verdict, d.did) {
            (Verdict::HoldBack, Did::PushedThrough) => Some(Choice::PushedThrough),
            (Verdict::HoldBack, _) if d.followed => Some(Choice::HeldBack),
            (Verdict::Push, Did::Extended) => Some(Choice::Extended),
            (Verdict::Push, Did::AsPlanned) => Some(Choice::AsPlanned),
            _ => None,
        }
    }
}

/// How often one choice was followed by a good next key session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pattern {
    pub choice: Choice,
    /// Decisions of this kind whose next key session has come and gone.
    pub count: u32,
    /// How many of them were followed by a good next key session.
    pub good_next_key: u32,
}

impl Pattern {
    /// Below [`FEW`]: too few to tell.
    pub fn too_few(&self) -> bool {
        self.count < FEW
    }
}

/// The four patterns over `decisions`, in [`Choice::ALL`]'s order.
pub fn patterns(decisions: &[Decision]) -> [Pattern; 4] {
    let mut out = Choice::ALL.map(|choice| Pattern {
        choice,
        count: 0,
        good_next_key: 0,
    });
    for d in decisions {
        let Some(choice) = Choice::of(d) else {
            continue;
        };
        let Some(key) = d
            .next_key
            .as_ref()
            .filter(|k| k.status != KeyStatus::Planned)
        else {
            continue;
        };
        if let Some(p) = out.iter_mut().find(|p| p.choice == choice) {
            p.count += 1;
            p.good_next_key += u32::from(key.good);
        }
    }
    out
}

/// The evidence behind "Room to extend".
#[derive(Debug, Clone, PartialEq)]
pub struct RoomToExtend {
    /// The weeks read, oldest first.
    pub weeks: Vec<Week>,
    /// Logged verdicts in those weeks: all As planned or Push.
    pub checks: usize,
    /// The easy runs' RPE on the least-squares line at the start and the end of the weeks.
    pub easy_rpe: (f64, f64),
    /// Each week's done load, oldest first.
    pub loads: Vec<f64>,
    /// The share (percent) by which the plan lets weekly load grow: the Push suggestion's
    /// kind of change.
    pub growth_pct: u16,
}

/// "Room to extend" for `week`, read from the weeks before it: see the module docs.
///
/// `verdicts` must cover those weeks and `week` up to `today`.
pub fn room_to_extend(
    plan: &Plan,
    verdicts: &Assessments,
    week: Week,
    today: Date,
) -> Option<RoomToExtend> {
    let n = usize::from(plan.settings.review.room_weeks);
    let mut weeks = Vec::with_capacity(n);
    let mut w = week;
    for _ in 0..n {
        w = w.previous();
        weeks.push(w);
    }
    weeks.reverse();
    let (first, last) = (weeks.first()?.start(), weeks.last()?.end());
    if last >= today {
        return None;
    }
    let mut checks = 0;
    for w in &weeks {
        let logged: Vec<Verdict> = verdicts
            .between(w.start(), w.end())
            .iter()
            .filter_map(|a| a.verdict)
            .collect();
        if logged.len() < MIN_CHECKS_PER_WEEK || logged.iter().any(|v| v.is_held_back()) {
            return None;
        }
        checks += logged.len();
    }
    let so_far = week.end().min(today);
    let this_week = verdicts.between(week.start(), so_far);
    if this_week
        .iter()
        .any(|a| a.verdict.is_some_and(Verdict::is_held_back))
    {
        return None;
    }
    for day in [last, so_far] {
        if verdicts.get(day).is_none_or(|a| a.carry_over.is_some()) {
            return None;
        }
    }

    let points: Vec<(f64, f64)> = plan
        .sessions_between(first, last)
        .iter()
        .filter(|s| matches!(s.kind, Kind::Easy | Kind::Recovery))
        .filter_map(|s| match s.done {
            Some(Done::Done(run)) => run
                .rpe
                .map(|r| (days_between(first, s.date) as f64, f64::from(r.get()))),
            _ => None,
        })
        .collect();
    if points.len() < 3 {
        return None;
    }
    let k = slope(&points)?;
    let span = days_between(first, last) as f64;
    if k * span >= EASY_RPE_RISE {
        return None;
    }
    let mean_x = points.iter().map(|p| p.0).sum::<f64>() / points.len() as f64;
    let mean_y = points.iter().map(|p| p.1).sum::<f64>() / points.len() as f64;
    let at = |x: f64| mean_y + k * (x - mean_x);

    let loads: Vec<f64> = weeks
        .iter()
        .map(|w| {
            plan.sessions_between(w.start(), w.end())
                .iter()
                .map(Session::done_load)
                .sum()
        })
        .collect();
    if loads.iter().any(|&l| l <= 0.0)
        || loads
            .windows(2)
            .any(|p| p[1] > p[0] * (1.0 + FLAT_LOAD_PCT / 100.0) + 1e-9)
    {
        return None;
    }
    Some(RoomToExtend {
        weeks,
        checks,
        easy_rpe: (at(0.0), at(span)),
        loads,
        growth_pct: plan.settings.load_growth_pct,
    })
}

/// The days [`room_to_extend`] reads before a week, for sizing the verdicts it is given.
pub fn days_before(rules: &ReviewRules) -> i64 {
    7 * i64::from(rules.room_weeks)
}

/// A week's look back: its decision days and whether the weeks before it leave room to
/// extend. What the week view shows under the grid.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekReview {
    pub week: Week,
    pub decisions: Vec<Decision>,
    pub room: Option<RoomToExtend>,
}

/// The look back on `week` as of `today`. `verdicts` must cover the
/// [`days_before`] days before the week and the two days after it.
pub fn week_review(plan: &Plan, verdicts: &Assessments, week: Week, today: Date) -> WeekReview {
    WeekReview {
        week,
        decisions: decisions(plan, verdicts, week.start(), week.end(), today),
        room: room_to_extend(plan, verdicts, week, today),
    }
}
