//! The session editor in the side panel: kind, title, minutes, distance, planned RPE, key,
//! notes, and what became of the session (done with its numbers, or skipped).
//!
//! The fields edit a [`Draft`] of text, not the plan: a value is checked where it is typed
//! (the allowed range shows under the field) and Apply turns the whole draft into one edit,
//! so one Apply is one undo step however many fields changed. The numbers are read by
//! [`super::field`], as everywhere in the window.

use eframe::egui::{self, ComboBox, Grid, RichText, TextEdit, Ui};
use jiff::civil::Date;

use super::theme::error_color;
use super::{Command, field, format};
use crate::core::edit::Edit;
use crate::core::session::{Done, DoneRun, Kind, Session, SessionId};
use crate::core::settings::Units;
use crate::core::units::{Bpm, Km, Minutes, Rpe};

/// What became of the session, as the editor's radio buttons say it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Planned,
    Done,
    Skipped,
}

/// The editor's fields, as typed.
#[derive(Debug, Clone, PartialEq)]
struct Fields {
    /// The day: changing it moves the session, also to another week.
    date: Date,
    kind: Kind,
    title: String,
    minutes: String,
    distance: String,
    rpe: String,
    key: bool,
    notes: String,
    status: Status,
    done_minutes: String,
    done_distance: String,
    done_rpe: String,
    done_hr: String,
}

/// A session being edited, or a new one not yet added.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// The session as it was when the draft was made (for a new one, its starting values).
    base: Session,
    pub is_new: bool,
    units: Units,
    fields: Fields,
    /// Whether the base fields are what the runner typed over (to tell "dirty").
    start: Fields,
}

/// The problems of a draft, field by field, in words with the allowed range.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Problems {
    pub minutes: Option<String>,
    pub distance: Option<String>,
    pub rpe: Option<String>,
    pub done_minutes: Option<String>,
    pub done_distance: Option<String>,
    pub done_rpe: Option<String>,
    pub done_hr: Option<String>,
}

impl Problems {
    fn is_empty(&self) -> bool {
        *self == Problems::default()
    }

    /// The first problem, for a message.
    pub fn first(&self) -> Option<&str> {
        [
            &self.minutes,
            &self.distance,
            &self.rpe,
            &self.done_minutes,
            &self.done_distance,
            &self.done_rpe,
            &self.done_hr,
        ]
        .into_iter()
        .flatten()
        .next()
        .map(String::as_str)
    }
}

impl Draft {
    pub fn edit(session: &Session, units: Units) -> Draft {
        let fields = Fields::of(session, units);
        Draft {
            base: session.clone(),
            is_new: false,
            units,
            start: fields.clone(),
            fields,
        }
    }

    /// A new session on `date`: an easy 40 minutes to start from.
    pub fn new_on(date: Date, id: SessionId, units: Units) -> Draft {
        let minutes = match Minutes::new(40) {
            Ok(m) => m,
            Err(_) => unreachable!("40 minutes is in range"),
        };
        let session = Session::new(id, date, Kind::Easy, minutes);
        Draft {
            is_new: true,
            ..Draft::edit(&session, units)
        }
    }

    pub fn id(&self) -> SessionId {
        self.base.id
    }

    pub fn date(&self) -> Date {
        self.base.date
    }

    /// The session as it was when the draft was made.
    pub fn base(&self) -> &Session {
        &self.base
    }

    /// Whether anything was typed since the draft was made.
    pub fn is_dirty(&self) -> bool {
        self.fields != self.start
    }

    /// The session the draft describes, or what is wrong with it.
    ///
    /// # Errors
    /// Each field that is out of range or not a number, with the allowed range.
    pub fn session(&self) -> Result<Session, Box<Problems>> {
        let f = &self.fields;
        let mut problems = Problems::default();
        let units = self.units;
        let minutes: Option<Minutes> = required_field(&f.minutes, &mut problems.minutes);
        let distance = distance_field(&f.distance, units, &mut problems.distance);
        let rpe: Option<Option<Rpe>> = optional_field(&f.rpe, &mut problems.rpe);
        let mut session = self.base.clone();
        session.date = f.date;
        session.kind = f.kind;
        session.title = f.title.trim().to_owned();
        session.key = f.key;
        session.notes = f.notes.clone();
        if let Some(m) = minutes {
            session.minutes = m;
        }
        session.distance_km = distance.flatten();
        session.rpe = rpe.flatten();
        if minutes.is_some()
            && let Err(why) = session.check()
        {
            // The session's own words name its id; the field needs only the rule.
            problems.minutes = Some(
                why.find("must")
                    .map_or(why.as_str(), |at| &why[at..])
                    .to_owned(),
            );
        }
        session.done = match f.status {
            Status::Planned => None,
            Status::Skipped => Some(Done::Skipped),
            Status::Done => {
                let minutes: Option<Minutes> =
                    required_field(&f.done_minutes, &mut problems.done_minutes);
                let distance = distance_field(&f.done_distance, units, &mut problems.done_distance);
                let rpe: Option<Option<Rpe>> = optional_field(&f.done_rpe, &mut problems.done_rpe);
                let avg_hr: Option<Option<Bpm>> = optional_field(&f.done_hr, &mut problems.done_hr);
                minutes.map(|minutes| {
                    Done::Done(DoneRun {
                        minutes,
                        distance_km: distance.flatten(),
                        rpe: rpe.flatten(),
                        avg_hr: avg_hr.flatten(),
                    })
                })
            }
        };
        if problems.is_empty() {
            Ok(session)
        } else {
            Err(Box::new(problems))
        }
    }
}

impl Fields {
    fn of(s: &Session, units: Units) -> Fields {
        let (status, run) = match s.done {
            None => (Status::Planned, None),
            Some(Done::Skipped) => (Status::Skipped, None),
            Some(Done::Done(run)) => (Status::Done, Some(run)),
        };
        let km =
            |k: Option<Km>| k.map_or_else(String::new, |k| format::distance_number(k.get(), units));
        Fields {
            date: s.date,
            kind: s.kind,
            title: s.title.clone(),
            minutes: s.minutes.to_string(),
            distance: km(s.distance_km),
            rpe: s.rpe.map_or_else(String::new, |r| r.to_string()),
            key: s.key,
            notes: s.notes.clone(),
            status,
            // A run not logged yet starts from the plan: most days only a number or two
            // differ.
            done_minutes: run.map_or_else(|| s.minutes.to_string(), |r| r.minutes.to_string()),
            done_distance: run.map_or_else(|| km(s.distance_km), |r| km(r.distance_km)),
            done_rpe: run.map_or_else(
                || s.rpe.map_or_else(String::new, |r| r.to_string()),
                |r| r.rpe.map_or_else(String::new, |r| r.to_string()),
            ),
            done_hr: run
                .and_then(|r| r.avg_hr)
                .map_or_else(String::new, |h| h.to_string()),
        }
    }
}

/// A required value of a checked type: its problem, if any, goes into `problem`.
fn required_field<T: field::Checked>(text: &str, problem: &mut Option<String>) -> Option<T> {
    field::required(field::optional(text), || {
        "required: type a whole number".to_owned()
    })
    .map_err(|p| *problem = Some(p))
    .ok()
}

/// An optional value of a checked type: empty is `Some(None)`; a bad value is `None` with a
/// problem.
fn optional_field<T: field::Checked>(
    text: &str,
    problem: &mut Option<String>,
) -> Option<Option<T>> {
    field::optional(text).map_err(|p| *problem = Some(p)).ok()
}

/// An optional distance typed in the chosen units.
fn distance_field(text: &str, units: Units, problem: &mut Option<String>) -> Option<Option<Km>> {
    let value = match field::decimal(text, "8.5") {
        Ok(Some(value)) => value,
        Ok(None) => return Some(None),
        Err(p) => {
            *problem = Some(p);
            return None;
        }
    };
    match Km::new(format::to_km(value, units)) {
        Ok(km) => Some(Some(km)),
        Err(_) => {
            let max = match units {
                Units::Km => Km::MAX,
                Units::Mi => Km::MAX / crate::core::units::KM_PER_MILE,
            };
            *problem = Some(format!(
                "distance must be between 0 and {max:.0} {}, got {value}",
                format::unit_label(units)
            ));
            None
        }
    }
}

/// Shows the editor for `draft`; returns whether it should close.
pub fn editor_ui(ui: &mut Ui, draft: &mut Draft, out: &mut Vec<Command>) -> bool {
    let mut close = false;
    let checked = draft.session();
    let problems = checked
        .as_ref()
        .err()
        .map(|p| Problems::clone(p))
        .unwrap_or_default();
    let heading = if draft.is_new {
        format!("New session · {}", format::day_short(draft.date()))
    } else {
        format!("Session · {}", format::day_short(draft.date()))
    };
    ui.heading(heading);
    ui.add_space(4.0);
    let units = draft.units;
    let f = &mut draft.fields;
    Grid::new("session editor")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            let label = ui.label("Kind");
            // Tall enough for every kind: none hides below a scroll.
            let row = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
            ComboBox::from_id_salt("kind")
                .selected_text(f.kind.label())
                .height(row * (Kind::ALL.len() as f32 + 1.0))
                .show_ui(ui, |ui| {
                    for kind in Kind::ALL {
                        let hard = if kind.is_hard() { " (hard)" } else { "" };
                        ui.selectable_value(&mut f.kind, kind, format!("{}{hard}", kind.label()));
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();

            let label = ui.label("Day");
            ui.add(egui_extras::DatePickerButton::new(&mut f.date).id_salt("session day"))
                .labelled_by(label.id)
                .on_hover_text("Move the session to another day, also in another week");
            ui.end_row();

            text_row(ui, "Title", &mut f.title, f.kind.label(), None);
            text_row(
                ui,
                "Minutes",
                &mut f.minutes,
                "0–1440",
                problems.minutes.as_deref(),
            );
            let distance = format!("Distance ({})", format::unit_label(units));
            text_row(
                ui,
                &distance,
                &mut f.distance,
                "optional",
                problems.distance.as_deref(),
            );
            let default_rpe = format!("default {} for {}", f.kind.default_rpe(), f.kind.label());
            text_row(
                ui,
                "Planned RPE",
                &mut f.rpe,
                &default_rpe,
                problems.rpe.as_deref(),
            );
            ui.label("");
            ui.checkbox(&mut f.key, "Key workout");
            ui.end_row();
        });
    let notes_label = ui.label("Notes");
    ui.add(
        TextEdit::multiline(&mut f.notes)
            .desired_rows(2)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(notes_label.id);

    ui.add_space(6.0);
    ui.horizontal(|ui| {
        ui.label("Status");
        ui.radio_value(&mut f.status, Status::Planned, "Planned");
        ui.radio_value(&mut f.status, Status::Done, "Done");
        ui.radio_value(&mut f.status, Status::Skipped, "Skipped");
    });
    if f.status == Status::Done {
        Grid::new("done fields")
            .num_columns(2)
            .spacing([8.0, 6.0])
            .show(ui, |ui| {
                text_row(
                    ui,
                    "Actual minutes",
                    &mut f.done_minutes,
                    "0–1440",
                    problems.done_minutes.as_deref(),
                );
                let distance = format!("Actual distance ({})", format::unit_label(units));
                text_row(
                    ui,
                    &distance,
                    &mut f.done_distance,
                    "optional",
                    problems.done_distance.as_deref(),
                );
                text_row(
                    ui,
                    "Actual RPE",
                    &mut f.done_rpe,
                    "1–10",
                    problems.done_rpe.as_deref(),
                );
                text_row(
                    ui,
                    "Average HR",
                    &mut f.done_hr,
                    "bpm, optional",
                    problems.done_hr.as_deref(),
                );
            });
    }

    ui.add_space(8.0);
    let dirty = draft.is_dirty();
    ui.horizontal(|ui| {
        let apply_text = if draft.is_new { "Add session" } else { "Apply" };
        let can_apply = checked.is_ok() && (dirty || draft.is_new);
        let apply = ui.add_enabled(
            can_apply,
            egui::Button::new(RichText::new(apply_text).strong()),
        );
        let apply = if checked.is_err() {
            apply.on_disabled_hover_text("Fix the fields marked in red first")
        } else {
            apply.on_disabled_hover_text("Nothing changed yet")
        };
        if apply.clicked()
            && let Ok(session) = &checked
        {
            out.push(if draft.is_new {
                Command::AddSession(session.clone())
            } else {
                Command::Edit(Edit::UpdateSession(session.clone()))
            });
        }
        if draft.is_new {
            if ui.button("Cancel").clicked() {
                out.push(Command::DiscardDraft);
            }
        } else if ui.add_enabled(dirty, egui::Button::new("Revert")).clicked() {
            *draft = Draft::edit(&draft.base.clone(), units);
        }
    });
    if !draft.is_new {
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            if ui.button("Duplicate").clicked() {
                out.push(Command::Duplicate(draft.id()));
            }
            if ui.button("Delete").clicked() {
                out.push(Command::Edit(Edit::RemoveSession(draft.id())));
            }
            if ui.button("Close").clicked() {
                close = true;
            }
        });
    }
    close
}

/// One labelled text field with its problem, if any, in the row below.
fn text_row(ui: &mut Ui, label: &str, text: &mut String, hint: &str, problem: Option<&str>) {
    let label = ui.label(label);
    ui.add(
        TextEdit::singleline(text)
            .hint_text(hint)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id);
    ui.end_row();
    if let Some(problem) = problem {
        ui.label("");
        let color = error_color(ui);
        ui.add(egui::Label::new(RichText::new(problem).small().color(color)).wrap());
        ui.end_row();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn draft() -> Draft {
        let mut s = Session::new(
            SessionId(7),
            date(2026, 11, 25),
            Kind::Easy,
            Minutes::new(45).expect("in range"),
        );
        s.distance_km = Km::new(8.0).ok();
        Draft::edit(&s, Units::Km)
    }

    /// Types `value` into the field `name` and returns the first problem, if any.
    fn check(name: &str, value: &str, expected: Option<&str>) {
        let mut d = draft();
        let f = &mut d.fields;
        match name {
            "minutes" => f.minutes = value.into(),
            "distance" => f.distance = value.into(),
            "rpe" => f.rpe = value.into(),
            "done_hr" => {
                f.status = Status::Done;
                f.done_hr = value.into();
            }
            "kind_rest_minutes" => {
                f.kind = Kind::Rest;
                f.minutes = value.into();
            }
            other => unreachable!("no field {other}"),
        }
        let problem = d.session().err().and_then(|p| p.first().map(str::to_owned));
        assert_eq!(problem.as_deref(), expected, "{name} = {value:?}");
    }

    #[test]
    fn values_are_checked_where_typed_with_the_allowed_range() {
        check("minutes", "50", None);
        check(
            "minutes",
            "1500",
            Some("minutes must be between 0 and 1440, got 1500"),
        );
        check("minutes", "", Some("required: type a whole number"));
        check("minutes", "4o", Some("“4o” is not a whole number"));
        check(
            "minutes",
            "0",
            Some("must last at least 1 minute; only Rest may be 0"),
        );
        check("kind_rest_minutes", "0", None);
        check("distance", "", None);
        check("distance", "8,5", None);
        check(
            "distance",
            "2000",
            Some("distance must be between 0 and 1000 km, got 2000"),
        );
        check("distance", "far", Some("“far” is not a number (e.g. 8.5)"));
        check("rpe", "", None);
        check("rpe", "11", Some("RPE must be between 1 and 10, got 11"));
        check(
            "done_hr",
            "300",
            Some("heart rate must be between 25 and 230 bpm, got 300"),
        );
    }

    #[test]
    fn an_untouched_draft_is_clean_and_gives_back_its_session() {
        let d = draft();
        assert!(!d.is_dirty());
        assert_eq!(d.session().as_ref(), Ok(d.base()));
    }

    #[test]
    fn miles_are_typed_in_miles_and_stored_in_kilometres() {
        let mut s = draft().base.clone();
        s.distance_km = Km::new(16.09344).ok();
        let mut d = Draft::edit(&s, Units::Mi);
        assert_eq!(d.fields.distance, "10");
        d.fields.distance = "5".into();
        let km = d
            .session()
            .expect("valid")
            .distance_km
            .expect("a distance")
            .get();
        assert!((km - 8.04672).abs() < 1e-9);
    }

    #[test]
    fn logging_a_run_starts_from_the_plan() {
        let mut d = draft();
        d.fields.status = Status::Done;
        let s = d.session().expect("valid");
        let Some(Done::Done(run)) = s.done else {
            unreachable!("marked done")
        };
        assert_eq!(run.minutes.get(), 45);
        assert_eq!(run.distance_km.map(Km::get), Some(8.0));
    }
}
