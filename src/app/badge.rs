//! The verdict in the window's marks and words: the badge on a day's header and the mark of
//! each reason, computed from an [`Assessment`] without drawing anything.
//!
//! It sits between the theme and the view models (it names only the theme): [`super::week_view`] fills each day's
//! badge with [`badge`] when the week's view is built, and the readiness panel draws the
//! same marks and tones beside the reasons, so that the grid and the panel never disagree.

use super::theme::{self, Tone};
use crate::core::verdict::{Assessment, Effect, Reason, Verdict};

/// A mark on a day's header, such as the day's readiness verdict. Drawn by the grid when
/// present; `badge` says what it holds when the week's view is built.
#[derive(Debug, Clone, PartialEq)]
pub struct DayBadge {
    /// A word or two, shown on the header (never colour alone).
    pub text: String,
    pub tone: Tone,
    /// The reasons, one per line, shown on hover and read by screen readers.
    pub reasons: Vec<String>,
}

/// The colour-independent tone of a verdict: the badge and the panel add its mark and word.
pub fn verdict_tone(v: Verdict) -> Tone {
    match v {
        Verdict::Push => Tone::Good,
        Verdict::AsPlanned => Tone::Neutral,
        Verdict::HoldBack => Tone::Caution,
        Verdict::Rest => Tone::Stop,
    }
}

/// The badge on a day's header in the grid: the verdict's word, with the reasons on hover.
/// A day without a check has no badge: an empty header reads as "not logged", and a guess
/// would be worse than nothing.
pub fn badge(a: &Assessment) -> Option<DayBadge> {
    let v = a.verdict?;
    Some(DayBadge {
        text: v.label().to_owned(),
        tone: verdict_tone(v),
        reasons: a.reasons.iter().map(reason_line).collect(),
    })
}

/// A reason as one line of text, saying when it did not count.
fn reason_line(r: &Reason) -> String {
    if r.counted() {
        format!("{} {}", effect_mark(r.effect), r.text)
    } else {
        format!("{} {} (not counted)", effect_mark(r.effect), r.text)
    }
}

/// The mark before a reason: the shape of its tone, or a dash for one that did not count.
pub fn effect_mark(effect: Effect) -> &'static str {
    match effect {
        Effect::NotCounted => "–",
        effect => theme::tone_mark(effect_tone(effect)),
    }
}

/// The tone of a reason's mark.
pub fn effect_tone(effect: Effect) -> Tone {
    match effect {
        Effect::Rest => Tone::Stop,
        Effect::HoldBack | Effect::CarryOver => Tone::Caution,
        Effect::Push | Effect::Lift => Tone::Good,
        Effect::NotCounted => Tone::Neutral,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::verdict;
    use jiff::civil::{Date, date};

    fn check(day: Date, expected: Option<(&str, Tone)>) {
        let plan = crate::file::demo().expect("the demo parses");
        let actual = badge(&verdict::assess(&plan, day)).map(|b| (b.text, b.tone));
        assert_eq!(
            actual,
            expected.map(|(t, tone)| (t.to_owned(), tone)),
            "{day}"
        );
    }

    #[test]
    fn badges_say_the_verdict_in_words_and_nothing_when_not_logged() {
        check(date(2026, 11, 25), Some(("Hold back", Tone::Caution)));
        check(date(2026, 11, 17), Some(("Push", Tone::Good)));
        check(date(2026, 11, 24), Some(("As planned", Tone::Neutral)));
        check(date(2026, 11, 26), None);
        let plan = crate::file::demo().expect("the demo parses");
        let reasons = badge(&verdict::assess(&plan, date(2026, 11, 25)))
            .expect("logged")
            .reasons;
        assert_eq!(
            reasons,
            [
                "⏷ Legs feel heavy already this morning",
                "⏷ Heart rate is higher than expected at easy effort"
            ]
        );
    }

    #[test]
    fn each_effect_has_the_mark_of_its_tone() {
        for (effect, mark) in [
            (Effect::Rest, "■"),
            (Effect::HoldBack, "⏷"),
            (Effect::CarryOver, "⏷"),
            (Effect::Push, "⏶"),
            (Effect::Lift, "⏶"),
            (Effect::NotCounted, "–"),
        ] {
            assert_eq!(effect_mark(effect), mark, "{effect:?}");
        }
    }
}
