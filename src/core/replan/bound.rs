//! A bound that sees crowded days: the sessions still to place, as an assignment to the
//! run slots of the days they would crowd.
//!
//! The search's own bound takes each session alone, so it cannot see that a day which
//! receives a moved session holds at most [`Problem::max_runs`] runs: three sessions may each
//! plan to keep their load on the same day, or each move onto a day whose own run stays. In
//! a full week that gap is the load of the runs that must go, and proving it cost the search
//! hundreds of thousands of nodes.
//!
//! Here each day is either *closed* (nothing moves onto it, so its own runs may stay however
//! many they are) or *open* (sessions may move onto it, and it holds at most `max_runs`
//! runs). With each day's state chosen, what remains is a transportation problem — sessions
//! to the run slots of the open days — solved exactly by successive best augmenting paths.
//! Each session still takes its best option that fits on its own, so this is a relaxation of
//! the real rules (minutes, hard days and key sessions are only seen one session at a time)
//! and so an upper bound: the maximum over the days' states of what the assignment keeps.
//!
//! Days whose state cannot matter are settled without trying both: a day that already
//! received a session is open; one no session can move onto is closed; one whose own runs
//! all fit its slots is open (everything a closed day allows, an open one allows too). Only
//! the rest, the contested days, are tried both ways; past [`MAX_CONTESTED`] of them the
//! remaining ones are *loose* (moved runs take slots, the day's own runs do not), which
//! allows everything either state allows and so keeps the bound true.
//!
//! The lexicographic [`Score`] becomes one number with weights wide enough that the order
//! is kept ([`Weights`]), so that sums and the assignment can be computed on it. Inside the
//! bound that number is a [`Value`], 64 bits: wide enough for any week a runner plans, and
//! half the memory traffic of the 128 bits the weights need in general (a fifth of the
//! slowest searches' time). A week too big for it is searched without this bound.

use super::Score;
use super::problem::Problem;
use super::search::State;

/// How many contested days are tried both ways; beyond them, days are loose.
const MAX_CONTESTED: usize = 3;

/// How many assignments the loose try may waste beyond those it saved before it is given
/// up in a search (see [`Crowding::over_modes`]).
const LOOSE_PAYS: u32 = 16;

/// The minutes are priced only while that cuts at least one node in [`PRICE_PAYS`] of its
/// tries after the first [`PRICE_ALLOWED`] misses: in the full weeks of 21 sessions it
/// cuts at most of them, in the crowded week at few, where the pricing cost a quarter of
/// the search (measured in instructions per search).
const PRICE_PAYS: u32 = 2;
const PRICE_ALLOWED: u32 = 16;

/// A score in [`Weights`], inside this bound.
type Value = i64;

/// Stands for "no such option".
const NONE: Value = Value::MIN / 4;

/// The most all sessions' values may add up to for [`Value`] to hold every sum the bound
/// makes: the prices times the days' free minutes (at most ten days of `u16::MAX` minutes,
/// under 2^20) included, with room to spare below [`NONE`].
const MOST_VALUE: i128 = 1 << 40;

/// The weights that turn a [`Score`] into one number in the same order: each field's
/// weight is wider than everything the fields after it can add up to in this problem.
#[derive(Debug, Clone, Copy)]
pub(super) struct Weights {
    keys: i128,
    key_days: i128,
    pub load: i128,
    changed: i128,
}

impl Weights {
    pub fn new(problem: &Problem) -> Weights {
        let most = |f: fn(&Score) -> u32| -> i128 {
            problem
                .cands
                .iter()
                .map(|c| c.options.iter().map(|o| i128::from(f(&o.score))).max())
                .map(|m| m.unwrap_or(0))
                .sum()
        };
        let changed = most(|s| s.days_moved) + 1;
        let load = 2 * (most(|s| s.sessions_changed) + 1) * changed;
        let key_days = 2 * (most(|s| s.load_kept) + 1) * load;
        let keys = 2 * (most(|s| s.key_days_moved) + 1) * key_days;
        Weights {
            keys,
            key_days,
            load,
            changed,
        }
    }

    pub fn of(&self, s: &Score) -> i128 {
        i128::from(s.keys_kept) * self.keys - i128::from(s.key_days_moved) * self.key_days
            + i128::from(s.load_kept) * self.load
            - i128::from(s.sessions_changed) * self.changed
            - i128::from(s.days_moved)
    }
}

/// A day's state in one relaxation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Nothing moves onto it; its own runs are not limited.
    Closed,
    /// Sessions may move onto it; every run on it takes a slot.
    Open,
    /// Both at once, a looser rule: moved runs take slots, its own runs do not.
    Loose,
}

/// The best options of one session that fit on their own, by what they ask of the days.
#[derive(Debug, Clone, Copy)]
struct Best {
    /// Not run (dropped, or left skipped).
    none: Value,
    /// The day it was planned on, when it may stay there (as it is, shorter, downgraded).
    origin: usize,
    stay_other: Value,
    stay_run: Value,
    /// Whether some option moves it, as a run, onto another day.
    moved_run: bool,
}

/// An option that fits on its own, as the bound sees it.
#[derive(Debug, Clone, Copy)]
struct Fit {
    /// The session, and the day ([`NO_DAY`] when not run): narrow, so that the list of
    /// options a node weighs stays small.
    session: u32,
    on: u8,
    moved: bool,
    run: bool,
    minutes: u16,
    value: Value,
}

/// [`Fit::on`] of an option that is not run.
const NO_DAY: u8 = u8::MAX;

impl Fit {
    fn cand(&self) -> usize {
        self.session as usize
    }

    fn day(&self) -> Option<usize> {
        (self.on != NO_DAY).then_some(usize::from(self.on))
    }
}

/// Scratch space for [`Crowding::cuts`], kept between nodes.
pub(super) struct Crowding {
    /// Each candidate's options as this bound reads them, in the problem's order, with
    /// what each asks of its day: the same at every node, so weighed once, and small, so
    /// that a node reads few cache lines for them.
    options: Vec<Vec<(Fit, u16)>>,
    days: usize,
    fits: Vec<Fit>,
    /// Per day, what each minute on it costs (see [`Crowding::price`]).
    prices: Vec<Value>,
    best: Vec<Best>,
    /// Per session and day: the best option moved onto that day that is a run / is not.
    moved_run: Vec<Value>,
    moved_other: Vec<Value>,
    modes: Vec<Mode>,
    contested: Vec<usize>,
    slots: Vec<u16>,
    /// Per session and day, what a slot there adds over the session's best free option.
    gain: Vec<Value>,
    assigned: Vec<Option<usize>>,
    /// The sessions some slot adds to, in the current assignment.
    active: Vec<usize>,
    /// The days where a run may take a slot, and those a session may move onto, in the
    /// current assignment.
    usable: Vec<usize>,
    open: Vec<usize>,
    /// The assignments the try with every contested day loose saved so far, and those it
    /// cost in vain (see [`Crowding::over_modes`]).
    loose_saved: u32,
    loose_wasted: u32,
    /// How often the priced pass of [`Crowding::cuts`] cut a node, and how often not.
    priced_cuts: u32,
    priced_misses: u32,
    /// Scratch for [`Crowding::settle`].
    reached: Vec<bool>,
    own: Vec<usize>,
    used: Vec<u16>,
    /// Scratch for [`Crowding::transport`] and [`Crowding::price`], kept between nodes
    /// so that a node allocates nothing.
    reach: Vec<Value>,
    via: Vec<(usize, Option<usize>)>,
    top: Vec<Option<Fit>>,
    leave: Vec<Value>,
    shed: Vec<(Value, u16)>,
}

impl Crowding {
    /// `None` when the week's scores are too wide for a [`Value`].
    pub fn new(problem: &Problem) -> Option<Crowding> {
        let weights = Weights::new(problem);
        let span: i128 = problem
            .cands
            .iter()
            .map(|c| c.options.iter().map(|o| weights.of(&o.score).abs()).max())
            .map(|m| m.unwrap_or(0))
            .sum();
        if span > MOST_VALUE {
            return None;
        }
        let options = problem
            .cands
            .iter()
            .map(|cand| {
                cand.options
                    .iter()
                    .map(|o| {
                        let fit = Fit {
                            // Numbered where the options are gathered.
                            session: 0,
                            // A window holds at most ten days, and each value is within
                            // `span`.
                            on: o.day.map_or(NO_DAY, |d| d as u8),
                            moved: o.moved,
                            run: o.run,
                            minutes: o.minutes,
                            value: weights.of(&o.score) as Value,
                        };
                        (fit, o.asks)
                    })
                    .collect()
            })
            .collect();
        Some(Crowding {
            options,
            days: problem.days.len(),
            fits: Vec::new(),
            prices: Vec::new(),
            best: Vec::new(),
            moved_run: Vec::new(),
            moved_other: Vec::new(),
            modes: Vec::new(),
            contested: Vec::new(),
            slots: Vec::new(),
            gain: Vec::new(),
            assigned: Vec::new(),
            active: Vec::new(),
            usable: Vec::new(),
            open: Vec::new(),
            loose_saved: 0,
            loose_wasted: 0,
            priced_cuts: 0,
            priced_misses: 0,
            reached: Vec::new(),
            own: Vec::new(),
            used: Vec::new(),
            reach: Vec::new(),
            via: Vec::new(),
            top: Vec::new(),
            leave: Vec::new(),
            shed: Vec::new(),
        })
    }

    /// Whether sessions `from..` can add no more than `need` (in [`Weights`]) to the week
    /// of `state`, so that the node may be cut. `work` counts the options weighed, as the
    /// search does.
    pub fn cuts(
        &mut self,
        problem: &Problem,
        state: &State,
        from: usize,
        need: i128,
        work: &mut u64,
    ) -> bool {
        // Every total here is within [`MOST_VALUE`]: a `need` beyond it decides the same
        // when brought nearer.
        let need = need.clamp(-MOST_VALUE * 4, MOST_VALUE * 4) as Value;
        let n = self.gather(problem, state, from, work);
        if self.over_modes(n, need, work) <= need {
            return true;
        }
        // The runs are seen; the minutes of a day with a limit are not yet. Price them,
        // while that pays in this search.
        if self.priced_cuts * PRICE_PAYS + PRICE_ALLOWED < self.priced_misses {
            return false;
        }
        if !self.price(problem, state, n) {
            return false;
        }
        self.classify(n);
        let priced = self.priced(problem, state);
        let cut = priced + self.over_modes(n, need - priced, work) <= need;
        if cut {
            self.priced_cuts += 1;
        } else {
            self.priced_misses += 1;
        }
        cut
    }

    /// The most sessions `from..` can add to the week of `state`, as this bound sees it
    /// (in [`Weights`]): every contested day tried both ways, minutes priced.
    pub fn most(&mut self, problem: &Problem, state: &State, from: usize, work: &mut u64) -> i128 {
        let n = self.gather(problem, state, from, work);
        let unpriced = self.over_modes(n, Value::MAX, work);
        if !self.price(problem, state, n) {
            return i128::from(unpriced);
        }
        self.classify(n);
        let priced = self.priced(problem, state);
        i128::from(unpriced.min(priced + self.over_modes(n, Value::MAX, work)))
    }

    /// Lists the options of sessions `from..` that fit on their own, and settles the days'
    /// states at no price; returns how many sessions there are.
    fn gather(&mut self, problem: &Problem, state: &State, from: usize, work: &mut u64) -> usize {
        let nd = self.days;
        let n = problem.cands.len() - from;
        self.fits.clear();
        for (c, options) in self.options[from..].iter().enumerate() {
            *work += options.len() as u64;
            for &(fit, asks) in options {
                if fit
                    .day()
                    .is_none_or(|d| state.fits_on(d, fit.minutes, asks))
                {
                    // Numbered from `from`, as the rest of this bound counts sessions (a
                    // week holds at most [`super::MAX_SESSIONS`]).
                    self.fits.push(Fit {
                        session: c as u32,
                        ..fit
                    });
                }
            }
        }
        self.prices.clear();
        self.prices.resize(nd, 0);
        self.classify(n);
        self.settle(problem, state, n);
        n
    }

    /// What the prices give back: each limited day's free minutes at its price.
    fn priced(&self, problem: &Problem, state: &State) -> Value {
        (0..self.days)
            .map(|d| self.prices[d] * Value::from(self.room(problem, state, d)))
            .sum()
    }

    /// Minutes still free on day `d`; 0 on a day with no limit (it is never priced).
    fn room(&self, problem: &Problem, state: &State, d: usize) -> u32 {
        match problem.days[d].cap {
            u32::MAX => 0,
            cap => cap.saturating_sub(state.minutes(d)),
        }
    }

    /// Lagrangian prices for the minutes of days with a limit: for any prices at all,
    /// keeping each option's value less its minutes' price, plus the price of each day's
    /// free minutes, is still an upper bound (a week that fits pays no more than it gets
    /// back). The prices are chosen so that a day whose sessions would overfill it sheds
    /// its cheapest minutes: the cost per minute of the session whose leaving makes it
    /// fit, as a fractional knapsack would. `false` when no day needs a price.
    fn price(&mut self, problem: &Problem, state: &State, n: usize) -> bool {
        // Each session's best option, and its best one on another day (or on none).
        let mut top = std::mem::take(&mut self.top);
        let mut leave = std::mem::take(&mut self.leave);
        let mut shed = std::mem::take(&mut self.shed);
        top.clear();
        top.resize(n, None);
        leave.clear();
        leave.resize(n, NONE);
        let any = self.price_days(problem, state, &mut top, &mut leave, &mut shed);
        self.top = top;
        self.leave = leave;
        self.shed = shed;
        any
    }

    /// The prices of [`Crowding::price`], with its scratch lent.
    fn price_days(
        &mut self,
        problem: &Problem,
        state: &State,
        top: &mut [Option<Fit>],
        leave: &mut [Value],
        shed: &mut Vec<(Value, u16)>,
    ) -> bool {
        let nd = self.days;
        for f in &self.fits {
            let t = &mut top[f.cand()];
            if t.is_none_or(|t| f.value > t.value) {
                *t = Some(*f);
            }
        }
        for f in &self.fits {
            if let Some(t) = top[f.cand()]
                && f.day() != t.day()
            {
                leave[f.cand()] = leave[f.cand()].max(f.value);
            }
        }
        let mut any = false;
        for d in 0..nd {
            if problem.days[d].cap == u32::MAX {
                continue;
            }
            shed.clear();
            let mut wanted = 0u32;
            for (c, t) in top.iter().enumerate() {
                if let Some(t) = t
                    && t.day() == Some(d)
                    && t.minutes > 0
                {
                    wanted += u32::from(t.minutes);
                    let cost = (t.value - leave[c]).max(0);
                    shed.push((cost / Value::from(t.minutes), t.minutes));
                }
            }
            let room = self.room(problem, state, d);
            if wanted <= room {
                continue;
            }
            shed.sort_unstable();
            let mut excess = wanted - room;
            for &(per_minute, minutes) in shed.iter() {
                if u32::from(minutes) >= excess {
                    self.prices[d] = per_minute;
                    any |= per_minute > 0;
                    break;
                }
                excess -= u32::from(minutes);
            }
        }
        any
    }

    /// Each session's best options by what they ask of the days, at the current prices.
    fn classify(&mut self, n: usize) {
        let nd = self.days;
        self.best.clear();
        self.best.resize(
            n,
            Best {
                none: NONE,
                origin: 0,
                stay_other: NONE,
                stay_run: NONE,
                moved_run: false,
            },
        );
        self.moved_run.clear();
        self.moved_run.resize(n * nd, NONE);
        self.moved_other.clear();
        self.moved_other.resize(n * nd, NONE);
        for f in &self.fits {
            let c = f.cand();
            let v = f.value
                - f.day()
                    .map_or(0, |d| self.prices[d] * Value::from(f.minutes));
            let best = &mut self.best[c];
            let slot = match (f.day(), f.moved, f.run) {
                (None, ..) => &mut best.none,
                (Some(d), false, run) => {
                    best.origin = d;
                    if run {
                        &mut best.stay_run
                    } else {
                        &mut best.stay_other
                    }
                }
                (Some(d), true, true) => {
                    best.moved_run = true;
                    &mut self.moved_run[c * nd + d]
                }
                (Some(d), true, false) => &mut self.moved_other[c * nd + d],
            };
            *slot = (*slot).max(v);
        }
    }

    /// Settles what each day's state can be, and lists the contested days.
    fn settle(&mut self, problem: &Problem, state: &State, n: usize) {
        let nd = self.days;
        let max_runs = problem.max_runs;
        self.modes.clear();
        self.slots.clear();
        self.contested.clear();
        // Per day: whether a session may move onto it, and how many of its own sessions
        // may stay there as runs.
        let mut reached = std::mem::take(&mut self.reached);
        let mut own = std::mem::take(&mut self.own);
        reached.clear();
        reached.resize(nd, false);
        own.clear();
        own.resize(nd, 0);
        for f in self.fits.iter().filter(|f| f.moved) {
            if let Some(d) = f.day() {
                reached[d] = true;
            }
        }
        for b in &self.best[..n] {
            if b.stay_run > NONE {
                own[b.origin] += 1;
            }
        }
        for d in 0..nd {
            let runs = state.runs(d);
            self.slots.push(max_runs.saturating_sub(runs));
            let mode = if state.moved_in(d) {
                Mode::Open
            } else if !reached[d] {
                Mode::Closed
            } else if usize::from(runs) + own[d] <= usize::from(max_runs) {
                Mode::Open
            } else {
                self.contested.push(d);
                Mode::Loose
            };
            self.modes.push(mode);
        }
        self.reached = reached;
        self.own = own;
    }

    /// The best total over the contested days' states; stops early once above `need`.
    /// With `need` at `Value::MAX`, every state is tried and the best kept.
    ///
    /// One assignment with every contested day loose allows all their states at once: when
    /// it is not above `need`, none of them is, and the assignments of each state are
    /// saved. In the full weeks that pays; in the crowded week it settled one node in
    /// twenty-five and otherwise cost an assignment more. So a search tries it first only
    /// while the assignments it saved, plus [`LOOSE_PAYS`], are at least those it wasted.
    fn over_modes(&mut self, n: usize, need: Value, work: &mut u64) -> Value {
        if self.contested.is_empty() {
            return self.assign(n, work);
        }
        let contested = std::mem::take(&mut self.contested);
        for &d in &contested {
            self.modes[d] = Mode::Loose;
        }
        let tried = contested.len().min(MAX_CONTESTED);
        if need != Value::MAX && self.loose_saved + LOOSE_PAYS >= self.loose_wasted {
            let loose = self.assign(n, work);
            if loose <= need {
                self.loose_saved += (1 << tried) - 1;
                self.contested = contested;
                return loose;
            }
            self.loose_wasted += 1;
        }
        let mut best = NONE;
        for mask in 0..1u32 << tried {
            for (bit, &d) in contested.iter().take(tried).enumerate() {
                self.modes[d] = if mask >> bit & 1 == 1 {
                    Mode::Open
                } else {
                    Mode::Closed
                };
            }
            best = best.max(self.assign(n, work));
            if best > need {
                break;
            }
        }
        self.contested = contested;
        best
    }

    /// The best total of `n` sessions with the days' states as they are in `modes`.
    fn assign(&mut self, n: usize, work: &mut u64) -> Value {
        let nd = self.days;
        let mut total = 0;
        self.gain.clear();
        self.gain.resize(n * nd, NONE);
        self.active.clear();
        // The days where a run may take a slot, and those a session may move onto: few in
        // a crowded week, so the loops below go over them rather than over every day.
        let mut usable = std::mem::take(&mut self.usable);
        usable.clear();
        usable.extend((0..nd).filter(|&d| self.modes[d] != Mode::Closed && self.slots[d] > 0));
        let mut open = std::mem::take(&mut self.open);
        open.clear();
        open.extend((0..nd).filter(|&d| self.modes[d] != Mode::Closed));
        for c in 0..n {
            let b = self.best[c];
            let mut free = b.none.max(b.stay_other);
            if self.modes[b.origin] != Mode::Open {
                free = free.max(b.stay_run);
            }
            let others = &self.moved_other[c * nd..][..nd];
            for &d in &open {
                free = free.max(others[d]);
            }
            total += free;
            *work += nd as u64;
            // Only a run takes a slot.
            let stays = self.modes[b.origin] == Mode::Open && b.stay_run > free;
            if !b.moved_run && !stays {
                continue;
            }
            let runs = &self.moved_run[c * nd..][..nd];
            let gains = &mut self.gain[c * nd..][..nd];
            let mut any = false;
            for &d in &usable {
                let slot = if stays && b.origin == d {
                    runs[d].max(b.stay_run)
                } else {
                    runs[d]
                };
                if slot > free {
                    gains[d] = slot - free;
                    any = true;
                }
            }
            // A session no slot adds to takes no part in the transport.
            if any {
                self.active.push(c);
            }
        }
        self.open = open;
        let added = self.transport(n, &usable, work);
        self.usable = usable;
        total + added
    }

    /// The most the gains can add with at most `slots[d]` sessions on day `d` and each
    /// session on one day at most: successive best augmenting paths, over the days.
    fn transport(&mut self, n: usize, usable: &[usize], work: &mut u64) -> Value {
        let nd = self.days;
        self.assigned.clear();
        self.assigned.resize(n, None);
        self.used.clear();
        self.used.resize(nd, 0);
        if self.active.is_empty() {
            // Counted as the one round of paths that would find nothing, so the search's
            // count of options weighed stays what it was.
            *work += 1;
            return 0;
        }
        // How each day is best reached: from a free session, or from another day whose
        // session moves on to make room.
        let mut reach = std::mem::take(&mut self.reach);
        let mut via = std::mem::take(&mut self.via);
        let active = std::mem::take(&mut self.active);
        reach.clear();
        reach.resize(nd, NONE);
        via.clear();
        via.resize(nd, (0, None));
        let added = self.augment(n, &active, usable, &mut reach, &mut via, work);
        self.reach = reach;
        self.via = via;
        self.active = active;
        added
    }

    /// The augmenting paths of [`Crowding::transport`], with its scratch lent; only the
    /// `active` sessions have a gain anywhere.
    fn augment(
        &mut self,
        n: usize,
        active: &[usize],
        usable: &[usize],
        reach: &mut [Value],
        via: &mut [(usize, Option<usize>)],
        work: &mut u64,
    ) -> Value {
        let nd = self.days;
        let mut added = 0;
        loop {
            reach.fill(NONE);
            for &c in active {
                if self.assigned[c].is_some() {
                    continue;
                }
                let gains = &self.gain[c * nd..][..nd];
                for &d in usable {
                    if gains[d] > reach[d] {
                        reach[d] = gains[d];
                        via[d] = (c, None);
                    }
                }
            }
            // No cycle gains (each augmentation was the best), so the days' count of rounds
            // settles every path.
            for _ in 0..nd {
                let mut changed = false;
                for &c in active {
                    let Some(from) = self.assigned[c] else {
                        continue;
                    };
                    if reach[from] == NONE {
                        continue;
                    }
                    let gains = &self.gain[c * nd..][..nd];
                    let leave = gains[from];
                    for &d in usable {
                        let g = gains[d];
                        if d != from && g > NONE && reach[from] - leave + g > reach[d] {
                            reach[d] = reach[from] - leave + g;
                            via[d] = (c, Some(from));
                            changed = true;
                        }
                    }
                }
                *work += 1;
                if !changed {
                    break;
                }
            }
            let end = usable
                .iter()
                .copied()
                .filter(|&d| self.used[d] < self.slots[d] && reach[d] > 0)
                .max_by_key(|&d| reach[d]);
            let Some(mut d) = end else {
                return added;
            };
            added += reach[d];
            self.used[d] += 1;
            // Walk back: each session on the path takes the day it was reached by.
            let mut steps = 0;
            loop {
                let (c, from) = via[d];
                self.assigned[c] = Some(d);
                steps += 1;
                match from {
                    Some(f) if steps <= n => d = f,
                    Some(_) => return self.loose_transport(n),
                    None => break,
                }
            }
        }
    }

    /// Each session's best gain, with no slot shared: looser than [`Crowding::transport`],
    /// and what it falls back to should a path ever not end (it cannot, by the way paths
    /// are chosen; the bound must stay true even so).
    fn loose_transport(&self, n: usize) -> Value {
        let nd = self.days;
        (0..n)
            .map(|c| {
                (0..nd)
                    .map(|d| self.gain[c * nd + d])
                    .max()
                    .unwrap_or(0)
                    .max(0)
            })
            .sum()
    }
}
