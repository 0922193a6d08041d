//! Importing activities into a plan: which planned session each one fills, which are added,
//! which were imported before, as one edit.
//!
//! An activity matches the planned, not yet done session on its local date whose kind fits
//! its sport ([`fits`]), the one nearest in planned minutes (the first in the day's
//! order on a tie); a session takes at most one activity. A skipped session is not planned
//! any more: the runner said it did not happen, so a run that day is something else and is
//! added. An activity with no match is added to its day as a done session
//! ([`added_kind`]), titled from the sport.
//!
//! Each imported activity is remembered on its session by sport and start
//! ([`super::activity::ActivityRecord`]), so importing it again (or the same file twice in one import) is a
//! [`Action::Duplicate`] that changes nothing.
//!
//! Activities are placed in the order they started, so that two runs on one day meet the
//! day's sessions in the order they were run, whatever order the files were given in.

use std::collections::{HashMap, HashSet};

use jiff::civil::DateTime;

use super::activity::{Activity, Sport};
use super::edit::Edit;
use super::plan::Plan;
use super::session::{Done, DoneRun, Kind, Session, SessionId};
use super::units::{Bpm, Km, Minutes};

/// What importing one activity does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Fills this planned session: it becomes done with the activity's numbers.
    Matched(SessionId),
    /// Adds this new, done session.
    Added(SessionId),
    /// Was imported before, into this session: nothing changes.
    Duplicate(SessionId),
}

impl Action {
    /// The word the command line's JSON and the preview show.
    pub fn label(self) -> &'static str {
        match self {
            Action::Matched(_) => "Matched",
            Action::Added(_) => "Added",
            Action::Duplicate(_) => "Duplicate",
        }
    }

    pub fn session(self) -> SessionId {
        match self {
            Action::Matched(id) | Action::Added(id) | Action::Duplicate(id) => id,
        }
    }
}

/// A whole import, before it is applied: one outcome per activity (in the order given) and
/// the one edit that does them all, so that the import is one undo step.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPlan {
    /// Per activity: what happens to it, or why it cannot be imported (a date outside the
    /// years a plan holds), in which case the plan is not touched by it.
    pub outcomes: Vec<Result<Action, String>>,
    /// An [`Edit::Batch`], empty when nothing changes.
    pub edit: Edit,
}

impl ImportPlan {
    /// Whether applying it changes the plan.
    pub fn changes_anything(&self) -> bool {
        !matches!(&self.edit, Edit::Batch(edits) if edits.is_empty())
    }
}

/// Works out what importing `activities` into `plan` does. Pure: the plan is not touched;
/// apply [`ImportPlan::edit`] to do it.
pub fn plan_import(plan: &Plan, activities: &[Activity]) -> ImportPlan {
    let mut known: HashMap<(Sport, DateTime), SessionId> = plan
        .sessions()
        .iter()
        .filter_map(|s| Some((s.activity.as_ref()?.identity(), s.id)))
        .collect();
    let mut claimed: HashSet<SessionId> = HashSet::new();
    let mut next_id = plan.next_id().0;
    let mut outcomes: Vec<Result<Action, String>> = vec![Err(String::new()); activities.len()];
    let mut edits = Vec::new();

    let mut order: Vec<usize> = (0..activities.len()).collect();
    order.sort_by_key(|&i| activities[i].start);
    for i in order {
        let activity = &activities[i];
        let record = activity.record();
        if let Some(&id) = known.get(&record.identity()) {
            outcomes[i] = Ok(Action::Duplicate(id));
            continue;
        }
        let date = activity.start.date();
        if let Err(why) = super::day::check(date) {
            outcomes[i] = Err(format!("the activity's {why}"));
            continue;
        }
        let run = done_run(activity);
        let planned = plan
            .sessions_on(date)
            .iter()
            .filter(|s| s.done.is_none() && !claimed.contains(&s.id))
            .filter(|s| fits(activity.sport, s.kind))
            .min_by(|a, b| {
                let off = |s: &Session| (f64::from(s.minutes.get()) - activity.minutes).abs();
                off(a).total_cmp(&off(b))
            });
        let action = match planned {
            Some(session) => {
                let mut done = session.clone();
                done.done = Some(Done::Done(run));
                done.activity = Some(record);
                claimed.insert(session.id);
                edits.push(Edit::UpdateSession(done));
                Action::Matched(session.id)
            }
            None => {
                let id = SessionId(next_id);
                next_id += 1;
                let kind = added_kind(activity.sport, activity.minutes);
                let mut added = Session::new(id, date, kind, run.minutes);
                added.title = activity.sport.label().to_owned();
                added.distance_km = run.distance_km;
                added.done = Some(Done::Done(run));
                added.activity = Some(record);
                edits.push(Edit::AddSession(added));
                Action::Added(id)
            }
        };
        known.insert(record.identity(), action.session());
        outcomes[i] = Ok(action);
    }
    ImportPlan {
        outcomes,
        edit: Edit::Batch(edits),
    }
}

/// An unplanned run this long or longer is added as a Long run.
pub const LONG_RUN_MINUTES: f64 = 90.0;

/// Whether a planned session of `kind` is what an activity of `sport` would fill: a run
/// fills any running session, every other sport fills cross-training.
pub fn fits(sport: Sport, kind: Kind) -> bool {
    match sport {
        Sport::Run => matches!(
            kind,
            Kind::Recovery
                | Kind::Easy
                | Kind::Long
                | Kind::Tempo
                | Kind::Intervals
                | Kind::Hills
                | Kind::Race
        ),
        _ => kind == Kind::Cross,
    }
}

/// The kind of a session added for an activity that matched no planned one: a run is Easy,
/// or Long from [`LONG_RUN_MINUTES`]; any other sport is cross-training.
pub fn added_kind(sport: Sport, minutes: f64) -> Kind {
    match sport {
        Sport::Run if minutes >= LONG_RUN_MINUTES => Kind::Long,
        Sport::Run => Kind::Easy,
        _ => Kind::Cross,
    }
}

/// The numbers of a session as the activity ran it: whole minutes (at least one, so a short
/// file still makes a valid session; at most a day) and the values that fit their ranges.
fn done_run(activity: &Activity) -> DoneRun {
    let minutes = if activity.minutes.is_finite() {
        activity.minutes.round().clamp(1.0, f64::from(Minutes::MAX))
    } else {
        1.0
    };
    DoneRun {
        minutes: Minutes::new(minutes as i64).expect("clamped into the range of minutes"),
        distance_km: activity.distance_km.and_then(|km| Km::new(km).ok()),
        rpe: None,
        avg_hr: activity.hr.avg.and_then(|b| Bpm::new(i64::from(b)).ok()),
    }
}

/// The easy-effort HR the runner's own imported easy runs suggest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LearnedEasyHr {
    /// How many easy runs it was learned from.
    pub runs: usize,
    pub bpm: Bpm,
}

/// The most recent imported easy runs the learned easy HR reads.
pub const LEARN_FROM_RUNS: usize = 10;
/// The fewest imported easy runs the learned easy HR needs.
pub const LEARN_MIN_RUNS: usize = 5;

/// The median settled HR (minutes 10–15) of the last [`LEARN_FROM_RUNS`] imported easy runs
/// ([`Session::imported_easy_hr`]), once there are [`LEARN_MIN_RUNS`] of them. The median,
/// because one run on a hot day or with a loose strap should not move it.
///
/// Walks back from the end of the plan and stops at the tenth run, so ten years of history
/// cost no more than the last few weeks of easy running.
pub fn learned_easy_hr(plan: &Plan) -> Option<LearnedEasyHr> {
    let mut runs: Vec<(DateTime, u8)> = Vec::with_capacity(LEARN_FROM_RUNS);
    for session in plan.sessions().iter().rev() {
        if let (Some(hr), Some(record)) = (session.imported_easy_hr(), session.activity) {
            runs.push((record.start, hr.get()));
            if runs.len() == LEARN_FROM_RUNS {
                break;
            }
        }
    }
    if runs.len() < LEARN_MIN_RUNS {
        return None;
    }
    let mut hrs: Vec<u8> = runs.iter().map(|r| r.1).collect();
    hrs.sort_unstable();
    let mid = hrs.len() / 2;
    let median = if hrs.len().is_multiple_of(2) {
        (f64::from(hrs[mid - 1]) + f64::from(hrs[mid])) / 2.0
    } else {
        f64::from(hrs[mid])
    };
    Some(LearnedEasyHr {
        runs: hrs.len(),
        bpm: Bpm::new(median.round() as i64).ok()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_each_sport_fills() {
        assert!(fits(Sport::Run, Kind::Long));
        assert!(fits(Sport::Run, Kind::Recovery));
        assert!(!fits(Sport::Run, Kind::Cross));
        assert!(!fits(Sport::Run, Kind::Rest));
        assert!(fits(Sport::Ride, Kind::Cross));
        assert!(!fits(Sport::Ride, Kind::Easy));
        assert!(!fits(Sport::Walk, Kind::Strength));
        assert_eq!(added_kind(Sport::Run, 89.9), Kind::Easy);
        assert_eq!(added_kind(Sport::Run, 90.0), Kind::Long);
        assert_eq!(added_kind(Sport::Swim, 120.0), Kind::Cross);
    }
}
