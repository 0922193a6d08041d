//! Merging two versions of a plan that grew apart from one base: the runner's changes in
//! the window, and another program's (a second computer through a synced folder, an
//! editor) in the file.
//!
//! A three-way merge against the version last read: each item that only one side changed
//! takes that side's change; an item both sides changed the same way is simply taken; only
//! an item both changed differently is a real conflict, for the runner to decide. Items are
//! sessions by id, readiness entries by day and moment, and each field of the settings and
//! the availability.
//!
//! Two sessions both sides added with the same id are no conflict: both are new, so both
//! are kept, the runner's under a fresh id.
//!
//! [`edits_between`] turns one plan into another as edits, so that a merge or a reload is
//! one undo step like any other change.

use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::Date;
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::edit::Edit;
use super::plan::Plan;
use super::readiness::{ReadinessEntry, When};
use super::session::{Session, SessionId};

/// Which side wins where both changed the same thing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The plan on screen.
    Mine,
    /// The file as the other program left it.
    Theirs,
}

/// One thing both sides changed, each in its own way. `None` on a side: it removed it.
#[derive(Debug, Clone, PartialEq)]
pub enum Clash {
    Session {
        id: SessionId,
        mine: Option<Session>,
        theirs: Option<Session>,
    },
    Readiness {
        date: Date,
        when: When,
        mine: Option<ReadinessEntry>,
        theirs: Option<ReadinessEntry>,
    },
    /// A field of the settings or the availability, by its name in the plan file.
    Setting {
        field: String,
        mine: String,
        theirs: String,
    },
}

/// The result of a three-way merge.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    /// What both sides changed differently; empty when the merge is clean.
    pub clashes: Vec<Clash>,
    mine_wins: Plan,
    theirs_wins: Plan,
}

impl Merged {
    /// The merged plan, with `side` taken wherever the two clash.
    pub fn plan(&self, side: Side) -> &Plan {
        match side {
            Side::Mine => &self.mine_wins,
            Side::Theirs => &self.theirs_wins,
        }
    }

    pub fn is_clean(&self) -> bool {
        self.clashes.is_empty()
    }
}

/// Merges `mine` and `theirs`, both grown from `base`.
pub fn merge(base: &Plan, mine: &Plan, theirs: &Plan) -> Merged {
    let mut clashes = Vec::new();
    let mine_wins = merge_with(base, mine, theirs, Side::Mine, &mut clashes);
    let theirs_wins = merge_with(base, mine, theirs, Side::Theirs, &mut Vec::new());
    Merged {
        clashes,
        mine_wins,
        theirs_wins,
    }
}

/// One item in three versions: which to keep, or `Err` when both changed it differently.
fn pick<'a, T: PartialEq>(
    base: Option<&'a T>,
    mine: Option<&'a T>,
    theirs: Option<&'a T>,
) -> Result<Option<&'a T>, ()> {
    if mine == theirs || base == theirs {
        Ok(mine)
    } else if base == mine {
        Ok(theirs)
    } else {
        Err(())
    }
}

fn merge_with(
    base: &Plan,
    mine: &Plan,
    theirs: &Plan,
    side: Side,
    clashes: &mut Vec<Clash>,
) -> Plan {
    let (settings, availability) = (
        merge_fields(
            &base.settings,
            &mine.settings,
            &theirs.settings,
            side,
            clashes,
        ),
        merge_fields(
            &base.availability,
            &mine.availability,
            &theirs.availability,
            side,
            clashes,
        ),
    );
    let sessions = merge_sessions(base, mine, theirs, side, clashes);
    let readiness = merge_readiness(base, mine, theirs, side, clashes);
    // Each part was valid on its own side; should the whole still be refused, the chosen
    // side is kept as it is rather than anything half-merged.
    Plan::new(settings, availability, sessions, readiness).unwrap_or_else(|_| match side {
        Side::Mine => mine.clone(),
        Side::Theirs => theirs.clone(),
    })
}

fn by_id(plan: &Plan) -> BTreeMap<SessionId, &Session> {
    plan.sessions().iter().map(|s| (s.id, s)).collect()
}

fn merge_sessions(
    base: &Plan,
    mine: &Plan,
    theirs: &Plan,
    side: Side,
    clashes: &mut Vec<Clash>,
) -> Vec<Session> {
    let (b, m, t) = (by_id(base), by_id(mine), by_id(theirs));
    let mut kept: BTreeMap<SessionId, Session> = BTreeMap::new();
    let mut renamed = Vec::new();
    let ids: BTreeSet<SessionId> = b.keys().chain(m.keys()).chain(t.keys()).copied().collect();
    for id in ids {
        let (bs, ms, ts) = (
            b.get(&id).copied(),
            m.get(&id).copied(),
            t.get(&id).copied(),
        );
        match pick(bs, ms, ts) {
            Ok(chosen) => {
                if let Some(s) = chosen {
                    kept.insert(id, s.clone());
                }
            }
            Err(()) if bs.is_none() => {
                // Both added a session under the same new id: both are new, keep both.
                if let (Some(ms), Some(ts)) = (ms, ts) {
                    kept.insert(id, ts.clone());
                    renamed.push(ms.clone());
                }
            }
            Err(()) => {
                if side == Side::Mine {
                    clashes.push(Clash::Session {
                        id,
                        mine: ms.cloned(),
                        theirs: ts.cloned(),
                    });
                }
                let chosen = match side {
                    Side::Mine => ms,
                    Side::Theirs => ts,
                };
                if let Some(s) = chosen {
                    kept.insert(id, s.clone());
                }
            }
        }
    }
    let next = [base, mine, theirs]
        .iter()
        .map(|p| p.next_id().0)
        .max()
        .unwrap_or(1);
    for (n, mut session) in (next..).zip(renamed) {
        session.id = SessionId(n);
        kept.insert(session.id, session);
    }
    // The grid's order within a day: theirs first as the file has it, then the rest in
    // the runner's order.
    let mut ordered = Vec::with_capacity(kept.len());
    for s in theirs.sessions().iter().chain(mine.sessions()) {
        if let Some(session) = kept.remove(&s.id) {
            ordered.push(session);
        }
    }
    ordered.extend(kept.into_values());
    ordered
}

fn merge_readiness(
    base: &Plan,
    mine: &Plan,
    theirs: &Plan,
    side: Side,
    clashes: &mut Vec<Clash>,
) -> Vec<ReadinessEntry> {
    let keyed = |p: &Plan| -> BTreeMap<(Date, When), ReadinessEntry> {
        p.readiness()
            .iter()
            .map(|r| ((r.date, r.when), r.clone()))
            .collect()
    };
    let (b, m, t) = (keyed(base), keyed(mine), keyed(theirs));
    let keys: BTreeSet<(Date, When)> = b.keys().chain(m.keys()).chain(t.keys()).copied().collect();
    let mut kept = Vec::new();
    for key in keys {
        let (be, me, te) = (b.get(&key), m.get(&key), t.get(&key));
        let chosen = match pick(be, me, te) {
            Ok(chosen) => chosen,
            Err(()) => {
                if side == Side::Mine {
                    clashes.push(Clash::Readiness {
                        date: key.0,
                        when: key.1,
                        mine: me.cloned(),
                        theirs: te.cloned(),
                    });
                }
                match side {
                    Side::Mine => me,
                    Side::Theirs => te,
                }
            }
        };
        kept.extend(chosen.cloned());
    }
    kept
}

/// Merges a settings-like struct field by field, through its plan-file form, so that a new
/// field is merged without anyone remembering to add it here.
fn merge_fields<T: Serialize + DeserializeOwned + Clone>(
    base: &T,
    mine: &T,
    theirs: &T,
    side: Side,
    clashes: &mut Vec<Clash>,
) -> T {
    let fallback = || match side {
        Side::Mine => mine.clone(),
        Side::Theirs => theirs.clone(),
    };
    let value = |x: &T| {
        serde_json::to_value(x)
            .ok()
            .and_then(|v| v.as_object().cloned())
    };
    let (Some(b), Some(m), Some(t)) = (value(base), value(mine), value(theirs)) else {
        return fallback();
    };
    let mut merged = serde_json::Map::new();
    let fields: BTreeSet<&String> = b.keys().chain(m.keys()).chain(t.keys()).collect();
    for field in fields {
        let (bv, mv, tv) = (b.get(field), m.get(field), t.get(field));
        let chosen = match pick(bv, mv, tv) {
            Ok(chosen) => chosen,
            Err(()) => {
                if side == Side::Mine {
                    let show = |v: Option<&serde_json::Value>| {
                        v.map_or_else(|| "—".to_owned(), ToString::to_string)
                    };
                    clashes.push(Clash::Setting {
                        field: field.clone(),
                        mine: show(mv),
                        theirs: show(tv),
                    });
                }
                match side {
                    Side::Mine => mv,
                    Side::Theirs => tv,
                }
            }
        };
        if let Some(v) = chosen {
            merged.insert(field.clone(), v.clone());
        }
    }
    serde_json::from_value(serde_json::Value::Object(merged)).unwrap_or_else(|_| fallback())
}

/// The edits that turn `from` into `to`, applied in order as one batch: removals, then
/// additions and changes, then moves that put each day's sessions in `to`'s order.
pub fn edits_between(from: &Plan, to: &Plan) -> Vec<Edit> {
    let mut edits = Vec::new();
    let (f, t) = (by_id(from), by_id(to));
    for id in f.keys().filter(|id| !t.contains_key(id)) {
        edits.push(Edit::RemoveSession(*id));
    }
    for (id, session) in &t {
        match f.get(id) {
            None => edits.push(Edit::AddSession((*session).clone())),
            Some(old) if old != session => edits.push(Edit::UpdateSession((*session).clone())),
            Some(_) => {}
        }
    }
    let keyed = |p: &Plan| -> BTreeMap<(Date, When), ReadinessEntry> {
        p.readiness()
            .iter()
            .map(|r| ((r.date, r.when), r.clone()))
            .collect()
    };
    let (fr, tr) = (keyed(from), keyed(to));
    for (date, when) in fr.keys().filter(|k| !tr.contains_key(k)) {
        edits.push(Edit::RemoveReadiness {
            date: *date,
            when: *when,
        });
    }
    for (key, entry) in &tr {
        if fr.get(key) != Some(entry) {
            edits.push(Edit::SetReadiness(entry.clone()));
        }
    }
    if from.settings != to.settings {
        edits.push(Edit::SetSettings(to.settings.clone()));
    }
    if from.availability != to.availability {
        edits.push(Edit::SetAvailability(to.availability.clone()));
    }
    // The order within each day: only the days whose order would differ get moves.
    let mut after = from.clone();
    if after.apply(Edit::Batch(edits.clone())).is_ok() {
        let days: BTreeSet<Date> = to.sessions().iter().map(|s| s.date).collect();
        for day in days {
            let want: Vec<SessionId> = to.sessions_on(day).iter().map(|s| s.id).collect();
            let have: Vec<SessionId> = after.sessions_on(day).iter().map(|s| s.id).collect();
            if want != have {
                for (index, id) in want.into_iter().enumerate() {
                    edits.push(Edit::MoveSession {
                        id,
                        to: day,
                        index: Some(index),
                    });
                }
            }
        }
    }
    edits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::units::Minutes;

    fn plan(sessions: Vec<Session>) -> Plan {
        Plan::new(Default::default(), Default::default(), sessions, Vec::new())
            .expect("a valid plan")
    }

    fn run(id: u64, day: i8, minutes: i64) -> Session {
        Session::new(
            SessionId(id),
            jiff::civil::date(2026, 11, day),
            crate::core::session::Kind::Easy,
            Minutes::new(minutes).expect("minutes"),
        )
    }

    #[test]
    fn changes_to_different_sessions_merge_cleanly() {
        let base = plan(vec![run(1, 23, 40), run(2, 24, 40)]);
        let mine = plan(vec![run(1, 23, 50), run(2, 24, 40)]);
        let theirs = plan(vec![run(1, 23, 40), run(2, 25, 40), run(3, 26, 30)]);
        let merged = merge(&base, &mine, &theirs);
        assert!(merged.is_clean());
        let expected = plan(vec![run(1, 23, 50), run(2, 25, 40), run(3, 26, 30)]);
        assert_eq!(*merged.plan(Side::Mine), expected);
        assert_eq!(*merged.plan(Side::Theirs), expected);
    }

    #[test]
    fn the_same_session_changed_differently_is_a_clash_with_both_sides() {
        let base = plan(vec![run(1, 23, 40)]);
        let mine = plan(vec![run(1, 23, 50)]);
        let theirs = plan(vec![run(1, 23, 60)]);
        let merged = merge(&base, &mine, &theirs);
        assert_eq!(
            merged.clashes,
            [Clash::Session {
                id: SessionId(1),
                mine: Some(run(1, 23, 50)),
                theirs: Some(run(1, 23, 60)),
            }]
        );
        assert_eq!(*merged.plan(Side::Mine), mine);
        assert_eq!(*merged.plan(Side::Theirs), theirs);
    }

    #[test]
    fn a_session_added_on_both_sides_under_one_id_is_kept_twice() {
        let base = plan(vec![run(1, 23, 40)]);
        let mine = plan(vec![run(1, 23, 40), run(2, 24, 30)]);
        let theirs = plan(vec![run(1, 23, 40), run(2, 25, 45)]);
        let merged = merge(&base, &mine, &theirs);
        assert!(merged.is_clean());
        let sessions = merged.plan(Side::Mine).sessions();
        assert_eq!(sessions.len(), 3);
        assert_eq!(
            merged.plan(Side::Mine).session(SessionId(2)),
            Some(&run(2, 25, 45))
        );
        assert_eq!(
            merged.plan(Side::Mine).session(SessionId(3)),
            Some(&run(3, 24, 30))
        );
    }

    #[test]
    fn settings_merge_field_by_field() {
        let base = plan(Vec::new());
        let mut mine = base.clone();
        mine.settings.fitness_days = 40;
        let mut theirs = base.clone();
        theirs.settings.fatigue_days = 9;
        let merged = merge(&base, &mine, &theirs);
        assert!(merged.is_clean());
        assert_eq!(merged.plan(Side::Mine).settings.fitness_days, 40);
        assert_eq!(merged.plan(Side::Mine).settings.fatigue_days, 9);

        theirs.settings.fitness_days = 28;
        let merged = merge(&base, &mine, &theirs);
        assert!(matches!(
            merged.clashes.as_slice(),
            [Clash::Setting { field, .. }] if field == "fitness_days"
        ));
    }

    #[test]
    fn the_edits_between_two_plans_turn_one_into_the_other_exactly() {
        let from = plan(vec![run(1, 23, 40), run(2, 23, 30), run(3, 24, 40)]);
        let mut to = plan(vec![run(2, 23, 30), run(1, 23, 45), run(4, 25, 20)]);
        to.settings.fitness_days = 40;
        let mut applied = from.clone();
        applied
            .apply(Edit::Batch(edits_between(&from, &to)))
            .expect("the edits apply");
        assert_eq!(applied, to);
        assert!(edits_between(&to, &to).is_empty());
    }
}
