//! Load and trends against hand-computed cases, and `runweek stats` through the real binary.
//!
//! Expected figures are worked out here from the formulas with literal constants (or are
//! literal numbers worked out by hand), never by calling the code under test.

mod support;

use jiff::civil::{Date, date};
use runweek::core::load::{
    self, ACWR_BANDS, DayMetrics, Split, Trends, Volume, acwr_band, formula_lines, monotony, strain,
};
use runweek::core::plan::{Availability, Plan};
use runweek::core::rules::Warning;
use runweek::core::session::{Done, DoneRun, Kind, Session, SessionId};
use runweek::core::settings::{Settings, WeekStart};
use runweek::core::units::{Km, Minutes, Rpe};
use runweek::core::week::{Week, add_days};
use support::{demo_file, runweek, stdout, temp_file};

const EPS: f64 = 1e-6;

/// Day `n` of the test history; day 0 is Monday 2001-01-01.
fn day(n: i64) -> Date {
    add_days(date(2001, 1, 1), n)
}

fn planned(id: u64, n: i64, kind: Kind, minutes: i64, rpe: i64) -> Session {
    let mut s = Session::new(
        SessionId(id),
        day(n),
        kind,
        Minutes::new(minutes).expect("valid minutes"),
    );
    s.rpe = Some(Rpe::new(rpe).expect("valid RPE"));
    s
}

fn done(id: u64, n: i64, kind: Kind, minutes: i64, rpe: i64) -> Session {
    let mut s = planned(id, n, kind, minutes, rpe);
    s.done = Some(Done::Done(DoneRun {
        minutes: Minutes::new(minutes).expect("valid minutes"),
        distance_km: None,
        rpe: Some(Rpe::new(rpe).expect("valid RPE")),
        avg_hr: None,
    }));
    s
}

fn skipped(id: u64, n: i64, kind: Kind, minutes: i64, rpe: i64) -> Session {
    let mut s = planned(id, n, kind, minutes, rpe);
    s.done = Some(Done::Skipped);
    s
}

fn plan_with(settings: Settings, sessions: Vec<Session>) -> Plan {
    Plan::new(settings, Availability::default(), sessions, Vec::new()).expect("a valid plan")
}

fn plan(sessions: Vec<Session>) -> Plan {
    plan_with(Settings::default(), sessions)
}

/// A done session with `load` = minutes × RPE for each non-zero load, one per day from day 0.
fn done_series(loads: &[(i64, i64)]) -> Vec<Session> {
    loads
        .iter()
        .enumerate()
        .filter(|(_, (minutes, _))| *minutes > 0)
        .map(|(i, &(minutes, rpe))| done(i as u64 + 1, i as i64, Kind::Easy, minutes, rpe))
        .collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < EPS
}

fn close_opt(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => close(a, b),
        (None, None) => true,
        _ => false,
    }
}

// ---------------------------------------------------------------- fitness, fatigue, form

/// Fourteen days as (minutes, RPE); their loads are 100, 0, 240, 150, 0, 420, 0, 500, 90, 0,
/// 480, 120, 0, 600.
const FOURTEEN: [(i64, i64); 14] = [
    (50, 2),
    (0, 0),
    (60, 4),
    (50, 3),
    (0, 0),
    (60, 7),
    (0, 0),
    (100, 5),
    (30, 3),
    (0, 0),
    (60, 8),
    (40, 3),
    (0, 0),
    (120, 5),
];

#[test]
fn fourteen_days_of_fitness_fatigue_and_form_follow_the_recursion() {
    let trends = Trends::compute(&plan(done_series(&FOURTEEN)), day(20));
    // The recursion worked out independently, with literal constants.
    let k_fitness = 1.0 - (-1.0f64 / 42.0).exp();
    let k_fatigue = 1.0 - (-1.0f64 / 7.0).exp();
    let (mut fitness, mut fatigue) = (0.0, 0.0);
    for (t, &(minutes, rpe)) in FOURTEEN.iter().enumerate() {
        let load = (minutes * rpe) as f64;
        let form = fitness - fatigue;
        fitness += k_fitness * (load - fitness);
        fatigue += k_fatigue * (load - fatigue);
        let got = trends.metrics_on(day(t as i64));
        assert!(close(got.load, load), "day {t}: load {}", got.load);
        assert!(
            close(got.fitness, fitness),
            "day {t}: fitness {}",
            got.fitness
        );
        assert!(
            close(got.fatigue, fatigue),
            "day {t}: fatigue {}",
            got.fatigue
        );
        assert!(close(got.form, form), "day {t}: form {}", got.form);
        assert!(!got.projected, "day {t} lies before today");
    }
    // Hand-worked figures (six decimals) for a few days.
    let check = |n: i64, fitness: f64, fatigue: f64, form: f64| {
        let got = trends.metrics_on(day(n));
        assert!((got.fitness - fitness).abs() < 1e-5, "day {n}: {got:?}");
        assert!((got.fatigue - fatigue).abs() < 1e-5, "day {n}: {got:?}");
        assert!((got.form - form).abs() < 1e-5, "day {n}: {got:?}");
    };
    check(0, 2.352831, 13.312210, 0.0);
    check(1, 2.297473, 11.540061, -10.959379);
    check(7, 31.399807, 140.391382, -65.059311);
    check(13, 56.423815, 198.947381, -94.033517);
}

#[test]
fn time_constants_come_from_the_settings() {
    let check = |fitness_days: u16, fatigue_days: u16, fitness: f64, fatigue: f64| {
        let settings = Settings {
            fitness_days,
            fatigue_days,
            ..Settings::default()
        };
        let trends = Trends::compute(
            &plan_with(settings, vec![done(1, 0, Kind::Easy, 50, 2)]),
            day(5),
        );
        let got = trends.metrics_on(day(0));
        assert!(
            close(got.fitness, fitness),
            "{fitness_days}/{fatigue_days}: {got:?}"
        );
        assert!(
            close(got.fatigue, fatigue),
            "{fitness_days}/{fatigue_days}: {got:?}"
        );
        assert_eq!(trends.time_constants(), (fitness_days, fatigue_days));
    };
    // A load of 100 on the first day: X_0 = 100 × (1 − exp(−1/N)).
    check(42, 7, 2.352831, 13.312210);
    check(10, 7, 9.516258, 13.312210);
    check(42, 3, 2.352831, 28.346869);
    check(1, 1, 63.212056, 63.212056);
}

#[test]
fn form_is_yesterdays_fitness_minus_yesterdays_fatigue() {
    let trends = Trends::compute(&plan(done_series(&FOURTEEN)), day(20));
    let days = trends.days();
    assert_eq!(days[0].form, 0.0, "form starts at 0");
    for pair in days.windows(2) {
        assert!(close(pair[1].form, pair[0].fitness - pair[0].fatigue));
    }
}

// ---------------------------------------------------------------- the daily load

#[test]
fn sessions_on_one_day_are_summed() {
    let p = plan(vec![
        done(1, 0, Kind::Easy, 40, 3),
        done(2, 0, Kind::Strength, 25, 4),
        done(3, 1, Kind::Easy, 30, 2),
        planned(4, 9, Kind::Easy, 45, 3),
        planned(5, 9, Kind::Strength, 20, 5),
    ]);
    let trends = Trends::compute(&p, day(5));
    let check = |n: i64, load: f64| {
        assert_eq!(trends.metrics_on(day(n)).load, load, "day {n}");
        assert_eq!(load::daily_load(&p, day(n), day(5)), load, "day {n}");
    };
    check(0, 120.0 + 100.0);
    check(1, 60.0);
    check(2, 0.0);
    check(9, 135.0 + 100.0);
    let week = load::week_summary(&p, Week::containing(day(0), p.settings.week_start), day(5));
    assert_eq!(week.daily_loads, [220.0, 60.0, 0.0, 0.0, 0.0, 0.0, 0.0]);
}

#[test]
fn done_before_today_planned_from_today_and_skipped_counts_zero() {
    let today = day(2);
    let p = plan(vec![
        done(1, 0, Kind::Easy, 30, 3),        // 90
        skipped(2, 0, Kind::Tempo, 50, 7),    // 0
        planned(3, 1, Kind::Tempo, 50, 7),    // missed: 0
        done(4, 2, Kind::Easy, 40, 4),        // today, done: 160
        planned(5, 2, Kind::Recovery, 30, 2), // today, still to come: 60
        skipped(6, 2, Kind::Hills, 45, 8),    // 0
        planned(7, 3, Kind::Tempo, 50, 7),    // 350
        skipped(8, 3, Kind::Easy, 60, 3),     // 0
        done(9, 4, Kind::Easy, 30, 5),        // logged ahead of time: its done load, 150
    ]);
    let trends = Trends::compute(&p, today);
    let check = |n: i64, load: f64, projected: bool| {
        let got = trends.metrics_on(day(n));
        assert_eq!((got.load, got.projected), (load, projected), "day {n}");
    };
    check(0, 90.0, false);
    check(1, 0.0, false);
    check(2, 220.0, true);
    check(3, 350.0, true);
    check(4, 150.0, true);
    assert_eq!(trends.projection_start(), 2);
}

#[test]
fn today_is_not_projected_once_everything_on_it_is_logged() {
    let p = plan(vec![
        done(1, 0, Kind::Easy, 30, 3),
        done(2, 1, Kind::Easy, 40, 4),
        skipped(3, 1, Kind::Tempo, 50, 7),
        planned(4, 2, Kind::Easy, 30, 3),
    ]);
    let trends = Trends::compute(&p, day(1));
    assert_eq!(trends.metrics_on(day(1)).load, 160.0);
    assert!(!trends.metrics_on(day(1)).projected);
    assert_eq!(trends.projection_start(), 2);
    // The default RPE of the kind fills in when the plan gives none: Tempo is 7.
    let mut no_rpe = planned(1, 0, Kind::Tempo, 50, 5);
    no_rpe.rpe = None;
    assert_eq!(
        Trends::compute(&plan(vec![no_rpe]), day(0)).days()[0].load,
        350.0
    );
}

// ---------------------------------------------------------------- acute:chronic ratio

#[test]
fn acwr_appears_on_the_28th_day_of_history() {
    // 100 on day 0, then 200 a day: acute and chronic are both seeded with 100.
    let mut loads = vec![(50, 2)];
    loads.extend(std::iter::repeat_n((40, 5), 29));
    let trends = Trends::compute(&plan(done_series(&loads)), day(40));
    let first = trends.metrics_on(day(0));
    assert_eq!(
        (first.acute, first.chronic, first.acwr),
        (100.0, 100.0, None)
    );
    // Worked out independently with λ = 2/8 and 2/29.
    let (mut acute, mut chronic) = (100.0, 100.0);
    for (t, &(minutes, rpe)) in loads.iter().enumerate() {
        let l = (minutes * rpe) as f64;
        acute = 0.25 * l + 0.75 * acute;
        chronic = (2.0 / 29.0) * l + (27.0 / 29.0) * chronic;
        let got = trends.metrics_on(day(t as i64));
        assert!(
            close(got.acute, acute) && close(got.chronic, chronic),
            "day {t}: {got:?}"
        );
        let expected = (t >= 27).then(|| acute / chronic);
        assert!(close_opt(got.acwr, expected), "day {t}: {:?}", got.acwr);
    }
    let check = |n: i64, acwr: Option<f64>| {
        let got = trends.metrics_on(day(n)).acwr;
        assert!(
            match (got, acwr) {
                (Some(a), Some(b)) => (a - b).abs() < 1e-5,
                (a, b) => a == b,
            },
            "day {n}: {got:?}"
        );
    };
    check(26, None);
    check(27, Some(1.078076));
    check(28, Some(1.072342));
}

#[test]
fn acwr_stays_empty_while_chronic_load_is_zero() {
    let sessions = (0..35)
        .map(|n| {
            let mut s = planned(n as u64 + 1, n, Kind::Rest, 0, 1);
            s.rpe = None;
            s
        })
        .collect();
    let trends = Trends::compute(&plan(sessions), day(40));
    assert!(trends.days().iter().all(|d| d.acwr.is_none()));
}

#[test]
fn acwr_bands_are_soft_and_labelled() {
    let check = |ratio: f64, band: Option<usize>| {
        let got = acwr_band(ratio).map(|b| ACWR_BANDS.iter().position(|x| x == b));
        assert_eq!(got, band.map(Some), "{ratio}");
    };
    check(0.5, None);
    check(0.8, Some(0));
    check(1.0, Some(0));
    check(1.3, Some(0));
    check(1.4, None);
    check(1.5, Some(1));
    check(2.5, Some(1));
    assert!(ACWR_BANDS.iter().all(|b| b.label.contains("soft band")));
}

// ---------------------------------------------------------------- weeks

#[test]
fn monotony_and_strain_by_hand() {
    let check = |loads: [f64; 7], expected: Option<(f64, f64)>| {
        let got = monotony(&loads).zip(strain(&loads));
        match (got, expected) {
            (Some((m, s)), Some((em, es))) => {
                assert!(
                    (m - em).abs() < 1e-5 && (s - es).abs() < 1e-3,
                    "{loads:?}: {m} {s}"
                )
            }
            (got, expected) => assert_eq!(got, expected, "{loads:?}"),
        }
    };
    // Mean 1500/7, population SD 180.701581.
    check(
        [0.0, 300.0, 200.0, 0.0, 400.0, 100.0, 500.0],
        Some((1.185854, 1778.781184)),
    );
    // Mean 100, SD √60000.
    check(
        [700.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
        Some((0.408248, 285.773803)),
    );
    // Equal days: the SD is 0 and monotony is undefined.
    check([200.0; 7], None);
    check([0.0; 7], None);
}

#[test]
fn a_week_of_equal_days_has_no_monotony_or_strain() {
    let sessions = (0..7)
        .map(|n| done(n as u64 + 1, n, Kind::Easy, 40, 5))
        .collect();
    let p = plan(sessions);
    let week = load::week_summary(&p, Week::containing(day(0), p.settings.week_start), day(10));
    assert_eq!(week.daily_loads, [200.0; 7]);
    assert_eq!((week.monotony, week.strain), (None, None));
}

fn with_distance(mut s: Session, planned_km: f64, done_km: Option<f64>) -> Session {
    s.distance_km = Some(Km::new(planned_km).expect("valid distance"));
    if let (Some(Done::Done(run)), Some(km)) = (&mut s.done, done_km) {
        run.distance_km = Some(Km::new(km).expect("valid distance"));
    }
    s
}

/// Week 1: done Mon intervals (496), done Wed easy (180 against 135 planned), skipped Thu
/// tempo, missed Sat easy (120 planned), done Sat strength (100). Week 2: 1,000 planned.
fn two_weeks(week2_done: bool) -> Plan {
    let mut mon = done(1, 0, Kind::Intervals, 62, 8);
    mon.minutes = Minutes::new(60).expect("valid");
    let mon = with_distance(mon, 10.0, Some(10.5));
    let mut wed = done(2, 2, Kind::Easy, 45, 4);
    wed.rpe = Rpe::new(3).ok();
    let wed = with_distance(wed, 8.0, Some(8.2));
    let week2 = [
        (6, 7, Kind::Long, 100, 5),
        (7, 9, Kind::Tempo, 50, 7),
        (8, 12, Kind::Easy, 50, 3),
    ]
    .map(|(id, n, kind, minutes, rpe)| {
        if week2_done {
            done(id, n, kind, minutes, rpe)
        } else {
            planned(id, n, kind, minutes, rpe)
        }
    });
    let mut sessions = vec![
        mon,
        wed,
        skipped(3, 3, Kind::Tempo, 50, 7),
        with_distance(planned(4, 5, Kind::Easy, 40, 3), 7.0, None),
        done(5, 5, Kind::Strength, 25, 4),
    ];
    sessions.extend(week2);
    plan(sessions)
}

#[test]
fn week_summary_counts_planned_done_and_what_stands() {
    let p = two_weeks(false);
    let weeks = load::week_summaries(&p, day(7), day(0), day(13));
    assert_eq!(weeks.len(), 2);
    let w = &weeks[0];
    let check = |got: Volume, minutes: u32, km: f64, load: f64| {
        assert_eq!(got.minutes, minutes, "{got:?}");
        assert!(
            close(got.distance_km, km) && close(got.load, load),
            "{got:?}"
        );
    };
    check(
        w.planned,
        60 + 45 + 40 + 25,
        10.0 + 8.0 + 7.0,
        480.0 + 135.0 + 120.0 + 100.0,
    );
    check(w.done, 62 + 45 + 25, 10.5 + 8.2, 496.0 + 180.0 + 100.0);
    check(w.counted, 62 + 45 + 25, 10.5 + 8.2, 496.0 + 180.0 + 100.0);
    assert_eq!(w.daily_loads, [496.0, 0.0, 180.0, 0.0, 0.0, 100.0, 0.0]);
    assert_eq!(
        w.hard,
        Split {
            sessions: 1,
            minutes: 62
        }
    );
    assert_eq!(
        w.easy,
        Split {
            sessions: 2,
            minutes: 70
        }
    );
    assert!(close_opt(w.monotony, Some(0.6519544536)));
    assert!(close_opt(w.strain, Some(505.9166560011)));
    assert_eq!((w.change_pct, w.growth_warning.clone()), (None, None));
    // Week 2 lies from today on: counted is planned, nothing done yet.
    let w = &weeks[1];
    check(w.counted, 200, 0.0, 1000.0);
    check(w.done, 0, 0.0, 0.0);
    assert!(close_opt(w.change_pct, Some(19.760479)));
    assert!(
        matches!(
            w.growth_warning,
            Some(Warning::LoadGrowth { limit: 10, .. })
        ),
        "{:?}",
        w.growth_warning
    );
    // A higher limit in the settings silences it; the change stays.
    let mut p = p;
    p.settings.load_growth_pct = 20;
    let w = load::week_summary(&p, Week::containing(day(7), p.settings.week_start), day(7));
    assert_eq!(w.growth_warning, None);
    assert!(close_opt(w.change_pct, Some(19.760479)));
}

// ---------------------------------------------------------------- look-ups and projection

#[test]
fn lookups_outside_the_history_are_zero_before_and_decay_after() {
    let past = done_series(&FOURTEEN);
    let trends = Trends::compute(&plan(past.clone()), day(13));
    assert_eq!(trends.last_date(), Some(day(13)));
    let before = trends.metrics_on(day(-3));
    assert_eq!(
        before,
        DayMetrics {
            date: day(-3),
            load: 0.0,
            projected: false,
            fitness: 0.0,
            fatigue: 0.0,
            form: 0.0,
            acute: 0.0,
            chronic: 0.0,
            acwr: None,
        }
    );
    // The same history with an empty rest day far ahead stores every day in between.
    let mut longer = past;
    let mut rest = planned(99, 60, Kind::Rest, 0, 1);
    rest.rpe = None;
    longer.push(rest);
    let stored = Trends::compute(&plan(longer), day(13));
    for n in [14, 15, 27, 28, 40, 60] {
        let (a, b) = (trends.metrics_on(day(n)), stored.metrics_on(day(n)));
        assert!(trends.day(day(n)).is_none() && stored.day(day(n)).is_some());
        assert!(
            close(a.fitness, b.fitness)
                && close(a.fatigue, b.fatigue)
                && close(a.form, b.form)
                && close(a.acute, b.acute)
                && close(a.chronic, b.chronic)
                && close_opt(a.acwr, b.acwr)
                && a.projected == b.projected,
            "day {n}: {a:?} against {b:?}"
        );
    }
}

#[test]
fn the_series_runs_through_today_and_between_clips() {
    let p = plan(vec![
        done(1, 0, Kind::Easy, 30, 3),
        planned(2, 3, Kind::Easy, 30, 3),
    ]);
    let trends = Trends::compute(&p, day(10));
    assert_eq!(
        (trends.first_date(), trends.last_date()),
        (Some(day(0)), Some(day(10)))
    );
    assert_eq!(trends.days().len(), 11);
    let dates: Vec<_> = trends
        .between(day(-5), day(2))
        .iter()
        .map(|d| d.date)
        .collect();
    assert_eq!(dates, vec![day(0), day(1), day(2)]);
    assert!(Trends::compute(&plan(Vec::new()), day(0)).days().is_empty());
}

#[test]
fn form_with_a_proposal_matches_a_full_recompute() {
    let today = day(14);
    let mut sessions = done_series(&FOURTEEN);
    sessions.extend([
        planned(101, 14, Kind::Tempo, 55, 7),
        planned(102, 15, Kind::Easy, 45, 3),
        planned(103, 16, Kind::Intervals, 60, 8),
        planned(104, 18, Kind::Long, 110, 5),
    ]);
    let before = plan(sessions.clone());
    let trends = Trends::compute(&before, today);
    // Hold back today: the tempo becomes an easy 30, the intervals move to Thursday.
    let changed = sessions
        .into_iter()
        .map(|s| match s.id.0 {
            101 => planned(101, 14, Kind::Recovery, 30, 2),
            103 => planned(103, 17, Kind::Intervals, 60, 8),
            _ => s,
        })
        .collect();
    let after = plan(changed);
    let full = Trends::compute(&after, today);
    for n in 10..25 {
        let fast = trends.form_on_with(&after, day(14), day(n));
        assert!(close(fast, full.form_on(day(n))), "day {n}: {fast}");
    }
    // Holding back buys form on the key day.
    assert!(full.form_on(day(18)) > trends.form_on(day(18)));
    // Changed settings fall back to a full compute.
    let mut other = after.clone();
    other.settings.fatigue_days = 5;
    let full = Trends::compute(&other, today);
    assert!(close(
        trends.form_on_with(&other, day(14), day(18)),
        full.form_on(day(18))
    ));
}

// ---------------------------------------------------------------- about these numbers

#[test]
fn formula_lines_state_the_settings_in_force() {
    let text = |settings: &Settings| {
        formula_lines(settings)
            .iter()
            .map(|f| format!("{}: {} [{}] {}", f.name, f.formula, f.source, f.in_force))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let default = text(&Settings::default());
    for needle in [
        "minutes × RPE",
        "Foster et al. 2001",
        "Foster 1998",
        "Population SD",
        "k = 1 − exp(−1/N)",
        "N = 42 days (k = 0.0235)",
        "N = 7 days (k = 0.1331)",
        "TrainingPeaks",
        "Williams et al. 2017",
        "λ = 2/(N+1)",
        "seeded with the first day's load",
        "Soft warning above 10 %",
        "soft band",
        "Tempo 7",
    ] {
        assert!(default.contains(needle), "missing {needle:?} in\n{default}");
    }
    let settings = Settings {
        fitness_days: 30,
        load_growth_pct: 15,
        ..Settings::default()
    };
    let changed = text(&settings);
    assert!(
        changed.contains("N = 30 days") && changed.contains("above 15 %"),
        "{changed}"
    );
}

// ---------------------------------------------------------------- the command line

/// The plan of `two_weeks(true)`, dated 2001 so that every day lies in the past.
const PAST_PLAN: &str = r#"(
    version: 1,
    sessions: [
        (id: 1, date: "2001-01-01", kind: Intervals, minutes: 60, distance_km: Some(10.0), rpe: Some(8),
         done: Some(Done(minutes: 62, distance_km: Some(10.5), rpe: Some(8)))),
        (id: 2, date: "2001-01-03", kind: Easy, minutes: 45, distance_km: Some(8.0), rpe: Some(3),
         done: Some(Done(minutes: 45, distance_km: Some(8.2), rpe: Some(4)))),
        (id: 3, date: "2001-01-04", kind: Tempo, minutes: 50, rpe: Some(7), done: Some(Skipped)),
        (id: 4, date: "2001-01-06", kind: Easy, minutes: 40, distance_km: Some(7.0), rpe: Some(3)),
        (id: 5, date: "2001-01-06", kind: Strength, minutes: 25, rpe: Some(4), done: Some(Done(minutes: 25, rpe: Some(4)))),
        (id: 6, date: "2001-01-08", kind: Long, minutes: 100, rpe: Some(5), done: Some(Done(minutes: 100, rpe: Some(5)))),
        (id: 7, date: "2001-01-10", kind: Tempo, minutes: 50, rpe: Some(7), done: Some(Done(minutes: 50, rpe: Some(7)))),
        (id: 8, date: "2001-01-13", kind: Easy, minutes: 50, rpe: Some(3), done: Some(Done(minutes: 50, rpe: Some(3)))),
    ],
)
"#;

fn stats_json(path: &std::path::Path, range: &[&str]) -> serde_json::Value {
    let mut args = vec!["stats", path.to_str().expect("utf-8 path"), "--json"];
    args.extend(range);
    let out = runweek(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

#[test]
fn stats_json_of_a_past_plan_holds_the_hand_worked_figures() {
    let path = temp_file("past.ron", PAST_PLAN);
    let v = stats_json(&path, &["--from", "2001-01-01", "--to", "2001-01-14"]);
    assert_eq!(
        v["weeks"][0],
        serde_json::json!({
            "start": "2001-01-01",
            "minutes": 132,
            "distance_km": 18.7,
            "load_planned": 835.0,
            "load_done": 776.0,
            "monotony": 0.65,
            "strain": 505.92,
        })
    );
    assert_eq!(v["weeks"][1]["load_planned"], 1000.0);
    assert_eq!(v["weeks"][1]["load_done"], 1000.0);
    assert_eq!(v["weeks"].as_array().map(Vec::len), Some(2));
    let days = v["days"].as_array().expect("days");
    assert_eq!(days.len(), 14);
    assert_eq!(
        days[0],
        serde_json::json!({
            "date": "2001-01-01", "load": 496.0, "fitness": 11.67, "fatigue": 66.03,
            "form": 0.0, "acwr": null,
        })
    );
    assert_eq!(days[1]["date"], "2001-01-02");
    assert_eq!(days[1]["load"], 0.0);
    assert_eq!(days[1]["form"], -54.36);
    // The skipped tempo and the missed easy run count nothing; the strength session does.
    assert_eq!(days[3]["load"], 0.0);
    assert_eq!(days[5]["load"], 100.0);
    assert!(
        days.iter().all(|d| d["acwr"].is_null()),
        "under 28 days of history"
    );
    // From the 28th day of history on, the ratio is there.
    let v = stats_json(&path, &["--from", "2001-01-27", "--to", "2001-01-28"]);
    assert!(v["days"][0]["acwr"].is_null());
    assert!(v["days"][1]["acwr"].is_f64());
}

#[test]
fn stats_of_a_future_plan_projects_the_planned_load() {
    let text = PAST_PLAN.replace("2001-", "2099-");
    let path = temp_file("future.ron", &text);
    // 2099-01-01 is a Thursday: the week holding it starts on Monday 2098-12-29.
    let v = stats_json(&path, &["--from", "2099-01-01", "--to", "2099-01-01"]);
    assert_eq!(v["weeks"][0]["start"], "2098-12-29");
    // Nothing is done yet: a done session counts what it logged, the others their plan.
    assert_eq!(v["days"][0]["load"], 496.0);
    let v = stats_json(&path, &["--from", "2099-01-06", "--to", "2099-01-06"]);
    assert_eq!(v["days"][0]["load"], 120.0 + 100.0);
    let out = runweek(&[
        "stats",
        path.to_str().expect("utf-8"),
        "--from",
        "2099-01-05",
        "--to",
        "2099-01-06",
    ]);
    let text = stdout(&out);
    assert!(text.contains("Tue 2099-01-06*"), "{text}");
}

#[test]
fn stats_of_the_demo_default_to_four_weeks_ending_this_week() {
    let path = demo_file("demo-default.ron");
    let v = stats_json(&path, &[]);
    let weeks = v["weeks"].as_array().expect("weeks");
    let days = v["days"].as_array().expect("days");
    assert_eq!((weeks.len(), days.len()), (4, 28));
    for w in weeks {
        let mut keys: Vec<_> = w.as_object().expect("object").keys().cloned().collect();
        keys.sort();
        assert_eq!(
            keys,
            [
                "distance_km",
                "load_done",
                "load_planned",
                "minutes",
                "monotony",
                "start",
                "strain"
            ]
        );
    }
    for d in days {
        let mut keys: Vec<_> = d.as_object().expect("object").keys().cloned().collect();
        keys.sort();
        assert_eq!(keys, ["acwr", "date", "fatigue", "fitness", "form", "load"]);
    }
    let today = jiff::Zoned::now().date();
    let this_week = Week::containing(today, WeekStart::Monday);
    assert_eq!(days[27]["date"], this_week.end().to_string());
    assert_eq!(weeks[3]["start"], this_week.start().to_string());
    // One end only: four weeks from it.
    let v = stats_json(&path, &["--from", "2026-11-18"]);
    let days = v["days"].as_array().expect("days");
    assert_eq!(days.first().map(|d| &d["date"]), Some(&"2026-11-18".into()));
    assert_eq!(days.last().map(|d| &d["date"]), Some(&"2026-12-13".into()));
}

#[test]
fn stats_text_shows_weeks_days_and_dashes() {
    let path = temp_file("past-text.ron", PAST_PLAN);
    let out = runweek(&[
        "stats",
        path.to_str().expect("utf-8"),
        "--from",
        "2000-12-25",
        "--to",
        "2001-01-14",
    ]);
    assert!(out.status.success());
    let text = stdout(&out);
    // The first line that starts with `start` once the column padding is taken out.
    let line = |start: &str| {
        text.lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .find(|l| l.starts_with(start))
            .unwrap_or_else(|| panic!("no line {start:?} in\n{text}"))
    };
    // An empty week: no monotony, no strain, no change.
    assert_eq!(
        line("Mon 2000-12-25 "),
        "Mon 2000-12-25 0 0.0 km 0 0 — — 0/0 min —"
    );
    assert_eq!(
        line("Mon 2001-01-01 "),
        "Mon 2001-01-01 132 18.7 km 835 776 0.65 506 62/70 min —"
    );
    assert_eq!(
        line("Mon 2001-01-08 "),
        "Mon 2001-01-08 200 0.0 km 1000 1000 0.75 753 150/50 min +20 %"
    );
    assert!(
        text.contains("! Week of 2001-01-08: Planned load is 20 % above last week"),
        "{text}"
    );
    assert!(text.contains("not a proven threshold"), "{text}");
    assert_eq!(
        line("Mon 2001-01-01 496"),
        "Mon 2001-01-01 496 11.7 66.0 0.0 —"
    );
}

#[test]
fn stats_with_from_after_to_is_one_line_and_exit_one() {
    let path = demo_file("demo-bad-range.ron");
    let out = runweek(&[
        "stats",
        path.to_str().expect("utf-8"),
        "--from",
        "2026-12-01",
        "--to",
        "2026-11-01",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "--from 2026-12-01 is after --to 2026-11-01\n"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn stats_refuses_a_range_of_centuries_in_one_line() {
    let path = temp_file("tiny.ron", PAST_PLAN);
    let out = runweek(&[
        "stats",
        path.to_str().expect("utf-8"),
        "--from",
        "1900-01-01",
        "--to",
        "2199-12-31",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("spans more than 36525 days"), "{err}");
    // The last week a plan may hold still ends.
    let v = stats_json(&path, &["--from", "2199-12-20", "--to", "2199-12-31"]);
    assert_eq!(v["days"].as_array().map(Vec::len), Some(12));
}
