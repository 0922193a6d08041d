//! A ten-year training history for the benchmarks: about 3,650 days, 5,000 sessions and
//! 3,650 readiness entries, made deterministically (no random crate needed).

#![allow(dead_code)]

use jiff::civil::{Date, date};
use runweek::core::plan::{Availability, Plan};
use runweek::core::readiness::{Legs, ReadinessEntry, Stride, When};
use runweek::core::session::{Done, DoneRun, Kind, Session, SessionId};
use runweek::core::settings::Settings;
use runweek::core::units::{Bpm, HrvMs, Km, Minutes, Rpe, SleepHours};
use runweek::core::week::add_days;

/// The last day of the history; "today" in the benchmarks.
pub fn today() -> Date {
    date(2026, 11, 25)
}

/// A small linear congruential generator: enough variety, fully repeatable.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

pub fn ten_years() -> Plan {
    let days = 3650;
    let first = add_days(today(), -(days - 1));
    let mut rng = Lcg(42);
    let week = [
        (Kind::Rest, 0, 1),
        (Kind::Intervals, 60, 8),
        (Kind::Easy, 45, 3),
        (Kind::Tempo, 55, 7),
        (Kind::Recovery, 30, 2),
        (Kind::Easy, 40, 3),
        (Kind::Long, 100, 5),
    ];
    let mut sessions = Vec::with_capacity(5200);
    let mut readiness = Vec::with_capacity(days as usize);
    let mut id = 1;
    for d in 0..days {
        let day = add_days(first, d);
        let (kind, minutes, rpe) = week[(d % 7) as usize];
        let mut add = |rng: &mut Lcg, kind: Kind, minutes: i64, rpe: i64, key: bool| {
            let mut s = Session::new(
                SessionId(id),
                day,
                kind,
                Minutes::new(minutes).expect("valid"),
            );
            id += 1;
            s.rpe = Rpe::new(rpe).ok();
            s.key = key;
            if kind != Kind::Rest {
                s.distance_km = Km::new(minutes as f64 / 5.5).ok();
            }
            if day < today() && kind != Kind::Rest {
                s.done = Some(if rng.next(20) == 0 {
                    Done::Skipped
                } else {
                    Done::Done(DoneRun {
                        minutes: Minutes::new(minutes + rng.next(7) as i64 - 3).expect("valid"),
                        distance_km: s.distance_km,
                        rpe: Rpe::new((rpe + rng.next(3) as i64 - 1).clamp(1, 10)).ok(),
                        avg_hr: Bpm::new(135 + rng.next(20) as i64).ok(),
                    })
                });
            }
            sessions.push(s);
        };
        add(
            &mut rng,
            kind,
            minutes,
            rpe,
            matches!(kind, Kind::Intervals | Kind::Long),
        );
        // Strength twice a week and cross-training on some rest days bring the total to
        // about 5,000.
        if d % 7 == 2 || d % 7 == 5 {
            add(&mut rng, Kind::Strength, 25, 4, false);
        }
        if d % 7 == 0 && rng.next(2) == 0 {
            add(&mut rng, Kind::Cross, 40, 3, false);
        }
        let mut entry = ReadinessEntry::new(day, When::Morning);
        entry.resting_hr = Bpm::new(48 + rng.next(8) as i64).ok();
        entry.hrv_ms = HrvMs::new(50.0 + rng.next(25) as f64).ok();
        entry.sleep_hours = SleepHours::new(6.0 + rng.next(5) as f64 * 0.5).ok();
        if rng.next(8) == 0 {
            entry.legs = Legs::Heavy;
            entry.stride = Stride::Rough;
        }
        readiness.push(entry);
    }
    Plan::new(
        Settings::default(),
        Availability::default(),
        sessions,
        readiness,
    )
    .expect("the generated history is a valid plan")
}
