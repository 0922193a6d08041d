//! On a Push day: a little more of today's session, when the week can afford it.
//!
//! Pushing is only right when tomorrow can absorb it, so the suggestion needs an easy next
//! day, room in the day's available minutes, and room in the week's load budget — last
//! week's planned load plus the plan's allowed growth. It is a suggestion: nothing applies
//! it but the runner.

use jiff::civil::Date;

use super::super::edit::Edit;
use super::super::plan::Plan;
use super::super::rules;
use super::super::session::{Kind, Session, SessionId};
use super::super::units::{Km, Minutes};
use super::super::week::{Week, add_days};
use super::ReplanRules;
use super::words;

/// A longer session on a Push day.
#[derive(Debug, Clone, PartialEq)]
pub struct PushSuggestion {
    pub id: SessionId,
    pub date: Date,
    pub kind: Kind,
    pub minutes: u16,
    pub to_minutes: u16,
    /// The session as it would be.
    pub session: Session,
    pub reason: String,
}

impl PushSuggestion {
    /// The edit that takes the suggestion.
    pub fn edit(&self) -> Edit {
        Edit::UpdateSession(self.session.clone())
    }
}

fn down_to_5(x: u32) -> u32 {
    x / 5 * 5
}

/// A longer session on `date`, if the next day is easy and the week's load budget and the
/// day's available minutes leave room for at least five more minutes.
pub fn suggest_push(
    plan: &Plan,
    today: Date,
    date: Date,
    rules: &ReplanRules,
) -> Option<PushSuggestion> {
    if date < today {
        return None;
    }
    // The longest session still to run that day; the first of equals.
    let session = plan
        .sessions_on(date)
        .iter()
        .filter(|s| s.done.is_none() && s.kind != Kind::Rest && s.minutes.get() > 0)
        .fold(None::<&Session>, |best, s| match best {
            Some(b) if b.minutes >= s.minutes => Some(b),
            _ => Some(s),
        })?;
    let tomorrow_hard = plan
        .sessions_on(add_days(date, 1))
        .iter()
        .any(|s| !s.is_skipped() && s.kind.is_hard());
    if tomorrow_hard {
        return None;
    }
    let week = Week::containing(date, plan.settings.week_start);
    let last = rules::planned_load(plan, week.previous());
    if last <= 0.0 {
        // No last week to measure growth against: no budget to spend.
        return None;
    }
    let growth = f64::from(plan.settings.load_growth_pct);
    let room = last * (100.0 + growth) / 100.0 - rules::planned_load(plan, week);
    if room <= 0.0 {
        return None;
    }
    let minutes = u32::from(session.minutes.get());
    let rpe = u32::from(session.planned_rpe());
    let by_share = (minutes * u32::from(rules.push_extend_pct) + 250) / 500 * 5;
    // The room is positive and finite; truncation only rounds it down.
    let by_load = down_to_5(room as u32 / rpe);
    let by_time = match plan.availability.max_minutes_on(date) {
        None => u32::MAX,
        Some(cap) => {
            let used: u32 = plan
                .sessions_on(date)
                .iter()
                .filter(|s| s.done.is_none())
                .map(|s| u32::from(s.minutes.get()))
                .sum();
            down_to_5(u32::from(cap).saturating_sub(used))
        }
    };
    let extra = by_share
        .min(by_load)
        .min(by_time)
        .min(u32::from(Minutes::MAX) - minutes);
    if extra < 5 {
        return None;
    }
    let to = minutes + extra;
    let to_minutes = Minutes::new(i64::from(to)).ok()?;
    let mut longer = session.clone();
    longer.minutes = to_minutes;
    longer.distance_km = session.distance_km.and_then(|d| {
        Km::new((d.get() * f64::from(to) / f64::from(minutes) * 10.0).round() / 10.0).ok()
    });
    let reason = format!(
        "Push day: the {} could go from {minutes} to {to} min; tomorrow is easy, and the week's \
         planned load stays within {} % of last week's",
        words::name(session.kind),
        plan.settings.load_growth_pct
    );
    Some(PushSuggestion {
        id: session.id,
        date,
        kind: session.kind,
        minutes: session.minutes.get(),
        to_minutes: to_minutes.get(),
        session: longer,
        reason,
    })
}
