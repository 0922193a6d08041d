//! The readiness check-in for the selected day, and the day's verdict above it.
//!
//! The article's point is that readiness is read from the body, in the morning or after the
//! first 10–15 minutes of the run, and that the call is only trusted when its reasons are
//! visible. So the panel puts the verdict (Push, As planned, Hold back, Rest, or "Not logged")
//! on top with one line per reason, and below it the two moments, the six signals as one
//! click each, and the optional numbers.
//!
//! Logging has to take seconds, and each gesture must be one undo step: a click on a signal
//! applies at once as one `Edit::SetReadiness`; a typed number applies when Enter is pressed
//! or the field loses focus (never per keystroke), and a value out of range is refused under
//! the field with its allowed range. What was typed but not yet applied is applied when the
//! panel moves to another day or moment, or refused with a message, so nothing is dropped
//! silently.
//!
//! The panel shares the side panel with the session editor, so it gives way: while a session
//! is open the form folds under the verdict (what was typed is applied first), and a day
//! still ahead shows no form at all, because a check describes a day that has begun.
//!
//! The verdict itself comes from `core::verdict`, computed once per change with the week's
//! view (see [`super::week_view`]); this file only reads it.

use eframe::egui::{
    self, Align, Button, CollapsingHeader, Frame, Grid, Layout, RichText, TextEdit, Ui,
};
use jiff::civil::Date;

use super::notices::error_color;
use super::week_view::{DayBadge, Tone};
use super::{Command, format, theme};
use crate::core::edit::Edit;
use crate::core::plan::Plan;
use crate::core::readiness::{
    Body, Breathing, HeartRate, Legs, ReadinessEntry, Recent, Stride, When,
};
use crate::core::units::{Bpm, HrvMs, OutOfRange, Score, SleepHours};
use crate::core::verdict::{self, Assessment, Baselines, CarryOver, Effect, Verdict};

/// What the panel remembers between frames: the moment on show, whether "Why?" is open,
/// and the numbers being typed.
#[derive(Debug, Clone, Default)]
pub struct ReadinessPanel {
    /// The moment chosen for a day; another day starts from its own default.
    moment: Option<(Date, When)>,
    why: bool,
    draft: Option<Draft>,
    /// The tallest the verdict and its reasons have been on the day shown: the panel keeps
    /// that height while the runner clicks through the signals, so that the buttons below
    /// do not jump up when a reason goes away.
    verdict_height: Option<(Date, f32)>,
    /// Whether the form was folded away last frame (a session open in the editor).
    compact: bool,
}

/// What the panel reads besides its own state.
#[derive(Debug, Clone, Copy)]
pub struct ReadinessArgs<'a> {
    pub plan: &'a Plan,
    pub date: Date,
    pub today: Date,
    /// The day's verdict, computed with the week's view.
    pub assessment: &'a Assessment,
    /// A session of the day is open in the editor: the form folds away under the verdict.
    pub session_open: bool,
}

/// The colour-independent tone of a verdict: the badge and the panel add its mark and word.
pub fn verdict_tone(v: Verdict) -> Tone {
    match v {
        Verdict::Push => Tone::Good,
        Verdict::AsPlanned => Tone::Neutral,
        Verdict::HoldBack => Tone::Caution,
        Verdict::Rest => Tone::Stop,
    }
}

/// The badge on a day's header in the grid: the verdict's word, with the reasons on hover.
/// A day without a check has no badge: an empty header reads as "not logged", and a guess
/// would be worse than nothing.
pub fn badge(a: &Assessment) -> Option<DayBadge> {
    let v = a.verdict?;
    Some(DayBadge {
        text: v.label().to_owned(),
        tone: verdict_tone(v),
        reasons: a.reasons.iter().map(reason_line).collect(),
    })
}

/// A reason as one line of text, saying when it did not count.
fn reason_line(r: &verdict::Reason) -> String {
    if r.counted() {
        format!("{} {}", effect_mark(r.effect), r.text)
    } else {
        format!("{} {} (not counted)", effect_mark(r.effect), r.text)
    }
}

fn effect_mark(effect: Effect) -> &'static str {
    match effect {
        Effect::Rest => theme::tone_mark(Tone::Stop),
        Effect::HoldBack | Effect::CarryOver => theme::tone_mark(Tone::Caution),
        Effect::Push | Effect::Lift => theme::tone_mark(Tone::Good),
        Effect::NotCounted => "–",
    }
}

fn effect_tone(effect: Effect) -> Tone {
    match effect {
        Effect::Rest => Tone::Stop,
        Effect::HoldBack | Effect::CarryOver => Tone::Caution,
        Effect::Push | Effect::Lift => Tone::Good,
        Effect::NotCounted => Tone::Neutral,
    }
}

/// The banner above the grid when fatigue is carrying over into the shown week: as of today
/// for this week, as of its last day for a past week, as of its first day for a week ahead.
/// It reads the assessments the week's view already holds, so it costs a frame nothing.
pub fn week_carry_over_ui(ui: &mut Ui, view: &super::week_view::WeekView, today: Date) {
    let as_of = today.clamp(view.week.start(), view.week.end());
    if let Some(carry) = view
        .day(as_of)
        .and_then(|d| d.assessment.carry_over.as_ref())
    {
        carry_over_ui(ui, as_of, carry);
        ui.add_space(4.0);
    }
}

/// "Fatigue is carrying over" with its evidence and the lighter week it proposes, as of
/// `as_of`. It is about the week, not one day.
fn carry_over_ui(ui: &mut Ui, as_of: Date, carry: &CarryOver) {
    let visuals = ui.visuals().clone();
    let color = theme::tone_color(Tone::Caution, &visuals);
    Frame::group(ui.style())
        .stroke(egui::Stroke::new(1.5, color))
        .show(ui, |ui| {
            ui.set_min_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(format!(
                        "{} {}",
                        theme::tone_mark(Tone::Caution),
                        CarryOver::HEADLINE
                    ))
                    .strong()
                    .color(color),
                );
                ui.label(RichText::new(format!("as of {}", format::day_short(as_of))).weak());
            });
            for line in &carry.evidence {
                ui.add(egui::Label::new(line.as_str()).wrap());
            }
            ui.add(egui::Label::new(RichText::new(CarryOver::PROPOSAL).italics()).wrap());
        });
}

/// The panel: the verdict, the moments, the signals, the numbers, the notes.
pub fn readiness_ui(
    ui: &mut Ui,
    panel: &mut ReadinessPanel,
    args: &ReadinessArgs<'_>,
    out: &mut Vec<Command>,
) {
    let date = args.date;
    let when = match panel.moment {
        Some((d, w)) if d == date => w,
        _ => {
            // A day opens on the check that decides it.
            let w = if args.plan.readiness_on(date, When::WarmUp).is_some() {
                When::WarmUp
            } else {
                When::Morning
            };
            panel.moment = Some((date, w));
            w
        }
    };
    let mut current = args.plan.readiness_on(date, when);
    sync_draft(panel, args.plan, date, when, current, out);
    // Folding the form away is like focus leaving it: what was typed is applied (or
    // refused with a message) now, not left behind in a hidden field.
    let flushed = if args.session_open && !panel.compact {
        let flushed = panel
            .draft
            .take()
            .and_then(|draft| leave(&draft, args.plan, out));
        panel.draft = Some(Draft::of(date, when, flushed.as_ref().or(current)));
        flushed
    } else {
        None
    };
    panel.compact = args.session_open;
    if flushed.is_some() {
        current = flushed.as_ref();
    }

    let reserved = match panel.verdict_height {
        Some((d, h)) if d == date => h,
        _ => 0.0,
    };
    let height = verdict_ui(ui, args, &mut panel.why, reserved, out);
    panel.verdict_height = Some((date, height.max(reserved)));
    ui.add_space(6.0);

    let future = date > args.today;
    let logged_any = !args.plan.readiness_between(date, date).is_empty();
    if future && !logged_any {
        ui.add(
            egui::Label::new(
                RichText::new(
                    "The check is logged on the day: in the morning, or after the first \
                     10–15 minutes of the run.",
                )
                .weak(),
            )
            .wrap(),
        );
        return;
    }

    if args.session_open {
        // A session is open in the editor below: the verdict stays, the form folds away
        // so that the editor is in view.
        CollapsingHeader::new("Log how the body responds")
            .id_salt("readiness form while editing")
            .default_open(false)
            .show(ui, |ui| form_ui(ui, panel, args, when, current, out));
    } else {
        form_ui(ui, panel, args, when, current, out);
    }
}

/// The moments, the signals, the switches, the numbers, the notes and Clear.
fn form_ui(
    ui: &mut Ui,
    panel: &mut ReadinessPanel,
    args: &ReadinessArgs<'_>,
    when: When,
    // The check as the plan has it, or as just applied this frame.
    current: Option<&ReadinessEntry>,
    out: &mut Vec<Command>,
) {
    let date = args.date;
    let Some(draft) = panel.draft.as_mut() else {
        return;
    };
    let mut moment = when;
    moments_ui(ui, args.plan, date, &mut moment);
    if moment != when {
        panel.moment = Some((date, moment));
        ui.ctx().request_repaint();
    }
    ui.add_space(4.0);

    let mut pending = Pending::new(current, date, when);
    signals_ui(ui, args, &mut pending, out);
    ui.add_space(4.0);
    switches_ui(ui, when, &mut pending, out);
    numbers_ui(ui, draft, current, &mut pending, out);
    notes_ui(ui, draft, &mut pending, out);

    ui.add_space(4.0);
    let clear = format!("Clear the {}", moment_words(when));
    let response = ui
        .add_enabled(current.is_some(), Button::new(&clear))
        .on_hover_text("Remove this check from the plan (Ctrl+Z brings it back)")
        .on_disabled_hover_text("Nothing logged for this moment yet");
    if response.clicked() {
        out.push(Command::Edit(Edit::RemoveReadiness { date, when }));
    }
}

fn moment_words(when: When) -> &'static str {
    match when {
        When::Morning => "morning check",
        When::WarmUp => "warm-up check",
    }
}

/// The verdict, large, with its reasons; "Why?" opens the rules and the baselines.
/// Returns the height of the verdict and its reasons ("Why?" aside), at least `reserved`.
fn verdict_ui(
    ui: &mut Ui,
    args: &ReadinessArgs<'_>,
    why: &mut bool,
    reserved: f32,
    out: &mut Vec<Command>,
) -> f32 {
    let a = args.assessment;
    let visuals = ui.visuals().clone();
    let tone = a.verdict.map(verdict_tone);
    let stroke_color = tone.map_or(visuals.widgets.noninteractive.bg_stroke.color, |t| {
        theme::tone_color(t, &visuals)
    });
    Frame::group(ui.style())
        .stroke(egui::Stroke::new(1.5, stroke_color))
        .fill(theme::card_fill(&visuals))
        .inner_margin(egui::Margin::same(8))
        .show(ui, |ui| {
            ui.set_min_width(ui.available_width());
            let verdict = ui.scope(|ui| {
                ui.set_min_height(reserved);
                ui.horizontal(|ui| {
                    match a.verdict {
                        Some(v) => {
                            let color = theme::tone_color(verdict_tone(v), &visuals);
                            ui.label(
                                RichText::new(theme::tone_mark(verdict_tone(v)))
                                    .size(22.0)
                                    .color(color),
                            );
                            ui.label(RichText::new(v.label()).size(24.0).strong().color(color));
                        }
                        None => {
                            ui.label(
                                RichText::new("Not logged")
                                    .size(24.0)
                                    .strong()
                                    .color(visuals.weak_text_color()),
                            );
                        }
                    }
                    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                        ui.toggle_value(why, "Why?").on_hover_text(
                            "The rules with the thresholds in force, and your baselines",
                        );
                    });
                });
                match a.verdict {
                    Some(_) => {
                        let by = match a.decided_by {
                            Some(When::WarmUp) => "Decided by the warm-up check",
                            _ => "Decided by the morning check",
                        };
                        ui.add(
                            egui::Label::new(
                                RichText::new(format!(
                                    "{by} · {} hold-back, {} push signal{}",
                                    a.hold_back_signals,
                                    a.push_signals,
                                    if a.push_signals == 1 { "" } else { "s" }
                                ))
                                .small()
                                .weak(),
                            )
                            .wrap(),
                        );
                        if a.reasons.is_empty() {
                            ui.add(
                                egui::Label::new("Every signal normal: nothing to hold back for.")
                                    .wrap(),
                            );
                        }
                        for reason in &a.reasons {
                            reason_ui(ui, reason);
                        }
                    }
                    None => {
                        let text = if args.date > args.today {
                            "No check yet: this day is still ahead."
                        } else if args.date == args.today {
                            "No check yet, so no verdict. One click per signal below."
                        } else {
                            "No check was logged on this day, so it has no verdict."
                        };
                        ui.add(egui::Label::new(RichText::new(text).weak()).wrap());
                    }
                }
            });
            if *why {
                ui.separator();
                why_ui(ui, args, out);
            }
            verdict.response.rect.height()
        })
        .inner
}

/// One reason: a coloured mark (the mark's shape carries the meaning too) and plain words.
fn reason_ui(ui: &mut Ui, reason: &verdict::Reason) {
    let visuals = ui.visuals().clone();
    ui.horizontal_top(|ui| {
        ui.spacing_mut().item_spacing.x = 6.0;
        ui.label(
            RichText::new(effect_mark(reason.effect))
                .color(theme::tone_color(effect_tone(reason.effect), &visuals)),
        );
        if reason.counted() {
            ui.add(egui::Label::new(reason.text.as_str()).wrap());
        } else {
            ui.add(
                egui::Label::new(RichText::new(format!("{} (not counted)", reason.text)).weak())
                    .wrap(),
            );
        }
    });
}

/// The rule table with the thresholds in force, and the day's baselines.
fn why_ui(ui: &mut Ui, args: &ReadinessArgs<'_>, out: &mut Vec<Command>) {
    ui.label(RichText::new("The rules in force").strong());
    for line in verdict::rule_lines(&args.plan.settings.verdict) {
        ui.horizontal_top(|ui| {
            ui.label("•");
            ui.add(egui::Label::new(RichText::new(line).small()).wrap());
        });
    }
    ui.add_space(4.0);
    ui.label(RichText::new("Your baselines on this day").strong());
    for line in baseline_lines(&args.assessment.baselines, &args.plan.settings.verdict) {
        ui.horizontal_top(|ui| {
            ui.label("•");
            ui.add(egui::Label::new(RichText::new(line).small()).wrap());
        });
    }
    ui.add_space(4.0);
    if ui
        .button("Change the thresholds…")
        .on_hover_text("Settings › Readiness rules")
        .clicked()
    {
        super::verdict_settings::request_open(ui.ctx());
        out.push(Command::OpenSettings);
    }
}

/// The baselines in words, saying "no baseline yet" with the readings there are.
fn baseline_lines(b: &Baselines, r: &crate::core::settings::VerdictRules) -> Vec<String> {
    let resting = match b.resting_hr {
        Some(hr) => format!(
            "Resting HR: {hr:.1} bpm, the mean of {} readings over the previous {} days",
            b.resting_hr_readings, r.baseline_days
        ),
        None => format!(
            "Resting HR: no baseline yet ({} of {} readings in the previous {} days)",
            b.resting_hr_readings, r.resting_hr_min_readings, r.baseline_days
        ),
    };
    let recent = match b.hrv_ln_rmssd_mean {
        Some(m) => format!(
            "HRV: {}-day average {:.1} ms (ln RMSSD {m:.3}, {} readings)",
            r.hrv_recent_days,
            m.exp(),
            b.hrv_recent_readings
        ),
        None => format!(
            "HRV average: no baseline yet ({} of {} readings in the last {} days)",
            b.hrv_recent_readings, r.hrv_min_readings, r.hrv_recent_days
        ),
    };
    let band = match b.hrv_band {
        Some((lo, hi)) => format!(
            "HRV usual band: {:.1}–{:.1} ms (ln RMSSD {lo:.3}–{hi:.3}, {} readings over the \
             previous {} days)",
            lo.exp(),
            hi.exp(),
            b.hrv_baseline_readings,
            r.baseline_days
        ),
        None => format!(
            "HRV usual band: no baseline yet ({} of {} readings in the previous {} days)",
            b.hrv_baseline_readings,
            r.hrv_baseline_min_readings.max(2),
            r.baseline_days
        ),
    };
    vec![resting, recent, band]
}

/// The two moments, as two tabs; a tab with a check logged says so.
fn moments_ui(ui: &mut Ui, plan: &Plan, date: Date, moment: &mut When) {
    ui.horizontal(|ui| {
        for (when, label) in [
            (When::Morning, "Morning check"),
            (When::WarmUp, "Warm-up check"),
        ] {
            let logged = plan.readiness_on(date, when).is_some();
            let text = if logged {
                format!("{label} ✔")
            } else {
                label.to_owned()
            };
            let name = if logged {
                format!("{label}, logged")
            } else {
                label.to_owned()
            };
            let response = ui
                .add(Button::selectable(*moment == when, text))
                .accessible_name(name);
            let hover = match (when, logged) {
                (When::Morning, true) => "Before the run: logged",
                (When::Morning, false) => "Before the run: not logged",
                (When::WarmUp, true) => "After the first 10–15 minutes of the run: logged",
                (When::WarmUp, false) => "After the first 10–15 minutes of the run: not logged",
            };
            if response.on_hover_text(hover).clicked() {
                *moment = when;
            }
        }
    });
    let hint = match *moment {
        When::Morning => "Before the run: how does the body feel?",
        When::WarmUp => {
            "After the first 10–15 minutes of the run: just observe how the body responds. \
             This check decides the day."
        }
    };
    ui.add(egui::Label::new(RichText::new(hint).small().weak()).wrap());
}

/// One of the article's signals: its name, its three answers, and how it sits in an entry.
struct Signal {
    name: &'static str,
    /// Push side, Normal, hold-back side: the article's words.
    words: [&'static str; 3],
    get: fn(&ReadinessEntry) -> usize,
    set: fn(&mut ReadinessEntry, usize),
}

fn position<T: PartialEq + Copy>(all: &[T; 3], value: T) -> usize {
    all.iter().position(|v| *v == value).unwrap_or(1)
}

/// The six signals, in the order of the article's table.
const SIGNALS: [Signal; 6] = [
    Signal {
        name: "Legs",
        words: [
            "Responsive, not just rested",
            "Normal",
            "Heavy early in the run",
        ],
        get: |e| position(&Legs::ALL, e.legs),
        set: |e, i| e.legs = Legs::ALL[i],
    },
    Signal {
        name: "Breathing at moderate effort",
        words: ["Controlled", "Normal", "Laboured"],
        get: |e| position(&Breathing::ALL, e.breathing),
        set: |e, i| e.breathing = Breathing::ALL[i],
    },
    Signal {
        name: "Heart rate at easy effort",
        words: ["As expected or lower", "Normal", "Higher than expected"],
        get: |e| position(&HeartRate::ALL, e.heart_rate),
        set: |e, i| e.heart_rate = HeartRate::ALL[i],
    },
    Signal {
        name: "Stride",
        words: [
            "Smooth, controlled",
            "Normal",
            "Less controlled, less smooth",
        ],
        get: |e| position(&Stride::ALL, e.stride),
        set: |e, i| e.stride = Stride::ALL[i],
    },
    Signal {
        name: "Recent training",
        words: ["Stable and repeatable", "Normal", "Already inconsistent"],
        get: |e| position(&Recent::ALL, e.recent),
        set: |e, i| e.recent = Recent::ALL[i],
    },
    Signal {
        name: "Body",
        words: ["Ready to extend", "Normal", "Would have to force it"],
        get: |e| position(&Body::ALL, e.body),
        set: |e, i| e.body = Body::ALL[i],
    },
];

/// The tone of each column: push side, normal, hold-back side.
const SIDE_TONES: [Tone; 3] = [Tone::Good, Tone::Neutral, Tone::Caution];

/// The six signals, each a row of three equal buttons so that the push side and the
/// hold-back side line up down the panel.
fn signals_ui(
    ui: &mut Ui,
    args: &ReadinessArgs<'_>,
    pending: &mut Pending,
    out: &mut Vec<Command>,
) {
    let visuals = ui.visuals().clone();
    let gap = 4.0;
    // A little room on the right for the panel's scroll bar.
    let width = ((ui.available_width() - 2.0 * gap - 6.0) / 3.0).floor();
    let padding = ui.spacing().button_padding;
    // Column heads: which side of the article's table each column is.
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = gap;
        for (i, head) in ["Push side", "Normal", "Hold-back side"].iter().enumerate() {
            let tone = SIDE_TONES[i];
            let text = if tone == Tone::Neutral {
                (*head).to_owned()
            } else {
                format!("{} {head}", theme::tone_mark(tone))
            };
            ui.add_sized(
                [width, 14.0],
                egui::Label::new(
                    RichText::new(text)
                        .small()
                        .color(theme::tone_color(tone, &visuals)),
                ),
            );
        }
    });
    let easy_hr_decides = pending.entry.easy_hr.is_some() && args.plan.settings.easy_hr.is_some();
    // In a narrow panel the answers get a smaller font rather than words broken in two.
    let text_width = width - 2.0 * padding.x;
    let body = egui::TextStyle::Button.resolve(ui.style()).size;
    let widest = SIGNALS
        .iter()
        .flat_map(|s| s.words.iter())
        .flat_map(|w| w.split_whitespace())
        .map(|word| {
            egui::WidgetText::from(RichText::new(word).size(body))
                .into_galley(
                    ui,
                    Some(egui::TextWrapMode::Extend),
                    f32::INFINITY,
                    egui::TextStyle::Button,
                )
                .size()
                .x
        })
        .fold(0.0, f32::max);
    let size = if widest > text_width {
        (body * text_width / widest).floor().max(9.0)
    } else {
        body
    };
    for signal in &SIGNALS {
        ui.add_space(2.0);
        ui.label(RichText::new(signal.name).strong());
        let chosen = pending.logged().then(|| (signal.get)(&pending.entry));
        // One height for the row: the tallest of the three wrapped answers.
        let height = signal
            .words
            .iter()
            .map(|w| {
                egui::WidgetText::from(RichText::new(*w).size(size))
                    .into_galley(
                        ui,
                        Some(egui::TextWrapMode::Wrap),
                        width - 2.0 * padding.x,
                        egui::TextStyle::Button,
                    )
                    .size()
                    .y
            })
            .fold(0.0, f32::max)
            + 2.0 * padding.y;
        let mut clicked = None;
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = gap;
            for (i, word) in signal.words.iter().enumerate() {
                let selected = chosen == Some(i);
                let mut button = Button::new(RichText::new(*word).size(size))
                    .selected(selected)
                    .wrap();
                if selected {
                    // The chosen answer in its side's colour; Normal stays quiet, because
                    // the untouched middle is not news.
                    let (color, fill, stroke) = match SIDE_TONES[i] {
                        Tone::Neutral => (
                            visuals.strong_text_color(),
                            visuals.selection.bg_fill.gamma_multiply(0.4),
                            visuals.selection.bg_fill,
                        ),
                        tone => {
                            let color = theme::tone_color(tone, &visuals);
                            (color, color.gamma_multiply(0.16), color)
                        }
                    };
                    button = Button::new(RichText::new(*word).size(size).strong().color(color))
                        .selected(true)
                        .wrap()
                        .fill(fill)
                        .stroke(egui::Stroke::new(1.5, stroke));
                }
                let response = ui
                    .add_sized([width, height], button)
                    .accessible_name(format!("{}: {word}", signal.name));
                if response.clicked() {
                    clicked = Some(i);
                }
            }
        });
        if signal.name == "Heart rate at easy effort" && easy_hr_decides {
            ui.add(
                egui::Label::new(
                    RichText::new(
                        "Your easy-effort HR number (below) decides this signal, against the \
                         easy HR set in Settings.",
                    )
                    .small()
                    .weak(),
                )
                .wrap(),
            );
        }
        if let Some(i) = clicked {
            (signal.set)(&mut pending.entry, i);
            // A click on any answer logs the check, Normal included: "all normal" is news.
            pending.push(true, out);
        }
    }
}

/// "Unwell" and, on the warm-up check, "Improving as I go".
fn switches_ui(ui: &mut Ui, when: When, pending: &mut Pending, out: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        let mut unwell = pending.entry.unwell;
        if ui
            .checkbox(&mut unwell, "Unwell")
            .on_hover_text("Feeling ill: the day is a Rest day")
            .clicked()
        {
            pending.entry.unwell = unwell;
            pending.push(true, out);
        }
        if when == When::WarmUp {
            let mut improving = pending.entry.improving;
            if ui
                .checkbox(&mut improving, "Improving as I go")
                .on_hover_text(
                    "Some days improve as you go: lifts Hold back to As planned (never to Push)",
                )
                .clicked()
            {
                pending.entry.improving = improving;
                pending.push(true, out);
            }
        }
    });
}

/// The optional numbers, typed: each applies on Enter or when focus leaves it.
fn numbers_ui(
    ui: &mut Ui,
    draft: &mut Draft,
    current: Option<&ReadinessEntry>,
    pending: &mut Pending,
    out: &mut Vec<Command>,
) {
    let logged = current.map_or(0, |e| {
        NUMBERS.iter().filter(|n| !n.text_of(e).is_empty()).count()
    });
    // The count shows what a closed section holds; the open state is the runner's choice.
    let title = match logged {
        0 => "Numbers (optional)".to_owned(),
        n => format!("Numbers ({n} logged)"),
    };
    CollapsingHeader::new(title)
        .id_salt("readiness numbers")
        .default_open(logged > 0)
        .show(ui, |ui| {
            let mut problems = Vec::new();
            Grid::new("readiness numbers grid")
                .num_columns(3)
                .spacing([8.0, 4.0])
                .show(ui, |ui| {
                    for (i, number) in NUMBERS.iter().enumerate() {
                        let text = &mut draft.texts[i];
                        let problem = number.apply(&mut pending.entry.clone(), text).err();
                        let mut words = RichText::new(number.label);
                        if problem.is_some() {
                            words = words.color(error_color(ui));
                        }
                        let label = ui.label(words);
                        let response = ui
                            .add(TextEdit::singleline(text).desired_width(56.0))
                            .labelled_by(label.id)
                            .on_hover_text(format!(
                                "{}: {} {}. Enter applies it; empty removes it.",
                                number.label,
                                number.range(),
                                number.unit
                            ));
                        ui.label(
                            RichText::new(format!("{} · {}", number.unit, number.range()))
                                .small()
                                .weak(),
                        );
                        ui.end_row();
                        match problem {
                            Some(problem) => problems.push(format!("{}: {problem}", number.label)),
                            None if response.lost_focus() => {
                                let mut entry = pending.entry.clone();
                                if number.apply(&mut entry, text).is_ok() {
                                    pending.entry = entry;
                                    pending.push(false, out);
                                }
                            }
                            None => {}
                        }
                    }
                });
            // Under the fields at full width: a range is too long for the field's column.
            for problem in problems {
                ui.add(
                    egui::Label::new(RichText::new(problem).small().color(error_color(ui))).wrap(),
                );
            }
        });
}

/// Notes for the day's check, applied when focus leaves the field.
fn notes_ui(ui: &mut Ui, draft: &mut Draft, pending: &mut Pending, out: &mut Vec<Command>) {
    let label = ui.label("Notes");
    let response = ui
        .add(
            TextEdit::multiline(&mut draft.notes)
                .desired_rows(2)
                .desired_width(f32::INFINITY)
                .hint_text("e.g. slept badly, first 15 minutes sluggish"),
        )
        .labelled_by(label.id);
    if response.lost_focus() && pending.entry.notes != draft.notes {
        pending.entry.notes = draft.notes.clone();
        pending.push(false, out);
    }
}

/// The entry as changed during this frame, and the last version pushed as an edit, so that
/// several changes in one frame (a field losing focus to a click) build on each other and
/// nothing is pushed twice.
struct Pending {
    entry: ReadinessEntry,
    last: Option<ReadinessEntry>,
}

impl Pending {
    fn new(current: Option<&ReadinessEntry>, date: Date, when: When) -> Pending {
        Pending {
            entry: current
                .cloned()
                .unwrap_or_else(|| ReadinessEntry::new(date, when)),
            last: current.cloned(),
        }
    }

    /// Whether the moment has a check (in the plan, or from a click this frame).
    fn logged(&self) -> bool {
        self.last.is_some()
    }

    /// Pushes the entry as one edit if it changed. Without an entry yet, an untouched one
    /// is only created when `create` says the gesture meant it (a click on an answer).
    fn push(&mut self, create: bool, out: &mut Vec<Command>) {
        if self.last.as_ref() == Some(&self.entry) {
            return;
        }
        if self.last.is_none()
            && !create
            && self.entry == ReadinessEntry::new(self.entry.date, self.entry.when)
        {
            return;
        }
        out.push(Command::Edit(Edit::SetReadiness(self.entry.clone())));
        self.last = Some(self.entry.clone());
    }
}

/// The typed fields of one day's moment, and the entry they were filled from.
#[derive(Debug, Clone)]
struct Draft {
    date: Date,
    when: When,
    synced: Option<ReadinessEntry>,
    texts: [String; 6],
    notes: String,
}

impl Draft {
    fn of(date: Date, when: When, entry: Option<&ReadinessEntry>) -> Draft {
        Draft {
            date,
            when,
            synced: entry.cloned(),
            texts: std::array::from_fn(|i| {
                entry.map_or_else(String::new, |e| NUMBERS[i].text_of(e))
            }),
            notes: entry.map_or_else(String::new, |e| e.notes.clone()),
        }
    }
}

/// Keeps the draft in line with the plan: after an undo or a click, the fields that were
/// not being typed in show the plan; when the panel moves to another day or moment, what
/// was typed there is applied (or refused with a message), as focus leaving would.
fn sync_draft(
    panel: &mut ReadinessPanel,
    plan: &Plan,
    date: Date,
    when: When,
    current: Option<&ReadinessEntry>,
    out: &mut Vec<Command>,
) {
    match panel.draft.as_mut() {
        Some(draft) if draft.date == date && draft.when == when => {
            if draft.synced.as_ref() != current {
                for (i, text) in draft.texts.iter_mut().enumerate() {
                    let was = draft
                        .synced
                        .as_ref()
                        .map_or_else(String::new, |e| NUMBERS[i].text_of(e));
                    if *text == was {
                        *text = current.map_or_else(String::new, |e| NUMBERS[i].text_of(e));
                    }
                }
                let was = draft.synced.as_ref().map_or("", |e| e.notes.as_str());
                if draft.notes == was {
                    draft.notes = current.map_or_else(String::new, |e| e.notes.clone());
                }
                draft.synced = current.cloned();
            }
        }
        _ => {
            if let Some(old) = panel.draft.take() {
                leave(&old, plan, out);
            }
            panel.draft = Some(Draft::of(date, when, current));
        }
    }
}

/// Applies what was typed in a draft the panel is leaving; refuses what is out of range.
/// Returns the entry it pushed, if it pushed one.
fn leave(draft: &Draft, plan: &Plan, out: &mut Vec<Command>) -> Option<ReadinessEntry> {
    let base = plan.readiness_on(draft.date, draft.when);
    let mut pending = Pending::new(base, draft.date, draft.when);
    let mut refused = Vec::new();
    for (i, number) in NUMBERS.iter().enumerate() {
        let shown = base.map_or_else(String::new, |e| number.text_of(e));
        if draft.texts[i] == shown {
            continue;
        }
        if let Err(problem) = number.apply(&mut pending.entry, &draft.texts[i]) {
            refused.push(format!("{}: {problem}", number.label));
        }
    }
    let notes = base.map_or("", |e| e.notes.as_str());
    if draft.notes != notes {
        pending.entry.notes = draft.notes.clone();
    }
    pending.push(false, out);
    if !refused.is_empty() {
        out.push(Command::Refuse(format!(
            "Not saved for the {} of {}: {}.",
            moment_words(draft.when),
            format::day_short(draft.date),
            refused.join("; ")
        )));
    }
    pending.last.filter(|e| Some(e) != base)
}

/// One optional number of a check: its words, range and place in an entry.
struct Number {
    label: &'static str,
    unit: &'static str,
    kind: NumberKind,
}

#[derive(Clone, Copy)]
enum NumberKind {
    EasyHr,
    RestingHr,
    Hrv,
    Sleep,
    Soreness,
    Stress,
}

const NUMBERS: [Number; 6] = [
    Number {
        label: "Easy-effort HR",
        unit: "bpm",
        kind: NumberKind::EasyHr,
    },
    Number {
        label: "Resting HR",
        unit: "bpm",
        kind: NumberKind::RestingHr,
    },
    Number {
        label: "HRV (RMSSD)",
        unit: "ms",
        kind: NumberKind::Hrv,
    },
    Number {
        label: "Sleep",
        unit: "hours",
        kind: NumberKind::Sleep,
    },
    Number {
        label: "Soreness",
        unit: "score",
        kind: NumberKind::Soreness,
    },
    Number {
        label: "Stress",
        unit: "score",
        kind: NumberKind::Stress,
    },
];

impl Number {
    /// The allowed range, from the checked type itself.
    fn range(&self) -> String {
        match self.kind {
            NumberKind::EasyHr | NumberKind::RestingHr => format!("{}–{}", Bpm::MIN, Bpm::MAX),
            NumberKind::Hrv => format!("{}–{}", HrvMs::MIN, HrvMs::MAX),
            NumberKind::Sleep => format!("{}–{}", SleepHours::MIN, SleepHours::MAX),
            NumberKind::Soreness | NumberKind::Stress => format!("{}–{}", Score::MIN, Score::MAX),
        }
    }

    fn text_of(&self, e: &ReadinessEntry) -> String {
        fn show<T: ToString>(v: Option<T>) -> String {
            v.map_or_else(String::new, |v| v.to_string())
        }
        match self.kind {
            NumberKind::EasyHr => show(e.easy_hr),
            NumberKind::RestingHr => show(e.resting_hr),
            NumberKind::Hrv => show(e.hrv_ms),
            NumberKind::Sleep => show(e.sleep_hours),
            NumberKind::Soreness => show(e.soreness),
            NumberKind::Stress => show(e.stress),
        }
    }

    /// Puts the typed `text` into `entry` (empty removes the number), or says why not with
    /// the allowed range.
    fn apply(&self, entry: &mut ReadinessEntry, text: &str) -> Result<(), String> {
        match self.kind {
            NumberKind::EasyHr => entry.easy_hr = whole(text, Bpm::new)?,
            NumberKind::RestingHr => entry.resting_hr = whole(text, Bpm::new)?,
            NumberKind::Hrv => entry.hrv_ms = decimal(text, HrvMs::new)?,
            NumberKind::Sleep => entry.sleep_hours = decimal(text, SleepHours::new)?,
            NumberKind::Soreness => entry.soreness = whole(text, Score::new)?,
            NumberKind::Stress => entry.stress = whole(text, Score::new)?,
        }
        Ok(())
    }
}

/// An optional whole number checked by `make`.
fn whole<T>(text: &str, make: fn(i64) -> Result<T, OutOfRange>) -> Result<Option<T>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let n: i64 = text
        .parse()
        .map_err(|_| format!("“{text}” is not a whole number"))?;
    make(n).map(Some).map_err(|e| e.to_string())
}

/// An optional decimal number (a comma works as the decimal mark) checked by `make`.
fn decimal<T>(text: &str, make: fn(f64) -> Result<T, OutOfRange>) -> Result<Option<T>, String> {
    let text = text.trim().replace(',', ".");
    if text.is_empty() {
        return Ok(None);
    }
    let n: f64 = text
        .parse()
        .map_err(|_| format!("“{text}” is not a number (e.g. 52.5)"))?;
    make(n).map(Some).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn entry() -> ReadinessEntry {
        ReadinessEntry::new(date(2026, 11, 25), When::Morning)
    }

    /// Types `text` into the field labelled `label` and returns the problem or the number as
    /// the field would show it again.
    fn check(label: &str, text: &str, expected: Result<&str, &str>) {
        let number = NUMBERS
            .iter()
            .find(|n| n.label == label)
            .expect("a field with that label");
        let mut e = entry();
        let actual = number.apply(&mut e, text).map(|()| number.text_of(&e));
        assert_eq!(
            actual,
            expected.map(str::to_owned).map_err(str::to_owned),
            "{label} = {text:?}"
        );
    }

    #[test]
    fn numbers_are_refused_where_typed_with_their_range() {
        check("Resting HR", "52", Ok("52"));
        check("Resting HR", " 52 ", Ok("52"));
        check("Resting HR", "", Ok(""));
        check("Resting HR", "25", Ok("25"));
        check("Resting HR", "230", Ok("230"));
        check(
            "Resting HR",
            "300",
            Err("heart rate must be between 25 and 230 bpm, got 300"),
        );
        check(
            "Resting HR",
            "0",
            Err("heart rate must be between 25 and 230 bpm, got 0"),
        );
        check("Resting HR", "52.5", Err("“52.5” is not a whole number"));
        check("Easy-effort HR", "151", Ok("151"));
        check("HRV (RMSSD)", "46", Ok("46"));
        check("HRV (RMSSD)", "46,5", Ok("46.5"));
        check(
            "HRV (RMSSD)",
            "-3",
            Err("HRV must be between 1 and 500 ms, got -3"),
        );
        check(
            "HRV (RMSSD)",
            "fast",
            Err("“fast” is not a number (e.g. 52.5)"),
        );
        check("Sleep", "6.5", Ok("6.5"));
        check("Sleep", "24", Ok("24"));
        check(
            "Sleep",
            "30",
            Err("sleep must be between 0 and 24 hours, got 30"),
        );
        check("Soreness", "0", Ok("0"));
        check("Stress", "10", Ok("10"));
        check(
            "Stress",
            "11",
            Err("score must be between 0 and 10, got 11"),
        );
    }

    #[test]
    fn ranges_come_from_the_checked_types() {
        let ranges: Vec<String> = NUMBERS.iter().map(Number::range).collect();
        assert_eq!(
            ranges,
            ["25–230", "25–230", "1–500", "0–24", "0–10", "0–10"]
        );
    }

    #[test]
    fn each_signal_row_sets_its_own_signal_on_the_article_side() {
        for signal in &SIGNALS {
            let mut e = entry();
            assert_eq!((signal.get)(&e), 1, "{} starts Normal", signal.name);
            (signal.set)(&mut e, 2);
            assert_eq!((signal.get)(&e), 2);
            // Exactly one signal moved to the hold-back side.
            let moved = SIGNALS.iter().filter(|s| (s.get)(&e) == 2).count();
            assert_eq!(moved, 1, "{}", signal.name);
            (signal.set)(&mut e, 0);
            assert_eq!((signal.get)(&e), 0);
        }
        let mut e = entry();
        (SIGNALS[0].set)(&mut e, 2);
        assert_eq!(e.legs, Legs::Heavy);
        (SIGNALS[5].set)(&mut e, 0);
        assert_eq!(e.body, Body::Extend);
    }

    fn pushed(out: &[Command]) -> Vec<&Edit> {
        out.iter()
            .filter_map(|c| match c {
                Command::Edit(e) => Some(e),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_change_is_pushed_once_and_an_empty_field_creates_nothing() {
        let mut out = Vec::new();
        let mut p = Pending::new(None, date(2026, 11, 25), When::Morning);
        // Focus leaving an empty field on a day without a check: nothing to log.
        p.push(false, &mut out);
        assert!(out.is_empty());
        // A click on Normal logs the check.
        p.push(true, &mut out);
        assert_eq!(pushed(&out).len(), 1);
        // The same entry again (focus lost twice in a row) is not a second edit.
        p.push(false, &mut out);
        assert_eq!(pushed(&out).len(), 1);
        p.entry.legs = Legs::Heavy;
        p.push(true, &mut out);
        assert_eq!(
            pushed(&out).last(),
            Some(&&Edit::SetReadiness(ReadinessEntry {
                legs: Legs::Heavy,
                ..entry()
            }))
        );
    }

    #[test]
    fn leaving_a_draft_applies_what_is_valid_and_refuses_the_rest() {
        let plan = Plan::default();
        let mut draft = Draft::of(date(2026, 11, 25), When::Morning, None);
        draft.texts[1] = "300".to_owned();
        draft.texts[3] = "7".to_owned();
        let mut out = Vec::new();
        leave(&draft, &plan, &mut out);
        let sleep = SleepHours::new(7.0).ok();
        assert_eq!(
            out,
            [
                Command::Edit(Edit::SetReadiness(ReadinessEntry {
                    sleep_hours: sleep,
                    ..entry()
                })),
                Command::Refuse(
                    "Not saved for the morning check of Wed 25 Nov: Resting HR: heart rate \
                     must be between 25 and 230 bpm, got 300."
                        .to_owned()
                ),
            ]
        );
        // An untouched draft leaves nothing behind.
        let mut out = Vec::new();
        leave(
            &Draft::of(date(2026, 11, 25), When::Morning, None),
            &plan,
            &mut out,
        );
        assert!(out.is_empty());
    }

    #[test]
    fn badges_say_the_verdict_in_words_and_nothing_when_not_logged() {
        let plan = crate::file::demo().expect("the demo parses");
        let word = |d| badge(&verdict::assess(&plan, d)).map(|b| (b.text, b.tone));
        assert_eq!(
            word(date(2026, 11, 25)),
            Some(("Hold back".to_owned(), Tone::Caution))
        );
        assert_eq!(
            word(date(2026, 11, 17)),
            Some(("Push".to_owned(), Tone::Good))
        );
        assert_eq!(
            word(date(2026, 11, 24)),
            Some(("As planned".to_owned(), Tone::Neutral))
        );
        assert_eq!(word(date(2026, 11, 26)), None);
        let reasons = badge(&verdict::assess(&plan, date(2026, 11, 25)))
            .expect("logged")
            .reasons;
        assert_eq!(
            reasons,
            [
                "⏷ Legs feel heavy early in the run",
                "⏷ Heart rate is higher than expected at easy effort"
            ]
        );
    }

    #[test]
    fn every_mark_the_panel_draws_has_a_glyph() {
        let ctx = eframe::egui::Context::default();
        ctx.run_ui(Default::default(), |_| {})
            .drop_without_applying_deltas();
        let font = eframe::egui::FontId::proportional(13.0);
        let mut text: String = [Tone::Good, Tone::Neutral, Tone::Caution, Tone::Stop]
            .map(theme::tone_mark)
            .concat();
        // The other marks and punctuation of the panel, the reasons and the rules.
        text.push_str("–·“”•…›✔±");
        for c in text.chars() {
            assert!(
                ctx.fonts_mut(|f| f.has_glyph(&font, c)),
                "no glyph for {c} (U+{:04X})",
                c as u32
            );
        }
    }
}
