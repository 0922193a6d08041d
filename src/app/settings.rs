//! The settings window: what belongs to the plan (units, week start, the heart rate expected
//! at easy effort, when the runner can train) and the one preference that belongs to this
//! computer (the theme).
//!
//! Plan settings are edited as a draft and applied as one `Edit::Batch`, so they travel in
//! the plan file and undo like any other change. The theme applies at once and is kept in
//! eframe's storage, because it is about the screen, not the training.

use std::collections::{BTreeMap, BTreeSet};

use eframe::egui::{self, Grid, RichText, TextEdit, Ui};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::theme::error_color;
use super::{Command, field, format};
use crate::core::edit::Edit;
use crate::core::plan::{Availability, Plan, Weekday};
use crate::core::settings::{ReplanSettings, Settings, Units, WeekStart, time_of_day};
use crate::core::units::{Bpm, Minutes};

/// Light, dark, or whatever the desktop uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
}

impl ThemeChoice {
    pub fn preference(self) -> egui::ThemePreference {
        match self {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// A number setting of the load and trend figures, as the settings window shows it.
pub struct TrendField {
    key: &'static str,
    label: &'static str,
    unit: &'static str,
}

/// Fitness and fatigue time constants and the weekly load-growth warning.
pub const TREND_FIELDS: [TrendField; 3] = [
    TrendField {
        key: "fitness_days",
        label: "Fitness time constant",
        unit: "days (1–365; usual 42)",
    },
    TrendField {
        key: "fatigue_days",
        label: "Fatigue time constant",
        unit: "days (1–365; usual 7)",
    },
    TrendField {
        key: "load_growth_pct",
        label: "Warn when weekly load grows over",
        unit: "% (0–100; usual 10)",
    },
];

/// The settings as typed, until Apply.
#[derive(Debug, Clone, PartialEq)]
pub struct SettingsDraft {
    week_start: WeekStart,
    units: Units,
    easy_hr: String,
    /// The time constants of fitness and fatigue and the load-growth warning, in the order
    /// of [`TREND_FIELDS`].
    trends: [String; 3],
    /// Per weekday, Monday first; empty means no limit.
    max_minutes: [String; 7],
    blocked: BTreeSet<Date>,
    /// The date picker's day, for adding a blocked date.
    new_blocked: Date,
    /// The time of day of calendar exports, "HH:MM"; empty for all-day events.
    calendar_time: String,
    /// How many days ahead a re-plan may reach for the next key session.
    reach_days: String,
    /// On a rest day or while fatigue carries over, ease hard sessions rather than move them
    /// nearer the key session.
    ease_when_tired: bool,
}

impl SettingsDraft {
    pub fn of(plan: &Plan, today: Date) -> SettingsDraft {
        SettingsDraft {
            week_start: plan.settings.week_start,
            units: plan.settings.units,
            easy_hr: plan
                .settings
                .easy_hr
                .map_or_else(String::new, |b| b.to_string()),
            trends: [
                plan.settings.fitness_days,
                plan.settings.fatigue_days,
                plan.settings.load_growth_pct,
            ]
            .map(|n| n.to_string()),
            max_minutes: Weekday::ALL.map(|d| {
                plan.availability
                    .max_minutes
                    .get(&d)
                    .map_or_else(String::new, u16::to_string)
            }),
            blocked: plan.availability.blocked.clone(),
            new_blocked: today,
            calendar_time: plan
                .settings
                .calendar_time
                .map_or_else(String::new, time_of_day::format),
            reach_days: plan.settings.replan.reach_days.to_string(),
            ease_when_tired: plan.settings.replan.ease_when_tired,
        }
    }

    /// The plan's settings and availability as the draft has them, or the problems by
    /// field (`"easy_hr"`, a weekday label).
    ///
    /// # Errors
    /// Values out of range, with the allowed range.
    pub fn result(
        &self,
        plan: &Plan,
    ) -> Result<(Settings, Availability), BTreeMap<&'static str, String>> {
        let mut problems = BTreeMap::new();
        let mut settings = plan.settings.clone();
        settings.week_start = self.week_start;
        settings.units = self.units;
        settings.easy_hr = field::optional::<Bpm>(&self.easy_hr).unwrap_or_else(|problem| {
            problems.insert("easy_hr", problem);
            None
        });
        settings.calendar_time = match self.calendar_time.trim() {
            "" => None,
            text => time_of_day::parse(text).map_or_else(
                |why| {
                    problems.insert("calendar_time", format!("Calendar time: {why}"));
                    None
                },
                Some,
            ),
        };
        let trend_fields = [
            &mut settings.fitness_days,
            &mut settings.fatigue_days,
            &mut settings.load_growth_pct,
        ];
        for ((trend, text), value) in TREND_FIELDS.iter().zip(&self.trends).zip(trend_fields) {
            // The fields hold u16: a number too large or negative for one is not a whole
            // number of days or percent either.
            let typed = field::required(field::whole(text), || {
                format!("“{text}” is not a whole number")
            })
            .and_then(|n| {
                u16::try_from(n).map_err(|_| format!("“{}” is not a whole number", text.trim()))
            });
            match typed {
                Ok(n) => *value = n,
                Err(problem) => {
                    problems.insert(trend.key, format!("{}: {problem}", trend.label));
                }
            }
        }
        settings.replan.ease_when_tired = self.ease_when_tired;
        match field::whole(&self.reach_days).map(|n| n.map(u8::try_from)) {
            Ok(Some(Ok(days))) => settings.replan.reach_days = days,
            _ => {
                problems.insert(
                    "reach_days",
                    format!(
                        "Re-plan reach: “{}” is not a whole number of days from 0 to {}",
                        self.reach_days.trim(),
                        ReplanSettings::MAX_REACH_DAYS
                    ),
                );
            }
        }
        if let Err(why) = settings.check()
            && !problems.contains_key("easy_hr")
        {
            // The plan's own check names the setting and its range.
            problems.insert("trends", why);
        }
        let mut availability = Availability {
            max_minutes: BTreeMap::new(),
            blocked: self.blocked.clone(),
        };
        for (day, text) in Weekday::ALL.iter().zip(&self.max_minutes) {
            // The limit is a number of minutes in a day: the range of `Minutes`.
            match field::optional::<Minutes>(text) {
                Ok(None) => {}
                Ok(Some(m)) => {
                    availability.max_minutes.insert(*day, m.get());
                }
                Err(_) => {
                    problems.insert(
                        day.label(),
                        format!(
                            "{}: minutes must be between {} and {}, or empty for no limit",
                            day.label(),
                            Minutes::MIN,
                            Minutes::MAX
                        ),
                    );
                }
            }
        }
        if problems.is_empty() {
            Ok((settings, availability))
        } else {
            Err(problems)
        }
    }
}

/// A part of the settings window that another component can open it at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// The thresholds of the verdict ("Change the thresholds…" under "Why?").
    ReadinessRules,
}

fn section_id() -> egui::Id {
    egui::Id::unique("runweek settings section to open")
}

/// Opens the settings window at `section`: pushes [`Command::OpenSettings`], and keeps the
/// section for the window's next frame. `Command::OpenSettings` cannot name a section yet,
/// so the section waits in egui's memory, which only this module reads and writes.
pub fn open_at(ctx: &egui::Context, section: Section, out: &mut Vec<Command>) {
    ctx.data_mut(|d| d.insert_temp(section_id(), Some(section)));
    out.push(Command::OpenSettings);
}

/// The settings window's width: its widest row (a field's label, the field and its hint)
/// fits without clipping.
pub const SETTINGS_WIDTH: f32 = 580.0;

/// Shows the settings window; returns whether it stays open.
pub fn settings_window(
    ctx: &egui::Context,
    draft: &mut SettingsDraft,
    plan: &Plan,
    theme: ThemeChoice,
    out: &mut Vec<Command>,
) -> bool {
    let mut open = true;
    let mut close = false;
    let section = ctx
        .data_mut(|d| d.remove_temp::<Option<Section>>(section_id()))
        .flatten();
    // One width from the first frame, placed by its left edge: a window that grows to its
    // content after the first frame and is placed by its centre moves under the pointer.
    let screen = ctx.content_rect();
    let width = SETTINGS_WIDTH.min(screen.width() - 32.0);
    let top = (screen.top() + 60.0).min(screen.top() + screen.height() * 0.1);
    let id = egui::Id::unique("runweek settings window");
    if ctx.memory(|m| m.area_rect(id).is_none()) {
        // The first frame of a window only measures it; draw the next one at once rather
        // than when the pointer next moves.
        ctx.request_repaint();
    }
    egui::Window::new("Settings")
        .id(id)
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .default_width(width)
        .min_width(width)
        .max_width(width)
        .pivot(egui::Align2::LEFT_TOP)
        .default_pos(egui::pos2(screen.center().x - width / 2.0, top))
        .show(ctx, |ui| {
            // The settings scroll on a small window; Apply and Close stay in view below.
            let actions = 3.0 * ui.spacing().interact_size.y;
            egui::ScrollArea::vertical()
                .max_height((screen.bottom() - top - 80.0 - actions).max(120.0))
                .auto_shrink([false, true])
                .show(ui, |ui| settings_ui(ui, draft, plan, theme, section, out));
            ui.separator();
            close = actions_ui(ui, draft, plan, out);
        });
    open && !close
}

fn settings_ui(
    ui: &mut Ui,
    draft: &mut SettingsDraft,
    plan: &Plan,
    theme: ThemeChoice,
    section: Option<Section>,
    out: &mut Vec<Command>,
) {
    let problems = draft.result(plan).err().unwrap_or_default();
    ui.label(RichText::new("This computer").strong());
    ui.horizontal(|ui| {
        ui.label("Theme");
        for (choice, label) in [
            (ThemeChoice::System, "Follow the system"),
            (ThemeChoice::Light, "Light"),
            (ThemeChoice::Dark, "Dark"),
        ] {
            if ui.radio(theme == choice, label).clicked() {
                out.push(Command::SetTheme(choice));
            }
        }
    });
    ui.separator();
    ui.label(RichText::new("This plan (saved in the plan file)").strong());
    Grid::new("plan settings")
        .num_columns(2)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            ui.label("Distances in");
            ui.horizontal(|ui| {
                ui.radio_value(&mut draft.units, Units::Km, "Kilometres");
                ui.radio_value(&mut draft.units, Units::Mi, "Miles");
            });
            ui.end_row();
            ui.label("Week starts on");
            ui.horizontal(|ui| {
                ui.radio_value(&mut draft.week_start, WeekStart::Monday, "Monday");
                ui.radio_value(&mut draft.week_start, WeekStart::Sunday, "Sunday");
            });
            ui.end_row();
            let label = ui.label("Expected easy HR");
            ui.horizontal(|ui| {
                ui.add(
                    TextEdit::singleline(&mut draft.easy_hr)
                        .hint_text("bpm")
                        .desired_width(60.0),
                )
                .labelled_by(label.id);
                ui.add(
                    egui::Label::new(RichText::new("bpm at easy effort; empty if unknown").weak())
                        .wrap(),
                );
            });
            ui.end_row();
            if let Some(problem) = problems.get("easy_hr") {
                ui.label("");
                ui.label(RichText::new(problem).small().color(error_color(ui)));
                ui.end_row();
            }
            // A proposal from the runner's own imported easy runs, never applied silently:
            // the button fills the field, and Apply keeps it.
            if plan.settings.easy_hr.is_none()
                && let Some(learned) = crate::core::import::learned_easy_hr(plan)
            {
                ui.label("");
                ui.vertical(|ui| {
                    let words = crate::present::activity::learned_easy_hr(learned);
                    ui.label(RichText::new(words).weak()).on_hover_text(
                        "The median HR of minutes 10–15 of your last imported easy runs",
                    );
                    if ui
                        .button(format!("Use {} bpm", learned.bpm))
                        .on_hover_text("Puts it in the field; Apply keeps it")
                        .clicked()
                    {
                        draft.easy_hr = learned.bpm.to_string();
                    }
                });
                ui.end_row();
            }
            for (field, text) in TREND_FIELDS.iter().zip(&mut draft.trends) {
                let label = ui.label(field.label);
                ui.horizontal(|ui| {
                    ui.add(TextEdit::singleline(text).desired_width(60.0))
                        .labelled_by(label.id);
                    ui.add(egui::Label::new(RichText::new(field.unit).weak()).wrap());
                });
                ui.end_row();
            }
            let label = ui.label("Calendar export at");
            ui.horizontal(|ui| {
                ui.add(
                    TextEdit::singleline(&mut draft.calendar_time)
                        .hint_text("HH:MM")
                        .desired_width(72.0),
                )
                .labelled_by(label.id)
                .on_hover_text("File › Export… as a calendar puts each session at this time of day, for its planned minutes");
                ui.label(RichText::new("e.g. 06:30; empty: all-day events").weak());
            });
            ui.end_row();
        });
    ui.add_space(6.0);
    ui.label("Most minutes you can train per weekday (empty: no limit, 0: no time)");
    Grid::new("availability")
        .num_columns(7)
        .spacing([6.0, 4.0])
        .show(ui, |ui| {
            let mut labels = Vec::with_capacity(7);
            for day in Weekday::ALL {
                labels.push(ui.label(day.label()).id);
            }
            ui.end_row();
            for ((day, text), label) in Weekday::ALL.iter().zip(&mut draft.max_minutes).zip(labels)
            {
                ui.add(
                    TextEdit::singleline(text)
                        .hint_text("–")
                        .desired_width(44.0),
                )
                .labelled_by(label)
                .on_hover_text(format!("Most minutes on {}", day.label()));
            }
            ui.end_row();
        });
    for (day, problem) in &problems {
        if *day != "easy_hr" {
            ui.label(RichText::new(problem).small().color(error_color(ui)));
        }
    }
    ui.add_space(6.0);
    ui.label("Blocked dates (nothing can be planned)");
    let mut unblock = None;
    ui.horizontal_wrapped(|ui| {
        for date in &draft.blocked {
            let chip = ui.button(format!("{} ×", format::day_short(*date)));
            let label = format!("Unblock {}", format::day_long(*date));
            chip.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
            if chip.on_hover_text(&label).clicked() {
                unblock = Some(*date);
            }
        }
        if draft.blocked.is_empty() {
            ui.label(RichText::new("none").weak());
        }
    });
    if let Some(date) = unblock {
        draft.blocked.remove(&date);
    }
    ui.horizontal(|ui| {
        ui.add(egui_extras::DatePickerButton::new(&mut draft.new_blocked).id_salt("block date"));
        if ui.button("Block this date").clicked() {
            draft.blocked.insert(draft.new_blocked);
        }
    });
    ui.separator();
    replan_rules_ui(ui, draft);
    ui.separator();
    let rules_open = (section == Some(Section::ReadinessRules)).then_some(true);
    super::verdict_settings::verdict_rules_ui(ui, plan, rules_open, out);
}

/// The re-planner's rules the runner may change, applied with the other plan settings.
fn replan_rules_ui(ui: &mut Ui, draft: &mut SettingsDraft) {
    ui.label(RichText::new("Re-planning").strong());
    ui.horizontal(|ui| {
        let label = ui.label("Reach for the next key session up to");
        ui.add(TextEdit::singleline(&mut draft.reach_days).desired_width(32.0))
            .labelled_by(label.id)
            .on_hover_text(
                "A re-plan runs to the end of its week, or on to the next key session when that \
                 is in the next week and at most this many days ahead",
            );
        ui.label(
            RichText::new(format!(
                "days ahead (0–{}; usual {})",
                ReplanSettings::MAX_REACH_DAYS,
                ReplanSettings::MAX_REACH_DAYS
            ))
            .weak(),
        );
    });
    ui.checkbox(
        &mut draft.ease_when_tired,
        "On a Rest day or while fatigue carries over, ease hard sessions instead of moving them nearer the key session",
    )
    .on_hover_text(
        "Hard sessions that are not key are downgraded, shortened or dropped rather than \
         crowded up to the key session",
    );
}

/// Apply and Close; returns whether to close.
fn actions_ui(ui: &mut Ui, draft: &SettingsDraft, plan: &Plan, out: &mut Vec<Command>) -> bool {
    let result = draft.result(plan);
    let mut close = false;
    ui.horizontal(|ui| {
        let changed = *draft != SettingsDraft::of(plan, draft.new_blocked);
        let apply = ui.add_enabled(
            result.is_ok() && changed,
            egui::Button::new(RichText::new("Apply").strong()),
        );
        if apply.clicked()
            && let Ok((settings, availability)) = &result
        {
            out.push(Command::Edit(Edit::Batch(vec![
                Edit::SetSettings(settings.clone()),
                Edit::SetAvailability(availability.clone()),
            ])));
        }
        if ui.button("Close").clicked() {
            close = true;
        }
    });
    close
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn check(edit: impl FnOnce(&mut SettingsDraft), expected: Result<(), &str>) {
        let plan = crate::file::demo().expect("demo");
        let mut draft = SettingsDraft::of(&plan, date(2026, 11, 25));
        edit(&mut draft);
        let actual = draft
            .result(&plan)
            .map(|_| ())
            .map_err(|p| p.values().next().cloned().unwrap_or_default());
        assert_eq!(actual, expected.map_err(str::to_owned));
    }

    #[test]
    fn settings_are_checked_with_their_ranges() {
        check(|_| {}, Ok(()));
        check(|d| d.easy_hr = "150".into(), Ok(()));
        check(|d| d.easy_hr = String::new(), Ok(()));
        check(
            |d| d.easy_hr = "300".into(),
            Err("heart rate must be between 25 and 230 bpm, got 300"),
        );
        check(
            |d| d.easy_hr = "fast".into(),
            Err("“fast” is not a whole number"),
        );
        check(|d| d.max_minutes[0] = "0".into(), Ok(()));
        check(
            |d| d.max_minutes[1] = "2000".into(),
            Err("Tue: minutes must be between 0 and 1440, or empty for no limit"),
        );
        check(|d| d.trends[0] = "28".into(), Ok(()));
        check(
            |d| d.trends[0] = "0".into(),
            Err("fitness_days must be between 1 and 365, got 0"),
        );
        check(
            |d| d.trends[1] = "a week".into(),
            Err("Fatigue time constant: “a week” is not a whole number"),
        );
        check(
            |d| d.trends[2] = "150".into(),
            Err("load_growth_pct must be between 0 and 100, got 150"),
        );
        check(|d| d.reach_days = "0".into(), Ok(()));
        check(
            |d| d.reach_days = "9".into(),
            Err("replan.reach_days must be between 0 and 7, got 9"),
        );
        check(
            |d| d.reach_days = "a week".into(),
            Err("Re-plan reach: “a week” is not a whole number of days from 0 to 7"),
        );
    }

    #[test]
    fn the_replan_settings_reach_the_plan() {
        let plan = crate::file::demo().expect("demo");
        let mut draft = SettingsDraft::of(&plan, date(2026, 11, 25));
        draft.reach_days = "3".into();
        draft.ease_when_tired = false;
        let (settings, _) = draft.result(&plan).expect("valid");
        assert_eq!(
            settings.replan,
            ReplanSettings {
                reach_days: 3,
                ease_when_tired: false
            }
        );
    }

    #[test]
    fn the_trend_settings_reach_the_plan() {
        let plan = crate::file::demo().expect("demo");
        let mut draft = SettingsDraft::of(&plan, date(2026, 11, 25));
        draft.trends = ["28".into(), "5".into(), "15".into()];
        let (settings, _) = draft.result(&plan).expect("valid");
        assert_eq!(
            (
                settings.fitness_days,
                settings.fatigue_days,
                settings.load_growth_pct
            ),
            (28, 5, 15)
        );
    }

    #[test]
    fn the_draft_round_trips_the_plan() {
        let plan = crate::file::demo().expect("demo");
        let draft = SettingsDraft::of(&plan, date(2026, 11, 25));
        let (settings, availability) = draft.result(&plan).expect("valid");
        assert_eq!(settings, plan.settings);
        assert_eq!(availability, plan.availability);
    }
}
