//! Form in the runner's words, for a re-plan proposal in the window and on the command
//! line alike: the number, its share of fitness and zone, and whether a change leaves the
//! runner about the same, fresher or more tired on a key day.

use jiff::civil::Date;

use crate::core::form::{FormZone, form_share};
use crate::core::load::Trends;
use crate::core::plan::Plan;
use crate::core::session::Session;
use crate::core::week::Week;

/// A change in form smaller than this share of fitness (in percentage points) reads
/// "about the same": the model's numbers are estimates, not measurements.
pub const SAME_WITHIN_POINTS: f64 = 3.0;

/// Form as a signed number with a real minus sign: "+1.3", "−4.2", "−139", "0". Form is in
/// load points, so one decimal only where the number is small.
pub fn signed(x: f64) -> String {
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

/// A share in whole percent with a real minus sign: "+8", "−4", "0".
pub fn percent(share: f64) -> String {
    let rounded = share.round();
    if rounded == 0.0 {
        "0".to_owned()
    } else if rounded > 0.0 {
        format!("+{rounded:.0}")
    } else {
        format!("−{:.0}", -rounded)
    }
}

/// "−12 (−6 %, grey zone)": form, its share of fitness and the zone; only the number while
/// fitness is too small for a share.
pub fn form_with_zone(form: f64, fitness: f64) -> String {
    match form_share(form, fitness) {
        Some(share) => format!(
            "{} ({} %, {})",
            signed(form),
            percent(share),
            FormZone::of(share).label()
        ),
        None => signed(form),
    }
}

/// "about the same", "fresher" or "more tired": how form `after` compares with `before`,
/// each with the fitness it is measured against.
pub fn form_change(before: (f64, f64), after: (f64, f64)) -> &'static str {
    let points = match (form_share(before.0, before.1), form_share(after.0, after.1)) {
        (Some(b), Some(a)) => a - b,
        // Without a share, compare the numbers against a tenth of the larger fitness.
        _ => {
            let scale = before.1.max(after.1).max(1.0);
            100.0 * (after.0 - before.0) / scale
        }
    };
    if points.abs() < SAME_WITHIN_POINTS {
        "about the same"
    } else if points > 0.0 {
        "fresher"
    } else {
        "more tired"
    }
}

/// The form expected on each key day still ahead in the re-plan's window (`from` to `last`,
/// which may reach into the next week), as planned and as `proposed`, one line each: what a
/// re-plan means for the key sessions. Form is yesterday's fitness minus yesterday's
/// fatigue, so it tells how fresh the runner arrives.
pub fn key_day_form_lines(
    plan: &Plan,
    proposed: &Plan,
    today: Date,
    from: Date,
    last: Date,
) -> Vec<String> {
    let week = Week::containing(from, plan.settings.week_start);
    // A day of the next week carries its date: "Tue" alone would read as this week's.
    let day_name = |date: Date| {
        if date > week.end() {
            date.strftime("%a %-d %b").to_string()
        } else {
            super::weekday(date)
        }
    };
    let keys: Vec<&Session> = proposed
        .sessions_between(from, last.max(week.end()))
        .iter()
        .filter(|s| s.key && s.done.is_none())
        .collect();
    if keys.is_empty() {
        return Vec::new();
    }
    let trends = Trends::compute(plan, today);
    keys.into_iter()
        .map(|s| {
            let after = (
                trends.form_on_with(proposed, from, s.date),
                trends.fitness_before_with(proposed, from, s.date),
            );
            let what = s.display_title();
            let day = day_name(s.date);
            match plan.session(s.id).filter(|was| !was.is_skipped()) {
                Some(was) => {
                    let before = (
                        trends.form_on(was.date),
                        trends.fitness_before_with(plan, from, was.date),
                    );
                    let change = form_change(before, after);
                    if was.date == s.date {
                        format!(
                            "Form on {day} ({what}): {} as planned → {} with this plan: {change}.",
                            form_with_zone(before.0, before.1),
                            form_with_zone(after.0, after.1),
                        )
                    } else {
                        format!(
                            "Form for {what}: {} on {} as planned → {} on {day} with this plan: {change}.",
                            form_with_zone(before.0, before.1),
                            day_name(was.date),
                            form_with_zone(after.0, after.1),
                        )
                    }
                }
                None => format!(
                    "Form on {day} ({what}, fitted in again): {} with this plan.",
                    form_with_zone(after.0, after.1)
                ),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_reads_with_its_share_zone_and_direction() {
        assert_eq!(signed(-139.4), "−139");
        assert_eq!(signed(1.26), "+1.3");
        assert_eq!(percent(-4.4), "−4");
        assert_eq!(percent(0.3), "0");
        assert_eq!(signed(0.01), "0");
        assert_eq!(form_with_zone(-12.0, 200.0), "−12 (−6 %, grey zone)");
        assert_eq!(
            form_with_zone(-50.0, 200.0),
            "−50 (−25 %, optimal training)"
        );
        assert_eq!(form_with_zone(30.0, 200.0), "+30 (+15 %, fresh)");
        assert_eq!(form_with_zone(-70.0, 200.0), "−70 (−35 %, high risk)");
        assert_eq!(form_with_zone(-3.0, 4.0), "−3.0");
        assert_eq!(
            form_change((-20.0, 200.0), (-18.0, 200.0)),
            "about the same"
        );
        assert_eq!(form_change((-20.0, 200.0), (-5.0, 200.0)), "fresher");
        assert_eq!(form_change((-20.0, 200.0), (-40.0, 200.0)), "more tired");
    }
}
