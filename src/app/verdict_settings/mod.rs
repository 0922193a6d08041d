//! "Readiness rules" in the settings window: every threshold of the verdict, with its range,
//! editable by the runner.
//!
//! A runner only trusts rules they can see and adjust, so each [`VerdictRules`] field is a
//! typed field here. The fields edit a draft; Apply checks the whole draft with
//! [`VerdictRules::check`] and emits one `Edit::SetSettings`, so a change of thresholds is one
//! undo step and an invalid one changes nothing and says why.
//!
//! The draft lives in egui's memory (it is UI state, not training data) and starts again from
//! the plan each time the settings window opens.

mod table;

use eframe::egui::{self, CollapsingHeader, Grid, RichText, ScrollArea, TextEdit, Ui};

use super::theme::error_color;
use super::{Command, field};
use crate::core::edit::Edit;
use crate::core::plan::Plan;
use crate::core::settings::{Settings, VerdictRules};

use crate::core::settings::RuleField;
use table::{GROUPS, Rule, number, range, rules};

/// The thresholds as typed, until Apply.
#[derive(Debug, Clone, PartialEq)]
struct RulesDraft {
    /// The rules the fields were filled from.
    base: VerdictRules,
    /// By rule key.
    texts: Vec<(&'static str, String)>,
    /// What the last Apply refused, shown until the draft changes.
    refused: Option<String>,
    /// The pass in which the section was last shown, to start again after the window was
    /// closed.
    shown_pass: u64,
}

impl RulesDraft {
    fn of(rules: &VerdictRules) -> RulesDraft {
        RulesDraft {
            base: rules.clone(),
            texts: self::rules()
                .map(|r| (r.key, number((r.range().get)(rules))))
                .collect(),
            refused: None,
            shown_pass: 0,
        }
    }

    fn text(&self, key: &str) -> &str {
        self.texts
            .iter()
            .find(|(k, _)| *k == key)
            .map_or("", |(_, t)| t.as_str())
    }

    /// The rules as typed, or the problem of each field in the words of
    /// [`VerdictRules::check`], each field checked alone against the rules it started from.
    fn result(&self) -> Result<VerdictRules, Vec<(&'static str, String)>> {
        let mut rules = self.base.clone();
        let mut problems = Vec::new();
        for rule in self::rules() {
            let checked = parse(rule, self.text(rule.key)).and_then(|v| {
                let mut alone = self.base.clone();
                (rule.range().set)(&mut alone, v);
                alone.check().map(|()| v)
            });
            match checked {
                Ok(v) => (rule.range().set)(&mut rules, v),
                Err(p) => problems.push((rule.key, p)),
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        // The whole set once more, for any rule that ties two thresholds together.
        rules.check().map(|()| rules).map_err(|m| vec![("", m)])
    }
}

/// A typed threshold as a number that fits its field. Whether it is in range is for
/// [`VerdictRules::check`] to say; a number too large for the field gets the same words.
fn parse(rule: &Rule, text: &str) -> Result<f64, String> {
    let (value, fits) = match rule.range().field {
        RuleField::U8 | RuleField::U16 => {
            let v = field::required(field::whole(text), || {
                format!("“{}” is not a whole number", text.trim())
            })?;
            let fits = if rule.range().field == RuleField::U8 {
                u8::try_from(v).is_ok()
            } else {
                u16::try_from(v).is_ok()
            };
            (v as f64, fits)
        }
        RuleField::Decimal => {
            let v = field::required(field::decimal(text, "0.5"), || {
                format!("“{}” is not a number (e.g. 0.5)", field::normalize(text))
            })?;
            (v, true)
        }
    };
    if fits {
        Ok(value)
    } else {
        Err(format!(
            "verdict.{} must be between {} and {}, got {}",
            rule.key,
            number(rule.range().min),
            number(rule.range().max),
            text.trim()
        ))
    }
}

fn draft_id() -> egui::Id {
    egui::Id::unique("runweek readiness rules draft")
}

/// The "Readiness rules" section of the settings window; `open` forces it open or shut
/// (`None`: as the runner left it).
pub fn verdict_rules_ui(ui: &mut Ui, plan: &Plan, open: Option<bool>, out: &mut Vec<Command>) {
    let ctx = ui.ctx().clone();
    let pass = ctx.cumulative_pass_nr();
    let mut draft = ctx
        .data(|d| d.get_temp::<RulesDraft>(draft_id()))
        .filter(|d| d.shown_pass + 1 >= pass)
        .unwrap_or_else(|| RulesDraft::of(&plan.settings.verdict));
    sync(&mut draft, &plan.settings.verdict);
    draft.shown_pass = pass;

    CollapsingHeader::new(RichText::new("Readiness rules").strong())
        .id_salt("readiness rules")
        .open(open)
        .show(ui, |ui| {
            rules_ui(ui, &mut draft, plan, out);
        });
    ctx.data_mut(|d| d.insert_temp(draft_id(), draft));
}

/// After an Apply or an undo, fields not being typed in show the plan's rules again.
fn sync(draft: &mut RulesDraft, rules: &VerdictRules) {
    if draft.base == *rules {
        return;
    }
    for rule in self::rules() {
        let was = number((rule.range().get)(&draft.base));
        if let Some((_, text)) = draft.texts.iter_mut().find(|(k, _)| *k == rule.key) {
            field::resync(text, &was, || number((rule.range().get)(rules)));
        }
    }
    draft.base = rules.clone();
}

fn rules_ui(ui: &mut Ui, draft: &mut RulesDraft, plan: &Plan, out: &mut Vec<Command>) {
    ui.add(
        egui::Label::new(
            RichText::new(
                "The thresholds behind Push, As planned, Hold back and Rest. They are saved \
                 in the plan file.",
            )
            .small()
            .weak(),
        )
        .wrap(),
    );
    let result = draft.result();
    let problems = result.as_ref().err().cloned().unwrap_or_default();
    let before = draft.texts.clone();
    // The settings window does not scroll: leave room below for the Apply rows, so that
    // they stay on screen however small the window is.
    let room = ui.ctx().content_rect().bottom() - ui.cursor().top() - 140.0;
    ScrollArea::vertical()
        .id_salt("readiness rules scroll")
        .max_height(room.clamp(120.0, 320.0))
        .show(ui, |ui| {
            // One grid for every group, so that the fields line up down the section.
            Grid::new("readiness rules grid")
                .num_columns(3)
                .spacing([8.0, 4.0])
                .show(ui, |ui| {
                    for (heading, group) in GROUPS {
                        ui.label(RichText::new(heading).strong());
                        ui.end_row();
                        for rule in group {
                            let problem = problems.iter().any(|(k, _)| *k == rule.key);
                            let mut words = RichText::new(rule.label);
                            if problem {
                                words = words.color(error_color(ui));
                            }
                            let label = ui.label(words);
                            if let Some((_, text)) =
                                draft.texts.iter_mut().find(|(k, _)| *k == rule.key)
                            {
                                ui.add(
                                    TextEdit::singleline(text)
                                        .desired_width(44.0)
                                        .hint_text(range(rule)),
                                )
                                .labelled_by(label.id)
                                .on_hover_text(format!(
                                    "verdict.{} in the plan file: {}",
                                    rule.key,
                                    range(rule)
                                ));
                            }
                            ui.label(
                                RichText::new(format!("{} ({})", rule.unit, range(rule)))
                                    .small()
                                    .weak(),
                            );
                            ui.end_row();
                        }
                    }
                });
        });
    // The problems under the fields, outside the scrolled part so that they stay in view.
    for (key, problem) in &problems {
        let label = rules().find(|r| r.key == *key).map_or("", |r| r.label);
        let text = if label.is_empty() {
            problem.clone()
        } else {
            format!("{label}: {problem}")
        };
        ui.add(egui::Label::new(RichText::new(text).small().color(error_color(ui))).wrap());
    }
    if draft.texts != before {
        draft.refused = None;
    }
    ui.add_space(4.0);
    let changed = match &result {
        Ok(rules) => *rules != plan.settings.verdict,
        Err(_) => true,
    };
    ui.horizontal_wrapped(|ui| {
        let apply = ui.add_enabled(
            changed,
            egui::Button::new(RichText::new("Apply rules").strong()),
        );
        if apply.clicked() {
            match &result {
                Ok(rules) => {
                    out.push(Command::Edit(Edit::SetSettings(Settings {
                        verdict: rules.clone(),
                        ..plan.settings.clone()
                    })));
                    draft.refused = None;
                }
                Err(problems) => {
                    let first = problems.first().map_or("", |(_, p)| p.as_str());
                    draft.refused = Some(format!("Not applied: {first}"));
                }
            }
        }
        let defaults = VerdictRules::default();
        if ui
            .add_enabled(
                draft.result().ok().as_ref() != Some(&defaults),
                egui::Button::new("Product defaults"),
            )
            .on_hover_text("Fill in the thresholds runweek starts with (Apply to keep them)")
            .clicked()
        {
            draft.texts = RulesDraft::of(&defaults).texts;
            draft.refused = None;
        }
    });
    if let Some(refused) = &draft.refused {
        ui.add(egui::Label::new(RichText::new(refused).color(error_color(ui))).wrap());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(key: &str, text: &str, expected: Result<(), &str>) {
        let mut draft = RulesDraft::of(&VerdictRules::default());
        if let Some((_, t)) = draft.texts.iter_mut().find(|(k, _)| *k == key) {
            *t = text.to_owned();
        } else {
            panic!("no rule {key}");
        }
        let actual = draft
            .result()
            .map(|_| ())
            .map_err(|p| p.first().map(|(_, m)| m.clone()).unwrap_or_default());
        assert_eq!(actual, expected.map_err(str::to_owned), "{key} = {text}");
    }

    #[test]
    fn every_field_of_the_rules_is_here_once() {
        let keys: Vec<&str> = rules().map(|r| r.key).collect();
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), keys.len(), "no rule twice");
        assert_eq!(
            keys.len(),
            VerdictRules::RANGES.len(),
            "every rule the core knows"
        );
        for key in &keys {
            assert!(VerdictRules::range_of(key).is_some(), "{key} is the core's");
        }
        // The plan file's own names: a draft of the defaults gives back the defaults, and
        // each field, moved alone, moves exactly one value of the rules.
        let defaults = VerdictRules::default();
        assert_eq!(RulesDraft::of(&defaults).result(), Ok(defaults.clone()));
        for rule in rules() {
            let mut moved = defaults.clone();
            (rule.range().set)(&mut moved, rule.range().max);
            assert_ne!(moved, defaults, "{} moves its field", rule.key);
            assert_eq!((rule.range().get)(&moved), rule.range().max, "{}", rule.key);
        }
        let text = ron::to_string(&defaults).expect("serializes");
        assert_eq!(text.matches(':').count(), keys.len(), "{text}");
        for key in keys {
            assert!(
                text.contains(&format!("{key}:")),
                "{key} is a field of the rules"
            );
        }
    }

    #[test]
    fn ranges_agree_with_the_rules_own_check() {
        for rule in rules() {
            for (value, ok) in [
                (rule.range().min, true),
                (rule.range().max, true),
                (rule.range().min - 1.0, false),
                (rule.range().max + 1.0, false),
            ] {
                if value < 0.0 {
                    continue;
                }
                let mut r = VerdictRules::default();
                (rule.range().set)(&mut r, value);
                assert_eq!(r.check().is_ok(), ok, "{} = {value}", rule.key);
            }
        }
    }

    #[test]
    fn typed_thresholds_are_checked_with_their_range() {
        check("rest_signals", "4", Ok(()));
        check("rest_signals", "8", Ok(()));
        check(
            "rest_signals",
            "9",
            Err("verdict.rest_signals must be between 1 and 8, got 9"),
        );
        check(
            "rest_signals",
            "0",
            Err("verdict.rest_signals must be between 1 and 8, got 0"),
        );
        // Too large for the field itself: the same words.
        check(
            "rest_signals",
            "300",
            Err("verdict.rest_signals must be between 1 and 8, got 300"),
        );
        check(
            "rest_signals",
            "-1",
            Err("verdict.rest_signals must be between 1 and 8, got -1"),
        );
        check("rest_signals", "two", Err("“two” is not a whole number"));
        check(
            "push_signals",
            "7",
            Err("verdict.push_signals must be between 1 and 6, got 7"),
        );
        check("hrv_band_sd", "0,75", Ok(()));
        check(
            "hrv_band_sd",
            "5.5",
            Err("verdict.hrv_band_sd must be between 0 and 5, got 5.5"),
        );
        check("hrv_band_sd", "", Err("“” is not a number (e.g. 0.5)"));
        check(
            "baseline_days",
            "1",
            Err("verdict.baseline_days must be between 2 and 365, got 1"),
        );
        check("baseline_days", "365", Ok(()));
        check(
            "baseline_days",
            "70000",
            Err("verdict.baseline_days must be between 2 and 365, got 70000"),
        );
        check("rpe_trend_min_sessions", "2", Ok(()));
    }

    #[test]
    fn the_draft_follows_the_plan_where_it_was_not_typed_in() {
        let mut draft = RulesDraft::of(&VerdictRules::default());
        if let Some((_, t)) = draft.texts.iter_mut().find(|(k, _)| *k == "push_signals") {
            *t = "5".to_owned();
        }
        let applied = VerdictRules {
            rest_signals: 5,
            ..VerdictRules::default()
        };
        sync(&mut draft, &applied);
        assert_eq!(draft.text("rest_signals"), "5");
        assert_eq!(draft.text("push_signals"), "5", "still as typed");
        assert_eq!(draft.text("hold_back_signals"), "2");
    }
}
