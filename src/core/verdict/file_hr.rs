//! The heart-rate marker an imported easy run gives its day: the run as the warm-up check.
//!
//! An Easy or Recovery run imported from a watch, with heart rate in minutes 10–15, says what
//! the heart rate was at easy effort that day, measured rather than remembered. At least
//! `easy_hr_above` over the expected easy HR (the same threshold as a typed easy-effort HR)
//! it is the "heart rate higher than expected at easy effort" marker. A number the runner
//! typed for the day wins: they may know the strap was loose. Below the threshold the file
//! says nothing and the runner's own answer counts, since the product counts only the marker
//! from a file.
//!
//! It reads the sessions of the day itself only, so [`super::Assessments::reach_days`] holds.

use jiff::civil::Date;

use crate::core::plan::Plan;
use crate::core::session::Kind;
use crate::core::settings::VerdictRules;

/// The highest settled HR of the imported easy runs of one day, and the kind of that run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct FileHr {
    pub bpm: u8,
    pub kind: Kind,
}

/// Each day's [`FileHr`] from `first` on, for `len` days.
pub(super) fn per_day(plan: &Plan, first: Date, len: usize) -> Vec<Option<FileHr>> {
    let mut days: Vec<Option<FileHr>> = vec![None; len];
    let last = crate::core::week::add_days(first, i64::try_from(len).unwrap_or(0) - 1);
    for session in plan.sessions_between(first, last) {
        let Some(hr) = session.imported_easy_hr() else {
            continue;
        };
        let i = crate::core::week::days_between(first, session.date);
        if let Some(slot) = usize::try_from(i).ok().and_then(|i| days.get_mut(i))
            && slot.is_none_or(|f| f.bpm < hr.get())
        {
            *slot = Some(FileHr {
                bpm: hr.get(),
                kind: session.kind,
            });
        }
    }
    days
}

/// The file's marker for a day, when it counts: no typed easy-effort HR, an expected easy HR
/// set, and the file's HR at least `above` over it.
pub(super) fn marker(
    typed: Option<u8>,
    file: Option<FileHr>,
    expected: Option<u8>,
    above: u8,
) -> Option<(FileHr, u8)> {
    let (file, expected) = (file?, expected?);
    let counts = typed.is_none() && i32::from(file.bpm) - i32::from(expected) >= i32::from(above);
    counts.then_some((file, expected))
}

/// "Easy run on Tue: 152 bpm in minutes 10–15, expected 140 + 5".
pub(super) fn reason(file: FileHr, date: Date, expected: u8, rules: &VerdictRules) -> String {
    let above = rules.easy_hr_above;
    format!(
        "{} run on {}: {} bpm in minutes 10–15, expected {expected} + {above} (from the \
         imported file)",
        file.kind.label(),
        date.strftime("%a"),
        file.bpm
    )
}
