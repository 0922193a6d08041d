//! Depth-first branch and bound over the move set.
//!
//! Every rule is monotone in the sessions placed so far: placing one more session can only
//! add minutes, hard days, key sessions and runs to a day, never take them away. So a rule
//! broken by a partial week stays broken, and an option that does not fit now never will.
//! That gives both the pruning of infeasible branches and the bound: the score so far plus,
//! for each session still to place, the best of its options that still fits on its own.
//! Options are sorted best first, so that is the first one that fits.
//!
//! Alone, that bound is loose in a crowded week, where many paths reach the same days in
//! the same shape (drop this easy run or that one, and the rest of the week sees the same
//! thing). So the search remembers, for each depth, the days as the rest of the search can
//! see them ([`State::key`]) and the best score that reached them; a later node that
//! arrives no better is cut, since the earlier one had the same completions and comes
//! first in the fixed order. (A tighter bound that paired clashing sessions cut fewer
//! nodes than it cost, with this table in place.)

use std::collections::HashMap;

use super::Score;
use super::problem::{LIMIT_DAY, MAX_WINDOW_DAYS, Opt, Problem};
use crate::core::replan::DayLimit;

/// What is on each day so far, fixed sessions included.
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    minutes: u32,
    hard: u16,
    keys: u16,
    runs: u16,
    rests: u16,
    others: u16,
    moved_in: u16,
}

pub(super) struct State<'a> {
    problem: &'a Problem,
    days: Vec<Tally>,
}

/// What the rest of the search can see of the window's days: exactly what [`State::fits`]
/// reads, and no more (minutes only where a day has a limit, counts only up to where they
/// decide something). Two nodes at the same depth with the same key have the same
/// completions.
type Key = (usize, [u32; MAX_WINDOW_DAYS]);

impl<'a> State<'a> {
    pub fn new(problem: &'a Problem) -> State<'a> {
        let days = problem
            .days
            .iter()
            .map(|d| Tally {
                minutes: 0,
                hard: u16::from(d.fixed_hard),
                keys: 0,
                runs: d.fixed_runs,
                rests: d.fixed_rests,
                others: d.fixed_others,
                moved_in: 0,
            })
            .collect();
        State { problem, days }
    }

    /// Whether `opt` can join what is placed without breaking a rule.
    pub fn fits(&self, opt: &Opt) -> bool {
        let Some(t) = opt.day else {
            return true;
        };
        let p = self.problem;
        let d = &self.days[t];
        if d.minutes + u32::from(opt.minutes) > p.days[t].cap {
            return false;
        }
        if t == LIMIT_DAY {
            match p.limit {
                DayLimit::EasyOnly if opt.hard => return false,
                DayLimit::RestOnly if !opt.rest => return false,
                _ => {}
            }
        }
        if opt.hard && !opt.key && p.buffer_day == Some(t) {
            return false;
        }
        // A day that is already hard changes no pair by taking another hard session.
        if opt.hard && d.hard == 0 {
            let before = &self.days[t - 1];
            let after = &self.days[t + 1];
            if before.hard > 0 || after.hard > 0 || after.keys > 0 || p.days[t + 1].fixed_key {
                return false;
            }
        }
        if opt.key && self.days[t - 1].hard > 0 {
            return false;
        }
        let moved_in = d.moved_in + u16::from(opt.moved);
        if moved_in > 0 {
            let runs = d.runs + u16::from(opt.run);
            let rests = d.rests + u16::from(opt.rest);
            let others = d.others + u16::from(!opt.rest);
            if runs > p.max_runs || (rests > 0 && others > 0) {
                return false;
            }
        }
        true
    }

    fn key(&self, i: usize) -> Key {
        let p = self.problem;
        let mut key = [0u32; MAX_WINDOW_DAYS];
        for (slot, d) in p.window().enumerate().take(MAX_WINDOW_DAYS) {
            let t = &self.days[d];
            let minutes = if p.days[d].cap == u32::MAX {
                0
            } else {
                t.minutes
            };
            let runs = u32::from(t.runs.min(p.max_runs + 1));
            key[slot] = minutes
                | u32::from(t.hard > 0) << 11
                | u32::from(t.keys > 0) << 12
                | u32::from(t.rests > 0) << 13
                | u32::from(t.others > 0) << 14
                | u32::from(t.moved_in > 0) << 15
                | runs << 16;
        }
        (i, key)
    }

    pub fn place(&mut self, opt: &Opt) {
        if let Some(t) = opt.day {
            let d = &mut self.days[t];
            d.minutes += u32::from(opt.minutes);
            d.hard += u16::from(opt.hard);
            d.keys += u16::from(opt.key);
            d.runs += u16::from(opt.run);
            d.rests += u16::from(opt.rest);
            d.others += u16::from(!opt.rest);
            d.moved_in += u16::from(opt.moved);
        }
    }

    pub fn unplace(&mut self, opt: &Opt) {
        if let Some(t) = opt.day {
            let d = &mut self.days[t];
            d.minutes -= u32::from(opt.minutes);
            d.hard -= u16::from(opt.hard);
            d.keys -= u16::from(opt.key);
            d.runs -= u16::from(opt.run);
            d.rests -= u16::from(opt.rest);
            d.others -= u16::from(!opt.rest);
            d.moved_in -= u16::from(opt.moved);
        }
    }
}

/// How much the search may do before it settles for the best week found so far.
///
/// A week a runner really plans (up to about 21 sessions, three a day) is searched to the
/// end well within this; a window stuffed with dozens of sessions on crowded days is not,
/// and would otherwise take seconds to minutes and gigabytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Budget {
    /// Options weighed (each "does this option fit here" is one), in the search and in
    /// its bound.
    pub work: u64,
    /// Entries in the table of days already reached; when it is full, no new ones are
    /// added (the table only prunes, so the result stays right, only slower).
    pub table: usize,
}

impl Default for Budget {
    fn default() -> Self {
        Budget {
            work: 4_000_000,
            table: 1 << 16,
        }
    }
}

/// The search's answer: an option per candidate, and whether it is proven the best.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Found {
    pub choice: Vec<usize>,
    /// `false` when the budget ran out first: the choice is the best week found, legal,
    /// but another may be better.
    pub optimal: bool,
}

struct Dfs<'a> {
    problem: &'a Problem,
    state: State<'a>,
    choice: Vec<usize>,
    score: Score,
    best: Option<(Score, Vec<usize>)>,
    /// The best score so far with which each key was reached.
    seen: HashMap<Key, Score>,
    budget: Budget,
    work: u64,
}

impl Dfs<'_> {
    fn fits(&mut self, opt: &Opt) -> bool {
        self.work += 1;
        self.state.fits(opt)
    }

    /// An upper bound on the score of any complete week below this node: the score so far
    /// plus each remaining session's best option that fits on its own. `None` when some
    /// session has no option left (never, as dropping always fits; kept total).
    fn bound(&mut self, i: usize) -> Option<Score> {
        let mut total = self.score;
        let problem = self.problem;
        for c in &problem.cands[i..] {
            let opt = c.options.iter().find(|o| self.fits(o))?;
            total.add(&opt.score);
        }
        Some(total)
    }

    /// Arrives at the node where candidates `..i` are placed: records a complete week, and
    /// says whether the node is worth expanding.
    fn arrive(&mut self, i: usize) -> bool {
        self.work += 1;
        if i == self.problem.cands.len() {
            if self
                .best
                .as_ref()
                .is_none_or(|(b, _)| self.score.is_better_than(b))
            {
                self.best = Some((self.score, self.choice.clone()));
            }
            return false;
        }
        // Reached before with a score at least as good: every completion from here was
        // already open to that earlier node, which also comes first in the fixed order.
        let key = self.state.key(i);
        let room = self.seen.len() < self.budget.table;
        match self.seen.get_mut(&key) {
            Some(seen) if !self.score.is_better_than(seen) => return false,
            Some(seen) => *seen = self.score,
            None if room => {
                self.seen.insert(key, self.score);
            }
            None => {}
        }
        if let Some((best, _)) = self.best {
            // Equal is not enough: the incumbent came first in the fixed order.
            match self.bound(i) {
                Some(bound) if bound.is_better_than(&best) => {}
                _ => return false,
            }
        }
        true
    }

    /// Depth-first over the options, with an explicit stack: its depth is the number of
    /// sessions, which the file decides, so it must not be the call stack's.
    fn run(&mut self) -> bool {
        let problem = self.problem;
        let cands = &problem.cands;
        if !self.arrive(0) {
            return true;
        }
        // For each open level, the next option to try there.
        let mut next: Vec<usize> = vec![0];
        while let Some(&from) = next.last() {
            if self.work > self.budget.work && self.best.is_some() {
                return false;
            }
            let i = next.len() - 1;
            let options = &cands[i].options;
            let mut k = from;
            while k < options.len() && !self.fits(&options[k]) {
                k += 1;
            }
            if k == options.len() {
                // Every option here is tried: back to the level above, undoing its choice.
                next.pop();
                if i > 0 {
                    let opt = &cands[i - 1].options[self.choice[i - 1]];
                    self.score.sub(&opt.score);
                    self.state.unplace(opt);
                }
                continue;
            }
            if let Some(top) = next.last_mut() {
                *top = k + 1;
            }
            let opt = &options[k];
            self.state.place(opt);
            self.score.add(&opt.score);
            self.choice[i] = k;
            if self.arrive(i + 1) {
                next.push(0);
            } else {
                self.score.sub(&opt.score);
                self.state.unplace(opt);
            }
        }
        true
    }
}

/// The optimal choice of option per candidate, the first in the fixed order among equals,
/// or the best found when the budget runs out.
pub(super) fn best(problem: &Problem, budget: Budget) -> Found {
    let mut dfs = Dfs {
        problem,
        state: State::new(problem),
        choice: vec![0; problem.cands.len()],
        score: Score::default(),
        best: None,
        seen: HashMap::new(),
        budget,
        work: 0,
    };
    let optimal = dfs.run();
    // Dropping every session always fits, so there is always a best: the first descent
    // reaches a complete week before the budget is looked at. The fallback only keeps this
    // function total.
    match dfs.best {
        Some((_, choice)) => Found { choice, optimal },
        None => Found {
            choice: problem.cands.iter().map(|c| c.stay).collect(),
            optimal: false,
        },
    }
}
