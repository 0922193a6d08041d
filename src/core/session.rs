//! A planned training session and what became of it.

use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::activity::ActivityRecord;
use super::units::{Bpm, Km, Minutes, Rpe};

/// A session's identity. Stable across edits, moves and saves, so that a re-plan proposal,
/// the undo history and other tools writing the file can all point at the same session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SessionId(pub u64);

impl fmt::Display for SessionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// What kind of session it is. The order is the order the editor lists them in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Kind {
    Rest,
    Recovery,
    Easy,
    Long,
    Tempo,
    Intervals,
    Hills,
    Race,
    Cross,
    Strength,
}

impl Kind {
    pub const ALL: [Kind; 10] = [
        Kind::Rest,
        Kind::Recovery,
        Kind::Easy,
        Kind::Long,
        Kind::Tempo,
        Kind::Intervals,
        Kind::Hills,
        Kind::Race,
        Kind::Cross,
        Kind::Strength,
    ];

    /// Hard sessions need an easy day on either side; everything else is easy.
    pub fn is_hard(self) -> bool {
        matches!(
            self,
            Kind::Long | Kind::Tempo | Kind::Intervals | Kind::Hills | Kind::Race
        )
    }

    /// The RPE assumed when a session has none, so that every session has a load.
    /// Chosen as the middle of each kind's usual CR-10 band; the app states them.
    pub fn default_rpe(self) -> u8 {
        match self {
            Kind::Rest => 1,
            Kind::Recovery => 2,
            Kind::Easy => 3,
            Kind::Cross => 3,
            Kind::Strength => 4,
            Kind::Long => 5,
            Kind::Hills => 7,
            Kind::Tempo => 7,
            Kind::Intervals => 8,
            Kind::Race => 9,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Kind::Rest => "Rest",
            Kind::Recovery => "Recovery",
            Kind::Easy => "Easy",
            Kind::Long => "Long",
            Kind::Tempo => "Tempo",
            Kind::Intervals => "Intervals",
            Kind::Hills => "Hills",
            Kind::Race => "Race",
            Kind::Cross => "Cross",
            Kind::Strength => "Strength",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// What actually happened to a session.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Done {
    Done(DoneRun),
    /// Not done. A skipped session is not "done" for the re-planner: it may still move.
    Skipped,
}

/// The numbers of a session as it was run.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DoneRun {
    pub minutes: Minutes,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distance_km: Option<Km>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rpe: Option<Rpe>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avg_hr: Option<Bpm>,
}

/// One planned session on one day. A day may hold several; their order in the plan is the
/// order on the grid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    pub id: SessionId,
    #[serde(with = "super::day")]
    pub date: Date,
    pub kind: Kind,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    pub minutes: Minutes,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distance_km: Option<Km>,
    /// Planned RPE.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rpe: Option<Rpe>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub key: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<Done>,
    /// The watch's activity this session was filled from, when it was imported: its
    /// identity keeps a second import of the same file from counting it twice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity: Option<ActivityRecord>,
}

impl Session {
    /// A new planned session with nothing but the essentials.
    pub fn new(id: SessionId, date: Date, kind: Kind, minutes: Minutes) -> Self {
        Session {
            id,
            date,
            kind,
            title: String::new(),
            minutes,
            distance_km: None,
            rpe: None,
            key: false,
            notes: String::new(),
            done: None,
            activity: None,
        }
    }

    /// The invariants that span fields: only a rest day may last zero minutes.
    ///
    /// # Errors
    /// Names the session and what is wrong with it.
    pub fn check(&self) -> Result<(), String> {
        super::day::check(self.date).map_err(|why| format!("session {}: {why}", self.id))?;
        if self.minutes.get() == 0 && self.kind != Kind::Rest {
            return Err(format!(
                "session {} ({}) must last at least 1 minute; only Rest may be 0",
                self.id, self.kind
            ));
        }
        Ok(())
    }

    /// Done means run. A skipped session is not done and may still be moved.
    pub fn is_done(&self) -> bool {
        matches!(self.done, Some(Done::Done(_)))
    }

    pub fn is_skipped(&self) -> bool {
        matches!(self.done, Some(Done::Skipped))
    }

    /// The planned RPE, or the kind's default when none was given.
    pub fn planned_rpe(&self) -> u8 {
        self.rpe.map_or(self.kind.default_rpe(), Rpe::get)
    }

    /// Planned load: minutes × planned RPE (Foster's session RPE).
    pub fn planned_load(&self) -> f64 {
        f64::from(self.minutes.get()) * f64::from(self.planned_rpe())
    }

    /// Done load: logged minutes × logged RPE (planned RPE, then the kind's default, when
    /// none was logged); a skipped or not yet done session carries none.
    pub fn done_load(&self) -> f64 {
        match self.done {
            Some(Done::Done(run)) => {
                let rpe = run.rpe.map_or(self.planned_rpe(), Rpe::get);
                f64::from(run.minutes.get()) * f64::from(rpe)
            }
            _ => 0.0,
        }
    }

    /// The settled heart rate (minutes 10–15) of an easy run imported from a watch: the
    /// easy-effort HR the file measured, for the verdict and the learned easy HR. Only Easy
    /// and Recovery runs that were done count; a tempo run's minute 12 says nothing about
    /// easy effort.
    pub fn imported_easy_hr(&self) -> Option<Bpm> {
        let record = self.activity.as_ref()?;
        let easy = matches!(self.kind, Kind::Easy | Kind::Recovery);
        let run = record.sport == super::activity::Sport::Run;
        (easy && run && self.is_done())
            .then_some(record.settled_hr)
            .flatten()
    }

    /// The title to show: the runner's own, or the kind when there is none.
    pub fn display_title(&self) -> &str {
        if self.title.trim().is_empty() {
            self.kind.label()
        } else {
            &self.title
        }
    }
}
