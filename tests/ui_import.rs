//! Importing activities in the window: read, previewed, applied as one undo step.

mod support;

use std::time::{Duration, Instant};

use egui_kittest::kittest::Queryable;
use runweek::app::{Command, ImportCommand};
use runweek::core::session::SessionId;
use support::window::{demo, today, undo, window};

/// A 20-minute easy run on the demo's "today", every 5 s, heart rate 130 then 148.
fn easy_run_gpx() -> String {
    let start: jiff::Timestamp = "2026-11-25T12:00:00Z".parse().expect("a time");
    let mut points = String::new();
    for s in (0..1200).step_by(5) {
        let at = start + jiff::SignedDuration::from_secs(s);
        let bpm = if s < 600 { 130 } else { 148 };
        points.push_str(&format!(
            "<trkpt lat=\"45.{s:04}\" lon=\"7.0\"><time>{at}</time><extensions>\
             <ns3:TrackPointExtension><ns3:hr>{bpm}</ns3:hr></ns3:TrackPointExtension>\
             </extensions></trkpt>\n"
        ));
    }
    format!(
        "<gpx version=\"1.1\" xmlns:ns3=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\">\
         <trk><type>running</type><trkseg>\n{points}</trkseg></trk></gpx>\n"
    )
}

#[test]
fn an_import_is_previewed_applied_as_one_step_and_undone() {
    let path = support::temp_file("easy.gpx", &easy_run_gpx());
    let mut harness = window(demo(), today());
    harness
        .state_mut()
        .push(Command::Import(ImportCommand::Read(vec![path])));
    // The files are read on a worker thread.
    let started = Instant::now();
    while !harness.state().importer().is_previewing() {
        assert!(started.elapsed() < Duration::from_secs(10), "no preview");
        std::thread::sleep(Duration::from_millis(10));
        harness.step();
    }
    harness.run();
    harness.get_by_label("fills planned session 11");
    assert!(
        !harness
            .state()
            .plan()
            .session(SessionId(11))
            .expect("11")
            .is_done()
    );

    harness.get_by_label("Import").click();
    harness.run();
    let easy = harness
        .state()
        .plan()
        .session(SessionId(11))
        .expect("11")
        .clone();
    assert!(easy.is_done(), "{easy:?}");
    let record = easy.activity.expect("the activity is remembered");
    assert_eq!(record.settled_hr.map(|b| b.get()), Some(148));
    assert!(!harness.state().importer().is_previewing());

    undo(&mut harness);
    assert_eq!(
        harness.state().plan(),
        &demo(),
        "one import is one undo step"
    );
    assert!(!harness.state().history().can_undo());
}

#[test]
fn cancel_changes_nothing() {
    let path = support::temp_file("easy.gpx", &easy_run_gpx());
    let mut harness = window(demo(), today());
    harness
        .state_mut()
        .push(Command::Import(ImportCommand::Read(vec![path])));
    let started = Instant::now();
    while !harness.state().importer().is_previewing() {
        assert!(started.elapsed() < Duration::from_secs(10), "no preview");
        std::thread::sleep(Duration::from_millis(10));
        harness.step();
    }
    harness.run();
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(!harness.state().importer().is_previewing());
    assert_eq!(harness.state().plan(), &demo());
}
