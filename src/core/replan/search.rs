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
//!
//! Neither sees that days which receive a moved session hold few runs, so that sessions
//! crowding the same days lose load together: in a full week with a blocked day, proving
//! the optimum took a quarter of a million options weighed. Where the per-session bound
//! does not cut a node high in the tree, [`Crowding`] tries a second bound that does see
//! it (an assignment of the sessions to the days' run slots, with a price on a limited
//! day's minutes); it costs a few hundred options, so it is weighed only while at least
//! [`CROWDING_FROM`] sessions are still to place, where a cut saves more than that — and,
//! once a search has shown itself long, down to [`DEEPER_FROM`].
//!
//! Pruning is weak until a good week is in hand, and in some weeks the fixed order
//! reaches the best one late. So on big weeks a first pass aims just below the second
//! bound's optimum at the root ([`AIM_FROM`]): it cuts every node whose bound is below that
//! aim. If it finds a week that reaches the aim, that week is the answer, exactly as the
//! plain search would give it: the aim was then no higher than the optimum, and no node on
//! the path to the first best week in the fixed order has a bound below the optimum. If
//! not, its best week is a floor for the full search. A floor cuts only bounds strictly
//! below it, never equal ones, since the week that reaches it may come later in the order;
//! the table's cut needs no change, as it holds whatever else was cut.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::Score;
use super::bound::{Crowding, Weights};
use super::problem::{LIMIT_DAY, MAX_WINDOW_DAYS, Opt, Problem, asks};
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
    /// Per day: the minutes still free, and what it refuses ([`asks`]); kept as sessions
    /// are placed, so that [`State::fits`] is a mask and a comparison.
    room: Vec<u32>,
    refuses: Vec<u16>,
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
        let mut state = State {
            problem,
            days,
            room: problem.days.iter().map(|d| d.cap).collect(),
            refuses: vec![0; problem.days.len()],
        };
        for t in problem.window() {
            state.refuses[t] = state.refuses(t);
        }
        state
    }

    /// Whether `opt` can join what is placed without breaking a rule.
    #[inline]
    pub fn fits(&self, opt: &Opt) -> bool {
        opt.day
            .is_none_or(|t| self.fits_on(t, opt.minutes, opt.asks))
    }

    /// Whether an option of `minutes` that asks `asks` ([`asks`]) fits on day `t`.
    #[inline]
    pub fn fits_on(&self, t: usize, minutes: u16, asks: u16) -> bool {
        u32::from(minutes) <= self.room[t] && asks & self.refuses[t] == 0
    }

    /// What day `t` refuses now ([`asks`]), by the rules [`State::fits_by_the_rules`]
    /// spells out.
    fn refuses(&self, t: usize) -> u16 {
        let p = self.problem;
        let d = &self.days[t];
        let mut no = 0;
        if t == LIMIT_DAY {
            match p.limit {
                DayLimit::EasyOnly => no |= asks::HARD,
                DayLimit::RestOnly => no |= asks::NOT_REST,
                DayLimit::None => {}
            }
        }
        if p.buffer_day == Some(t) {
            no |= asks::HARD_NOT_KEY;
        }
        // A day that is already hard changes no pair by taking another hard session.
        if d.hard == 0 {
            let before = &self.days[t - 1];
            let after = &self.days[t + 1];
            if before.hard > 0 || after.hard > 0 || after.keys > 0 || p.days[t + 1].fixed_key {
                no |= asks::HARD;
            }
        }
        if self.days[t - 1].hard > 0 {
            no |= asks::KEY;
        }
        // Once a session moves onto the day: at most its runs, and no rest beside
        // anything else.
        let mut moved = 0;
        if d.runs + 1 > p.max_runs {
            moved |= asks::MOVED_RUN;
        }
        if d.runs > p.max_runs {
            moved |= asks::MOVED_NOT_RUN;
        }
        if d.others > 0 {
            moved |= asks::MOVED_REST;
        }
        if d.rests > 0 {
            moved |= asks::MOVED_NOT_REST;
        }
        no |= moved;
        if d.moved_in > 0 {
            no |= moved << asks::STAYING;
        }
        no
    }

    /// Brings what day `t` refuses up to date after `opt` came or went there, and what its
    /// neighbours refuse when `opt` is hard or key (only those change theirs).
    fn changed(&mut self, t: usize, opt: &Opt) {
        let p = self.problem;
        self.room[t] = p.days[t].cap.saturating_sub(self.days[t].minutes);
        if opt.hard || opt.key {
            for u in t.saturating_sub(1).max(1)..=(t + 1).min(p.days.len() - 2) {
                self.refuses[u] = self.refuses(u);
            }
        } else {
            self.refuses[t] = self.refuses(t);
        }
    }

    /// [`State::fits`] as the rules say it, one by one.
    #[cfg(test)]
    pub fn fits_by_the_rules(&self, opt: &Opt) -> bool {
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

    /// Runs on day `d` so far, fixed sessions included.
    pub fn runs(&self, d: usize) -> u16 {
        self.days[d].runs
    }

    /// Minutes on day `d` so far.
    pub fn minutes(&self, d: usize) -> u32 {
        self.days[d].minutes
    }

    /// Whether a session has moved onto day `d`, so that it holds at most the day's runs.
    pub fn moved_in(&self, d: usize) -> bool {
        self.days[d].moved_in > 0
    }

    fn key(&self, i: usize, rooms: &Rooms) -> Key {
        let p = self.problem;
        let mut key = [0u32; MAX_WINDOW_DAYS];
        for (slot, d) in p.window().enumerate().take(MAX_WINDOW_DAYS) {
            let t = &self.days[d];
            let minutes = if p.days[d].cap == u32::MAX {
                0
            } else {
                rooms.seen_as(i, d, t.minutes)
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
            self.changed(t, opt);
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
            self.changed(t, opt);
        }
    }
}

/// The table's hasher. Its keys are a few words the search made itself, not input to
/// defend against, so a rotate and a multiply per word serve (as in rustc's own tables);
/// the default hasher took a tenth of the slowest searches.
#[derive(Default, Clone, Copy)]
struct WordHasher(u64);

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        // The multiply leaves its entropy high; the table picks buckets by the low bits.
        self.0 ^ self.0 >> 29
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            let mut w = [0; 8];
            w.copy_from_slice(word);
            self.add(u64::from_le_bytes(w));
        }
        for &b in words.remainder() {
            self.add(u64::from(b));
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

/// The minutes the sessions still to place could add to each day with a limit, as a set
/// per depth: two nodes whose free minutes on a day hold the same of these sums have the
/// same completions there, so the table of days reached may take them as one.
struct Rooms {
    /// Per day, where its sets start in a depth's stretch of `sums`, and how many words.
    at: Vec<Option<(usize, usize)>>,
    stride: usize,
    /// Bit `m` of a day's set: some choice of the sessions from that depth on puts exactly
    /// `m` minutes there.
    sums: Vec<u64>,
    caps: Vec<u32>,
}

/// Past this many minutes a day's sums are not kept (the key takes its free minutes as
/// they are).
const ROOMS_UP_TO: u32 = 64 * 32;

impl Rooms {
    fn new(problem: &Problem, merge: bool) -> Rooms {
        let n = problem.cands.len();
        let mut at = vec![None; problem.days.len()];
        let mut stride = 0;
        for d in problem.window() {
            let cap = problem.days[d].cap;
            if merge && cap < ROOMS_UP_TO {
                let words = cap as usize / 64 + 1;
                at[d] = Some((stride, words));
                stride += words;
            }
        }
        let mut sums = vec![0u64; (n + 1) * stride];
        for &(start, _) in at.iter().flatten() {
            sums[n * stride + start] = 1;
        }
        for i in (0..n).rev() {
            let (now, later) = sums.split_at_mut((i + 1) * stride);
            let now = &mut now[i * stride..];
            let later = &later[..stride];
            now.copy_from_slice(later);
            for o in &problem.cands[i].options {
                let Some((start, words)) = o.day.and_then(|d| at[d]) else {
                    continue;
                };
                let from = &later[start..start + words];
                let to = &mut now[start..start + words];
                let shift = usize::from(o.minutes);
                let (whole, part) = (shift / 64, shift % 64);
                for w in (whole..words).rev() {
                    let mut bits = from[w - whole] << part;
                    if part > 0 && w > whole {
                        bits |= from[w - whole - 1] >> (64 - part);
                    }
                    to[w] |= bits;
                }
            }
        }
        let caps = problem.days.iter().map(|d| d.cap).collect();
        Rooms {
            at,
            stride,
            sums,
            caps,
        }
    }

    /// The `minutes` on day `d` as the sessions from `i` on can tell them apart: by the
    /// most they could still add there without overfilling it (the minutes themselves on
    /// a day whose sums are not kept).
    fn seen_as(&self, i: usize, d: usize, minutes: u32) -> u32 {
        let Some((start, words)) = self.at[d] else {
            return minutes;
        };
        let set = &self.sums[i * self.stride + start..][..words];
        let room = (words * 64 - 1).min(self.caps[d].saturating_sub(minutes) as usize);
        let mut w = room / 64;
        let mut bits = set[w] & (u64::MAX >> (63 - room % 64));
        while bits == 0 && w > 0 {
            w -= 1;
            bits = set[w];
        }
        (w * 64 + 63 - bits.leading_zeros() as usize) as u32
    }
}

/// The first pass may use this share of the budget (one part in this many).
const AIM_SHARE: u64 = 16;

/// The first pass aims this share of a load unit below the relaxation's optimum (one part
/// in this many): close enough that the weeks it leaves open are few, far enough that it
/// reaches the optimum on the slowest full weeks of 21 sessions.
const AIM_BELOW: i128 = 16;

/// The first pass is tried on weeks of at least this many sessions; on smaller ones the
/// plain search is done before the pass would be (measured on the full week of 21
/// sessions, over every start day and day limit).
const AIM_FROM: usize = 16;

/// The room made in the table of days reached before a search of at least [`AIM_FROM`]
/// sessions starts: such searches reach thousands of entries, and growing the table as
/// they went cost the slowest of them a twentieth of their time.
const TABLE_AHEAD: usize = 4096;

/// Once the search has weighed this many options, it is a long one, and the second bound
/// is weighed down to [`DEEPER_FROM`] sessions still to place: in a week crowded onto
/// days with odd limits it cuts most of the nodes it is weighed at there, which the
/// short searches of most weeks do not repay. (Both measured in instructions per search
/// on the bench's weeks: the crowded week of 21 sessions wants the deeper bound from early
/// on, the full weeks of 21 lose little by it, and a full week of 14 is done before it.)
const DEEPER_AFTER: u64 = 10_000;
const DEEPER_FROM: usize = 6;

/// The second bound is weighed only while at least this many sessions are still to place.
/// Below it, the search of what is left costs less than the bound (measured on the full
/// week of 21 sessions: 12 weighed the fewest options in all, over every start day and
/// day limit).
const CROWDING_FROM: usize = 12;

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
    /// See [`CROWDING_FROM`]; the tests lower it to hold the second bound to the brute force.
    pub crowding_from: usize,
    /// See [`AIM_FROM`] and [`DEEPER_AFTER`]; the tests lower them to hold the first pass
    /// and the deeper bound to the brute force, and raise them to turn them off.
    pub aim_from: usize,
    pub deeper_after: u64,
    /// Whether the table takes free minutes that no session still to place can tell apart
    /// as one ([`Rooms`]).
    pub rooms: bool,
}

impl Default for Budget {
    fn default() -> Self {
        Budget {
            work: 4_000_000,
            table: 1 << 16,
            crowding_from: CROWDING_FROM,
            aim_from: AIM_FROM,
            deeper_after: DEEPER_AFTER,
            rooms: true,
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

/// Stands for "no floor": below any week's score.
const NO_FLOOR: i128 = i128::MIN / 4;

struct Dfs<'a> {
    problem: &'a Problem,
    state: State<'a>,
    choice: Vec<usize>,
    score: Score,
    best: Option<(Score, Vec<usize>)>,
    /// In [`Weights`]: a score the optimum is known (or, in the first pass, aimed) to
    /// reach, so that a node whose bound is below it is cut; [`NO_FLOOR`] when none is.
    floor: i128,
    /// Whether the budget may stop the search before it found a week: when one is in
    /// hand already, or in the first pass, which need not find one.
    stop_empty: bool,
    weights: Weights,
    rooms: Rooms,
    /// The best score so far with which each key was reached.
    seen: HashMap<Key, Score, BuildHasherDefault<WordHasher>>,
    /// The bound that sees crowded days; `None` on a week too wide for it, or to measure
    /// the search without it.
    crowding: Option<Crowding>,
    budget: Budget,
    work: u64,
}

impl<'a> Dfs<'a> {
    fn new(problem: &'a Problem, budget: Budget, crowding: Option<Crowding>) -> Dfs<'a> {
        Dfs {
            problem,
            state: State::new(problem),
            choice: vec![0; problem.cands.len()],
            score: Score::default(),
            best: None,
            floor: NO_FLOOR,
            stop_empty: false,
            weights: Weights::new(problem),
            rooms: Rooms::new(problem, budget.rooms),
            seen: HashMap::with_capacity_and_hasher(
                if problem.cands.len() >= AIM_FROM {
                    TABLE_AHEAD.min(budget.table)
                } else {
                    0
                },
                Default::default(),
            ),
            crowding,
            budget,
            work: 0,
        }
    }

    #[inline]
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
        let key = self.state.key(i, &self.rooms);
        let room = self.seen.len() < self.budget.table;
        match self.seen.get_mut(&key) {
            Some(seen) if !self.score.is_better_than(seen) => return false,
            Some(seen) => *seen = self.score,
            None if room => {
                self.seen.insert(key, self.score);
            }
            None => {}
        }
        let best = self.best.as_ref().map(|(b, _)| *b);
        if best.is_none() && self.floor == NO_FLOOR {
            return true;
        }
        // Equal to the incumbent is not enough: it came first in the fixed order. Equal to
        // the floor is: the week that reaches it may come later.
        match self.bound(i) {
            Some(bound)
                if best.is_none_or(|b| bound.is_better_than(&b))
                    && self.weights.of(&bound) >= self.floor => {}
            _ => return false,
        }
        let from = if self.work > self.budget.deeper_after {
            self.budget.crowding_from.min(DEEPER_FROM)
        } else {
            self.budget.crowding_from
        };
        let deep = self.problem.cands.len() - i < from;
        if let Some(crowding) = self.crowding.as_mut().filter(|_| !deep) {
            let beat = best.map_or(NO_FLOOR, |b| self.weights.of(&b));
            let need = beat.max(self.floor - 1) - self.weights.of(&self.score);
            if crowding.cuts(self.problem, &self.state, i, need, &mut self.work) {
                return false;
            }
        }
        true
    }

    /// Depth-first over the options, with an explicit stack: its depth is the number of
    /// sessions, which the file decides, so it must not be the call stack's. `false` when
    /// the budget ran out first.
    fn run(&mut self) -> bool {
        let problem = self.problem;
        let cands = &problem.cands;
        if !self.arrive(0) {
            return true;
        }
        // For each open level, the next option to try there.
        let mut next: Vec<usize> = vec![0];
        while let Some(&from) = next.last() {
            if self.work > self.budget.work {
                if self.best.is_some() || self.stop_empty {
                    return false;
                }
                // No week in hand: without the floor, the next descent reaches one.
                self.floor = NO_FLOOR;
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
///
/// `reached` is the score of a week known to be legal here (or `None`): no node below it
/// is expanded.
pub(super) fn best(problem: &Problem, budget: Budget, reached: Option<Score>) -> Found {
    best_with_work(problem, budget, true, reached).0
}

fn best_with_work(
    problem: &Problem,
    budget: Budget,
    crowded: bool,
    reached: Option<Score>,
) -> (Found, u64) {
    let mut work = 0;
    let weights = Weights::new(problem);
    // A legal week from the first pass, and the floor that any week known gives.
    let mut found: Option<(Score, Vec<usize>)> = None;
    let mut floor = reached.map_or(NO_FLOOR, |s| weights.of(&s));
    if crowded
        && problem.cands.len() >= budget.aim_from
        && let Some(mut crowding) = Crowding::new(problem)
    {
        // First pass: aim just below the relaxation's optimum, which is often within a
        // load unit of the real one. Reached, it is the answer; otherwise the best week
        // this pass found is a floor for the full search.
        let top = crowding.most(problem, &State::new(problem), 0, &mut work);
        let aim = top - weights.load / AIM_BELOW;
        if aim > floor {
            let first = Budget {
                work: budget.work / AIM_SHARE,
                ..budget
            };
            let mut dfs = Dfs::new(problem, first, Some(crowding));
            dfs.floor = aim;
            dfs.stop_empty = true;
            dfs.work = work;
            let done = dfs.run();
            work = dfs.work;
            if let Some((score, choice)) = dfs.best {
                let reached = weights.of(&score);
                if done && reached >= aim {
                    let found = Found {
                        choice,
                        optimal: true,
                    };
                    return (found, work);
                }
                floor = floor.max(reached);
                found = Some((score, choice));
            }
        }
    }
    let mut dfs = Dfs::new(problem, budget, Crowding::new(problem).filter(|_| crowded));
    dfs.floor = floor;
    dfs.stop_empty = found.is_some();
    dfs.work = work;
    let optimal = dfs.run();
    let work = dfs.work;
    // The full search prunes below the first pass's week, so when it stops early it may
    // not have reached that week's score yet.
    let choice = match (dfs.best, found) {
        (Some((score, choice)), Some((first, _))) if !first.is_better_than(&score) => choice,
        (Some((_, choice)), None) => choice,
        (_, Some((_, choice))) => choice,
        // Dropping every session always fits, so there is always a best: the first
        // descent reaches a complete week before the budget is looked at. The fallback
        // only keeps this function total.
        (None, None) => {
            return (
                Found {
                    choice: problem.cands.iter().map(|c| c.stay).collect(),
                    optimal: false,
                },
                work,
            );
        }
    };
    (Found { choice, optimal }, work)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::plan::{Availability, Plan, Weekday};
    use crate::core::replan::{DayLimit, ReplanRequest, ReplanRules};
    use crate::core::session::{Kind, Session, SessionId};
    use crate::core::settings::Settings;
    use crate::core::units::Minutes;
    use crate::core::week::add_days;
    use jiff::civil::{Date, date};

    const MONDAY: Date = date(2026, 11, 23);

    /// The test suite's full week of three sessions a day.
    fn full_week(avail: &[(i64, Option<u16>)]) -> Plan {
        let spec: [(i64, Kind, i64, bool, bool); 23] = [
            (-1, Kind::Long, 100, true, true),
            (0, Kind::Recovery, 30, false, false),
            (0, Kind::Strength, 25, false, false),
            (0, Kind::Cross, 30, false, false),
            (1, Kind::Intervals, 60, true, false),
            (1, Kind::Easy, 20, false, false),
            (1, Kind::Strength, 20, false, false),
            (2, Kind::Easy, 45, false, false),
            (2, Kind::Cross, 40, false, false),
            (2, Kind::Strength, 25, false, false),
            (3, Kind::Tempo, 55, false, false),
            (3, Kind::Easy, 20, false, false),
            (3, Kind::Strength, 20, false, false),
            (4, Kind::Recovery, 30, false, false),
            (4, Kind::Cross, 30, false, false),
            (4, Kind::Strength, 25, false, false),
            (5, Kind::Easy, 40, false, false),
            (5, Kind::Strength, 25, false, false),
            (5, Kind::Cross, 30, false, false),
            (6, Kind::Long, 110, true, false),
            (6, Kind::Cross, 20, false, false),
            (6, Kind::Recovery, 20, false, false),
            (7, Kind::Rest, 0, false, false),
        ];
        let sessions = spec
            .iter()
            .enumerate()
            .map(|(i, &(d, kind, minutes, key, done))| {
                let mut s = Session::new(
                    SessionId(i as u64 + 1),
                    add_days(MONDAY, d),
                    kind,
                    Minutes::new(minutes).expect("minutes"),
                );
                s.key = key;
                if done {
                    s.done = Some(crate::core::session::Done::Done(
                        crate::core::session::DoneRun {
                            minutes: s.minutes,
                            distance_km: None,
                            rpe: None,
                            avg_hr: None,
                        },
                    ));
                }
                s
            })
            .collect();
        let mut a = Availability::default();
        for &(d, m) in avail {
            match m {
                None => {
                    a.blocked.insert(add_days(MONDAY, d));
                }
                Some(m) => {
                    a.max_minutes.insert(Weekday::ALL[d as usize], m);
                }
            }
        }
        Plan::new(Settings::default(), a, sessions, Vec::new()).expect("plan")
    }

    /// Small weeks crowded onto few days, with limited and blocked days.
    fn crowded_problem() -> impl proptest::strategy::Strategy<Value = (Plan, ReplanRequest, u8)> {
        use proptest::prelude::*;
        let session = (2i64..7, 0usize..10, 4i64..=16, prop::bool::weighted(0.25));
        let cap = prop::sample::select(vec![None, Some(None), Some(Some(20u16)), Some(Some(45))]);
        (
            prop::collection::vec(session, 3..=8),
            prop::collection::vec(cap, 7),
            3i64..5,
            0usize..3,
            1u8..3,
        )
            .prop_map(|(sessions, caps, from, limit, max_runs)| {
                let sessions = sessions
                    .iter()
                    .enumerate()
                    .map(|(i, &(d, k, five, key))| {
                        let kind = Kind::ALL[k];
                        let minutes = if kind == Kind::Rest { 0 } else { five * 5 };
                        let mut s = Session::new(
                            SessionId(i as u64 + 1),
                            add_days(MONDAY, d),
                            kind,
                            Minutes::new(minutes).expect("minutes"),
                        );
                        s.key = key && kind != Kind::Rest;
                        s
                    })
                    .collect();
                let mut a = Availability::default();
                for (d, cap) in caps.iter().enumerate() {
                    match cap {
                        Some(None) => {
                            a.blocked.insert(add_days(MONDAY, d as i64));
                        }
                        Some(Some(m)) => {
                            a.max_minutes.insert(Weekday::ALL[d], *m);
                        }
                        None => {}
                    }
                }
                let plan = Plan::new(Settings::default(), a, sessions, Vec::new()).expect("plan");
                let day = add_days(MONDAY, from);
                let request = ReplanRequest {
                    limit: [DayLimit::None, DayLimit::EasyOnly, DayLimit::RestOnly][limit],
                    ..ReplanRequest::new(day, day)
                };
                (plan, request, max_runs)
            })
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config { cases: 200, ..Default::default() })]

        /// The second bound weighed at every node, where the default weighs it only high in
        /// big weeks: the same week as the brute force, tie-break included; and so with the
        /// shortcuts the default takes only on long searches.
        #[test]
        fn the_crowding_bound_keeps_the_brute_force_optimum((plan, request, max_runs) in crowded_problem()) {
            let rules = ReplanRules {
                max_runs_per_day: max_runs,
                ..ReplanRules::default()
            };
            let problem = Problem::new(&plan, &request, &rules);
            proptest::prop_assume!(problem.space() <= 40_000);
            let everywhere = Budget {
                crowding_from: 0,
                ..Budget::default()
            };
            let (found, _) = best_with_work(&problem, everywhere, true, None);
            proptest::prop_assert!(found.optimal);
            let brute = super::super::check::brute_force(&problem);
            proptest::prop_assert_eq!(&found.choice, &brute);
            // The first pass and the deeper bound on every week, and a search told of a
            // week it can reach.
            let shortcuts = Budget {
                aim_from: 0,
                deeper_after: 0,
                ..everywhere
            };
            let (found, _) = best_with_work(&problem, shortcuts, true, None);
            proptest::prop_assert!(found.optimal);
            proptest::prop_assert_eq!(&found.choice, &brute);
            let reached = score_of(&problem, &brute);
            let (found, _) = best_with_work(&problem, shortcuts, true, Some(reached));
            proptest::prop_assert!(found.optimal);
            proptest::prop_assert_eq!(&found.choice, &brute);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config { cases: 200, ..Default::default() })]

        /// What the days refuse, kept as sessions come and go, says what the rules say.
        #[test]
        fn the_days_refuse_what_the_rules_refuse(
            (plan, request, max_runs) in crowded_problem(),
            picks in proptest::collection::vec(0usize..64, 8),
        ) {
            let rules = ReplanRules {
                max_runs_per_day: max_runs,
                ..ReplanRules::default()
            };
            let problem = Problem::new(&plan, &request, &rules);
            let mut state = State::new(&problem);
            let agree = |state: &State| {
                problem.cands.iter().flat_map(|c| &c.options).all(|o| state.fits(o) == state.fits_by_the_rules(o))
            };
            let mut placed = Vec::new();
            for (c, pick) in problem.cands.iter().zip(&picks) {
                proptest::prop_assert!(agree(&state));
                let fitting: Vec<_> = c.options.iter().filter(|o| state.fits(o)).collect();
                let opt = fitting[pick % fitting.len()];
                state.place(opt);
                placed.push(opt);
            }
            // And on the way back.
            while let Some(opt) = placed.pop() {
                proptest::prop_assert!(agree(&state));
                state.unplace(opt);
            }
            proptest::prop_assert!(agree(&state));
        }
    }

    #[test]
    #[ignore = "prints the search's effort on the full week; run with --nocapture"]
    fn effort_on_the_full_week() {
        let avails: [&[(i64, Option<u16>)]; 3] = [
            &[],
            &[(2, Some(60)), (4, Some(45))],
            &[(3, None), (5, Some(50))],
        ];
        let mut rows = Vec::new();
        for (ai, avail) in avails.iter().enumerate() {
            let plan = full_week(avail);
            for from in 0..7 {
                for limit in [DayLimit::None, DayLimit::EasyOnly, DayLimit::RestOnly] {
                    let day = add_days(MONDAY, from);
                    let request = ReplanRequest {
                        limit,
                        ..ReplanRequest::new(day, day)
                    };
                    let problem = Problem::new(&plan, &request, &ReplanRules::default());
                    // The core names no clock: the effort is counted in options weighed
                    // (time it with `cargo bench --bench replan`).
                    let (without, before) =
                        best_with_work(&problem, Budget::default(), false, None);
                    let (with, after) = best_with_work(&problem, Budget::default(), true, None);
                    assert!(with.optimal && without.optimal);
                    assert_eq!(with.choice, without.choice);
                    rows.push((after, before, format!("avail {ai} from {from} {limit:?}")));
                }
            }
        }
        // At the root of the slowest ones: how far each bound is from the optimum.
        for (ai, from, limit) in [
            (2usize, 0i64, DayLimit::None),
            (1, 0, DayLimit::RestOnly),
            (0, 0, DayLimit::RestOnly),
        ] {
            let plan = full_week(avails[ai]);
            let day = add_days(MONDAY, from);
            let request = ReplanRequest {
                limit,
                ..ReplanRequest::new(day, day)
            };
            let problem = Problem::new(&plan, &request, &ReplanRules::default());
            let (found, _) = best_with_work(&problem, Budget::default(), true, None);
            let mut opt = Score::default();
            for (c, &k) in found.choice.iter().enumerate() {
                opt.add(&problem.cands[c].options[k].score);
            }
            let state = State::new(&problem);
            let mut crowding = Crowding::new(&problem).expect("a week of 21 sessions");
            let w = Weights::new(&problem);
            let mut work = 0;
            let mut lo = -(1i128 << 100);
            let mut hi = 1i128 << 100;
            while hi - lo > 1 {
                let mid = lo + (hi - lo) / 2;
                if crowding.cuts(&problem, &state, 0, mid, &mut work) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            let global = hi;
            let mut cheap = Score::default();
            for c in &problem.cands {
                cheap.add(&c.options.iter().find(|o| state.fits(o)).unwrap().score);
            }
            eprintln!(
                "avail {ai} from {from} {limit:?}: optimum {opt:?}\n  cheap {cheap:?}\n  \
                 global - optimum = {} load units",
                (global - w.of(&opt)) as f64 / w.load as f64
            );
            for (c, &k) in found.choice.iter().enumerate() {
                let cand = &problem.cands[c];
                let o = &cand.options[k];
                eprintln!(
                    "  {:?} {} {:?} -> {:?} {:?} {}",
                    cand.origin,
                    cand.options[cand.stay].kind.label(),
                    o.act,
                    o.day.map(|d| problem.days[d].date),
                    o.kind,
                    o.minutes
                );
            }
        }
        rows.sort();
        for (after, before, what) in &rows {
            eprintln!("options weighed: before {before:>7}, after {after:>7}  {what}");
        }
        let before: u64 = rows.iter().map(|r| r.1).sum();
        let after: u64 = rows.iter().map(|r| r.0).sum();
        eprintln!("in all: before {before}, after {after}");
    }

    /// The bench's crowded week: `n` sessions spread over the week in turn, two key
    /// sessions, a blocked Wednesday and odd minutes on the other days.
    fn crowded_week(n: usize) -> Plan {
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
                let (kind, minutes) = kinds[i % kinds.len()];
                let mut s = Session::new(
                    SessionId(i as u64 + 1),
                    add_days(MONDAY, (i % 7) as i64),
                    kind,
                    Minutes::new(minutes).expect("minutes"),
                );
                s.key = i == 3 || i == 13;
                s
            })
            .collect();
        let mut a = Availability::default();
        a.blocked.insert(add_days(MONDAY, 2));
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
        Plan::new(Settings::default(), a, sessions, Vec::new()).expect("plan")
    }

    #[test]
    #[ignore = "prints the search's effort on the bench's slowest weeks; run with --nocapture"]
    fn effort_on_the_slowest_weeks() {
        let weeks = [
            ("crowded 21", crowded_week(21), monday(DayLimit::EasyOnly)),
            ("crowded 36", crowded_week(36), monday(DayLimit::EasyOnly)),
            ("crowded 40", crowded_week(40), monday(DayLimit::EasyOnly)),
            (
                "worst_21_sessions",
                full_week(&[(3, None), (5, Some(50))]),
                monday(DayLimit::None),
            ),
            (
                "worst_21_sessions_rest_day",
                full_week(&[(2, Some(60)), (4, Some(45))]),
                monday(DayLimit::RestOnly),
            ),
        ];
        for (what, plan, request) in &weeks {
            let problem = Problem::new(plan, request, &ReplanRules::default());
            let (found, work) = best_with_work(&problem, Budget::default(), true, None);
            // Where the first pass aims from: how far the second bound is, at the root, from
            // the week found (a wide gap leaves the whole proof to the full search).
            let weights = Weights::new(&problem);
            let mut crowding = Crowding::new(&problem).expect("a week of 21 sessions");
            let mut spent = 0;
            let top = crowding.most(&problem, &State::new(&problem), 0, &mut spent);
            let gap = top - weights.of(&score_of(&problem, &found.choice));
            eprintln!(
                "{what}: {} sessions, options weighed {work}, optimal {}, root bound {:.3} \
                 load units above",
                problem.cands.len(),
                found.optimal,
                gap as f64 / weights.load as f64
            );
            // As `replan` does on a tired day: the week without the tired rule, searched
            // from the score of the week with it.
            if problem.ease_towards.is_some() {
                let untired = ReplanRules {
                    ease_when_tired: false,
                    ..ReplanRules::default()
                };
                let free = Problem::new(plan, request, &untired);
                let reached = score_of(&problem, &found.choice);
                let (eased, work) = best_with_work(&free, Budget::default(), true, Some(reached));
                eprintln!(
                    "  without the tired rule: options weighed {work}, optimal {}",
                    eased.optimal
                );
            }
        }
    }

    #[test]
    fn a_week_too_wide_for_the_second_bound_is_searched_without_it() {
        for n in [21, 36, 40] {
            let problem = Problem::new(
                &crowded_week(n),
                &monday(DayLimit::EasyOnly),
                &ReplanRules::default(),
            );
            assert!(Crowding::new(&problem).is_some(), "{n} sessions");
        }
        let plan = crowded_week(crate::core::replan::MAX_SESSIONS);
        let problem = Problem::new(&plan, &monday(DayLimit::EasyOnly), &ReplanRules::default());
        assert!(Crowding::new(&problem).is_none());
        let budget = Budget {
            work: 100_000,
            ..Budget::default()
        };
        let found = best(&problem, budget, None);
        // Still a legal week: each choice fits beside the ones before it.
        let mut state = State::new(&problem);
        for (c, &k) in problem.cands.iter().zip(&found.choice) {
            assert!(state.fits(&c.options[k]));
            state.place(&c.options[k]);
        }
    }

    /// A re-plan from Monday with today's `limit`, as the bench's slowest weeks ask.
    fn monday(limit: DayLimit) -> ReplanRequest {
        ReplanRequest {
            limit,
            ..ReplanRequest::new(MONDAY, MONDAY)
        }
    }

    /// The search with none of its shortcuts: too slow on these weeks for the brute force,
    /// it is what the shortcuts are held to.
    fn plain() -> Budget {
        Budget {
            aim_from: usize::MAX,
            deeper_after: u64::MAX,
            rooms: false,
            ..Budget::default()
        }
    }

    fn score_of(problem: &Problem, choice: &[usize]) -> Score {
        let mut score = Score::default();
        for (c, &k) in problem.cands.iter().zip(choice) {
            score.add(&c.options[k].score);
        }
        score
    }

    #[test]
    fn the_slowest_weeks_of_21_sessions_are_searched_to_the_end_to_the_same_week() {
        let weeks = [
            ("crowded", crowded_week(21), monday(DayLimit::EasyOnly)),
            (
                "rest day",
                full_week(&[(2, Some(60)), (4, Some(45))]),
                monday(DayLimit::RestOnly),
            ),
            (
                "blocked Thursday",
                full_week(&[(3, None), (5, Some(50))]),
                monday(DayLimit::None),
            ),
        ];
        for (what, plan, request) in &weeks {
            let rules = ReplanRules::default();
            let problem = Problem::new(plan, request, &rules);
            assert_eq!(problem.cands.len(), 21, "{what}");
            let found = best(&problem, Budget::default(), None);
            let (slow, _) = best_with_work(&problem, plain(), true, None);
            assert!(found.optimal && slow.optimal, "{what}");
            assert_eq!(found.choice, slow.choice, "{what}");
            // The week without the tired rule, searched from the score of the week with it.
            let untired = ReplanRules {
                ease_when_tired: false,
                ..rules
            };
            let free = Problem::new(plan, request, &untired);
            let reached = score_of(&problem, &found.choice);
            let eased = best(&free, Budget::default(), Some(reached));
            let (slow, _) = best_with_work(&free, plain(), true, None);
            assert!(eased.optimal, "{what}");
            assert_eq!(eased.choice, slow.choice, "{what}");
        }
    }
}
