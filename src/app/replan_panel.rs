//! The re-planner in the window: it offers a re-plan when a day calls for one, and turns the
//! planner's proposal into a preview the runner reads before anything changes.
//!
//! Three things call for a re-plan: a Hold back or Rest verdict, a missed (skipped) session,
//! and the runner's own request after dragging ("Fix the rest of my week" in the top bar).
//! All three ask the same planner the same way the command line does
//! (`ReplanRequest::after_verdict` from the day), so the window and `runweek replan` never
//! disagree; the trigger only changes the words around the proposal, and missed sessions
//! the runner asks about are named so that the planner tries to fit them in again.
//!
//! The offers sit above the grid, where the proposal's banner appears once asked for, so the
//! question and its answer share one place and the week they are about stays in view. They
//! are worked out once per change of the plan, today or the selected day, never per frame: a
//! verdict, a re-plan and a push suggestion each take well under a millisecond, but the
//! window is drawn sixty times a second. Each offer says what its proposal would do (how many
//! changes, whether every key session is kept), and a day whose week already holds says so
//! in one quiet line rather than offering an empty preview. The preview itself, with the
//! form expected on the key day (which needs the load trends), is only built on request.
//!
//! On a Push day with an easy day after it, the offers suggest a longer session within the
//! week's load budget instead. It is a suggestion shown as a preview like a re-plan: nothing
//! changes until Accept.

use std::collections::BTreeMap;

use eframe::egui::{self, RichText, Ui};
use jiff::civil::Date;

use super::preview::Preview;
use super::week_view::Tone;
use super::{Command, format, theme};
use crate::core::load::Trends;
use crate::core::plan::Plan;
use crate::core::replan::{
    self, Action, Change, DayLimit, Proposal, PushSuggestion, ReplanRequest, ReplanRules,
};
use crate::core::session::{Kind, Session, SessionId};
use crate::core::verdict::{self, Verdict};
use crate::core::week::{Week, add_days};

/// Why a re-plan is asked for. It changes the words around the proposal, not the proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    /// The day's verdict said Hold back or Rest.
    Verdict(Verdict),
    /// Sessions of the week were missed; the runner wants them fitted in again.
    Missed,
    /// The runner asked, typically after dragging sessions by hand.
    Request,
}

/// A re-plan the runner asked for: from which day, why, and which missed sessions to fit in
/// again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ask {
    /// The first day the re-plan may change; it runs to the end of this day's week.
    pub from: Date,
    pub trigger: Trigger,
    /// Skipped sessions to place again on a later day if the week's rules allow. Skipped
    /// key sessions are always placed again (as on the command line); these are the others
    /// the runner asked about.
    pub missed: Vec<SessionId>,
}

impl Ask {
    /// "Fix the rest of my week" on the week on show: from today, or from the week's first
    /// day when the whole week is still ahead; `None` for a week that is over.
    pub fn fix_week(week: Week, today: Date) -> Option<Ask> {
        (week.end() >= today).then(|| Ask {
            from: today.max(week.start()),
            trigger: Trigger::Request,
            missed: Vec::new(),
        })
    }
}

/// What the planner is asked: the request the day's verdict calls for, exactly as
/// `runweek replan` builds it, plus the missed sessions the runner named.
pub fn request(plan: &Plan, today: Date, ask: &Ask) -> ReplanRequest {
    let verdict = match ask.trigger {
        Trigger::Verdict(v) => Some(v),
        Trigger::Missed | Trigger::Request => verdict::assess(plan, ask.from).verdict,
    };
    let mut request = ReplanRequest::after_verdict(plan, today, ask.from, verdict);
    // A longer session on a Push day is offered on its own, never inside a re-plan.
    request.push = false;
    for id in &ask.missed {
        if !request.missed.contains(id) {
            request.missed.push(*id);
        }
    }
    request
}

/// The preview of the re-plan `ask` calls for, or — when the week already holds — the words
/// that say so instead of an empty preview.
///
/// # Errors
/// The proposal changes nothing: the message to show the runner.
pub fn propose(plan: &Plan, today: Date, ask: &Ask) -> Result<Preview, String> {
    let proposal = replan::replan(plan, &request(plan, today, ask), &ReplanRules::default());
    if proposal.is_empty() {
        return Err(nothing_to_change(plan, ask, &proposal));
    }
    Ok(preview_of(plan, ask, &proposal))
}

fn nothing_to_change(plan: &Plan, ask: &Ask, proposal: &Proposal) -> String {
    if let Some(message) = &proposal.message {
        return format!("Nothing to change. {message}");
    }
    let missed: Vec<String> = ask
        .missed
        .iter()
        .filter_map(|id| plan.session(*id))
        .filter(|s| s.is_skipped())
        .map(|s| format!("{} ({})", kind_and_title(s), weekday(s.date)))
        .collect();
    if missed.is_empty() {
        "Nothing to change: the week already holds.".to_owned()
    } else {
        format!(
            "Nothing to change: no later day this week can take {} without breaking the week's rules.",
            list(&missed)
        )
    }
}

/// The preview of a proposal: what the banner says, and a note for each changed card.
pub fn preview_of(plan: &Plan, ask: &Ask, proposal: &Proposal) -> Preview {
    let mut notes = BTreeMap::new();
    for change in &proposal.changes {
        notes.insert(change.id, note(plan, change));
    }
    let mut lines = Vec::new();
    if let Some(line) = limit_line(proposal) {
        lines.push(line);
    }
    let n = proposal.changes.len();
    lines.push(format!(
        "{n} change{}, marked ↻ on the cards:",
        if n == 1 { "" } else { "s" }
    ));
    lines.extend(proposal.changes.iter().map(|c| format!("• {}", c.reason)));
    let mut proposed = plan.clone();
    let applies = proposed.apply(proposal.batch()).is_ok();
    match &proposal.message {
        Some(message) => lines.push(format!("⚠ {message}")),
        None => lines.push(keys_kept_line(&proposal.week, proposal.from)),
    }
    if applies {
        lines.extend(form_lines(plan, &proposed, proposal.today, proposal.from));
    }
    Preview {
        title: title(ask, proposal),
        edits: proposal.edits.clone(),
        notes,
        lines,
    }
}

fn title(ask: &Ask, proposal: &Proposal) -> String {
    let day = format::day_short(proposal.from);
    match ask.trigger {
        Trigger::Verdict(Verdict::Rest) => format!("Re-plan from {day} after a Rest verdict"),
        Trigger::Verdict(v) => format!("Re-plan from {day} after a {}", v.label()),
        Trigger::Missed => {
            let what = if ask.missed.len() == 1 {
                "the missed session"
            } else {
                "the missed sessions"
            };
            format!("Re-plan from {day} to fit in {what}")
        }
        Trigger::Request => format!("Fix the rest of the week from {day}"),
    }
}

/// What the verdict of the first day allows, as the command line says it.
fn limit_line(proposal: &Proposal) -> Option<String> {
    let when = if proposal.from == proposal.today {
        "today".to_owned()
    } else {
        format!("on {}", weekday(proposal.from))
    };
    match proposal.limit {
        DayLimit::None => None,
        DayLimit::EasyOnly => Some(format!(
            "Hold back: only easy sessions {when}, and nothing hard the day after except a key session."
        )),
        DayLimit::RestOnly => Some(format!(
            "Rest: nothing but rest {when}, and nothing hard the day after except a key session."
        )),
    }
}

/// "Every key session is kept: …", naming them and their days.
fn keys_kept_line(week: &[Session], from: Date) -> String {
    let keys: Vec<String> = week
        .iter()
        .filter(|s| s.key && s.date >= from && s.done.is_none())
        .map(|s| format!("{} ({})", s.display_title(), weekday(s.date)))
        .collect();
    if keys.is_empty() {
        "No key session is left in the rest of this week.".to_owned()
    } else {
        format!("✔ Every key session is kept: {}.", list(&keys))
    }
}

/// The form expected on each key day still ahead in the week, as planned and as proposed.
/// Form is yesterday's fitness minus yesterday's fatigue, so it tells how fresh the runner
/// arrives at the key session.
fn form_lines(plan: &Plan, proposed: &Plan, today: Date, from: Date) -> Vec<String> {
    let week = Week::containing(from, plan.settings.week_start);
    let keys: Vec<&Session> = proposed
        .sessions_between(from, week.end())
        .iter()
        .filter(|s| s.key && s.done.is_none())
        .collect();
    if keys.is_empty() {
        return Vec::new();
    }
    let trends = Trends::compute(plan, today);
    keys.into_iter()
        .map(|s| {
            let after = signed(trends.form_on_with(proposed, from, s.date));
            let what = s.display_title();
            match plan.session(s.id).filter(|was| !was.is_skipped()) {
                Some(was) if was.date == s.date => format!(
                    "Form on {} ({what}): {} as planned → {after} with this plan (higher is fresher).",
                    weekday(s.date),
                    signed(trends.form_on(was.date)),
                ),
                Some(was) => format!(
                    "Form for {what}: {} on {} as planned → {after} on {} with this plan (higher is fresher).",
                    signed(trends.form_on(was.date)),
                    weekday(was.date),
                    weekday(s.date),
                ),
                None => format!(
                    "Form on {} ({what}, fitted in again): {after} with this plan (higher is fresher).",
                    weekday(s.date)
                ),
            }
        })
        .collect()
}

/// What a changed card says: the first line what changed (old → new, where it came from),
/// the second why. A dropped session has no card: its note is only the why.
fn note(plan: &Plan, change: &Change) -> String {
    let was = plan.session(change.id);
    let missed = was.is_some_and(Session::is_skipped);
    let why = why(&change.reason);
    let what = match change.action {
        Action::Drop => return why,
        Action::Move => {
            let mut what = if missed {
                format!("Missed on {}, fitted in here", weekday(change.from))
            } else {
                format!("Moved from {}", weekday(change.from))
            };
            if change.minutes != change.was_minutes {
                what.push_str(&format!(
                    ", {} → {} min",
                    change.was_minutes, change.minutes
                ));
            }
            what
        }
        Action::Shorten => format!("Shortened {} → {} min", change.was_minutes, change.minutes),
        Action::Downgrade => {
            let title = was
                .map(|s| s.title.trim())
                .filter(|t| !t.is_empty())
                .map_or_else(String::new, |t| format!(" “{t}”"));
            format!(
                "Was {}{title}, {} min → {} {} min",
                change.was_kind.label(),
                change.was_minutes,
                change.kind.label(),
                change.minutes
            )
        }
    };
    // A missed session's reason starts with "missed on Thu", which the first line says.
    let why = match why.strip_prefix("Missed on ") {
        Some(rest) if missed => rest.split_once(", and ").map(|(_, more)| capitalized(more)),
        _ => Some(why),
    };
    match why {
        Some(why) => format!("{what}\n{why}"),
        None => what,
    }
}

/// The reason without its first half, which the card already shows: "Tempo moved Thu → Fri:
/// Thu follows today's hold-back day" → "Thu follows today's hold-back day".
fn why(reason: &str) -> String {
    match reason.split_once(": ") {
        Some((_, why)) if !why.is_empty() => capitalized(why),
        _ => reason.to_owned(),
    }
}

fn capitalized(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Form as a signed number with a real minus sign: "+1.3", "−4.2", "−139", "0". Form is in
/// load units (minutes × RPE), so past ±10 a decimal only pretends to precision.
fn signed(x: f64) -> String {
    let digits = if x.abs() >= 9.95 { 0 } else { 1 };
    let text = format!("{:.*}", digits, x.abs());
    if text.trim_start_matches(['0', '.']).is_empty() {
        "0".to_owned()
    } else if x > 0.0 {
        format!("+{text}")
    } else {
        format!("−{text}")
    }
}

fn weekday(date: Date) -> String {
    date.strftime("%a").to_string()
}

/// `Tempo “3 x 10 min at threshold”`, or `Easy` for a session without a title.
fn kind_and_title(s: &Session) -> String {
    if s.title.trim().is_empty() {
        s.kind.label().to_owned()
    } else {
        format!("{} “{}”", s.kind.label(), s.title.trim())
    }
}

/// "a", "a and b", "a, b and c".
fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The preview of a longer session on a Push day.
pub fn extend_preview(plan: &Plan, today: Date, push: &PushSuggestion) -> Preview {
    let day = if push.date == today {
        "today's".to_owned()
    } else {
        format!("{}'s", weekday(push.date))
    };
    let what = plan
        .session(push.id)
        .map_or_else(|| push.kind.label().to_owned(), kind_and_title);
    // The reason's first half repeats the minutes the note's first line gives.
    let why = why(&push.reason);
    let why = why
        .split_once("; ")
        .map_or_else(|| why.clone(), |(_, rest)| capitalized(rest));
    let mut notes = BTreeMap::new();
    notes.insert(
        push.id,
        format!("Extended {} → {} min\n{why}", push.minutes, push.to_minutes),
    );
    let mut lines = vec![
        push.reason.clone(),
        "Only if the warm-up agrees: the first 10–15 minutes tell what kind of day it is."
            .to_owned(),
    ];
    let mut proposed = plan.clone();
    if proposed.apply(push.edit()).is_ok() {
        lines.extend(form_lines(plan, &proposed, today, push.date));
    }
    Preview {
        title: format!(
            "Extend {day} {what}: {} → {} min",
            push.minutes, push.to_minutes
        ),
        edits: vec![push.edit()],
        notes,
        lines,
    }
}

/// What the side panel offers for the selected day, worked out once per change.
#[derive(Debug, Default)]
pub struct ReplanPanel {
    cached: Option<(Key, Offers)>,
}

/// The offers are worked out again when any of these changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Key {
    rev: u64,
    today: Date,
    day: Date,
}

#[derive(Debug, Default)]
struct Offers {
    /// A Hold back or Rest day: the re-plan it calls for (missed sessions included).
    verdict: Option<Offer>,
    /// Missed sessions of the week when no verdict calls for a re-plan.
    missed: Option<Offer>,
    /// The missed sessions, in words: `Tempo “3 x 10 min” (Tue)`.
    missed_words: Vec<String>,
    /// A Push day with room for more.
    push: Option<(Date, PushSuggestion)>,
}

#[derive(Debug)]
struct Offer {
    ask: Ask,
    /// How many sessions the proposal changes (0: the week already holds).
    changes: usize,
    keeps_key: bool,
    /// Said when nothing changes.
    nothing: String,
}

impl Offer {
    /// What the proposal would do, in a sentence, before the runner opens it.
    fn summary(&self) -> String {
        let n = self.changes;
        let changes = format!("{n} change{}", if n == 1 { "" } else { "s" });
        if self.keeps_key {
            format!("The proposal makes {changes} and keeps every key session.")
        } else {
            format!("The proposal makes {changes}, but cannot keep every key session.")
        }
    }
}

/// What the offers need from the App.
#[derive(Debug, Clone, Copy)]
pub struct OfferArgs<'a> {
    pub plan: &'a Plan,
    /// The plan's revision: the offers are worked out again when it changes.
    pub rev: u64,
    pub today: Date,
    pub selected_day: Date,
}

impl ReplanPanel {
    fn offers(&mut self, args: &OfferArgs<'_>) -> &Offers {
        let key = Key {
            rev: args.rev,
            today: args.today,
            day: args.selected_day,
        };
        if self.cached.as_ref().is_none_or(|(k, _)| *k != key) {
            let offers = work_out(args.plan, args.today, args.selected_day);
            self.cached = Some((key, offers));
        }
        match &self.cached {
            Some((_, offers)) => offers,
            None => unreachable!("the offers were just worked out"),
        }
    }
}

/// The offers for a selected day: the day that speaks is the selected day if it is still
/// ahead and has a verdict that asks for something, else today when it is in the same week.
fn work_out(plan: &Plan, today: Date, selected: Date) -> Offers {
    let week = Week::containing(selected, plan.settings.week_start);
    if week.end() < today {
        // A week that is over: nothing can move onto a past day.
        return Offers::default();
    }
    let mut days = vec![];
    if selected >= today {
        days.push(selected);
    }
    if week.contains(today) && selected != today {
        days.push(today);
    }
    let verdicts: Vec<(Date, Verdict)> = days
        .iter()
        .filter_map(|&d| verdict::assess(plan, d).verdict.map(|v| (d, v)))
        .collect();
    let held_back = verdicts.iter().find(|(_, v)| v.is_held_back()).copied();
    let pushing = verdicts.iter().find(|(_, v)| *v == Verdict::Push).copied();

    let missed: Vec<&Session> = plan
        .sessions_between(week.start(), week.end())
        .iter()
        .filter(|s| s.is_skipped() && s.kind != Kind::Rest && s.minutes.get() > 0)
        .collect();
    let missed_ids: Vec<SessionId> = missed.iter().map(|s| s.id).collect();
    let missed_words = missed
        .iter()
        .map(|s| format!("{} ({})", kind_and_title(s), weekday(s.date)))
        .collect();

    let offer = |ask: Ask| {
        let proposal = replan::replan(plan, &request(plan, today, &ask), &ReplanRules::default());
        let nothing = if proposal.is_empty() {
            nothing_to_change(plan, &ask, &proposal)
        } else {
            String::new()
        };
        Offer {
            changes: proposal.changes.len(),
            keeps_key: proposal.keeps_key,
            nothing,
            ask,
        }
    };
    let mut offers = Offers {
        missed_words,
        ..Offers::default()
    };
    if let Some((day, v)) = held_back {
        offers.verdict = Some(offer(Ask {
            from: day,
            trigger: Trigger::Verdict(v),
            missed: missed_ids,
        }));
    } else if !missed_ids.is_empty() {
        offers.missed = Some(offer(Ask {
            from: today.max(week.start()),
            trigger: Trigger::Missed,
            missed: missed_ids,
        }));
    }
    if let Some((day, _)) = pushing {
        offers.push =
            replan::suggest_push(plan, today, day, &ReplanRules::default()).map(|p| (day, p));
    }
    offers
}

/// The offers above the grid, where a proposal shows once asked for: a re-plan on a Hold
/// back or Rest day or after a missed session, a longer session on a Push day. The App
/// calls this only while no proposal is on show.
pub fn replan_offer_ui(
    ui: &mut Ui,
    panel: &mut ReplanPanel,
    args: &OfferArgs<'_>,
    out: &mut Vec<Command>,
) {
    let offers = panel.offers(args);
    if let Some(offer) = &offers.verdict
        && let Trigger::Verdict(v) = offer.ask.trigger
    {
        let tone = if v == Verdict::Rest {
            Tone::Stop
        } else {
            Tone::Caution
        };
        let who = says(offer.ask.from, args.today);
        let headline = if offer.changes == 0 {
            format!("{who} says {}", v.label())
        } else {
            format!("{who} says {} — re-plan the rest of the week?", v.label())
        };
        let (day, next) = if offer.ask.from == args.today {
            ("today".to_owned(), "tomorrow".to_owned())
        } else {
            (
                format!("on {}", weekday(offer.ask.from)),
                format!("on {}", weekday(add_days(offer.ask.from, 1))),
            )
        };
        let rule = if v == Verdict::Rest {
            format!("Nothing but rest {day}")
        } else {
            format!("Only easy sessions {day}")
        };
        let mut detail = vec![format!(
            "{rule}, and nothing hard {next} except a key session. {}",
            offer.summary()
        )];
        if !offers.missed_words.is_empty() {
            detail.push(format!(
                "Missed this week: {}. The re-plan fits it in again if a later day has room.",
                list(&offers.missed_words)
            ));
        }
        if offer.changes == 0 {
            settled_line(ui, tone, &headline, &offer.nothing);
        } else {
            offer_strip(ui, tone, &headline, &detail, |ui| {
                offer_button(ui, args, offer, "Re-plan the rest of the week", out);
            });
        }
    } else if let Some(offer) = &offers.missed {
        let headline = format!("Missed this week: {}", list(&offers.missed_words));
        let detail = format!(
            "Fit it in again on a later day, within the week's rules? {}",
            offer.summary()
        );
        if offer.changes == 0 {
            settled_line(ui, Tone::Caution, &headline, &offer.nothing);
        } else {
            offer_strip(ui, Tone::Caution, &headline, &[detail], |ui| {
                offer_button(ui, args, offer, "Fit in the missed session", out);
            });
        }
    }
    if let Some((day, push)) = &offers.push {
        let headline = format!("{} says Push — room to extend", says(*day, args.today));
        offer_strip(
            ui,
            Tone::Good,
            &headline,
            std::slice::from_ref(&push.reason),
            |ui| {
                if ui
                    .button(RichText::new(format!("Extend to {} min", push.to_minutes)).strong())
                    .on_hover_text(
                        "Shows the longer session on the grid; nothing changes until you accept it",
                    )
                    .clicked()
                {
                    out.push(Command::ShowPreview(extend_preview(
                        args.plan, args.today, push,
                    )));
                }
            },
        );
    }
}

/// "Today", "Tomorrow", or the day: "Fri 27 Nov".
fn says(day: Date, today: Date) -> String {
    if day == today {
        "Today".to_owned()
    } else if day == add_days(today, 1) {
        "Tomorrow".to_owned()
    } else {
        format::day_short(day)
    }
}

/// One offer: a marked headline in the tone's colour with the action at the right, and a
/// line or two of detail under it.
fn offer_strip(
    ui: &mut Ui,
    tone: Tone,
    headline: &str,
    detail: &[String],
    action: impl FnOnce(&mut Ui),
) {
    let visuals = ui.visuals().clone();
    let color = theme::tone_color(tone, &visuals);
    egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(1.5, color))
        .show(ui, |ui| {
            ui.set_min_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.label(
                    RichText::new(format!("{} {headline}", theme::tone_mark(tone)))
                        .strong()
                        .color(color),
                );
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), action);
            });
            for line in detail.iter().filter(|l| !l.is_empty()) {
                ui.add(egui::Label::new(line.as_str()).wrap());
            }
        });
    ui.add_space(4.0);
}

/// A day that asked for a re-plan when the week already holds: one quiet line, so that the
/// runner sees the call was heard without a box asking for nothing.
fn settled_line(ui: &mut Ui, tone: Tone, headline: &str, nothing: &str) {
    let color = theme::tone_color(tone, ui.visuals());
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(format!("{} {headline}", theme::tone_mark(tone)))
                .strong()
                .color(color),
        );
        ui.label(nothing);
    });
    ui.add_space(4.0);
}

fn offer_button(
    ui: &mut Ui,
    args: &OfferArgs<'_>,
    offer: &Offer,
    label: &str,
    out: &mut Vec<Command>,
) {
    let n = offer.changes;
    if ui
        .button(RichText::new(label).strong())
        .on_hover_text(format!(
            "Shows the proposal on the grid ({n} change{}); nothing changes until you accept it",
            if n == 1 { "" } else { "s" }
        ))
        .clicked()
    {
        match propose(args.plan, args.today, &offer.ask) {
            Ok(preview) => out.push(Command::ShowPreview(preview)),
            // The offer was worked out for this very plan, so this only happens if the
            // planner disagrees with itself; say so rather than do nothing.
            Err(nothing) => out.push(Command::Refuse(nothing)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::edit::Edit;
    use crate::core::readiness::{Body, Breathing, Legs, ReadinessEntry, Recent, Stride, When};
    use jiff::civil::date;

    fn demo() -> Plan {
        crate::file::demo().expect("the demo parses")
    }

    fn wed() -> Date {
        date(2026, 11, 25)
    }

    fn hold_back() -> Ask {
        Ask {
            from: wed(),
            trigger: Trigger::Verdict(Verdict::HoldBack),
            missed: Vec::new(),
        }
    }

    fn check(actual: impl std::fmt::Debug, expected: impl std::fmt::Debug) {
        assert_eq!(format!("{actual:#?}"), format!("{expected:#?}"));
    }

    fn with(plan: &Plan, edit: Edit) -> Plan {
        let mut plan = plan.clone();
        plan.apply(edit).expect("the edit applies");
        plan
    }

    fn entry(day: Date) -> ReadinessEntry {
        ReadinessEntry::new(day, When::Morning)
    }

    fn push_entry(day: Date) -> ReadinessEntry {
        ReadinessEntry {
            legs: Legs::Responsive,
            breathing: Breathing::Controlled,
            recent: Recent::Stable,
            body: Body::Extend,
            ..entry(day)
        }
    }

    fn skipped(plan: &Plan, id: u64) -> Edit {
        let mut s = plan
            .session(SessionId(id))
            .expect("the session exists")
            .clone();
        s.done = Some(crate::core::session::Done::Skipped);
        Edit::UpdateSession(s)
    }

    fn ask(from: Date, trigger: Trigger, missed: &[u64]) -> Ask {
        Ask {
            from,
            trigger,
            missed: missed.iter().copied().map(SessionId).collect(),
        }
    }

    /// The preview as the runner reads it: title, card notes, banner lines.
    fn check_preview(
        plan: &Plan,
        today: Date,
        ask: &Ask,
        title: &str,
        notes: &[(u64, &str)],
        lines: &[&str],
    ) {
        let preview = propose(plan, today, ask).expect("something to change");
        let actual_notes: Vec<(u64, &str)> = preview
            .notes
            .iter()
            .map(|(id, note)| (id.0, note.as_str()))
            .collect();
        check(
            (preview.title.as_str(), actual_notes, &preview.lines),
            (title, notes, lines),
        );
        // The preview applies exactly the planner's edits, as one batch.
        let proposal = replan::replan(plan, &request(plan, today, ask), &ReplanRules::default());
        assert_eq!(preview.edits, proposal.edits);
    }

    fn thu() -> Date {
        date(2026, 11, 26)
    }

    fn fri() -> Date {
        date(2026, 11, 27)
    }

    #[test]
    fn a_hold_back_day_moves_the_tempo_away_from_it() {
        check_preview(
            &demo(),
            wed(),
            &hold_back(),
            "Re-plan from Wed 25 Nov after a Hold back",
            &[
                (
                    12,
                    "Moved from Thu, 55 → 45 min\nThu follows today's hold-back day, and Fri has only 45 min",
                ),
                (13, "Moved from Fri\nMakes room for the tempo moved to Fri"),
            ],
            &[
                "Hold back: only easy sessions today, and nothing hard the day after except a key session.",
                "2 changes, marked ↻ on the cards:",
                "• Tempo moved Thu → Fri, 55 → 45 min: Thu follows today's hold-back day, and Fri has only 45 min",
                "• Recovery run moved Fri → Thu: makes room for the tempo moved to Fri",
                "✔ Every key session is kept: Long run 18 km (Sun).",
                "Form on Sun (Long run 18 km): −139 as planned → −137 with this plan (higher is fresher).",
            ],
        );
    }

    #[test]
    fn a_rest_day_moves_its_run_and_drops_what_no_longer_fits() {
        let plan = with(
            &demo(),
            Edit::SetReadiness(ReadinessEntry {
                unwell: true,
                ..entry(wed())
            }),
        );
        check_preview(
            &plan,
            wed(),
            &ask(wed(), Trigger::Verdict(Verdict::Rest), &[]),
            "Re-plan from Wed 25 Nov after a Rest verdict",
            &[
                (11, "Moved from Wed\nToday is a rest day"),
                (
                    12,
                    "Moved from Thu, 55 → 45 min\nThu follows today's rest day, and Fri has only 45 min",
                ),
                // Dropped: no card, only why.
                (
                    13,
                    "Makes room for the tempo moved to Fri, and no other day this week has room for it",
                ),
            ],
            &[
                "Rest: nothing but rest today, and nothing hard the day after except a key session.",
                "3 changes, marked ↻ on the cards:",
                "• Easy run moved Wed → Thu: today is a rest day",
                "• Tempo moved Thu → Fri, 55 → 45 min: Thu follows today's rest day, and Fri has only 45 min",
                "• Recovery run dropped: makes room for the tempo moved to Fri, and no other day this week has room for it",
                "✔ Every key session is kept: Long run 18 km (Sun).",
                "Form on Sun (Long run 18 km): −139 as planned → −134 with this plan (higher is fresher).",
            ],
        );
    }

    #[test]
    fn a_downgraded_session_says_what_it_was() {
        let plan = with(
            &demo(),
            Edit::SetReadiness(ReadinessEntry {
                legs: Legs::Heavy,
                stride: Stride::Rough,
                ..entry(thu())
            }),
        );
        check_preview(
            &plan,
            thu(),
            &ask(thu(), Trigger::Verdict(Verdict::HoldBack), &[]),
            "Re-plan from Thu 26 Nov after a Hold back",
            &[(
                12,
                "Was Tempo “3 x 10 min at threshold”, 55 min → Easy 40 min\nToday is a hold-back day, and no other day this week has room for it",
            )],
            &[
                "Hold back: only easy sessions today, and nothing hard the day after except a key session.",
                "1 change, marked ↻ on the cards:",
                "• Tempo became a 40-minute easy run: today is a hold-back day, and no other day this week has room for it",
                "✔ Every key session is kept: Long run 18 km (Sun).",
                "Form on Sun (Long run 18 km): −130 as planned → −110 with this plan (higher is fresher).",
            ],
        );
    }

    #[test]
    fn a_missed_session_is_fitted_in_on_a_later_day() {
        let plan = with(&demo(), skipped(&demo(), 12));
        check_preview(
            &plan,
            fri(),
            &ask(fri(), Trigger::Missed, &[12]),
            "Re-plan from Fri 27 Nov to fit in the missed session",
            &[
                (
                    12,
                    "Missed on Thu, fitted in here, 55 → 45 min\nFri has only 45 min",
                ),
                (
                    13,
                    "Makes room for the tempo moved to Fri, and no other day this week has room for it",
                ),
            ],
            &[
                "2 changes, marked ↻ on the cards:",
                "• Tempo moved Thu → Fri, 55 → 45 min: missed on Thu, and Fri has only 45 min",
                "• Recovery run dropped: makes room for the tempo moved to Fri, and no other day this week has room for it",
                "✔ Every key session is kept: Long run 18 km (Sun).",
                "Form on Sun (Long run 18 km): −100 as planned → −124 with this plan (higher is fresher).",
            ],
        );
    }

    #[test]
    fn a_missed_key_session_shows_the_form_on_its_new_day() {
        let no_check = with(
            &demo(),
            Edit::RemoveReadiness {
                date: wed(),
                when: When::Morning,
            },
        );
        let plan = with(&no_check, skipped(&no_check, 10));
        let preview = propose(&plan, wed(), &ask(wed(), Trigger::Missed, &[10])).expect("a change");
        check(
            (
                &preview.notes[&SessionId(10)],
                &preview.lines[preview.lines.len() - 3..],
            ),
            (
                "Missed on Tue, fitted in here",
                [
                    "✔ Every key session is kept: 5 x 1000 m (Wed) and Long run 18 km (Sun).",
                    "Form on Wed (5 x 1000 m, fitted in again): −107 with this plan (higher is fresher).",
                    "Form on Sun (Long run 18 km): −114 as planned → −141 with this plan (higher is fresher).",
                ],
            ),
        );
    }

    #[test]
    fn a_week_dragged_by_hand_is_fixed_on_request() {
        let plan = with(
            &demo(),
            Edit::MoveSession {
                id: SessionId(12),
                to: date(2026, 11, 28),
                index: None,
            },
        );
        let week = Week::containing(wed(), plan.settings.week_start);
        let fix = Ask::fix_week(week, wed()).expect("the week is not over");
        check_preview(
            &plan,
            wed(),
            &fix,
            "Fix the rest of the week from Wed 25 Nov",
            &[
                (
                    12,
                    "Moved from Sat, 55 → 45 min\nSat is the day before the key long run, and Fri has only 45 min",
                ),
                (13, "Moved from Fri\nMakes room for the tempo moved to Fri"),
            ],
            &[
                // Today's verdict still holds on request, as on the command line.
                "Hold back: only easy sessions today, and nothing hard the day after except a key session.",
                "2 changes, marked ↻ on the cards:",
                "• Recovery run moved Fri → Thu: makes room for the tempo moved to Fri",
                "• Tempo moved Sat → Fri, 55 → 45 min: Sat is the day before the key long run, and Fri has only 45 min",
                "✔ Every key session is kept: Long run 18 km (Sun).",
                "Form on Sun (Long run 18 km): −151 as planned → −137 with this plan (higher is fresher).",
            ],
        );
    }

    #[test]
    fn a_key_session_that_cannot_be_kept_is_said_plainly() {
        let sun = date(2026, 11, 29);
        let plan = with(
            &demo(),
            Edit::SetReadiness(ReadinessEntry {
                unwell: true,
                ..entry(sun)
            }),
        );
        let preview =
            propose(&plan, sun, &ask(sun, Trigger::Verdict(Verdict::Rest), &[])).expect("a change");
        check(
            preview
                .lines
                .iter()
                .filter(|l| l.starts_with('⚠'))
                .collect::<Vec<_>>(),
            [
                "⚠ No day this week can hold the long run without breaking the rules; this is the best week without it.",
            ],
        );
    }

    #[test]
    fn an_empty_proposal_says_why_instead_of_showing_nothing() {
        let accepted = with(
            &demo(),
            Edit::Batch(
                propose(&demo(), wed(), &hold_back())
                    .expect("a change")
                    .edits,
            ),
        );
        check(
            propose(&accepted, wed(), &hold_back()),
            Err::<Preview, _>("Nothing to change: the week already holds."),
        );
        // The missed tempo cannot go on Saturday, the day before the key long run.
        let sat = date(2026, 11, 28);
        let missed = with(&demo(), skipped(&demo(), 12));
        check(
            propose(&missed, sat, &ask(sat, Trigger::Missed, &[12])),
            Err::<Preview, _>(
                "Nothing to change: no later day this week can take Tempo “3 x 10 min at threshold” (Thu) without breaking the week's rules.",
            ),
        );
    }

    /// The offers for a selected day, in short: the verdict offer's day and changes, the
    /// missed offer's day and changes, the push suggestion's minutes.
    type Short = (
        Option<(Date, usize)>,
        Option<(Date, usize)>,
        Option<(u16, u16)>,
    );

    fn check_offers(plan: &Plan, today: Date, selected: Date, expected: Short) {
        let offers = work_out(plan, today, selected);
        let short = |o: &Option<Offer>| o.as_ref().map(|o| (o.ask.from, o.changes));
        check(
            (
                short(&offers.verdict),
                short(&offers.missed),
                offers.push.as_ref().map(|(_, p)| (p.minutes, p.to_minutes)),
            ),
            expected,
        );
    }

    #[test]
    fn offers_follow_the_days_that_call_for_them() {
        let plan = demo();
        // Today's Hold back shows on today and on any later day of the week.
        check_offers(&plan, wed(), wed(), (Some((wed(), 2)), None, None));
        check_offers(&plan, wed(), fri(), (Some((wed(), 2)), None, None));
        check_offers(
            &plan,
            wed(),
            date(2026, 11, 23),
            (Some((wed(), 2)), None, None),
        );
        // A week that is over offers nothing; next week has no verdict yet.
        check_offers(&plan, wed(), date(2026, 11, 18), (None, None, None));
        check_offers(&plan, wed(), date(2026, 12, 2), (None, None, None));
        // After a re-plan is accepted the offer stays, with nothing left to change.
        let accepted = with(
            &plan,
            Edit::Batch(propose(&plan, wed(), &hold_back()).expect("a change").edits),
        );
        check_offers(&accepted, wed(), wed(), (Some((wed(), 0)), None, None));
        // A missed session without a bad day.
        let missed = with(&plan, skipped(&plan, 12));
        check_offers(&missed, fri(), fri(), (None, Some((fri(), 2)), None));
        // A Push day with an easy day after it.
        let push = with(&plan, Edit::SetReadiness(push_entry(fri())));
        check_offers(&push, fri(), fri(), (None, None, Some((30, 35))));
        // A Push day before a hard day has no room to extend.
        let push_wed = with(&plan, Edit::SetReadiness(push_entry(wed())));
        check_offers(&push_wed, wed(), wed(), (None, None, None));
    }

    #[test]
    fn a_push_day_suggests_a_longer_session_as_a_preview() {
        let plan = with(&demo(), Edit::SetReadiness(push_entry(fri())));
        let push = replan::suggest_push(&plan, fri(), fri(), &ReplanRules::default())
            .expect("room to extend");
        let preview = extend_preview(&plan, fri(), &push);
        check(
            (
                &preview.title,
                &preview.notes[&SessionId(13)],
                &preview.lines,
            ),
            (
                "Extend today's Recovery: 30 → 35 min",
                "Extended 30 → 35 min\nTomorrow is easy, and the week's planned load stays within 10 % of last week's",
                [
                    "Push day: the recovery run could go from 30 to 35 min; tomorrow is easy, and the week's planned load stays within 10 % of last week's",
                    "Only if the warm-up agrees: the first 10–15 minutes tell what kind of day it is.",
                    "Form on Sun (Long run 18 km): −100 as planned → −101 with this plan (higher is fresher).",
                ],
            ),
        );
        assert_eq!(preview.edits, [push.edit()]);
    }

    #[test]
    fn every_character_a_preview_or_offer_draws_has_a_glyph() {
        let ctx = egui::Context::default();
        // The window's own fonts, as the app sets them up.
        theme::apply_style(&ctx);
        ctx.run_ui(Default::default(), |_| {})
            .drop_without_applying_deltas();
        let font = egui::FontId::proportional(13.0);
        // Previews of every kind of change, with the planner's own words in them.
        let plan = demo();
        let rest = with(
            &plan,
            Edit::SetReadiness(ReadinessEntry {
                unwell: true,
                ..entry(wed())
            }),
        );
        let downgrade = with(
            &plan,
            Edit::SetReadiness(ReadinessEntry {
                legs: Legs::Heavy,
                stride: Stride::Rough,
                ..entry(thu())
            }),
        );
        let push_plan = with(&plan, Edit::SetReadiness(push_entry(fri())));
        let push = replan::suggest_push(&push_plan, fri(), fri(), &ReplanRules::default())
            .expect("room to extend");
        let previews = [
            propose(&plan, wed(), &hold_back()),
            propose(
                &rest,
                wed(),
                &ask(wed(), Trigger::Verdict(Verdict::Rest), &[]),
            ),
            propose(
                &downgrade,
                thu(),
                &ask(thu(), Trigger::Verdict(Verdict::HoldBack), &[]),
            ),
            Ok(extend_preview(&push_plan, fri(), &push)),
        ];
        let mut text = String::new();
        for preview in previews {
            let preview = preview.expect("a change");
            text.push_str(&preview.title);
            preview.notes.values().for_each(|n| text.push_str(n));
            preview.lines.iter().for_each(|l| text.push_str(l));
        }
        // The marks the offers, the cards and the dropped list draw themselves.
        text.push_str("↻✖✔⚠—");
        for tone in [Tone::Good, Tone::Caution, Tone::Stop] {
            text.push_str(theme::tone_mark(tone));
        }
        for c in text.chars().filter(|c| !c.is_ascii()) {
            assert!(
                ctx.fonts_mut(|f| f.has_glyph(&font, c)),
                "no glyph for {c} (U+{:04X})",
                c as u32
            );
        }
    }

    #[test]
    fn form_reads_as_a_signed_number() {
        for (x, expected) in [
            (1.34, "+1.3"),
            (-4.21, "−4.2"),
            (0.04, "0"),
            (-0.04, "0"),
            (-139.04, "−139"),
            (9.96, "+10"),
            (12.6, "+13"),
        ] {
            check(signed(x), expected);
        }
    }

    #[test]
    fn fixing_the_week_starts_today_or_when_the_week_starts() {
        let this = Week::containing(wed(), crate::core::settings::WeekStart::Monday);
        check(Ask::fix_week(this, wed()).map(|a| a.from), Some(wed()));
        check(
            Ask::fix_week(this.next(), wed()).map(|a| a.from),
            Some(date(2026, 11, 30)),
        );
        check(Ask::fix_week(this.previous(), wed()), None::<Ask>);
    }
}
