//! The verdict rules case by case: one small case per rule and per threshold edge (exactly at
//! the threshold and one below), the baselines, week-level carry-over, the demo plan, and
//! `runweek assess` through its real binary.
//!
//! A case is written as readiness checks relative to the assessed day `D`:
//! `"-1 M heavy rough rhr=55"` is a morning check the day before with heavy legs, a rough
//! stride and a resting HR of 55; `"0 W improving ehr=146"` a warm-up check on the day.

mod support;

use jiff::civil::{Date, date};
use runweek::core::edit::Edit;
use runweek::core::plan::{Availability, Plan};
use runweek::core::readiness::{
    Body, Breathing, HeartRate, Legs, ReadinessEntry, Recent, Stride, When,
};
use runweek::core::session::{Done, DoneRun, Kind, Session, SessionId};
use runweek::core::settings::{Settings, VerdictRules};
use runweek::core::units::{Bpm, HrvMs, Minutes, Rpe};
use runweek::core::verdict::{
    Assessment, Assessments, Effect, Verdict, assess, assess_range, carry_over, rule_lines,
};
use runweek::core::week::add_days;
use runweek::file;

use Verdict::{AsPlanned, HoldBack, Push, Rest};
use support::{demo_file, runweek, stderr, stdout};

/// The assessed day.
const D: Date = date(2026, 11, 25);

fn entry(spec: &str) -> ReadinessEntry {
    let mut words = spec.split_whitespace();
    let offset: i64 = words
        .next()
        .and_then(|w| w.parse().ok())
        .expect("a day offset first");
    let when = match words.next() {
        Some("M") => When::Morning,
        Some("W") => When::WarmUp,
        other => panic!("M or W expected, got {other:?}"),
    };
    let mut e = ReadinessEntry::new(add_days(D, offset), when);
    for word in words {
        match word {
            "heavy" => e.legs = Legs::Heavy,
            "responsive" => e.legs = Legs::Responsive,
            "laboured" => e.breathing = Breathing::Laboured,
            "controlled" => e.breathing = Breathing::Controlled,
            "hr+" => e.heart_rate = HeartRate::Higher,
            "hr-" => e.heart_rate = HeartRate::Lower,
            "rough" => e.stride = Stride::Rough,
            "smooth" => e.stride = Stride::Smooth,
            "inconsistent" => e.recent = Recent::Inconsistent,
            "stable" => e.recent = Recent::Stable,
            "forcing" => e.body = Body::Forcing,
            "extend" => e.body = Body::Extend,
            "unwell" => e.unwell = true,
            "improving" => e.improving = true,
            _ => {
                let (key, value) = word.split_once('=').expect("a word or key=value");
                match key {
                    "ehr" => e.easy_hr = Some(bpm(value)),
                    "rhr" => e.resting_hr = Some(bpm(value)),
                    "hrv" => e.hrv_ms = Some(HrvMs::new(value.parse().expect("ms")).expect("HRV")),
                    _ => panic!("unknown key {key}"),
                }
            }
        }
    }
    e
}

fn bpm(value: &str) -> Bpm {
    Bpm::new(value.parse().expect("a number")).expect("a heart rate")
}

/// Settings with an expected easy HR of 140, as most cases need.
fn settings() -> Settings {
    Settings {
        easy_hr: Some(Bpm::new(140).expect("valid")),
        ..Settings::default()
    }
}

fn with_rules(f: impl FnOnce(&mut VerdictRules)) -> Settings {
    let mut s = settings();
    f(&mut s.verdict);
    s
}

fn plan_with(settings: &Settings, specs: &[String], sessions: Vec<Session>) -> Plan {
    let readiness = specs.iter().map(|s| entry(s)).collect();
    Plan::new(
        settings.clone(),
        Availability::default(),
        sessions,
        readiness,
    )
    .expect("a valid plan")
}

/// `n` morning checks on the days before D, each with `what` (e.g. "rhr=50").
fn history(n: i64, what: &str) -> Vec<String> {
    (1..=n).rev().map(|k| format!("-{k} M {what}")).collect()
}

fn days(history: Vec<String>, specs: &[&str]) -> Vec<String> {
    let mut all = history;
    all.extend(specs.iter().map(|s| (*s).to_owned()));
    all
}

fn owned(specs: &[&str]) -> Vec<String> {
    days(Vec::new(), specs)
}

/// Assesses D and checks the verdict and both counts.
fn check_with(
    settings: &Settings,
    specs: &[String],
    want: Option<Verdict>,
    hold: u8,
    push: u8,
) -> Assessment {
    let plan = plan_with(settings, specs, Vec::new());
    let a = assess(&plan, D);
    let texts: Vec<_> = a.reasons.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(
        (a.verdict, a.hold_back_signals, a.push_signals),
        (want, hold, push),
        "case {specs:?}\nreasons {texts:#?}"
    );
    a
}

fn check(specs: &[&str], want: Option<Verdict>, hold: u8, push: u8) -> Assessment {
    check_with(&settings(), &owned(specs), want, hold, push)
}

fn has_reason(a: &Assessment, effect: Effect, text: &str) {
    assert!(
        a.reasons
            .iter()
            .any(|r| r.effect == effect && r.text == text),
        "no {effect:?} reason {text:?} in {:#?}",
        a.reasons
    );
}

#[test]
fn a_day_without_a_check_is_not_logged_never_guessed() {
    let a = check(&[], None, 0, 0);
    assert!(a.reasons.is_empty());
    check(&["-1 M heavy rough"], None, 0, 0);
    check(&["1 M heavy rough"], None, 0, 0);
}

#[test]
fn rest_when_unwell() {
    let a = check(&["0 M unwell"], Some(Rest), 0, 0);
    has_reason(&a, Effect::Rest, "Feeling unwell");
    check(
        &["0 M unwell responsive controlled stable"],
        Some(Rest),
        0,
        3,
    );
}

#[test]
fn rest_when_resting_hr_is_ten_above_baseline() {
    let base = || history(7, "rhr=50");
    let a = check_with(
        &settings(),
        &days(base(), &["0 M rhr=60"]),
        Some(Rest),
        1,
        0,
    );
    has_reason(
        &a,
        Effect::Rest,
        "Resting HR 60 is 10 above your 28-day baseline of 50",
    );
    assert_eq!(a.baselines.resting_hr, Some(50.0));
    // One below: the marker still counts, as one hold-back signal.
    let a = check_with(
        &settings(),
        &days(base(), &["0 M rhr=59"]),
        Some(AsPlanned),
        1,
        0,
    );
    has_reason(
        &a,
        Effect::HoldBack,
        "Resting HR 59 is 9 above your 28-day baseline of 50",
    );
}

#[test]
fn rest_at_four_hold_back_signals_hold_back_at_three() {
    check(&["0 M heavy laboured rough inconsistent"], Some(Rest), 4, 0);
    check(&["0 M heavy laboured rough"], Some(HoldBack), 3, 0);
    check(&["0 M hr+ forcing laboured inconsistent"], Some(Rest), 4, 0);
}

#[test]
fn hold_back_at_two_signals_as_planned_at_one() {
    let a = check(&["0 M heavy rough"], Some(HoldBack), 2, 0);
    has_reason(&a, Effect::HoldBack, "Legs feel heavy already this morning");
    has_reason(&a, Effect::HoldBack, "First steps feel stiff, less smooth");
    check(&["0 M heavy"], Some(AsPlanned), 1, 0);
    check(&["0 M"], Some(AsPlanned), 0, 0);
}

#[test]
fn one_signal_the_day_after_a_hold_back_day_holds_back() {
    let a = check(&["-1 M heavy rough", "0 M heavy"], Some(HoldBack), 1, 0);
    has_reason(&a, Effect::CarryOver, "Yesterday was a hold-back day too");
    let a = check(&["-1 M unwell", "0 M rough"], Some(HoldBack), 1, 0);
    has_reason(&a, Effect::CarryOver, "Yesterday was a rest day");
    // No signal today, or yesterday only As planned, or yesterday not logged: nothing carries.
    check(&["-1 M heavy rough", "0 M"], Some(AsPlanned), 0, 0);
    check(&["-1 M heavy", "0 M heavy"], Some(AsPlanned), 1, 0);
    check(&["-2 M heavy rough", "0 M heavy"], Some(AsPlanned), 1, 0);
    // Push needs no hold-back signal, not a good yesterday.
    check(
        &["-1 M heavy rough", "0 M responsive controlled stable"],
        Some(Push),
        0,
        3,
    );
    // Two days of one signal after a hold-back day: the chain carries.
    check(
        &["-2 M heavy rough", "-1 M heavy", "0 M rough"],
        Some(HoldBack),
        1,
        0,
    );
    // A Hold back lifted by "improving" is not a hold-back day.
    check(
        &["-1 W heavy rough improving", "0 M heavy"],
        Some(AsPlanned),
        1,
        0,
    );
    // Two signals hold back on their own; yesterday adds no line then.
    let a = check(
        &["-1 M heavy rough", "0 M heavy rough"],
        Some(HoldBack),
        2,
        0,
    );
    assert!(a.reasons.iter().all(|r| r.effect != Effect::CarryOver));
}

#[test]
fn the_chain_of_yesterdays_is_followed_28_days_back() {
    // A hold-back day 28 days back carries through 28 one-signal days to today…
    let mut specs = vec!["-28 M heavy rough".to_owned()];
    specs.extend(history(27, "heavy"));
    specs.push("0 M heavy".to_owned());
    check_with(&settings(), &specs, Some(HoldBack), 1, 0);
    // …one day further back it is beyond the bound, and the chain starts afresh.
    let mut specs = vec!["-29 M heavy rough".to_owned()];
    specs.extend(history(28, "heavy"));
    specs.push("0 M heavy".to_owned());
    check_with(&settings(), &specs, Some(AsPlanned), 1, 0);
}

/// A change reaches as far as the chain of yesterdays: the cache updated over the days the
/// edit changes and their reach sees the verdict 28 days later change, and agrees with a
/// fresh assessment everywhere.
#[test]
fn assessments_follow_a_change_as_far_as_the_chain_of_yesterdays() {
    let mut specs = vec!["-28 M heavy rough".to_owned()];
    specs.extend((-27..=3).map(|k| format!("{k} M heavy")));
    let mut plan = plan_with(&settings(), &specs, Vec::new());
    let (from, to) = (add_days(D, -60), add_days(D, 70));
    let mut days = Assessments::new(&plan, from, to);
    assert_eq!(days.verdict(D), Some(HoldBack));

    let edit = Edit::SetReadiness(entry("-28 M heavy"));
    let changed = edit.changed_days(&plan);
    assert_eq!(changed, Some((add_days(D, -28), add_days(D, -28))));
    plan.apply(edit).expect("applies");
    days.update(&plan, changed);
    assert_eq!(days.verdict(D), Some(AsPlanned));
    assert_eq!(days.all(), &assess_range(&plan, from, to)[..]);
    assert_eq!(
        Assessments::reach_days(&VerdictRules::default()),
        3 + 28 + 28,
        "carry-over window, chain of yesterdays, baselines"
    );
}

#[test]
fn assessments_keep_what_they_have_when_the_range_moves() {
    let specs = days(
        history(40, "rhr=50 hrv=60"),
        &["0 M heavy rough rhr=58", "1 M heavy"],
    );
    let plan = plan_with(&settings(), &specs, Vec::new());
    let check = |days: &Assessments, from: Date, to: Date| {
        assert_eq!(
            days.all(),
            &assess_range(&plan, from, to)[..],
            "{from}..{to}"
        );
        assert_eq!(days.first_day(), Some(from));
        assert_eq!(days.last_day(), (from <= to).then_some(to));
    };
    let mut days = Assessments::new(&plan, add_days(D, -10), add_days(D, 10));
    for (from, to) in [(-5, 20), (-30, -20), (-25, 5), (3, 3), (4, 3), (-2, 2)] {
        let (from, to) = (add_days(D, from), add_days(D, to));
        days.set_range(&plan, from, to);
        check(&days, from, to);
    }
    assert_eq!(days.verdict(D), Some(HoldBack));
    assert_eq!(days.get(add_days(D, 3)), None, "outside the range");
    assert_eq!(days.between(D, add_days(D, 5)).len(), 3);
}

#[test]
fn easy_effort_hr_five_above_expected_is_a_hold_back_signal() {
    let a = check(&["0 M heavy ehr=145"], Some(HoldBack), 2, 0);
    has_reason(
        &a,
        Effect::HoldBack,
        "Easy-effort HR 145 is 5 above the 140 you expect",
    );
    check(&["0 M heavy ehr=144"], Some(AsPlanned), 1, 0);
    // As expected or lower is the push side.
    let a = check(&["0 M ehr=140"], Some(AsPlanned), 0, 1);
    has_reason(&a, Effect::Push, "Easy-effort HR 140 is as expected");
    let a = check(&["0 M ehr=136 responsive controlled"], Some(Push), 0, 3);
    has_reason(
        &a,
        Effect::Push,
        "Easy-effort HR 136 is 4 below the 140 you expect",
    );
    check(&["0 M ehr=141"], Some(AsPlanned), 0, 0);
}

#[test]
fn a_logged_easy_hr_replaces_the_heart_rate_click() {
    check(&["0 M heavy hr+ ehr=140"], Some(AsPlanned), 1, 1);
    check(&["0 M heavy hr- ehr=150"], Some(HoldBack), 2, 0);
    // Without a number the click counts.
    let a = check(&["0 M heavy hr+"], Some(HoldBack), 2, 0);
    has_reason(
        &a,
        Effect::HoldBack,
        "Heart rate is higher than expected at easy effort",
    );
    // Without an expected easy HR the number cannot count, and the click does.
    let none = Settings::default();
    let a = check_with(&none, &owned(&["0 M heavy ehr=160"]), Some(AsPlanned), 1, 0);
    has_reason(
        &a,
        Effect::NotCounted,
        "Easy-effort HR 160: set the easy HR you expect in the settings to count it",
    );
    check_with(
        &none,
        &owned(&["0 M heavy hr+ ehr=160"]),
        Some(HoldBack),
        2,
        0,
    );
}

#[test]
fn resting_hr_five_above_baseline_is_a_hold_back_signal() {
    let base = || history(7, "rhr=50");
    let a = check_with(
        &settings(),
        &days(base(), &["0 M heavy rhr=55"]),
        Some(HoldBack),
        2,
        0,
    );
    has_reason(
        &a,
        Effect::HoldBack,
        "Resting HR 55 is 5 above your 28-day baseline of 50",
    );
    check_with(
        &settings(),
        &days(base(), &["0 M heavy rhr=54"]),
        Some(AsPlanned),
        1,
        0,
    );
}

#[test]
fn resting_hr_baseline_is_the_mean_of_the_previous_28_days() {
    // Day −29 and the day itself are outside the baseline.
    let mut specs = vec!["-29 M rhr=90".to_owned()];
    specs.extend((2..=27).rev().map(|k| format!("-{k} M rhr=50")));
    specs.extend(owned(&["-1 M rhr=57", "0 M rhr=58"]));
    let plan = plan_with(&settings(), &specs, Vec::new());
    let a = assess(&plan, D);
    // 26 readings of 50 and one of 57 on days −27 … −1 (day −28 left empty).
    let want = (26.0 * 50.0 + 57.0) / 27.0;
    assert_eq!(a.baselines.resting_hr, Some(want));
    assert_eq!(a.baselines.resting_hr_readings, 27);
}

#[test]
fn resting_hr_baseline_needs_seven_readings() {
    let a = check_with(
        &settings(),
        &days(history(6, "rhr=50"), &["0 M heavy rhr=60"]),
        Some(AsPlanned),
        1,
        0,
    );
    assert_eq!(a.baselines.resting_hr, None);
    has_reason(
        &a,
        Effect::NotCounted,
        "Resting HR 60: no baseline yet (6 of 7 readings in the last 28 days)",
    );
    // Not counted lines come after the counted ones.
    assert_eq!(a.reasons.last().map(|r| r.effect), Some(Effect::NotCounted));
    // With the threshold at 6 the same history counts.
    let six = with_rules(|r| r.resting_hr_min_readings = 6);
    check_with(
        &six,
        &days(history(6, "rhr=50"), &["0 M heavy rhr=60"]),
        Some(Rest),
        2,
        0,
    );
}

#[test]
fn hrv_below_its_band_is_a_hold_back_signal() {
    let base = || history(28, "hrv=60");
    // Exactly at the band (every reading equal): not below.
    let a = check_with(
        &settings(),
        &days(base(), &["0 M heavy hrv=60"]),
        Some(AsPlanned),
        1,
        0,
    );
    let ln60 = 60f64.ln();
    let (lo, hi) = a.baselines.hrv_band.expect("a band");
    assert!(
        (lo - ln60).abs() < 1e-9 && (hi - ln60).abs() < 1e-9,
        "{lo} {hi}"
    );
    // One ms lower today pulls the 7-day mean below the band.
    let a = check_with(
        &settings(),
        &days(base(), &["0 M heavy hrv=59"]),
        Some(HoldBack),
        2,
        0,
    );
    let mean = a.baselines.hrv_ln_rmssd_mean.expect("a 7-day mean");
    assert!((mean - (6.0 * ln60 + 59f64.ln()) / 7.0).abs() < 1e-12);
    has_reason(
        &a,
        Effect::HoldBack,
        "HRV is low: 7-day average 59.9 ms is below your usual 60.0–60.0 ms",
    );
}

#[test]
fn hrv_band_is_mean_plus_minus_half_a_sample_sd_of_ln_rmssd() {
    let specs = owned(&[
        "-7 M hrv=55",
        "-6 M hrv=65",
        "-5 M hrv=58",
        "-4 M hrv=62",
        "-3 M hrv=50",
        "-2 M hrv=60",
        "-1 M hrv=70",
        "0 M hrv=25",
    ]);
    let plan = plan_with(&settings(), &specs, Vec::new());
    let a = assess(&plan, D);
    let ln = [55f64, 65.0, 58.0, 62.0, 50.0, 60.0, 70.0].map(f64::ln);
    let mean = ln.iter().sum::<f64>() / 7.0;
    let sd = (ln.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / 6.0).sqrt();
    let (lo, hi) = a.baselines.hrv_band.expect("a band");
    assert!((lo - (mean - 0.5 * sd)).abs() < 1e-12 && (hi - (mean + 0.5 * sd)).abs() < 1e-12);
    // The 7-day mean ends on the day itself.
    let recent = (ln[1..].iter().sum::<f64>() + 25f64.ln()) / 7.0;
    assert!((a.baselines.hrv_ln_rmssd_mean.expect("mean") - recent).abs() < 1e-12);
    assert_eq!(a.hold_back_signals, 1);
    // A band five SDs wide swallows the dip.
    let wide = with_rules(|r| r.hrv_band_sd = 5.0);
    check_with(&wide, &specs, Some(AsPlanned), 0, 0);
}

#[test]
fn hrv_needs_three_readings_in_the_last_seven_days() {
    let old = || {
        (8..=28)
            .rev()
            .map(|k| format!("-{k} M hrv=60"))
            .collect::<Vec<_>>()
    };
    // Three readings in the 7 days ending today: counted.
    let a = check_with(
        &settings(),
        &days(old(), &["-2 M hrv=50", "-1 M hrv=50", "0 M heavy hrv=50"]),
        Some(HoldBack),
        2,
        0,
    );
    assert_eq!(a.baselines.hrv_recent_readings, 3);
    // Two: no baseline yet, not counted.
    let a = check_with(
        &settings(),
        &days(old(), &["-1 M hrv=50", "0 M heavy hrv=50"]),
        Some(AsPlanned),
        1,
        0,
    );
    assert_eq!(a.baselines.hrv_ln_rmssd_mean, None);
    assert!(a.baselines.hrv_band.is_some());
    has_reason(
        &a,
        Effect::NotCounted,
        "HRV: no baseline yet (2 of 3 readings in the last 7 days)",
    );
    // A reading seven days back is outside the 7 days ending today.
    check_with(
        &settings(),
        &days(old(), &["-7 M hrv=50", "-1 M hrv=50", "0 M heavy hrv=50"]),
        Some(AsPlanned),
        1,
        0,
    );
}

#[test]
fn hrv_band_needs_its_own_readings() {
    // Six readings in the 28 days before: no band yet, however low today is.
    let six = owned(&[
        "-6 M hrv=60",
        "-5 M hrv=62",
        "-4 M hrv=58",
        "-3 M hrv=61",
        "-2 M hrv=59",
        "-1 M hrv=60",
        "0 M heavy hrv=30",
    ]);
    let a = check(
        &six.iter().map(String::as_str).collect::<Vec<_>>(),
        Some(AsPlanned),
        1,
        0,
    );
    assert_eq!(a.baselines.hrv_band, None);
    has_reason(
        &a,
        Effect::NotCounted,
        "HRV: no baseline yet (6 of 7 readings in the previous 28 days)",
    );
    // The seventh makes the band, and the dip counts.
    let mut seven = vec!["-7 M hrv=60".to_owned()];
    seven.extend(six);
    check(
        &seven.iter().map(String::as_str).collect::<Vec<_>>(),
        Some(HoldBack),
        2,
        0,
    );
    // The threshold is a setting.
    let loose = with_rules(|r| r.hrv_baseline_min_readings = 2);
    check_with(
        &loose,
        &owned(&["-2 M hrv=60", "-1 M hrv=62", "0 M heavy hrv=30"]),
        Some(HoldBack),
        2,
        0,
    );
}

#[test]
fn push_at_three_push_signals_and_no_hold_back_signal() {
    let a = check(&["0 M responsive controlled stable"], Some(Push), 0, 3);
    has_reason(&a, Effect::Push, "Legs feel springy, not just rested");
    has_reason(
        &a,
        Effect::Push,
        "Breathing stayed controlled at moderate effort on the last run",
    );
    has_reason(
        &a,
        Effect::Push,
        "Recent training has felt stable and repeatable",
    );
    check(&["0 M responsive controlled"], Some(AsPlanned), 0, 2);
    check(
        &["0 M responsive controlled stable rough"],
        Some(AsPlanned),
        1,
        3,
    );
    check(
        &["0 M responsive controlled stable smooth extend hr-"],
        Some(Push),
        0,
        6,
    );
    // A marker is a hold-back signal too.
    check_with(
        &settings(),
        &days(
            history(7, "rhr=50"),
            &["0 M responsive controlled stable rhr=55"],
        ),
        Some(AsPlanned),
        1,
        3,
    );
}

#[test]
fn improving_lifts_hold_back_to_as_planned_never_to_push() {
    let a = check(&["0 W heavy rough improving"], Some(AsPlanned), 2, 0);
    has_reason(
        &a,
        Effect::Lift,
        "Improving as you go: lifted from Hold back",
    );
    check(
        &["0 W heavy rough controlled stable extend improving"],
        Some(AsPlanned),
        2,
        3,
    );
    check(
        &["0 W heavy controlled stable extend improving"],
        Some(AsPlanned),
        1,
        3,
    );
    check(
        &["-1 M heavy rough", "0 W heavy improving"],
        Some(AsPlanned),
        1,
        0,
    );
    // Rest stays Rest; a Push day has nothing to lift.
    check(
        &["0 W heavy laboured rough inconsistent improving"],
        Some(Rest),
        4,
        0,
    );
    check(&["0 W unwell improving"], Some(Rest), 0, 0);
    let a = check(
        &["0 W responsive controlled stable improving"],
        Some(Push),
        0,
        3,
    );
    assert!(a.reasons.iter().all(|r| r.effect != Effect::Lift));
    // "Improving as I go" belongs to the warm-up check.
    check(&["0 M heavy rough improving"], Some(HoldBack), 2, 0);
}

#[test]
fn the_warm_up_check_decides_over_the_morning_check() {
    let a = check(&["0 M heavy rough", "0 W"], Some(AsPlanned), 0, 0);
    assert_eq!(a.decided_by, Some(When::WarmUp));
    let a = check(&["0 M", "0 W heavy rough"], Some(HoldBack), 2, 0);
    assert_eq!(a.decided_by, Some(When::WarmUp));
    let a = check(&["0 M heavy rough"], Some(HoldBack), 2, 0);
    assert_eq!(a.decided_by, Some(When::Morning));
    check(&["0 M unwell", "0 W"], Some(AsPlanned), 0, 0);
    // Numbers the warm-up check lacks come from the morning check…
    let base = || history(7, "rhr=50");
    check_with(
        &settings(),
        &days(base(), &["0 M rhr=60", "0 W heavy"]),
        Some(Rest),
        2,
        0,
    );
    // …but its own numbers win.
    check_with(
        &settings(),
        &days(base(), &["0 M rhr=60", "0 W rhr=50"]),
        Some(AsPlanned),
        0,
        0,
    );
    // A warm-up check alone decides too.
    check(&["0 W heavy rough"], Some(HoldBack), 2, 0);
}

#[test]
fn every_threshold_is_a_setting() {
    let s = with_rules(|r| r.hold_back_signals = 3);
    check_with(&s, &owned(&["0 M heavy rough"]), Some(AsPlanned), 2, 0);
    let s = with_rules(|r| r.rest_signals = 3);
    check_with(&s, &owned(&["0 M heavy rough laboured"]), Some(Rest), 3, 0);
    let s = with_rules(|r| r.push_signals = 2);
    check_with(&s, &owned(&["0 M responsive controlled"]), Some(Push), 0, 2);
    let s = with_rules(|r| r.carry_signals = 2);
    check_with(
        &s,
        &owned(&["-1 M heavy rough", "0 M heavy"]),
        Some(AsPlanned),
        1,
        0,
    );
    let s = with_rules(|r| r.easy_hr_above = 10);
    check_with(&s, &owned(&["0 M heavy ehr=149"]), Some(AsPlanned), 1, 0);
    check_with(&s, &owned(&["0 M heavy ehr=150"]), Some(HoldBack), 2, 0);
    let s = with_rules(|r| r.resting_hr_above = 3);
    check_with(
        &s,
        &days(history(7, "rhr=50"), &["0 M heavy rhr=53"]),
        Some(HoldBack),
        2,
        0,
    );
    let s = with_rules(|r| r.rest_resting_hr_above = 12);
    check_with(
        &s,
        &days(history(7, "rhr=50"), &["0 M rhr=61"]),
        Some(AsPlanned),
        1,
        0,
    );
    check_with(
        &s,
        &days(history(7, "rhr=50"), &["0 M rhr=62"]),
        Some(Rest),
        1,
        0,
    );
    // A shorter baseline forgets older readings.
    let s = with_rules(|r| r.baseline_days = 7);
    let mut specs = history(14, "rhr=50");
    specs.truncate(7); // days −14 … −8 only
    specs.push("0 M heavy rhr=60".to_owned());
    let a = check_with(&s, &specs, Some(AsPlanned), 1, 0);
    assert_eq!(a.baselines.resting_hr, None);
}

#[test]
fn verdict_rules_in_the_file_default_what_is_left_out() {
    let plan = file::parse("(version: 1, settings: (verdict: (rest_signals: 5)))").expect("parses");
    assert_eq!(
        plan.settings.verdict,
        VerdictRules {
            rest_signals: 5,
            ..VerdictRules::default()
        }
    );
    let err = file::parse("(version: 1, settings: (verdict: (rest_signal: 5)))")
        .expect_err("an unknown threshold is an error");
    assert!(err.to_string().contains("rest_signal"), "{err}");
    // A saved plan keeps its thresholds.
    let text = file::to_text(&plan);
    assert_eq!(
        file::parse(&text).expect("round trip").settings,
        plan.settings
    );
}

fn easy(id: u64, offset: i64, kind: Kind, rpe: Option<i64>) -> Session {
    let mut s = Session::new(
        SessionId(id),
        add_days(D, offset),
        kind,
        Minutes::new(40).expect("valid"),
    );
    s.done = Some(Done::Done(DoneRun {
        minutes: Minutes::new(40).expect("valid"),
        distance_km: None,
        rpe: rpe.map(|r| Rpe::new(r).expect("valid")),
        avg_hr: None,
    }));
    s
}

/// Whether fatigue carries over into D, checked through both ways in.
fn check_carry(settings: &Settings, specs: &[&str], sessions: Vec<Session>, want: bool) {
    let plan = plan_with(settings, &owned(specs), sessions);
    let c = carry_over(&plan, D);
    assert_eq!(c.is_some(), want, "{specs:?}: {c:#?}");
    assert_eq!(assess(&plan, D).carry_over, c);
}

#[test]
fn carry_over_when_two_of_the_last_four_days_held_back() {
    let s = settings();
    check_carry(&s, &["-3 M heavy rough", "0 M heavy rough"], vec![], true);
    check_carry(&s, &["-3 M heavy rough", "-1 M unwell"], vec![], true);
    check_carry(&s, &["-4 M heavy rough", "0 M heavy rough"], vec![], false);
    check_carry(&s, &["-3 M heavy rough"], vec![], false);
    check_carry(
        &s,
        &["-3 W heavy rough improving", "0 M heavy rough"],
        vec![],
        false,
    );
    let three = with_rules(|r| r.carry_over_hold_back_days = 3);
    check_carry(
        &three,
        &["-3 M heavy rough", "0 M heavy rough"],
        vec![],
        false,
    );
    let plan = plan_with(&s, &owned(&["-2 M heavy rough", "-1 M unwell"]), vec![]);
    let c = carry_over(&plan, D).expect("carrying over");
    assert_eq!(
        c.hold_back_days,
        vec![(add_days(D, -2), HoldBack), (add_days(D, -1), Rest)]
    );
    assert_eq!(
        c.evidence,
        vec!["Held back on 2 of the last 4 days: Mon 23 Nov (Hold back), Tue 24 Nov (Rest)"]
    );
}

#[test]
fn carry_over_when_easy_sessions_are_logged_at_a_rising_rpe() {
    let s = settings();
    let rising = || {
        vec![
            easy(1, -5, Kind::Easy, Some(3)),
            easy(2, -3, Kind::Recovery, Some(4)),
            easy(3, -1, Kind::Easy, Some(5)),
        ]
    };
    check_carry(&s, &[], rising(), true);
    let plan = plan_with(&s, &[], rising());
    let c = carry_over(&plan, D).expect("carrying over");
    let trend = c.rpe_trend.expect("a trend");
    assert!((trend.slope_per_day - 0.5).abs() < 1e-12);
    assert_eq!(
        c.evidence,
        vec![
            "Easy runs feel harder than they should: RPE 3 (Fri 20 Nov), 4 (Sun 22 Nov), \
             5 (Tue 24 Nov) over the last 7 days"
        ]
    );
    let flat = vec![
        easy(1, -5, Kind::Easy, Some(3)),
        easy(2, -3, Kind::Easy, Some(3)),
        easy(3, -1, Kind::Easy, Some(3)),
    ];
    check_carry(&s, &[], flat, false);
    let falling = vec![
        easy(1, -5, Kind::Easy, Some(5)),
        easy(2, -3, Kind::Easy, Some(4)),
        easy(3, -1, Kind::Easy, Some(3)),
    ];
    check_carry(&s, &[], falling, false);
    // Two points are not a trend, unless the settings say so.
    let two = || {
        vec![
            easy(2, -3, Kind::Easy, Some(3)),
            easy(3, -1, Kind::Easy, Some(5)),
        ]
    };
    check_carry(&s, &[], two(), false);
    check_carry(
        &with_rules(|r| r.rpe_trend_min_sessions = 2),
        &[],
        two(),
        true,
    );
    // Only the last 7 days, only easy kinds, only done sessions with a logged RPE.
    let mut outside = two();
    outside.push(easy(1, -7, Kind::Easy, Some(2)));
    check_carry(&s, &[], outside, false);
    let mut hard = two();
    hard.push(easy(1, -5, Kind::Tempo, Some(2)));
    check_carry(&s, &[], hard, false);
    let mut no_rpe = two();
    no_rpe.push(easy(1, -5, Kind::Easy, None));
    check_carry(&s, &[], no_rpe, false);
    let mut skipped = two();
    let mut s1 = easy(1, -5, Kind::Easy, Some(2));
    s1.done = Some(Done::Skipped);
    skipped.push(s1);
    check_carry(&s, &[], skipped, false);
    let mut planned = two();
    let mut s1 = easy(1, -5, Kind::Easy, Some(2));
    s1.done = None;
    planned.push(s1);
    check_carry(&s, &[], planned, false);
}

#[test]
fn assess_range_agrees_with_assess_day_by_day() {
    let demo = file::demo().expect("the demo plan");
    let from = date(2026, 10, 15);
    let to = date(2026, 12, 8);
    let range = assess_range(&demo, from, to);
    assert_eq!(range.len(), 55);
    for a in &range {
        assert_eq!(a, &assess(&demo, a.date), "{}", a.date);
    }
    assert!(assess_range(&demo, to, from).is_empty());
    assert_eq!(assess_range(&demo, to, to), vec![assess(&demo, to)]);
}

/// The demo plan's story, read by the rules as written in the product document.
#[test]
fn the_demo_plan_reads_right() {
    let demo = file::demo().expect("the demo plan");
    let day = |d: Date| assess(&demo, d);

    // The key intervals: heavy legs and a high easy HR at the warm-up, but improving.
    let a = day(date(2026, 11, 24));
    assert_eq!(a.verdict, Some(AsPlanned));
    assert_eq!((a.hold_back_signals, a.push_signals), (2, 1));
    has_reason(&a, Effect::HoldBack, "Legs feel heavy early in the run");
    has_reason(
        &a,
        Effect::HoldBack,
        "Easy-effort HR 146 is 6 above the 140 you expect",
    );
    has_reason(
        &a,
        Effect::Lift,
        "Improving as you go: lifted from Hold back",
    );

    // The bad days: two quiet hold-back signals each, and nothing in the numbers.
    let a = day(date(2026, 11, 20));
    assert_eq!(a.verdict, Some(HoldBack));
    assert_eq!(a.hold_back_signals, 2);
    has_reason(&a, Effect::HoldBack, "Legs feel heavy already this morning");
    has_reason(&a, Effect::HoldBack, "First steps feel stiff, less smooth");
    // The day after a hold-back day, with no signal of its own, is as planned.
    assert_eq!(day(date(2026, 11, 21)).verdict, Some(AsPlanned));
    let a = day(date(2026, 11, 25));
    assert_eq!(a.verdict, Some(HoldBack));
    assert_eq!(a.hold_back_signals, 2);
    has_reason(
        &a,
        Effect::HoldBack,
        "Heart rate is higher than expected at easy effort",
    );

    let a = day(date(2026, 11, 17));
    assert_eq!((a.verdict, a.push_signals), (Some(Push), 4));
    assert_eq!(day(date(2026, 11, 26)).verdict, None);
}

#[test]
fn rule_lines_follow_the_settings() {
    let lines = rule_lines(&VerdictRules::default());
    assert!(lines.iter().any(|l| l.starts_with("Rest: feeling unwell")));
    let changed = rule_lines(&VerdictRules {
        hold_back_signals: 3,
        ..VerdictRules::default()
    });
    assert!(
        changed
            .iter()
            .any(|l| l.starts_with("Hold back: 3 or more"))
    );
}

// The command line.

#[test]
fn assess_prints_the_verdict_first_then_reasons_and_baselines() {
    let path = demo_file("verdict-1");
    let path = path.to_str().expect("utf-8 path");
    let out = runweek(&["assess", path, "--date", "2026-11-24"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "AS PLANNED  ·  Tue 24 Nov 2026", "{text}");
    assert_eq!(
        lines[1], "Decided by the warm-up check: 2 hold-back signals, 1 push signal.",
        "{text}"
    );
    for line in [
        "  ! Legs feel heavy early in the run",
        "  + Breathing stays controlled at moderate effort",
        "  ! Easy-effort HR 146 is 6 above the 140 you expect",
        "  ^ Improving as you go: lifted from Hold back",
    ] {
        assert!(lines.contains(&line), "missing {line:?} in\n{text}");
    }
    assert!(text.contains("Baselines: resting HR 51.4 bpm"), "{text}");

    let out = runweek(&["assess", path, "--date", "2026-11-26"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("NOT LOGGED  ·  Thu 26 Nov 2026\n"));
}

#[test]
fn assess_json_has_exactly_the_documented_shape() {
    let path = demo_file("verdict-2");
    let path = path.to_str().expect("utf-8 path");
    let out = runweek(&["assess", path, "--date", "2026-11-24", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let keys: Vec<&str> = v
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    let mut want = vec![
        "date",
        "verdict",
        "reasons",
        "hold_back_signals",
        "push_signals",
        "baselines",
        "carry_over",
    ];
    want.sort_unstable();
    let mut keys = keys;
    keys.sort_unstable();
    assert_eq!(keys, want);
    assert_eq!(v["date"], "2026-11-24");
    assert_eq!(v["verdict"], "AsPlanned");
    assert_eq!(v["hold_back_signals"], 2);
    assert_eq!(v["push_signals"], 1);
    assert_eq!(v["reasons"][0], "Legs feel heavy early in the run");
    assert_eq!(v["reasons"].as_array().map(Vec::len), Some(4));
    assert!(v["baselines"]["resting_hr"].is_f64());
    assert!(v["baselines"]["hrv_ln_rmssd_mean"].is_f64());
    assert_eq!(v["baselines"]["hrv_band"].as_array().map(Vec::len), Some(2));
    assert!(v["carry_over"].is_boolean());

    for (day, verdict) in [("2026-11-25", "HoldBack"), ("2026-11-17", "Push")] {
        let out = runweek(&["assess", path, "--date", day, "--json"]);
        let v: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
        assert_eq!(v["verdict"], verdict, "{day}");
    }

    let out = runweek(&["assess", path, "--date", "2026-11-26", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(v["verdict"], serde_json::Value::Null);
    assert_eq!(v["reasons"], serde_json::json!([]));
}

#[test]
fn assess_bad_input_is_one_line() {
    let path = demo_file("verdict-3");
    let path = path.to_str().expect("utf-8 path");
    // A usage error: exit code 1 and one line naming what is missing.
    let out = runweek(&["assess", path]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
    assert!(stdout(&out).is_empty());

    let out = runweek(&["assess", path, "--date", "2026-13-01"]);
    assert!(!out.status.success());
    assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));

    let out = runweek(&["assess", "/nonexistent/plan.ron", "--date", "2026-11-24"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).starts_with("/nonexistent/plan.ron: "),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).is_empty());
}
