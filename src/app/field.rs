//! Numbers typed by the runner: one way to read them, one gesture that applies them, one
//! rule for a draft when the plan changes underneath it.
//!
//! Every number field of the window (the check-in's numbers, the session editor, the
//! settings, the readiness rules) reads its text the same way:
//!
//! - spaces around the number are ignored, and a decimal comma counts as a point ("7,5" is
//!   7.5), because half the runners' keyboards type one;
//! - an empty field means "no value"; whether that is allowed is the field's to say
//!   ([`required`]);
//! - a value is checked by the core's own type ([`Checked`]: [`Minutes`], [`Rpe`], [`Bpm`],
//!   [`Score`], [`Km`], [`HrvMs`], [`SleepHours`]), which knows its range and says it in the
//!   same words as the plan file's loader.
//!
//! A field applies what was typed on Enter or when focus leaves it ([`commits`]), never per
//! keystroke, so one gesture is one undo step. And when the plan changes underneath a draft
//! (an undo, a click, an Apply), a text the runner did not touch follows the plan while a
//! text being typed stays as typed ([`resync`]).
//!
//! This module draws nothing and names no other module of the window: it sits at the bottom
//! with the theme and the formatting.

use std::fmt;

use eframe::egui::Response;

use crate::core::units::{Bpm, HrvMs, Km, Minutes, Rpe, Score, SleepHours};

/// The text as a number is read from it: without the spaces around it, with a decimal
/// comma turned into a point.
pub fn normalize(text: &str) -> String {
    text.trim().replace(',', ".")
}

/// An optional whole number: `Ok(None)` for an empty field.
///
/// # Errors
/// The text is not a whole number ("“4o” is not a whole number"; "52,5" is not whole either).
pub fn whole(text: &str) -> Result<Option<i64>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse()
        .map(Some)
        .map_err(|_| format!("“{text}” is not a whole number"))
}

/// An optional decimal number, a comma working as the decimal mark: `Ok(None)` for an empty
/// field. `example` shows what a number looks like in the field's words.
///
/// # Errors
/// The text is not a finite number ("“fast” is not a number (e.g. 52.5)"); "inf" and "NaN"
/// are not numbers a runner types.
pub fn decimal(text: &str, example: &str) -> Result<Option<f64>, String> {
    let text = normalize(text);
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .map(Some)
        .ok_or_else(|| format!("“{text}” is not a number (e.g. {example})"))
}

/// A value the field must hold: an empty field is a problem, in the words `empty` gives.
///
/// # Errors
/// The problem of `parsed`, or `empty()` when the field was empty.
pub fn required<T>(
    parsed: Result<Option<T>, String>,
    empty: impl FnOnce() -> String,
) -> Result<T, String> {
    parsed?.ok_or_else(empty)
}

/// A checked type of the core that a field can hold, read and checked in one step.
pub trait Checked: Sized + fmt::Display {
    /// The typed text as a value: `Ok(None)` for an empty field.
    ///
    /// # Errors
    /// Not a number, or out of the type's range in the core's words ("heart rate must be
    /// between 25 and 230 bpm, got 300").
    fn parse(text: &str) -> Result<Option<Self>, String>;

    /// The allowed range as a field shows it beside itself: "25–230".
    fn range() -> String;
}

macro_rules! whole_field {
    ($($name:ident),*) => {$(
        impl Checked for $name {
            fn parse(text: &str) -> Result<Option<Self>, String> {
                whole(text)?
                    .map($name::new)
                    .transpose()
                    .map_err(|e| e.to_string())
            }

            fn range() -> String {
                format!("{}–{}", $name::MIN, $name::MAX)
            }
        }
    )*};
}

macro_rules! decimal_field {
    ($($name:ident, $example:literal);*) => {$(
        impl Checked for $name {
            fn parse(text: &str) -> Result<Option<Self>, String> {
                decimal(text, $example)?
                    .map($name::new)
                    .transpose()
                    .map_err(|e| e.to_string())
            }

            fn range() -> String {
                format!("{}–{}", $name::MIN, $name::MAX)
            }
        }
    )*};
}

whole_field!(Minutes, Rpe, Bpm, Score);
decimal_field!(HrvMs, "52.5"; SleepHours, "7.5"; Km, "8.5");

/// An optional checked value typed in a field.
///
/// # Errors
/// See [`Checked::parse`].
pub fn optional<T: Checked>(text: &str) -> Result<Option<T>, String> {
    T::parse(text)
}

/// The text a field shows for an optional value: empty for none.
pub fn text_of<T: fmt::Display>(value: Option<T>) -> String {
    value.map_or_else(String::new, |v| v.to_string())
}

/// Whether the runner applied what they typed in a single-line field this frame: Enter
/// (which ends the editing in egui) or focus leaving the field, never each keystroke.
pub fn commits(response: &Response) -> bool {
    response.lost_focus()
}

/// Keeps a field in line with the plan after the plan changed underneath it: a text that
/// still shows `was` (what the plan held when the field was filled) shows `now`; a text the
/// runner changed keeps what was typed.
pub fn resync(text: &mut String, was: &str, now: impl FnOnce() -> String) {
    if text == was {
        *text = now();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads `input` as an optional `T` and compares the value, shown as the field would
    /// show it again, or the problem.
    fn check<T: Checked>(input: &str, expected: Result<&str, &str>) {
        let actual = optional::<T>(input).map(text_of);
        assert_eq!(
            actual,
            expected.map(str::to_owned).map_err(str::to_owned),
            "{input:?}"
        );
    }

    #[test]
    fn decimal_commas_and_spaces_are_read_as_a_runner_types_them() {
        check::<SleepHours>("7,5", Ok("7.5"));
        check::<SleepHours>(" 7,5 ", Ok("7.5"));
        check::<SleepHours>("7.5", Ok("7.5"));
        check::<SleepHours>("7", Ok("7"));
        check::<HrvMs>("46,25", Ok("46.25"));
        check::<Km>("8,5", Ok("8.5"));
        check::<Km>("\t10 ", Ok("10"));
        check::<Bpm>(" 52 ", Ok("52"));
    }

    #[test]
    fn an_empty_field_holds_no_value() {
        check::<Bpm>("", Ok(""));
        check::<Bpm>("   ", Ok(""));
        check::<SleepHours>("", Ok(""));
        check::<Minutes>(" ", Ok(""));
    }

    #[test]
    fn what_is_not_a_number_says_so() {
        check::<Bpm>("fast", Err("“fast” is not a whole number"));
        check::<Bpm>("52.5", Err("“52.5” is not a whole number"));
        check::<Bpm>("52,5", Err("“52,5” is not a whole number"));
        check::<Minutes>(" 4o ", Err("“4o” is not a whole number"));
        check::<HrvMs>("fast", Err("“fast” is not a number (e.g. 52.5)"));
        check::<HrvMs>("inf", Err("“inf” is not a number (e.g. 52.5)"));
        check::<SleepHours>("NaN", Err("“NaN” is not a number (e.g. 7.5)"));
        check::<SleepHours>("7,5,1", Err("“7.5.1” is not a number (e.g. 7.5)"));
        check::<Km>("far", Err("“far” is not a number (e.g. 8.5)"));
    }

    #[test]
    fn ranges_are_the_core_types_own() {
        check::<Bpm>("25", Ok("25"));
        check::<Bpm>("230", Ok("230"));
        check::<Bpm>(
            "300",
            Err("heart rate must be between 25 and 230 bpm, got 300"),
        );
        check::<Bpm>("0", Err("heart rate must be between 25 and 230 bpm, got 0"));
        check::<Rpe>("11", Err("RPE must be between 1 and 10, got 11"));
        check::<Score>("-1", Err("score must be between 0 and 10, got -1"));
        check::<Minutes>("1500", Err("minutes must be between 0 and 1440, got 1500"));
        check::<HrvMs>("-3", Err("HRV must be between 1 and 500 ms, got -3"));
        check::<SleepHours>("30", Err("sleep must be between 0 and 24 hours, got 30"));
        check::<Km>(
            "2000",
            Err("distance must be between 0 and 1000 km, got 2000"),
        );
        let ranges = [
            Minutes::range(),
            Rpe::range(),
            Bpm::range(),
            Score::range(),
            HrvMs::range(),
            SleepHours::range(),
            Km::range(),
        ];
        assert_eq!(
            ranges,
            [
                "0–1440", "1–10", "25–230", "0–10", "1–500", "0–24", "0–1000"
            ]
        );
    }

    #[test]
    fn plain_numbers_and_required_fields() {
        assert_eq!(whole(" 12 "), Ok(Some(12)));
        assert_eq!(whole(""), Ok(None));
        assert_eq!(decimal("0,75", "0.5"), Ok(Some(0.75)));
        assert_eq!(
            decimal("x", "0.5"),
            Err("“x” is not a number (e.g. 0.5)".to_owned())
        );
        let empty = || "required: type a whole number".to_owned();
        assert_eq!(required(whole("3"), empty), Ok(3));
        assert_eq!(required(whole(" "), empty), Err(empty()));
        assert_eq!(
            required(whole("x"), empty),
            Err("“x” is not a whole number".to_owned())
        );
    }

    #[test]
    fn an_untouched_text_follows_the_plan_and_a_typed_one_stays() {
        let mut untouched = "52".to_owned();
        resync(&mut untouched, "52", || "55".to_owned());
        assert_eq!(untouched, "55");
        let mut typed = "53".to_owned();
        resync(&mut typed, "52", || "55".to_owned());
        assert_eq!(typed, "53");
        let mut cleared = String::new();
        resync(&mut cleared, "", String::new);
        assert_eq!(cleared, "");
    }
}
