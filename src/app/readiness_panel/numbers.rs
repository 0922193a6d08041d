//! The optional numbers of a check (easy-effort and resting HR, HRV, sleep, soreness,
//! stress) and its notes, typed: each applies when Enter is pressed or the field loses focus
//! (never per keystroke), and a value out of range is refused under the field with its
//! allowed range. Reading and checking the text is [`super::super::field`]'s, with the
//! core's unit types.

use eframe::egui::{self, CollapsingHeader, Grid, RichText, TextEdit, Ui};

use super::super::Command;
use super::super::field::{self, Checked};
use super::super::theme::error_color;
use super::Pending;
use jiff::civil::Date;

use crate::core::readiness::{ReadinessEntry, When};
use crate::core::units::{Bpm, HrvMs, Score, SleepHours};

/// The typed fields of one day's moment, and the entry they were filled from.
#[derive(Debug, Clone)]
pub(super) struct Draft {
    pub(super) date: Date,
    pub(super) when: When,
    pub(super) synced: Option<ReadinessEntry>,
    pub(super) texts: [String; 6],
    pub(super) notes: String,
}

impl Draft {
    pub(super) fn of(date: Date, when: When, entry: Option<&ReadinessEntry>) -> Draft {
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

/// One optional number of a check: its words, range and place in an entry.
pub(super) struct Number {
    pub(super) label: &'static str,
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

pub(super) const NUMBERS: [Number; 6] = [
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
    pub(super) fn range(&self) -> String {
        match self.kind {
            NumberKind::EasyHr | NumberKind::RestingHr => Bpm::range(),
            NumberKind::Hrv => HrvMs::range(),
            NumberKind::Sleep => SleepHours::range(),
            NumberKind::Soreness | NumberKind::Stress => Score::range(),
        }
    }

    /// The number as its field shows it: empty when the entry has none.
    pub(super) fn text_of(&self, e: &ReadinessEntry) -> String {
        match self.kind {
            NumberKind::EasyHr => field::text_of(e.easy_hr),
            NumberKind::RestingHr => field::text_of(e.resting_hr),
            NumberKind::Hrv => field::text_of(e.hrv_ms),
            NumberKind::Sleep => field::text_of(e.sleep_hours),
            NumberKind::Soreness => field::text_of(e.soreness),
            NumberKind::Stress => field::text_of(e.stress),
        }
    }

    /// Puts the typed `text` into `entry` (empty removes the number), or says why not with
    /// the allowed range.
    pub(super) fn apply(&self, entry: &mut ReadinessEntry, text: &str) -> Result<(), String> {
        match self.kind {
            NumberKind::EasyHr => entry.easy_hr = field::optional(text)?,
            NumberKind::RestingHr => entry.resting_hr = field::optional(text)?,
            NumberKind::Hrv => entry.hrv_ms = field::optional(text)?,
            NumberKind::Sleep => entry.sleep_hours = field::optional(text)?,
            NumberKind::Soreness => entry.soreness = field::optional(text)?,
            NumberKind::Stress => entry.stress = field::optional(text)?,
        }
        Ok(())
    }
}

/// The optional numbers, typed: each applies on Enter or when focus leaves it.
pub(super) fn numbers_ui(
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
                            None if field::commits(&response) => {
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
pub(super) fn notes_ui(
    ui: &mut Ui,
    draft: &mut Draft,
    pending: &mut Pending,
    out: &mut Vec<Command>,
) {
    let label = ui.label("Notes");
    let response = ui
        .add(
            TextEdit::multiline(&mut draft.notes)
                .desired_rows(2)
                .desired_width(f32::INFINITY)
                .hint_text("e.g. slept badly, first 15 minutes sluggish"),
        )
        .labelled_by(label.id);
    if field::commits(&response) && pending.entry.notes != draft.notes {
        pending.entry.notes = draft.notes.clone();
        pending.push(false, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::readiness::When;
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
}
