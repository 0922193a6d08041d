//! The re-plan as a search problem: the window's days with what is fixed on them, and every
//! session's options, best first.
//!
//! Both the search and the brute force read this one description, so they explore the same
//! move set in the same order; only how they find the optimum differs.

use jiff::civil::Date;

use super::super::day;
use super::super::plan::Plan;
use super::super::session::{Kind, Session};
use super::super::week::{Week, add_days, days_between};
use super::{DayLimit, ReplanRequest, ReplanRules, Score, Window, replan_window};

/// One day of the problem: the day before the window, the window's days, and the day after
/// the window. Only window days receive sessions; the two outer days only constrain.
#[derive(Debug, Clone)]
pub(super) struct Day {
    pub date: Date,
    /// Minutes available; `u32::MAX` when unlimited.
    pub cap: u32,
    pub blocked: bool,
    /// A session the planner may not touch and that counts for the rules (done, or outside
    /// the window) is hard / key on this day.
    pub fixed_hard: bool,
    pub fixed_key: bool,
    pub fixed_runs: u16,
    pub fixed_rests: u16,
    pub fixed_others: u16,
    /// The kinds of those sessions, for the reasons' words.
    pub fixed_kinds: Vec<(Kind, bool)>,
}

/// What an option does to its session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Act {
    Stay,
    Shorten,
    Move,
    Downgrade,
    Drop,
}

impl Act {
    /// The order among options that score the same: the gentler change first.
    fn rank(self) -> u8 {
        match self {
            Act::Stay => 0,
            Act::Shorten => 1,
            Act::Move => 2,
            Act::Downgrade => 3,
            Act::Drop => 4,
        }
    }
}

/// One way a session may end up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Opt {
    pub act: Act,
    /// The day (index into [`Problem::days`]) it is run on; `None` when it is not run
    /// (dropped, or a missed session left skipped).
    pub day: Option<usize>,
    pub kind: Kind,
    pub minutes: u16,
    /// Planned RPE after the change.
    pub rpe: u8,
    pub hard: bool,
    pub run: bool,
    pub rest: bool,
    /// Still a key session that will be run.
    pub key: bool,
    /// Run on a day other than the one it was planned on.
    pub moved: bool,
    /// This option's share of the objective.
    pub score: Score,
    /// What it asks of the day it is run on ([`asks`]), for the rules' check.
    pub asks: u16,
}

/// What an option asks of its day, one bit per way a day may refuse it; the search keeps,
/// per day, the bits the day refuses now, so that checking an option is a mask and a
/// comparison of minutes.
pub(super) mod asks {
    pub const HARD: u16 = 1;
    pub const HARD_NOT_KEY: u16 = 1 << 1;
    pub const KEY: u16 = 1 << 2;
    pub const NOT_REST: u16 = 1 << 3;
    /// Moved onto the day, so that the day holds at most its runs and no rest beside
    /// anything else: a run, not a run, a rest, not a rest.
    pub const MOVED_RUN: u16 = 1 << 4;
    pub const MOVED_NOT_RUN: u16 = 1 << 5;
    pub const MOVED_REST: u16 = 1 << 6;
    pub const MOVED_NOT_REST: u16 = 1 << 7;
    /// The same four, for an option that stays: they matter only once another session
    /// moved onto its day.
    pub const STAYING: u32 = 4;
}

impl Opt {
    fn asks(&self) -> u16 {
        use asks::*;
        let mut a = 0;
        if self.hard {
            a |= HARD;
            if !self.key {
                a |= HARD_NOT_KEY;
            }
        }
        if self.key {
            a |= KEY;
        }
        if !self.rest {
            a |= NOT_REST;
        }
        let mut day = if self.run { MOVED_RUN } else { MOVED_NOT_RUN };
        day |= if self.rest {
            MOVED_REST
        } else {
            MOVED_NOT_REST
        };
        a | if self.moved { day } else { day << STAYING }
    }
}

/// A session the planner may change.
#[derive(Debug, Clone)]
pub(super) struct Cand {
    /// Index into the plan's sessions.
    pub index: usize,
    pub origin: Date,
    pub key: bool,
    pub skipped: bool,
    /// Options, best first; the order the search and the brute force both follow.
    pub options: Vec<Opt>,
    /// Index of the option that leaves the session as it is.
    pub stay: usize,
    /// Whether any option moves it (the words say "no other day has room" only then).
    pub can_move: bool,
    /// The moves closer to the next key session left out because the runner is tired
    /// ([`ReplanRules::ease_when_tired`]); the words say so where one of them would have
    /// fitted.
    pub barred: Vec<Opt>,
}

#[derive(Debug, Clone)]
pub(super) struct Problem {
    pub today: Date,
    pub from: Date,
    pub week: Week,
    pub window: Window,
    /// `days[0]` is the day before `from`; `days[1..=w]` the window; `days[w + 1]` the day
    /// after it.
    pub days: Vec<Day>,
    pub cands: Vec<Cand>,
    pub limit: DayLimit,
    /// The day after a limited day, when it may hold no hard session but a key one.
    pub buffer_day: Option<usize>,
    pub max_runs: u16,
    /// Hard sessions that are not key may not move closer to this day (the next key
    /// session's) on a rest day or while fatigue carries over.
    pub ease_towards: Option<Date>,
}

/// The most days a window holds: `from` and up to seven days after it.
pub(super) const MAX_WINDOW_DAYS: usize = 8;

/// The first day of the window in [`Problem::days`].
pub(super) const LIMIT_DAY: usize = 1;

/// Whether a kind is a run, for the runs-per-day limit.
pub(super) fn is_run(kind: Kind) -> bool {
    !matches!(kind, Kind::Rest | Kind::Cross | Kind::Strength)
}

fn round_to_5(x: u32) -> u32 {
    (x + 2) / 5 * 5
}

impl Problem {
    pub fn new(plan: &Plan, request: &ReplanRequest, rules: &ReplanRules) -> Problem {
        let week = Week::containing(request.from, plan.settings.week_start);
        let from = request.from;
        let reach = replan_window(plan, from, rules);
        let end = reach.last;
        let window = usize::try_from(days_between(from, end)).unwrap_or(0) + 1;
        let tired = request.limit == DayLimit::RestOnly || request.carry_over;
        let days: Vec<Day> = (0..window + 2)
            .map(|i| {
                let date = add_days(from, i as i64 - 1);
                let cap = plan.availability.max_minutes_on(date);
                Day {
                    date,
                    cap: cap.map_or(u32::MAX, u32::from),
                    blocked: plan.availability.blocked.contains(&date),
                    fixed_hard: false,
                    fixed_key: false,
                    fixed_runs: 0,
                    fixed_rests: 0,
                    fixed_others: 0,
                    fixed_kinds: Vec::new(),
                }
            })
            .collect();
        let mut problem = Problem {
            today: request.today,
            from,
            week,
            window: reach,
            days,
            cands: Vec::new(),
            limit: request.limit,
            buffer_day: (request.limit != DayLimit::None && rules.easy_day_after && window >= 2)
                .then_some(LIMIT_DAY + 1),
            max_runs: u16::from(rules.max_runs_per_day),
            ease_towards: reach.next_key.filter(|_| tired && rules.ease_when_tired),
        };

        // A set: a file may name thousands of skipped key sessions.
        let missed: std::collections::HashSet<_> = request.missed.iter().copied().collect();
        let first = week.start().min(add_days(from, -1));
        let last = add_days(end, 1);
        let offset = plan.sessions().partition_point(|s| s.date < first);
        for (i, s) in plan.sessions_between(first, last).iter().enumerate() {
            let in_window = from <= s.date && s.date <= end;
            let missed = s.is_skipped() && week.contains(s.date) && missed.contains(&s.id);
            if (in_window && s.done.is_none()) || missed {
                let cand = problem.candidate(offset + i, s, rules);
                problem.cands.push(cand);
            } else if !s.is_skipped()
                && let Some(d) = problem.day_index(s.date)
            {
                let day = &mut problem.days[d];
                day.fixed_hard |= s.kind.is_hard();
                day.fixed_key |= s.key;
                if s.kind == Kind::Rest {
                    day.fixed_rests += 1;
                } else {
                    day.fixed_others += 1;
                }
                day.fixed_runs += u16::from(is_run(s.kind));
                day.fixed_kinds.push((s.kind, s.key));
            }
        }
        // Key sessions first: they weigh most, so settling them first tightens the bound
        // soonest. Otherwise plan order. The sort is stable.
        problem
            .cands
            .sort_by_key(|c| (!c.key, !c.options[c.stay].hard));
        problem
    }

    /// The index of `date` in [`Problem::days`], if it is one of them.
    pub fn day_index(&self, date: Date) -> Option<usize> {
        let i = days_between(self.from, date) + 1;
        usize::try_from(i).ok().filter(|&i| i < self.days.len())
    }

    pub fn window(&self) -> std::ops::Range<usize> {
        1..self.days.len() - 1
    }

    /// How many combinations of options there are.
    pub fn space(&self) -> u128 {
        self.cands
            .iter()
            .fold(1u128, |n, c| n.saturating_mul(c.options.len() as u128))
    }

    fn candidate(&self, index: usize, s: &Session, rules: &ReplanRules) -> Cand {
        let origin_day = self.day_index(s.date).filter(|d| self.window().contains(d));
        let skipped = s.is_skipped();
        let rpe = s.planned_rpe();
        let min = rules.min_minutes.max(1);
        let make = |act: Act, day: Option<usize>, kind: Kind, minutes: u16, rpe: u8| {
            let live = day.is_some();
            let key = live && s.key && kind == s.kind;
            let shift = day.map_or(0, |d| {
                days_between(s.date, self.days[d].date).unsigned_abs() as u32
            });
            let mut opt = Opt {
                act,
                day,
                kind,
                minutes,
                rpe,
                hard: kind.is_hard(),
                run: is_run(kind),
                rest: kind == Kind::Rest,
                key,
                moved: act == Act::Move,
                score: Score {
                    keys_kept: u32::from(key),
                    key_days_moved: if key { shift } else { 0 },
                    load_kept: if live {
                        u32::from(minutes) * u32::from(rpe)
                    } else {
                        0
                    },
                    sessions_changed: u32::from(act != Act::Stay),
                    days_moved: if act == Act::Move { shift } else { 0 },
                },
                asks: 0,
            };
            opt.asks = opt.asks();
            opt
        };
        let shorter = |cap: u32| -> Vec<u16> {
            let m = u32::from(s.minutes.get());
            let mut v: Vec<u32> = rules
                .shorten_pct
                .iter()
                .map(|&p| m * u32::from(p) / 100 / 5 * 5)
                .collect();
            if cap < m {
                v.push(cap);
            }
            v.retain(|&x| x >= u32::from(min) && x < m && x <= cap);
            v.sort_unstable_by(|a, b| b.cmp(a));
            v.dedup();
            v.into_iter()
                .filter_map(|x| u16::try_from(x).ok())
                .collect()
        };

        let mut options = Vec::new();
        let open = s.date >= self.today;
        if skipped {
            // Left skipped: not run, nothing changes.
            options.push(make(Act::Stay, None, s.kind, s.minutes.get(), rpe));
        } else {
            options.push(make(Act::Stay, origin_day, s.kind, s.minutes.get(), rpe));
        }
        if let (Some(o), false, true) = (origin_day, skipped, open) {
            for m in shorter(self.days[o].cap) {
                options.push(make(Act::Shorten, Some(o), s.kind, m, rpe));
            }
            if let Some(to) = rules.downgrade_to.filter(|k| !k.is_hard())
                && s.kind.is_hard()
            {
                let rpe = rpe.min(to.default_rpe());
                let m = u32::from(s.minutes.get());
                let mut minutes = Vec::new();
                if to == Kind::Rest {
                    minutes.push(0);
                } else {
                    let kept = round_to_5(m * u32::from(rules.downgrade_pct) / 100)
                        .clamp(u32::from(min).min(m), m);
                    minutes.push(kept);
                    let cap = self.days[o].cap;
                    if cap < kept && cap >= u32::from(min) {
                        minutes.push(cap);
                    }
                }
                for m in minutes.into_iter().filter_map(|m| u16::try_from(m).ok()) {
                    options.push(make(Act::Downgrade, Some(o), to, m, rpe));
                }
            }
        }
        let mut can_move = false;
        let mut barred = Vec::new();
        let key_distance = |date: Date| {
            self.ease_towards
                .filter(|_| s.kind.is_hard() && !s.key)
                .map(|key| days_between(date, key).unsigned_abs())
        };
        for d in self.window() {
            let date = self.days[d].date;
            let distance = days_between(s.date, date);
            // Near the end of the calendar a plan may hold, the week runs past it: never
            // propose a day the file could not hold.
            if date < self.today
                || date > day::LAST
                || date == s.date
                || distance.unsigned_abs() > u64::from(rules.max_move_days)
                || (skipped && date < s.date)
            {
                continue;
            }
            if let (Some(to), Some(here)) = (key_distance(date), key_distance(s.date))
                && to < here
            {
                barred.push(make(Act::Move, Some(d), s.kind, s.minutes.get(), rpe));
                continue;
            }
            can_move = true;
            options.push(make(Act::Move, Some(d), s.kind, s.minutes.get(), rpe));
            for m in shorter(self.days[d].cap) {
                options.push(make(Act::Move, Some(d), s.kind, m, rpe));
            }
        }
        if !skipped {
            options.push(make(Act::Drop, None, s.kind, s.minutes.get(), rpe));
        }
        let earlier = |o: &Opt| o.day.is_some_and(|d| self.days[d].date < s.date);
        options.sort_by(|a, b| {
            b.score
                .compare(&a.score)
                .then(a.act.rank().cmp(&b.act.rank()))
                .then(earlier(a).cmp(&earlier(b)))
                .then(b.minutes.cmp(&a.minutes))
                .then(a.day.cmp(&b.day))
        });
        let stay = options.iter().position(|o| o.act == Act::Stay).unwrap_or(0);
        Cand {
            index,
            origin: s.date,
            key: s.key,
            skipped,
            options,
            stay,
            can_move,
            barred,
        }
    }
}
