//! Colours and text marks shared by the components, chosen to read in light and dark themes
//! and for colour-blind runners.
//!
//! Kind colours come from the Okabe–Ito palette, which stays distinguishable under the
//! common colour-vision deficiencies; and colour is never the only carrier: every card also
//! names its kind, its key mark and its state in words.
//!
//! This module sits at the bottom of the window's layers with `format`: it names no other
//! module of the window, so every view model and component may use it.

use eframe::egui::{Color32, Ui, Visuals};

use crate::core::session::Kind;

/// How a badge, a note or a message should read: the colour follows from it and the theme,
/// and `tone_mark` gives the shape that says the same without colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Good,
    Neutral,
    Caution,
    Stop,
}

/// The stripe colour of a kind. Hard kinds get the saturated, warm half of the palette,
/// easy kinds the cool and neutral half, so a week's shape reads at a glance.
pub fn kind_color(kind: Kind, visuals: &Visuals) -> Color32 {
    let dark = visuals.dark_mode;
    match kind {
        Kind::Rest => gray(dark),
        Kind::Recovery => Color32::from_rgb(0x56, 0xB4, 0xE9), // sky blue
        Kind::Easy => Color32::from_rgb(0x00, 0x9E, 0x73),     // bluish green
        Kind::Long => Color32::from_rgb(0x00, 0x72, 0xB2),     // blue
        Kind::Tempo => Color32::from_rgb(0xE6, 0x9F, 0x00),    // orange
        Kind::Intervals => Color32::from_rgb(0xD5, 0x5E, 0x00), // vermillion
        Kind::Hills => Color32::from_rgb(0xCC, 0x79, 0xA7),    // reddish purple
        Kind::Race => {
            if dark {
                Color32::from_rgb(0xF0, 0xE4, 0x42) // yellow
            } else {
                Color32::from_rgb(0x1A, 0x1A, 0x1A) // black
            }
        }
        Kind::Cross => Color32::from_rgb(0x7F, 0x9C, 0x96), // grey-teal
        Kind::Strength => Color32::from_rgb(0x9A, 0x84, 0x6C), // taupe
    }
}

fn gray(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(120)
    } else {
        Color32::from_gray(150)
    }
}

/// A card's background: a step off the panel colour so cards stand out in both themes.
pub fn card_fill(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_gray(42)
    } else {
        Color32::WHITE
    }
}

/// A day column's background: today in the accent's shade, days gone by a step darker,
/// and none for the days ahead, which sit on the panel itself. (A fill a shade off the
/// panel's told them apart from it no better than their outline does, and on a CPU
/// renderer filling them cost a third of the pixels of every frame.)
pub fn day_fill(visuals: &Visuals, today: bool, past: bool) -> Color32 {
    match (visuals.dark_mode, today, past) {
        (true, true, _) => Color32::from_rgb(24, 40, 56),
        (false, true, _) => Color32::from_rgb(226, 238, 250),
        (true, false, true) => Color32::from_gray(20),
        (false, false, true) => Color32::from_gray(232),
        (_, false, false) => Color32::TRANSPARENT,
    }
}

/// A day a previewed re-plan may change: its usual fill (or the panel under a day ahead),
/// warmed a little towards the proposal's colour, so the reach reads at a glance without
/// hiding today or the past.
pub fn reach_fill(visuals: &Visuals, day: Color32) -> Color32 {
    let under = if day == Color32::TRANSPARENT {
        visuals.panel_fill
    } else {
        day
    };
    under.lerp_to_gamma(tone_color(Tone::Caution, visuals), 0.10)
}

/// The accent of today's column and of the selection.
pub fn accent(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(90, 170, 255)
    } else {
        Color32::from_rgb(0, 95, 190)
    }
}

/// Highlight of a column that will take the dragged card.
pub fn drop_ok(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(30, 70, 50)
    } else {
        Color32::from_rgb(214, 240, 224)
    }
}

/// Highlight of a column that refuses the dragged card.
pub fn drop_refused(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(70, 30, 30)
    } else {
        Color32::from_rgb(248, 220, 220)
    }
}

/// Text colour for a tone, readable on the theme's panel and card colours.
pub fn tone_color(tone: Tone, visuals: &Visuals) -> Color32 {
    let dark = visuals.dark_mode;
    match tone {
        Tone::Good => {
            if dark {
                Color32::from_rgb(110, 210, 150)
            } else {
                Color32::from_rgb(0, 120, 70)
            }
        }
        Tone::Neutral => visuals.text_color(),
        Tone::Caution => {
            if dark {
                Color32::from_rgb(255, 190, 80)
            } else {
                Color32::from_rgb(160, 90, 0)
            }
        }
        Tone::Stop => {
            if dark {
                Color32::from_rgb(255, 130, 120)
            } else {
                Color32::from_rgb(180, 30, 20)
            }
        }
    }
}

/// The colour of an error line inside a panel (an editor field, the settings window).
pub fn error_color(ui: &Ui) -> Color32 {
    tone_color(Tone::Stop, ui.visuals())
}

/// The word that goes with a tone, so that a badge never relies on colour alone.
/// Only shapes the bundled fonts can draw (▲ ● ▼ are not among them).
pub fn tone_mark(tone: Tone) -> &'static str {
    match tone {
        Tone::Good => "⏶",
        Tone::Neutral => "○",
        Tone::Caution => "⏷",
        Tone::Stop => "■",
    }
}

/// Text a little larger than egui's defaults: the grid is read at a glance, from a chair,
/// and its small print (minutes, distances, warnings) must stay readable.
pub fn apply_style(ctx: &eframe::egui::Context) {
    use eframe::egui::{FontDefinitions, FontFamily, FontId, TextStyle};
    // The re-planner's reasons say "Thu → Sat" and the rules use "–" and "≥": Ubuntu-Light
    // lacks some of these, the bundled Hack has them, so it backs up the text font before the
    // icon and emoji fallbacks.
    let mut fonts = FontDefinitions::default();
    if let Some(family) = fonts.families.get_mut(&FontFamily::Proportional) {
        let at = family
            .iter()
            .position(|f| f == "Ubuntu-Light")
            .map_or(0, |i| i + 1);
        family.insert(at, "Hack".to_owned());
    }
    ctx.set_fonts(fonts);
    ctx.all_styles_mut(|style| {
        for (text_style, size) in [
            (TextStyle::Small, 11.0),
            (TextStyle::Body, 13.5),
            (TextStyle::Button, 13.5),
            (TextStyle::Heading, 19.0),
        ] {
            style
                .text_styles
                .insert(text_style, FontId::proportional(size));
        }
    });
}

/// How wide `text` is on one line, in the button font.
pub fn text_width(ui: &Ui, text: eframe::egui::RichText) -> f32 {
    eframe::egui::WidgetText::from(text)
        .into_galley(
            ui,
            Some(eframe::egui::TextWrapMode::Extend),
            f32::INFINITY,
            eframe::egui::TextStyle::Button,
        )
        .size()
        .x
}
