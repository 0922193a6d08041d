//! The re-planner: when the body says hold back, the rest of the week bends without breaking.
//!
//! A bad day, a missed session or a hand-dragged week can leave the remaining days breaking
//! the week's rules. [`replan`] proposes the best week it can find from a day on: it never
//! changes the plan itself, it returns a [`Proposal`] — edits ready for one undoable
//! [`Edit::Batch`], one [`Change`] per touched session with a one-line reason in runner's
//! words, and the week as it would look.
//!
//! # The move set
//!
//! Each session still to run in the window, and each missed session the caller names, may
//! stay, move to another day of the window (full or shortened), be shortened in place, be
//! downgraded to an easy run (hard sessions only), or be dropped. A missed session may only
//! move to a later day. Done sessions and everything outside the window stay as they are.
//!
//! # The window
//!
//! From the day the re-plan starts from to the later of the end of its week and the next key
//! session still to run (the first one strictly after that day), but never more than
//! [`ReplanRules::reach_days`] days ahead: the last day is at most `from` + 7 by default, so a
//! key session on the same weekday next week is still reached, and a window holds at most
//! eight days ([`Window`], [`replan_window`]). A hold-back on Saturday before a key session on
//! Tuesday re-plans Saturday to Tuesday, so the days that protect that session are weighed
//! with it rather than left to whatever next week's first re-plan finds.
//!
//! # Hard constraints
//!
//! - Done sessions never move, and nothing moves onto a day before `today`.
//! - No two hard days in a row, counting the day before the window and the day after it.
//! - The day before a key session is easy or rest.
//! - Each day holds no more than its available minutes; a blocked date holds nothing.
//! - On a hold-back day the sessions of that day are easy; on a rest day they are rest. The
//!   day after either holds no hard session unless it is a key session, which the easier day
//!   is there to protect ([`ReplanRules::easy_day_after`]).
//! - A session moves only onto a day where it fits: at most [`ReplanRules::max_runs_per_day`]
//!   runs, and never beside a planned rest day. Days nothing moved onto are left as the
//!   runner planned them.
//! - On a rest day, or while fatigue is carrying over ([`ReplanRequest::carry_over`]), a hard
//!   session that is not key never moves closer to the next key session: it is downgraded,
//!   shortened or dropped instead ([`ReplanRules::ease_when_tired`]). A tired runner keeps the
//!   key session by making the other days easier, not by crowding hard work up to it.
//! - The planned load of the window does not grow: every option keeps or lowers a session's
//!   load, so this holds by construction (a missed session counts at its planned load).
//!
//! A rule already broken by sessions the planner may not touch (two done hard days in a row)
//! is no reason to refuse a proposal: such pairs are left alone.
//!
//! # The objective
//!
//! Lexicographic, see [`Score`]: keep every key session (on its day if possible, else the
//! nearest day), then keep as much planned load as possible, then change as little as
//! possible (fewest sessions touched, then fewest days moved). The search is a depth-first
//! branch and bound over the move set whose bound is exact for each session taken alone, so
//! the result is the optimum, not a guess. Among equally good weeks it returns the first in
//! a fixed order (sessions in plan order, key sessions first; each preferring to stay, then
//! the option that keeps more, then the later of two equally near days), so the same input
//! always gives the same proposal. [`replan_brute_force`] enumerates the same move set
//! without pruning; the tests hold the two equal.

mod bound;
mod check;
mod problem;
mod push;
mod search;
mod words;

use std::cmp::Ordering;
use std::fmt;

use jiff::civil::Date;

use super::edit::Edit;
use super::plan::Plan;
use super::session::{Kind, Session, SessionId};
use super::settings::{ReplanSettings, Settings};
use super::verdict::{self, Verdict};
use super::week::{Week, add_days, days_between};

pub use push::{PushSuggestion, suggest_push};

/// What the day the re-plan starts from may still hold, from that day's verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum DayLimit {
    /// No limit: the re-plan only repairs the rest of the week.
    #[default]
    None,
    /// Hold back: only easy sessions (easy, recovery, cross, strength or rest).
    EasyOnly,
    /// Rest: nothing but rest.
    RestOnly,
}

impl DayLimit {
    /// The limit a verdict sets: Hold back → easy only, Rest → rest only, otherwise none.
    pub fn from_verdict(verdict: Option<Verdict>) -> DayLimit {
        match verdict {
            Some(Verdict::HoldBack) => DayLimit::EasyOnly,
            Some(Verdict::Rest) => DayLimit::RestOnly,
            _ => DayLimit::None,
        }
    }
}

/// What to re-plan: from which day, what that day may hold, and which missed sessions to
/// place again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplanRequest {
    /// Nothing moves onto a day before this one.
    pub today: Date,
    /// The first day of the window; see [`Window`] for where it ends.
    pub from: Date,
    /// What `from` may hold.
    pub limit: DayLimit,
    /// Skipped sessions of the week to place again on a later day if the rules allow.
    /// Skipped sessions not named here stay skipped.
    pub missed: Vec<SessionId>,
    /// Whether `from` is a Push day: the proposal then carries a [`PushSuggestion`] when
    /// one fits.
    pub push: bool,
    /// Whether fatigue is carrying over on `from` (the verdict's week-level flag): hard
    /// sessions are then eased rather than moved closer to the key session, as on a rest
    /// day ([`ReplanRules::ease_when_tired`]).
    pub carry_over: bool,
}

impl ReplanRequest {
    /// A plain request: repair the rest of the week from `from`, with no day limit.
    pub fn new(today: Date, from: Date) -> ReplanRequest {
        ReplanRequest {
            today,
            from,
            limit: DayLimit::None,
            missed: Vec::new(),
            push: false,
            carry_over: false,
        }
    }

    /// The request a day's verdict calls for: its day limit, a push suggestion on a Push
    /// day, whether fatigue is carrying over on that day (read from the plan's verdicts, as
    /// the window's notices read it), and every skipped key session of the week to place
    /// again. Skipped sessions that are not key stay skipped: making up an easy run is rarely
    /// worth crowding the week.
    pub fn after_verdict(
        plan: &Plan,
        today: Date,
        from: Date,
        verdict: Option<Verdict>,
    ) -> ReplanRequest {
        let week = Week::containing(from, plan.settings.week_start);
        let missed = plan
            .sessions_between(week.start(), week.end())
            .iter()
            .filter(|s| s.key && s.is_skipped())
            .map(|s| s.id)
            .collect();
        ReplanRequest {
            today,
            from,
            limit: DayLimit::from_verdict(verdict),
            missed,
            push: verdict == Some(Verdict::Push),
            carry_over: verdict::carry_over(plan, from).is_some(),
        }
    }
}

/// The planner's knobs. The defaults are what the app uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplanRules {
    /// How many days a session may move, either way (7 = anywhere in the longest window).
    pub max_move_days: u8,
    /// The kind a hard session becomes when it is downgraded; `None` never downgrades.
    pub downgrade_to: Option<Kind>,
    /// A downgraded session keeps this share (percent) of its minutes, to the nearest 5.
    pub downgrade_pct: u8,
    /// Shares (percent) a session may be shortened to, besides cutting it to a day's
    /// available minutes.
    pub shorten_pct: Vec<u8>,
    /// A session is never shortened below this (and a shorter one never shortened).
    pub min_minutes: u16,
    /// A day that receives a moved session holds at most this many runs.
    pub max_runs_per_day: u8,
    /// The day after a hold-back or rest day holds no hard session other than a key one.
    pub easy_day_after: bool,
    /// On a Push day, the share (percent) by which the day's session may be extended.
    pub push_extend_pct: u8,
    /// How many options the search may weigh before it settles for the best week found so
    /// far ([`Proposal::optimal`] is then `false`). The default takes about 0.1 s at most on
    /// a desktop and is never reached by a week a runner really plans.
    pub search_budget: u64,
    /// How many days past `from` the window may reach for the next key session (0 to 7;
    /// more is read as 7). See [`Window`].
    pub reach_days: u8,
    /// On a rest day or while fatigue carries over, a hard session that is not key is
    /// eased instead of moved closer to the next key session.
    pub ease_when_tired: bool,
}

impl ReplanRules {
    /// The default rules with the runner's own settings from the plan file.
    pub fn for_settings(settings: &Settings) -> ReplanRules {
        let ReplanSettings {
            reach_days,
            ease_when_tired,
        } = settings.replan;
        ReplanRules {
            reach_days,
            ease_when_tired,
            ..ReplanRules::default()
        }
    }
}

impl Default for ReplanRules {
    fn default() -> Self {
        ReplanRules {
            max_move_days: 7,
            downgrade_to: Some(Kind::Easy),
            downgrade_pct: 75,
            shorten_pct: vec![75],
            min_minutes: 20,
            max_runs_per_day: 1,
            easy_day_after: true,
            push_extend_pct: 20,
            search_budget: search::Budget::default().work,
            reach_days: ReplanSettings::MAX_REACH_DAYS,
            ease_when_tired: true,
        }
    }
}

/// The days a re-plan may change: from its first day to the later of the end of that day's
/// week and the next key session, at most [`ReplanRules::reach_days`] ahead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Window {
    pub first: Date,
    pub last: Date,
    /// The last day of `first`'s week.
    pub week_end: Date,
    /// The day of the next key session still to run after `first`, if there is one (within
    /// the window or not): what "closer to the key session" is measured against.
    pub next_key: Option<Date>,
}

impl Window {
    /// Whether the window reaches past the end of its first day's week.
    pub fn crosses_week(&self) -> bool {
        self.last > self.week_end
    }

    pub fn contains(&self, date: Date) -> bool {
        self.first <= date && date <= self.last
    }

    /// The window's days in order.
    pub fn days(&self) -> impl Iterator<Item = Date> + use<> {
        let first = self.first;
        (0..=days_between(first, self.last)).map(move |i| add_days(first, i))
    }
}

/// The window a re-plan from `from` covers in `plan` (see [`Window`]).
pub fn replan_window(plan: &Plan, from: Date, rules: &ReplanRules) -> Window {
    let week_end = Week::containing(from, plan.settings.week_start).end();
    let sessions = plan.sessions();
    let after = sessions.partition_point(|s| s.date <= from);
    let next_key = sessions[after..]
        .iter()
        .find(|s| s.key && s.done.is_none())
        .map(|s| s.date);
    let reach = add_days(
        from,
        i64::from(rules.reach_days.min(ReplanSettings::MAX_REACH_DAYS)),
    );
    let last = match next_key {
        Some(key) if key > week_end && key <= reach => key,
        _ => week_end,
    };
    Window {
        first: from,
        last,
        week_end,
        next_key,
    }
}

/// What happened to a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// To another day (possibly shortened to fit it).
    Move,
    /// Became an easy session of the same day.
    Downgrade,
    /// Shorter, on the same day.
    Shorten,
    /// Taken out of the week.
    Drop,
}

impl Action {
    pub fn label(self) -> &'static str {
        match self {
            Action::Move => "Move",
            Action::Downgrade => "Downgrade",
            Action::Shorten => "Shorten",
            Action::Drop => "Drop",
        }
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// One touched session, for the preview and the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub id: SessionId,
    pub action: Action,
    /// The day the session was on.
    pub from: Date,
    /// The day it is on afterwards; `None` when dropped.
    pub to: Option<Date>,
    /// The kind afterwards (for a dropped session, the kind it had).
    pub kind: Kind,
    /// The minutes afterwards (for a dropped session, the minutes it had).
    pub minutes: u16,
    pub was_kind: Kind,
    pub was_minutes: u16,
    /// Whether the session was a key session.
    pub key: bool,
    /// The whole line, in runner's words: "Intervals moved Thu → Sat: Thu follows today's
    /// hold-back day".
    pub reason: String,
}

/// How good a proposal is, compared lexicographically in field order: more key sessions
/// kept, then fewer days key sessions moved, then more planned load kept, then fewer
/// sessions changed, then fewer days moved in all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Score {
    pub keys_kept: u32,
    pub key_days_moved: u32,
    /// Planned load (minutes × planned RPE) of the re-planned sessions that will be run.
    pub load_kept: u32,
    pub sessions_changed: u32,
    pub days_moved: u32,
}

impl Score {
    /// `Greater` when `self` is the better score.
    pub fn compare(&self, other: &Score) -> Ordering {
        self.keys_kept
            .cmp(&other.keys_kept)
            .then(other.key_days_moved.cmp(&self.key_days_moved))
            .then(self.load_kept.cmp(&other.load_kept))
            .then(other.sessions_changed.cmp(&self.sessions_changed))
            .then(other.days_moved.cmp(&self.days_moved))
    }

    pub fn is_better_than(&self, other: &Score) -> bool {
        self.compare(other) == Ordering::Greater
    }

    pub(crate) fn add(&mut self, other: &Score) {
        self.keys_kept += other.keys_kept;
        self.key_days_moved += other.key_days_moved;
        self.load_kept += other.load_kept;
        self.sessions_changed += other.sessions_changed;
        self.days_moved += other.days_moved;
    }

    pub(crate) fn sub(&mut self, other: &Score) {
        self.keys_kept -= other.keys_kept;
        self.key_days_moved -= other.key_days_moved;
        self.load_kept -= other.load_kept;
        self.sessions_changed -= other.sessions_changed;
        self.days_moved -= other.days_moved;
    }
}

/// A proposed re-plan. Nothing in the plan changes until the caller applies [`Proposal::batch`].
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    pub today: Date,
    pub from: Date,
    pub limit: DayLimit,
    /// One per touched session, in the order of the days they came from.
    pub changes: Vec<Change>,
    /// The edits that make the changes, in the same order.
    pub edits: Vec<Edit>,
    /// Whether every key session in the window (and every missed key session named) is kept.
    pub keeps_key: bool,
    /// Said plainly when a key session cannot be kept.
    pub message: Option<String>,
    /// The days the re-plan could change.
    pub window: Window,
    /// The whole week of `from` and every further day of the window, as they would be
    /// after the proposal, in grid order.
    pub week: Vec<Session>,
    pub score: Score,
    /// On a Push day: a longer session today, never applied by the proposal itself.
    pub push: Option<PushSuggestion>,
    /// Whether the proposal is proven the best week. `false` when the week held too many
    /// sessions to weigh every arrangement within [`ReplanRules::search_budget`]: the
    /// proposal is then the best legal week found; [`Proposal::optimality`] says so.
    pub optimal: bool,
}

/// What a proposal says when the search stopped at its budget.
pub const NOT_PROVEN: &str = "Best found; not proven optimal: this week holds too many sessions \
                              to weigh every arrangement.";

impl Proposal {
    /// Whether the week already fits and nothing would change.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// All edits as one, for one undo step.
    pub fn batch(&self) -> Edit {
        Edit::Batch(self.edits.clone())
    }

    /// The words to show beside the proposal when it is not proven the best week
    /// ([`NOT_PROVEN`]); `None` when it is.
    pub fn optimality(&self) -> Option<&'static str> {
        (!self.optimal).then_some(NOT_PROVEN)
    }

    /// The change to a session, if the proposal touches it.
    pub fn change(&self, id: SessionId) -> Option<&Change> {
        self.changes.iter().find(|c| c.id == id)
    }
}

/// Proposes the best re-plan of the rest of the week. Pure: the plan is only read.
///
/// See the module docs for the move set, the constraints and the objective.
pub fn replan(plan: &Plan, request: &ReplanRequest, rules: &ReplanRules) -> Proposal {
    let problem = problem::Problem::new(plan, request, rules);
    let n = problem.cands.len();
    if n > MAX_SESSIONS {
        // Even the words for a proposal grow with the square of the sessions; a window
        // like this is no week a runner planned, so it is left as it is, and said so.
        let stay: Vec<usize> = problem.cands.iter().map(|c| c.stay).collect();
        let mut proposal = words::proposal(plan, request, rules, &problem, &stay, false, &[]);
        proposal.message = Some(format!(
            "This week holds {n} sessions still to run; the re-planner weighs at most \
             {MAX_SESSIONS}, so it proposes no change."
        ));
        return proposal;
    }
    let budget = search::Budget {
        work: rules.search_budget,
        ..search::Budget::default()
    };
    let found = search::best(&problem, budget, None);
    // The week found keeps every rule without the tired one too, with the same score: the
    // search of that week need look at nothing worse.
    let mut reached = Score::default();
    for (c, &k) in problem.cands.iter().zip(&found.choice) {
        reached.add(&c.options[k].score);
    }
    let eased = eased(plan, request, rules, &problem, |free| {
        search::best(free, budget, Some(reached)).choice
    });
    words::proposal(
        plan,
        request,
        rules,
        &problem,
        &found.choice,
        found.optimal,
        &eased,
    )
}

/// The sessions (indices into the plan's sessions) that the week without the tired rule
/// would have moved nearer the key session: only their reasons say they were eased instead,
/// since only for them is it the truth. Empty, and nothing searched twice, when the rule
/// left no move out.
fn eased(
    plan: &Plan,
    request: &ReplanRequest,
    rules: &ReplanRules,
    problem: &problem::Problem,
    solve: impl Fn(&problem::Problem) -> Vec<usize>,
) -> Vec<usize> {
    let Some(key) = problem.ease_towards else {
        return Vec::new();
    };
    if problem.cands.iter().all(|c| c.barred.is_empty()) {
        return Vec::new();
    }
    let untired = ReplanRules {
        ease_when_tired: false,
        ..rules.clone()
    };
    let free = problem::Problem::new(plan, request, &untired);
    let choice = solve(&free);
    let near = |d: Date| days_between(d, key).unsigned_abs();
    free.cands
        .iter()
        .zip(choice)
        .filter(|(c, k)| {
            let o = &c.options[*k];
            o.act == problem::Act::Move
                && o.day
                    .is_some_and(|d| near(free.days[d].date) < near(c.origin))
        })
        .map(|(c, _)| c.index)
        .collect()
}

/// The most sessions a re-plan weighs at once (the window's sessions still to run and the
/// missed ones named); a full week of three a day is 21.
pub const MAX_SESSIONS: usize = 200;

/// The same optimum found by trying every combination of the move set, without pruning:
/// the reference the search is tested and measured against. Exponential; see
/// [`search_space`] before calling it.
pub fn replan_brute_force(plan: &Plan, request: &ReplanRequest, rules: &ReplanRules) -> Proposal {
    let problem = problem::Problem::new(plan, request, rules);
    let choice = check::brute_force(&problem);
    let eased = eased(plan, request, rules, &problem, check::brute_force);
    words::proposal(plan, request, rules, &problem, &choice, true, &eased)
}

/// How many combinations [`replan_brute_force`] would try (saturating).
pub fn search_space(plan: &Plan, request: &ReplanRequest, rules: &ReplanRules) -> u128 {
    problem::Problem::new(plan, request, rules).space()
}
