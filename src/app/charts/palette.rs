//! The charts' colours: Okabe–Ito where lines must be told apart, readable in both themes.

use eframe::egui::{self, Color32};

use super::super::theme::{self, Tone};

/// Colours that read in both themes; Okabe–Ito where lines must be told apart.
pub(super) struct Palette {
    pub(super) planned: Color32,
    pub(super) done: Color32,
    pub(super) fitness: Color32,
    pub(super) fatigue: Color32,
    pub(super) form: Color32,
    pub(super) heart: Color32,
    pub(super) hrv: Color32,
    pub(super) baseline: Color32,
    pub(super) caution: Color32,
    pub(super) band: Color32,
    pub(super) readings: Color32,
    pub(super) ratio: Color32,
    pub(super) soft_bands: [Color32; 2],
    pub(super) projection: Color32,
    pub(super) week: Color32,
    /// The same shades as keys: stronger, so a small square shows its colour.
    pub(super) projection_key: Color32,
    pub(super) week_key: Color32,
    pub(super) visuals: egui::Visuals,
}

impl Palette {
    pub(super) fn of(visuals: &egui::Visuals) -> Palette {
        let dark = visuals.dark_mode;
        let pick = |light: [u8; 3], dark_rgb: [u8; 3]| {
            let [r, g, b] = if dark { dark_rgb } else { light };
            Color32::from_rgb(r, g, b)
        };
        let rgba = |light: [u8; 4], dark_rgba: [u8; 4]| {
            let [r, g, b, a] = if dark { dark_rgba } else { light };
            Color32::from_rgba_unmultiplied(r, g, b, a)
        };
        let accent = theme::accent(visuals);
        Palette {
            planned: pick([165, 165, 165], [125, 125, 125]),
            done: pick([0x00, 0x72, 0xB2], [0x56, 0xB4, 0xE9]),
            fitness: pick([0x00, 0x72, 0xB2], [0x56, 0xB4, 0xE9]),
            fatigue: pick([0xD5, 0x5E, 0x00], [0xE6, 0x9F, 0x00]),
            form: pick([0x00, 0x9E, 0x73], [0x3C, 0xC8, 0x9A]),
            heart: pick([0xB0, 0x3A, 0x7A], [0xCC, 0x79, 0xA7]),
            hrv: pick([0x00, 0x72, 0xB2], [0x56, 0xB4, 0xE9]),
            baseline: pick([60, 60, 60], [200, 200, 200]),
            caution: theme::tone_color(Tone::Caution, visuals),
            band: rgba([0, 158, 115, 40], [60, 200, 140, 40]),
            readings: rgba([176, 58, 122, 90], [204, 121, 167, 90]),
            ratio: visuals.text_color(),
            soft_bands: [
                rgba([0, 158, 115, 34], [60, 200, 120, 38]),
                rgba([213, 94, 0, 34], [255, 150, 60, 38]),
            ],
            projection: rgba([120, 120, 120, 30], [160, 160, 160, 26]),
            week: accent.gamma_multiply(0.13),
            projection_key: rgba([120, 120, 120, 90], [160, 160, 160, 90]),
            week_key: accent.gamma_multiply(0.4),
            visuals: visuals.clone(),
        }
    }
}
