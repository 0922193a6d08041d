//! From the chosen options to a proposal: the changed sessions, their edits, the week after,
//! and a one-line reason for each change in runner's words.
//!
//! A reason says which rule the session would break had it stayed as planned, with
//! everything else as proposed. At the optimum every change has such a rule: were staying
//! legal, staying would score better. The rule is found by the whole-arrangement check, so
//! the words and the search cannot disagree about what is legal.

use jiff::civil::Date;

use super::super::edit::Edit;
use super::super::plan::Plan;
use super::super::session::{Kind, Session};
use super::super::units::{Km, Minutes, Rpe};
use super::check::{Checker, Violation};
use super::problem::{Act, Opt, Problem};
use super::push::suggest_push;
use super::{Action, Change, DayLimit, Proposal, ReplanRequest, ReplanRules, Score};

/// A kind as a runner says it inside a sentence.
pub(crate) fn name(kind: Kind) -> &'static str {
    match kind {
        Kind::Rest => "rest day",
        Kind::Recovery => "recovery run",
        Kind::Easy => "easy run",
        Kind::Long => "long run",
        Kind::Tempo => "tempo",
        Kind::Intervals => "intervals",
        Kind::Hills => "hill session",
        Kind::Race => "race",
        Kind::Cross => "cross-training",
        Kind::Strength => "strength session",
    }
}

fn capitalized(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "a" or "an" before a number of minutes, as it is said: an 80-minute run, an 11-minute run.
fn article(n: u16) -> &'static str {
    if n.to_string().starts_with('8') || n == 11 || n == 18 {
        "an"
    } else {
        "a"
    }
}

fn weekday(date: Date) -> String {
    date.strftime("%a").to_string()
}

struct Explainer<'a> {
    problem: &'a Problem,
    choice: &'a [usize],
    checker: Checker,
    /// The sessions (plan indices) the tired rule kept from moving nearer the key session.
    eased: &'a [usize],
}

impl Explainer<'_> {
    fn opt(&self, c: usize) -> &Opt {
        &self.problem.cands[c].options[self.choice[c]]
    }

    /// A day's name, with "last" or "next" for the days outside the week.
    fn day(&self, d: usize) -> String {
        self.date_name(self.problem.days[d].date)
    }

    /// A date's name, with "last" or "next" for the days outside the week.
    fn date_name(&self, date: Date) -> String {
        let week = self.problem.week;
        if date < week.start() {
            format!("last {}", weekday(date))
        } else if date > week.end() {
            format!("next {}", weekday(date))
        } else {
            weekday(date)
        }
    }

    /// "today" or the limited day's name.
    fn limited_day(&self) -> String {
        if self.problem.from == self.problem.today {
            "today".to_owned()
        } else {
            weekday(self.problem.from)
        }
    }

    fn limit_word(&self) -> &'static str {
        match self.problem.limit {
            DayLimit::RestOnly => "rest day",
            _ => "hold-back day",
        }
    }

    /// The name of a session on `day` that satisfies `pick`, other than candidate `not`.
    fn session_on(
        &self,
        day: usize,
        not: usize,
        choice: &[usize],
        pick: impl Fn(Kind, bool) -> bool,
    ) -> Option<&'static str> {
        let p = self.problem;
        let placed = (0..p.cands.len()).filter(|&c| c != not).find_map(|c| {
            let o = &p.cands[c].options[choice[c]];
            (o.day == Some(day) && pick(o.kind, o.key)).then(|| name(o.kind))
        });
        placed.or_else(|| {
            p.days[day]
                .fixed_kinds
                .iter()
                .find(|(k, key)| pick(*k, *key))
                .map(|(k, _)| name(*k))
        })
    }

    /// Why candidate `c` cannot take option `k` with everything else as chosen, if it cannot.
    fn why_not(&mut self, c: usize, k: usize) -> Option<String> {
        let mut choice = self.choice.to_vec();
        choice[c] = k;
        let found = self.checker.all(self.problem, &choice);
        let first = found.into_iter().min_by_key(|v| v.priority())?;
        Some(self.words(first, c, k, &choice))
    }

    fn words(&self, v: Violation, c: usize, k: usize, choice: &[usize]) -> String {
        let p = self.problem;
        let opt = &p.cands[c].options[k];
        match v {
            Violation::Limit { .. } => {
                format!("{} is a {}", self.limited_day(), self.limit_word())
            }
            Violation::Buffer { .. } => {
                let whose = if p.from == p.today {
                    "today's".to_owned()
                } else {
                    format!("{}'s", weekday(p.from))
                };
                let day = opt.day.map_or_else(String::new, |d| self.day(d));
                format!("{day} follows {whose} {}", self.limit_word())
            }
            Violation::Over { day } => {
                let d = &p.days[day];
                if d.blocked {
                    format!("{} is blocked", d.date.strftime("%a %-d %b"))
                } else if d.cap == 0 {
                    format!("{} has no time to train", self.day(day))
                } else {
                    format!("{} has only {} min", self.day(day), d.cap)
                }
            }
            Violation::BeforeKey { hard_day, key_day } => {
                if opt.key && opt.day == Some(key_day) {
                    let hard = self
                        .session_on(hard_day, c, choice, |k, _| k.is_hard())
                        .unwrap_or("hard session");
                    format!(
                        "it needs an easy day before it, and {} holds the {hard}",
                        self.day(hard_day)
                    )
                } else {
                    let key = self
                        .session_on(key_day, c, choice, |_, key| key)
                        .unwrap_or("key session");
                    format!("{} is the day before the key {key}", self.day(hard_day))
                }
            }
            Violation::HardAfterHard { first } => {
                let here = opt.day.unwrap_or(first);
                let other = if here == first { first + 1 } else { first };
                let hard = self
                    .session_on(other, c, choice, |k, _| k.is_hard())
                    .unwrap_or("hard session");
                if other < here {
                    format!(
                        "{} would follow the {hard} on {}",
                        self.day(here),
                        self.day(other)
                    )
                } else {
                    format!(
                        "{} would come right before the {hard} on {}",
                        self.day(here),
                        self.day(other)
                    )
                }
            }
            Violation::Crowded { day } => {
                let moved = (0..p.cands.len()).filter(|&o| o != c).find_map(|o| {
                    let opt = &p.cands[o].options[choice[o]];
                    (opt.moved && opt.day == Some(day)).then(|| name(opt.kind))
                });
                match moved {
                    Some(other) => format!("makes room for the {other} moved to {}", self.day(day)),
                    None => format!("{} is full", self.day(day)),
                }
            }
        }
    }

    /// "this week", or up to the window's last day when it reaches into the next week.
    fn span(&self) -> String {
        let window = self.problem.window;
        if window.crosses_week() {
            format!("up to {}", window.last.strftime("%a %-d %b"))
        } else {
            "this week".to_owned()
        }
    }

    /// Why a hard session is eased rather than moved: the rest day, or the fatigue.
    fn tired(&self) -> String {
        if self.problem.limit == DayLimit::RestOnly {
            format!("{} is a rest day", self.limited_day())
        } else {
            "fatigue is carrying over".to_owned()
        }
    }

    /// "the key long run": the session on the next key day, for the eased reasons.
    fn next_key(&self) -> String {
        let p = self.problem;
        let named = p.ease_towards.and_then(|date| {
            p.cands
                .iter()
                .find(|c| c.key && c.origin == date)
                .map(|c| name(c.options[c.stay].kind))
                .or_else(|| {
                    p.day_index(date).and_then(|d| {
                        p.days[d]
                            .fixed_kinds
                            .iter()
                            .find(|(_, key)| *key)
                            .map(|(k, _)| name(*k))
                    })
                })
        });
        format!("the key {}", named.unwrap_or("session"))
    }

    fn reason(&mut self, c: usize, s: &Session) -> String {
        let cand = &self.problem.cands[c];
        let (stay, can_move, skipped) = (cand.stay, cand.can_move, cand.skipped);
        let opt = *self.opt(c);
        // A session the tired rule kept from moving nearer the key session says so; "no
        // other day has room" would not be the truth for it.
        let eased = opt.act != Act::Move && self.eased.contains(&cand.index);
        let what = capitalized(name(s.kind));
        let was = s.minutes.get();
        let why_left = if skipped {
            format!("missed on {}", weekday(s.date))
        } else {
            self.why_not(c, stay)
                .unwrap_or_else(|| "keeps the week's rules".to_owned())
        };
        // Dropping rather than moving loses load, so the optimum only drops a session with
        // load when no day can take it; a rest day has none to lose, and saying no day had
        // room for it would not be true.
        let nowhere = if (can_move || !cand.barred.is_empty()) && s.kind != Kind::Rest && !eased {
            format!(", and no other day {} has room for it", self.span())
        } else {
            String::new()
        };
        // Eased rather than moved nearer the key session: the tiredness is the first why.
        let (instead, why_left) = if eased {
            (
                format!(" rather than moved nearer {}", self.next_key()),
                format!("{}, and {why_left}", self.tired()),
            )
        } else {
            (String::new(), why_left)
        };
        match opt.act {
            Act::Move => {
                let to = opt.day.map_or_else(String::new, |d| self.day(d));
                if opt.minutes < was {
                    let full = cand
                        .options
                        .iter()
                        .position(|o| o.act == Act::Move && o.day == opt.day && o.minutes == was);
                    let why_short = full
                        .and_then(|k| self.why_not(c, k))
                        .map_or_else(String::new, |w| format!(", and {w}"));
                    format!(
                        "{what} moved {} → {to}, {was} → {} min: {why_left}{why_short}",
                        self.date_name(s.date),
                        opt.minutes
                    )
                } else {
                    format!("{what} moved {} → {to}: {why_left}", self.date_name(s.date))
                }
            }
            Act::Shorten => format!(
                "{what} shortened {was} → {} min{instead}: {why_left}",
                opt.minutes
            ),
            Act::Downgrade => {
                let became = if opt.kind == Kind::Rest {
                    "became a rest day".to_owned()
                } else {
                    format!(
                        "became {} {}-minute {}",
                        article(opt.minutes),
                        opt.minutes,
                        name(opt.kind)
                    )
                };
                format!("{what} {became}{instead}: {why_left}{nowhere}")
            }
            Act::Drop => format!("{what} dropped{instead}: {why_left}{nowhere}"),
            Act::Stay => String::new(),
        }
    }
}

/// The session as the option leaves it.
fn changed(s: &Session, opt: &Opt, problem: &Problem) -> Session {
    let mut n = s.clone();
    if let Some(d) = opt.day {
        n.date = problem.days[d].date;
    }
    if opt.act == Act::Move {
        // A missed session moved to a later day is planned again.
        n.done = None;
    }
    if opt.minutes != s.minutes.get()
        && let Ok(minutes) = Minutes::new(i64::from(opt.minutes))
    {
        n.minutes = minutes;
        n.distance_km = s.distance_km.and_then(|d| {
            let share = f64::from(opt.minutes) / f64::from(s.minutes.get().max(1));
            Km::new((d.get() * share * 10.0).round() / 10.0).ok()
        });
    }
    if opt.kind != s.kind {
        n.kind = opt.kind;
        n.key = false;
        n.rpe = if opt.rpe == opt.kind.default_rpe() {
            None
        } else {
            Rpe::new(i64::from(opt.rpe)).ok()
        };
        n.title = String::new();
        // The plan keeps what the session was, for the runner and for next week.
        let title = if s.title.is_empty() {
            String::new()
        } else {
            format!(" \"{}\"", s.title)
        };
        let note = format!(
            "Re-planned from {}{title}, {} min",
            s.kind.label(),
            s.minutes
        );
        n.notes = if s.notes.is_empty() {
            note
        } else {
            format!("{}\n{note}", s.notes)
        };
    }
    n
}

fn insert_at_day_end(list: &mut Vec<Session>, s: Session) {
    let at = list.partition_point(|x| x.date <= s.date);
    list.insert(at, s);
}

/// Applies an edit to a week's sessions exactly as [`Plan::apply`] would to the plan.
fn apply_to_week(list: &mut Vec<Session>, edit: &Edit) {
    match edit {
        Edit::RemoveSession(id) => list.retain(|s| s.id != *id),
        Edit::MoveSession { id, to, .. } => {
            if let Some(i) = list.iter().position(|s| s.id == *id) {
                let mut s = list.remove(i);
                s.date = *to;
                insert_at_day_end(list, s);
            }
        }
        Edit::UpdateSession(n) => {
            if let Some(i) = list.iter().position(|s| s.id == n.id) {
                if list[i].date == n.date {
                    list[i] = n.clone();
                } else {
                    list.remove(i);
                    insert_at_day_end(list, n.clone());
                }
            }
        }
        _ => {}
    }
}

pub(super) fn proposal(
    plan: &Plan,
    request: &ReplanRequest,
    rules: &ReplanRules,
    problem: &Problem,
    choice: &[usize],
    optimal: bool,
    eased: &[usize],
) -> Proposal {
    let sessions = plan.sessions();
    let mut explainer = Explainer {
        problem,
        choice,
        checker: Checker::default(),
        eased,
    };
    let mut score = Score::default();
    for (c, &k) in choice.iter().enumerate() {
        score.add(&problem.cands[c].options[k].score);
    }
    // Changes in the order of the days the sessions came from, then plan order.
    let mut order: Vec<usize> = (0..problem.cands.len()).collect();
    order.sort_by_key(|&c| (problem.cands[c].origin, problem.cands[c].index));

    let mut changes = Vec::new();
    let mut edits = Vec::new();
    for &c in &order {
        let cand = &problem.cands[c];
        let opt = *explainer.opt(c);
        let s = &sessions[cand.index];
        let action = match opt.act {
            Act::Stay => continue,
            Act::Move => Action::Move,
            Act::Shorten => Action::Shorten,
            Act::Downgrade => Action::Downgrade,
            Act::Drop => Action::Drop,
        };
        let after = changed(s, &opt, problem);
        let edit = match opt.act {
            Act::Drop => Edit::RemoveSession(s.id),
            Act::Move if !cand.skipped && opt.minutes == s.minutes.get() => Edit::MoveSession {
                id: s.id,
                to: after.date,
                index: None,
            },
            _ => Edit::UpdateSession(after.clone()),
        };
        let reason = explainer.reason(c, s);
        changes.push(Change {
            id: s.id,
            action,
            from: s.date,
            to: opt.day.map(|_| after.date),
            kind: after.kind,
            minutes: after.minutes.get(),
            was_kind: s.kind,
            was_minutes: s.minutes.get(),
            key: s.key,
            reason,
        });
        edits.push(edit);
    }

    let lost: Vec<&str> = order
        .iter()
        .filter(|&&c| problem.cands[c].key && !explainer.opt(c).key)
        .map(|&c| name(sessions[problem.cands[c].index].kind))
        .collect();
    let span = explainer.span();
    let message = match lost.as_slice() {
        [] => None,
        [one] => Some(format!(
            "No day {span} can hold the {one} without breaking the rules; this is the \
             best week without it."
        )),
        many => Some(format!(
            "No day {span} can hold the {} without breaking the rules; this is the best \
             week without them.",
            many.iter()
                .map(|n| format!("the {n}"))
                .collect::<Vec<_>>()
                .join(" and ")
                .trim_start_matches("the ")
        )),
    };

    let week = problem.week;
    let mut after = plan
        .sessions_between(week.start(), problem.window.last.max(week.end()))
        .to_vec();
    for edit in &edits {
        apply_to_week(&mut after, edit);
    }
    let push = if request.push {
        suggest_push(plan, request.today, request.from, rules)
            .filter(|p| !changes.iter().any(|c| c.id == p.id))
    } else {
        None
    };
    Proposal {
        today: request.today,
        from: request.from,
        limit: request.limit,
        keeps_key: lost.is_empty(),
        changes,
        edits,
        message,
        window: problem.window,
        week: after,
        score,
        push,
        optimal,
    }
}
