//! Dates on the charts' x axis: a day is a whole number of days since 1 January 1970, so
//! that every time chart shares one axis and a date is found back by arithmetic.
//!
//! The grid marks follow the calendar (days, week starts, months, years) rather than
//! egui_plot's powers of ten, because a runner reads "23 Nov" and "Dec", not "20600".

use egui_plot::{GridInput, GridMark};
use jiff::civil::{Date, date};

use crate::core::settings::WeekStart;
use crate::core::week::{Week, add_days, days_between};

/// Day 0 of the x axis.
const EPOCH: Date = date(1970, 1, 1);

/// Mark strengths, in days: egui_plot draws a mark's line and label by how far apart marks
/// of the same step are, so a month is "about 30 days" and a year "about 365".
pub const DAY: f64 = 1.0;
pub const WEEK: f64 = 7.0;
pub const MONTH: f64 = 30.0;
pub const YEAR: f64 = 365.0;

/// The x of a date.
pub fn x_of(date: Date) -> f64 {
    days_between(EPOCH, date) as f64
}

/// The date a position on the x axis falls on (days are centred on their x).
pub fn date_at(x: f64) -> Date {
    // Plot values far outside any plan (a wild zoom) saturate at the calendar's ends.
    let days = x.round().clamp(-4.0e6, 4.0e6) as i64;
    add_days(EPOCH, days)
}

/// Pixels between two labels of the same step below which egui_plot leaves the labels out
/// (its default for the x axis), and between two grid lines below which it leaves the lines
/// out (the plot's default grid spacing).
const LABEL_PX: f64 = 60.0;
const LINE_PX: f64 = 8.0;

/// The grid marks for the visible range, each value once with the step it belongs to.
///
/// Labels of different steps must not collide, and egui_plot only keeps labels of the same
/// step apart. So while week starts can be labelled (a week at least [`LABEL_PX`] wide) the
/// marks are week starts and days, and a week start's label carries its month; otherwise
/// they are months and years. Days and weeks come only when their lines are far enough
/// apart to be seen, which keeps the count to a few hundred at any zoom.
pub fn date_marks(input: &GridInput, week_start: WeekStart) -> Vec<GridMark> {
    let (low, high) = input.bounds;
    if !(low.is_finite() && high.is_finite()) || high <= low || input.base_step_size <= 0.0 {
        return Vec::new();
    }
    // `base_step_size` is the data span of LINE_PX pixels.
    let px_per_day = LINE_PX / input.base_step_size;
    let (first, last) = (date_at(low.ceil()), date_at(high.floor()));
    let mut marks = Vec::new();
    let mut mark = |day: Date, step: f64| {
        marks.push(GridMark {
            value: x_of(day),
            step_size: step,
        });
    };
    if WEEK * px_per_day >= LABEL_PX {
        let weeks_from = Week::containing(first, week_start).start();
        let mut day = first;
        while day <= last {
            if days_between(weeks_from, day) % 7 == 0 {
                mark(day, WEEK);
            } else if DAY * px_per_day >= LINE_PX {
                mark(day, DAY);
            }
            let next = add_days(day, 1);
            if next == day {
                // The calendar's last day: nothing after it to mark.
                break;
            }
            day = next;
        }
    } else {
        for year in first.year()..=last.year() {
            for month in 1..=12 {
                let Ok(day) = Date::new(year, month, 1) else {
                    continue;
                };
                if day < first || day > last {
                    continue;
                }
                if month == 1 {
                    mark(day, YEAR);
                } else if MONTH * px_per_day >= LINE_PX {
                    mark(day, MONTH);
                }
            }
        }
    }
    marks
}

/// The label of a grid mark: "2027" on a year, "Dec" on a month, "30 Nov" on a week start
/// ("4 Jan 2027" in the first week of a year), "25" on a day. egui_plot leaves out a label
/// that does not fit between its neighbours.
pub fn mark_label(mark: GridMark) -> String {
    let day = date_at(mark.value);
    if mark.step_size >= YEAR {
        day.strftime("%Y").to_string()
    } else if mark.step_size >= MONTH {
        day.strftime("%b").to_string()
    } else if mark.step_size >= WEEK {
        if day.month() == 1 && day.day() <= 7 {
            day.strftime("%-d %b %Y").to_string()
        } else {
            day.strftime("%-d %b").to_string()
        }
    } else {
        day.strftime("%-d").to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks(from: Date, to: Date, days_per_line: f64) -> Vec<(String, f64)> {
        let input = GridInput {
            bounds: (x_of(from), x_of(to)),
            base_step_size: days_per_line,
        };
        let mut marks = date_marks(&input, WeekStart::Monday);
        marks.retain(|m| m.value >= x_of(from) && m.value <= x_of(to));
        marks.sort_by(|a, b| a.value.total_cmp(&b.value));
        marks
            .into_iter()
            .map(|m| (mark_label(m), m.step_size))
            .collect()
    }

    fn check(from: Date, to: Date, days_per_line: f64, expected: &[(&str, f64)]) {
        let actual = marks(from, to, days_per_line);
        let expected: Vec<(String, f64)> = expected
            .iter()
            .map(|(label, step)| ((*label).to_owned(), *step))
            .collect();
        assert_eq!(actual, expected);
    }

    #[test]
    fn x_and_dates_round_trip() {
        for day in [date(1970, 1, 1), date(2026, 11, 25), date(2000, 2, 29)] {
            assert_eq!(date_at(x_of(day)), day);
            assert_eq!(date_at(x_of(day) + 0.4), day);
            assert_eq!(date_at(x_of(day) - 0.4), day);
        }
        assert_eq!(x_of(date(1970, 1, 2)), 1.0);
    }

    #[test]
    fn zoomed_in_shows_week_starts_and_days() {
        // 80 px a day: every day is labelled, week starts with their month.
        check(
            date(2026, 11, 28),
            date(2026, 12, 3),
            0.1,
            &[
                ("28", DAY),
                ("29", DAY),
                ("30 Nov", WEEK),
                ("1", DAY),
                ("2", DAY),
                ("3", DAY),
            ],
        );
        // The first week of a year says which year.
        check(
            date(2027, 1, 3),
            date(2027, 1, 5),
            0.1,
            &[("3", DAY), ("4 Jan 2027", WEEK), ("5", DAY)],
        );
    }

    #[test]
    fn a_few_months_show_week_starts_without_months() {
        // 10 px a day: weeks are 70 px apart and labelled; days are grid lines only.
        let got = marks(date(2026, 12, 20), date(2027, 1, 12), 0.8);
        let weeks: Vec<&str> = got
            .iter()
            .filter(|(_, step)| *step == WEEK)
            .map(|(label, _)| label.as_str())
            .collect();
        assert_eq!(weeks, vec!["21 Dec", "28 Dec", "4 Jan 2027", "11 Jan"]);
        assert!(got.iter().all(|(_, step)| *step <= WEEK));
    }

    #[test]
    fn half_a_year_shows_months_and_years() {
        // 4 px a day: weeks would be 28 px apart, too close for labels.
        check(
            date(2026, 11, 15),
            date(2027, 3, 10),
            2.0,
            &[
                ("Dec", MONTH),
                ("2027", YEAR),
                ("Feb", MONTH),
                ("Mar", MONTH),
            ],
        );
    }

    #[test]
    fn years_show_months_then_years_only() {
        let got = marks(date(2016, 11, 1), date(2026, 11, 30), 2.5);
        assert!(got.iter().all(|(_, step)| *step >= MONTH));
        assert_eq!(got.iter().filter(|(_, step)| *step == YEAR).count(), 10);
        assert_eq!(got.first().map(|(l, _)| l.as_str()), Some("Nov"));
        // Under a pixel a day, months are too close even for lines.
        let got = marks(date(2016, 11, 1), date(2026, 11, 30), 40.0);
        assert!(got.iter().all(|(_, step)| *step == YEAR), "{got:?}");
    }

    #[test]
    fn marks_stay_inside_the_view() {
        let got = marks(date(2026, 11, 28), date(2026, 12, 3), 0.1);
        let all = date_marks(
            &GridInput {
                bounds: (
                    x_of(date(2026, 11, 28)) - 0.4,
                    x_of(date(2026, 12, 3)) + 0.4,
                ),
                base_step_size: 0.1,
            },
            WeekStart::Monday,
        );
        assert_eq!(got.len(), all.len());
    }
}
