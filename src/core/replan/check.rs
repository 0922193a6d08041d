//! The rules checked on a whole arrangement at once, and the brute force built on them.
//!
//! This is deliberately a second formulation of the rules: it tallies each day from scratch
//! and walks the rules one by one, where the search checks each placement incrementally.
//! The brute force uses this one, so a test holding the two optimal results equal also
//! holds the two formulations equal. The reasons use it too, to say which rule a change
//! keeps.

use super::DayLimit;
use super::Score;
use super::problem::{LIMIT_DAY, Opt, Problem};

/// One broken rule in an arrangement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Violation {
    /// A candidate on the hold-back or rest day is too hard for it.
    Limit { cand: usize },
    /// A hard session, not key, on the day after the hold-back or rest day.
    Buffer { cand: usize },
    /// More minutes than the day has.
    Over { day: usize },
    /// `hard_day` is hard and a key session is on the day after.
    BeforeKey { hard_day: usize, key_day: usize },
    /// `first` and the day after are both hard.
    HardAfterHard { first: usize },
    /// A day that received a moved session holds too many runs, or a rest day beside others.
    Crowded { day: usize },
}

impl Violation {
    /// Which rule a reason names first when several are broken.
    pub fn priority(self) -> u8 {
        match self {
            // The rules about the session's own effort say why a change started; being
            // displaced by a moved session says more than the minutes it would add.
            Violation::Limit { .. } => 0,
            Violation::Buffer { .. } => 1,
            Violation::BeforeKey { .. } => 2,
            Violation::HardAfterHard { .. } => 3,
            Violation::Crowded { .. } => 4,
            Violation::Over { .. } => 5,
        }
    }
}

#[derive(Debug, Clone, Copy, Default)]
struct DayTally {
    minutes: u32,
    hard: bool,
    cand_keys: u16,
    runs: u16,
    rests: u16,
    others: u16,
    moved_in: u16,
}

/// Per-day tallies, reused across arrangements by the brute force.
#[derive(Debug, Default)]
pub(super) struct Checker {
    days: Vec<DayTally>,
}

impl Checker {
    /// Calls `emit` with each broken rule of the arrangement `choice` (an option index per
    /// candidate) until it returns `false`.
    pub fn scan(&mut self, p: &Problem, choice: &[usize], emit: &mut dyn FnMut(Violation) -> bool) {
        self.days.clear();
        self.days.extend(p.days.iter().map(|d| DayTally {
            minutes: 0,
            hard: d.fixed_hard,
            cand_keys: 0,
            runs: d.fixed_runs,
            rests: d.fixed_rests,
            others: d.fixed_others,
            moved_in: 0,
        }));
        let placed = |c: usize| -> &Opt { &p.cands[c].options[choice[c]] };
        for c in 0..p.cands.len() {
            let opt = placed(c);
            let Some(t) = opt.day else { continue };
            let d = &mut self.days[t];
            d.minutes += u32::from(opt.minutes);
            d.hard |= opt.hard;
            d.cand_keys += u16::from(opt.key);
            d.runs += u16::from(opt.run);
            if opt.rest {
                d.rests += 1;
            } else {
                d.others += 1;
            }
            d.moved_in += u16::from(opt.moved);
        }

        for c in 0..p.cands.len() {
            let opt = placed(c);
            let Some(t) = opt.day else { continue };
            let too_much = match p.limit {
                DayLimit::None => false,
                DayLimit::EasyOnly => opt.kind.is_hard(),
                DayLimit::RestOnly => opt.kind != crate::core::session::Kind::Rest,
            };
            if t == LIMIT_DAY && too_much && !emit(Violation::Limit { cand: c }) {
                return;
            }
            if p.buffer_day == Some(t)
                && opt.kind.is_hard()
                && !opt.key
                && !emit(Violation::Buffer { cand: c })
            {
                return;
            }
        }
        for day in p.window() {
            if self.days[day].minutes > p.days[day].cap && !emit(Violation::Over { day }) {
                return;
            }
        }
        for key_day in 1..p.days.len() {
            let hard_day = key_day - 1;
            // A fixed key after a fixed hard day is the runner's own arrangement.
            let keyed = self.days[key_day].cand_keys > 0
                || (p.days[key_day].fixed_key && !p.days[hard_day].fixed_hard);
            if self.days[hard_day].hard
                && keyed
                && !emit(Violation::BeforeKey { hard_day, key_day })
            {
                return;
            }
        }
        for first in 0..p.days.len() - 1 {
            let both_fixed = p.days[first].fixed_hard && p.days[first + 1].fixed_hard;
            if self.days[first].hard
                && self.days[first + 1].hard
                && !both_fixed
                && !emit(Violation::HardAfterHard { first })
            {
                return;
            }
        }
        for day in p.window() {
            let d = &self.days[day];
            if d.moved_in > 0
                && (d.runs > p.max_runs || (d.rests > 0 && d.others > 0))
                && !emit(Violation::Crowded { day })
            {
                return;
            }
        }
    }

    pub fn is_legal(&mut self, p: &Problem, choice: &[usize]) -> bool {
        let mut legal = true;
        self.scan(p, choice, &mut |_| {
            legal = false;
            false
        });
        legal
    }

    pub fn all(&mut self, p: &Problem, choice: &[usize]) -> Vec<Violation> {
        let mut found = Vec::new();
        self.scan(p, choice, &mut |v| {
            found.push(v);
            true
        });
        found
    }
}

/// Every combination in order, the first strictly best kept: the same answer as the
/// search, found the slow way.
pub(super) fn brute_force(p: &Problem) -> Vec<usize> {
    let n = p.cands.len();
    let mut checker = Checker::default();
    let mut choice = vec![0; n];
    let mut best: Option<(Score, Vec<usize>)> = None;
    loop {
        if checker.is_legal(p, &choice) {
            let mut score = Score::default();
            for (c, &k) in choice.iter().enumerate() {
                score.add(&p.cands[c].options[k].score);
            }
            if best.as_ref().is_none_or(|(b, _)| score.is_better_than(b)) {
                best = Some((score, choice.clone()));
            }
        }
        // The last candidate turns fastest, as in the search's depth-first order.
        let mut i = n;
        loop {
            if i == 0 {
                return best.map_or_else(
                    || p.cands.iter().map(|c| c.stay).collect(),
                    |(_, choice)| choice,
                );
            }
            i -= 1;
            choice[i] += 1;
            if choice[i] < p.cands[i].options.len() {
                break;
            }
            choice[i] = 0;
        }
    }
}
