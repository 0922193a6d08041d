//! What a day's verdict says about the sessions planned on it: a Hold back day with a hard
//! session, a Rest day with anything but rest. The grid shows it among the day's warnings,
//! so a session dragged onto such a day warns about the verdict as it warns about the
//! week's rules.

use jiff::civil::Date;

use crate::core::session::{Kind, Session};
use crate::core::verdict::Verdict;

/// The warning for `sessions` on a day whose verdict is `verdict`, if they ask more than it
/// allows. Sessions already done or skipped are what happened, not a plan: they never warn.
pub fn verdict_clash(verdict: Verdict, date: Date, sessions: &[Session]) -> Option<String> {
    let planned = sessions.iter().filter(|s| s.done.is_none());
    let too_much: Vec<&str> = match verdict {
        Verdict::HoldBack => planned
            .filter(|s| s.kind.is_hard())
            .map(|s| s.kind.label())
            .collect(),
        Verdict::Rest => planned
            .filter(|s| s.kind != Kind::Rest && s.minutes.get() > 0)
            .map(|s| s.kind.label())
            .collect(),
        Verdict::Push | Verdict::AsPlanned => Vec::new(),
    };
    let first = too_much.first()?;
    let what = if too_much.len() == 1 {
        (*first).to_owned()
    } else {
        too_much.join(" and ")
    };
    let day = super::weekday(date);
    Some(match verdict {
        Verdict::Rest => format!("{day} says Rest: {what} planned, but the day calls for rest"),
        _ => format!(
            "{day} says Hold back: {what} is hard, but the day calls for easy sessions only"
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn session(kind: Kind) -> Session {
        Session::new(
            crate::core::session::SessionId(1),
            date(2026, 11, 25),
            kind,
            crate::core::units::Minutes::new(50).expect("minutes"),
        )
    }

    #[test]
    fn a_day_warns_when_its_sessions_ask_more_than_its_verdict_allows() {
        let wed = date(2026, 11, 25);
        assert_eq!(
            verdict_clash(Verdict::HoldBack, wed, &[session(Kind::Tempo)]).as_deref(),
            Some("Wed says Hold back: Tempo is hard, but the day calls for easy sessions only")
        );
        assert_eq!(
            verdict_clash(Verdict::HoldBack, wed, &[session(Kind::Easy)]),
            None
        );
        assert_eq!(
            verdict_clash(Verdict::Rest, wed, &[session(Kind::Easy)]).as_deref(),
            Some("Wed says Rest: Easy planned, but the day calls for rest")
        );
        assert_eq!(
            verdict_clash(Verdict::AsPlanned, wed, &[session(Kind::Tempo)]),
            None
        );
    }
}
