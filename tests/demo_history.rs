//! The demo plan a runner sees on the first start: a history long and steady enough that
//! fitness, fatigue and form have settled, generated around whatever day it is.

use jiff::civil::{Date, date};
use runweek::app::demo_around;
use runweek::core::form::{FormZone, form_share};
use runweek::core::load::Trends;
use runweek::core::readiness::When;
use runweek::core::session::Done;
use runweek::core::verdict::{self, Verdict};
use runweek::core::week::{Week, add_days};

/// "Todays" across the year, every weekday among them.
fn todays() -> Vec<Date> {
    let mut days: Vec<Date> = (0..7).map(|n| add_days(date(2026, 11, 30), n)).collect();
    days.extend([date(2026, 11, 25), date(2027, 3, 17), date(2027, 7, 4)]);
    days
}

#[test]
fn the_demo_holds_sixteen_weeks_and_more_of_believable_history() {
    for today in todays() {
        let plan = demo_around(today);
        let this_week = Week::containing(today, plan.settings.week_start);
        let first = plan.sessions().first().expect("sessions").date;
        let weeks = (this_week.start() - first).get_days() / 7;
        assert!(weeks >= 17, "{weeks} weeks before this one");
        let mut missed = 0;
        let mut held_back = 0;
        let mut logged = 0;
        let mut days = 0;
        for n in 1..=weeks {
            let week = Week::containing(
                add_days(this_week.start(), -7 * i64::from(n)),
                plan.settings.week_start,
            );
            let sessions = plan.sessions_between(week.start(), week.end());
            let done_km: f64 = sessions
                .iter()
                .filter_map(|s| match s.done {
                    Some(Done::Done(run)) => run.distance_km.map(|k| k.get()),
                    _ => None,
                })
                .sum();
            if !sessions.iter().any(|s| s.is_done()) {
                missed += 1;
                continue;
            }
            assert!(
                (40.0..=62.0).contains(&done_km),
                "week of {}: {done_km:.1} km",
                week.start()
            );
            for day in week.days() {
                days += 1;
                if plan.readiness_on(day, When::Morning).is_some() {
                    logged += 1;
                }
                if verdict::assess(&plan, day).verdict == Some(Verdict::HoldBack) {
                    held_back += 1;
                }
            }
        }
        assert_eq!(missed, 1, "one week missed");
        assert!(
            logged * 10 >= days * 7,
            "readiness on {logged} of {days} mornings"
        );
        assert!((2..=8).contains(&held_back), "{held_back} hold-back days");
    }
}

#[test]
fn the_demo_opens_with_settled_fitness_and_believable_form() {
    for today in todays() {
        let plan = demo_around(today);
        let trends = Trends::compute(&plan, today);
        let yesterday = trends.metrics_on(add_days(today, -1));
        let form = trends.form_on(today);
        assert!(
            yesterday.fitness > 150.0,
            "fitness {:.0}",
            yesterday.fitness
        );
        let share = form_share(form, yesterday.fitness).expect("a share");
        assert!(
            (-30.0..=15.0).contains(&share),
            "form {form:.0} is {share:.0} % of fitness on {today}"
        );
        assert_ne!(FormZone::of(share), FormZone::HighRisk);
    }
}
