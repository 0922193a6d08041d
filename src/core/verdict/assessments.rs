//! Every day's verdict over a range, kept up to date as the plan changes, each day assessed
//! once: what the window's derived state keeps.

use jiff::civil::Date;

use super::{Assessment, Verdict, assess_range, history_days, judged_days_before, rpe_days_before};
use crate::core::plan::Plan;
use crate::core::settings::VerdictRules;
use crate::core::week::{add_days, days_between};

/// Every day's assessment over a range of days, kept up to date as the plan changes: what
/// the week grid, the re-plan offers and the charts read, each day assessed once.
///
/// A day's verdict depends on the days before it (yesterday's verdict, the 28-day
/// baselines, the 7-day HRV mean, the easy-RPE trend), but only on a bounded number of them:
/// [`Assessments::reach_days`], what [`assess`] itself reads. So after a change to the days
/// from `first` to `last`, only the days from `first` to `last + reach_days` can differ;
/// [`Assessments::update`] assesses those again and keeps the others. With ten years of history and the default rules that
/// is at most 60 days instead of 3,650.
///
/// # Example
/// ```
/// use jiff::civil::date;
/// use runweek::core::edit::Edit;
/// use runweek::core::plan::Plan;
/// use runweek::core::readiness::{Legs, ReadinessEntry, When};
/// use runweek::core::verdict::{Assessments, Verdict, assess};
///
/// let mut plan = Plan::default();
/// let (from, to) = (date(2026, 11, 1), date(2026, 11, 30));
/// let mut days = Assessments::new(&plan, from, to);
/// assert_eq!(days.verdict(date(2026, 11, 25)), None); // not logged
///
/// let mut entry = ReadinessEntry::new(date(2026, 11, 25), When::Morning);
/// entry.legs = Legs::Heavy;
/// let edit = Edit::SetReadiness(entry);
/// let changed = edit.changed_days(&plan);
/// plan.apply(edit).expect("applies");
/// days.update(&plan, changed);
/// assert_eq!(days.verdict(date(2026, 11, 25)), Some(Verdict::AsPlanned));
/// assert_eq!(days.get(date(2026, 11, 26)), Some(&assess(&plan, date(2026, 11, 26))));
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Assessments {
    /// The day of `days[0]`.
    from: Option<Date>,
    days: Vec<Assessment>,
}

impl Assessments {
    /// Assesses every day from `from` up to and including `to` (none when `to` is before
    /// `from`), in one pass over the history.
    pub fn new(plan: &Plan, from: Date, to: Date) -> Assessments {
        Assessments {
            from: Some(from),
            days: assess_range(plan, from, to),
        }
    }

    /// How many days after a day whose readiness entries or sessions changed an assessment
    /// can still differ: the carry-over window, the chain of yesterdays behind each of its
    /// days, the baselines behind each of those, and the easy-RPE trend.
    pub fn reach_days(rules: &VerdictRules) -> i64 {
        (judged_days_before(rules) + history_days(rules)).max(rpe_days_before(rules))
    }

    /// Brings the assessments up to date with `plan` after a change to the days `changed`
    /// (first and last: [`super::edit::Edit::changed_days`] of the edit applied, or of the
    /// inverse edit for an undo); `None` assesses every day again (settings changed).
    ///
    /// The days after `last + reach_days` are kept: nothing they read changed.
    pub fn update(&mut self, plan: &Plan, changed: Option<(Date, Date)>) {
        let reach = Self::reach_days(&plan.settings.verdict);
        match changed {
            Some((first, last)) => self.reassess(plan, first, add_days(last, reach)),
            None => self.reassess(plan, Date::MIN, Date::MAX),
        }
    }

    /// Brings the assessments up to date with `plan` after a change on `changed_from` or
    /// later ([`super::edit::Edit::earliest_day`]): every day from there to the end of the
    /// range is assessed again; `None` assesses every day again. [`Assessments::update`]
    /// stops earlier when the last changed day is known.
    pub fn update_from(&mut self, plan: &Plan, changed_from: Option<Date>) {
        self.reassess(plan, changed_from.unwrap_or(Date::MIN), Date::MAX);
    }

    /// Assesses again the days from `from` to `to` that lie in the range.
    fn reassess(&mut self, plan: &Plan, from: Date, to: Date) {
        let (Some(first), Some(last)) = (self.from, self.last_day()) else {
            return;
        };
        let (start, end) = (from.max(first), to.min(last));
        if end < start {
            return;
        }
        let (Some(i), Some(j)) = (self.index(start), self.index(end)) else {
            return;
        };
        drop(self.days.splice(i..=j, assess_range(plan, start, end)));
    }

    /// Moves the range to `from..=to`, keeping the days already assessed (which must be up
    /// to date with `plan`) and assessing only the new ones: for a history that grew, or a
    /// new day.
    pub fn set_range(&mut self, plan: &Plan, from: Date, to: Date) {
        if to < from {
            *self = Assessments {
                from: Some(from),
                days: Vec::new(),
            };
            return;
        }
        let kept = match (self.from, self.last_day()) {
            (Some(first), Some(last)) if first <= to && from <= last => {
                Some((first.max(from), last.min(to)))
            }
            _ => None,
        };
        let Some((keep_from, keep_to)) = kept else {
            *self = Assessments::new(plan, from, to);
            return;
        };
        let mut days = Vec::new();
        if from < keep_from {
            days.extend(assess_range(plan, from, add_days(keep_from, -1)));
        }
        if let (Some(i), Some(j)) = (self.index(keep_from), self.index(keep_to)) {
            days.extend(self.days.drain(i..=j));
        }
        if keep_to < to {
            days.extend(assess_range(plan, add_days(keep_to, 1), to));
        }
        *self = Assessments {
            from: Some(from),
            days,
        };
    }

    /// The first day of the range.
    pub fn first_day(&self) -> Option<Date> {
        self.from
    }

    /// The last day of the range; `None` when it holds no day.
    pub fn last_day(&self) -> Option<Date> {
        let from = self.from?;
        let last = i64::try_from(self.days.len()).ok()? - 1;
        (last >= 0).then(|| add_days(from, last))
    }

    /// The day's assessment, when the day lies in the range.
    pub fn get(&self, date: Date) -> Option<&Assessment> {
        self.days.get(self.index(date)?)
    }

    /// The day's verdict: `None` when it is not logged or outside the range.
    pub fn verdict(&self, date: Date) -> Option<Verdict> {
        self.get(date)?.verdict
    }

    /// Every day of the range, in date order.
    pub fn all(&self) -> &[Assessment] {
        &self.days
    }

    /// The days from `from` up to and including `to` that lie in the range.
    pub fn between(&self, from: Date, to: Date) -> &[Assessment] {
        let start = self.days.partition_point(|a| a.date < from);
        let end = self.days.partition_point(|a| a.date <= to);
        &self.days[start..end.max(start)]
    }

    fn index(&self, date: Date) -> Option<usize> {
        usize::try_from(days_between(self.from?, date))
            .ok()
            .filter(|&i| i < self.days.len())
    }
}
