//! File › Export…: the export window's requests carried out. Calendars and spreadsheets are
//! written from the plan by [`crate::export`]; a picture is the view on screen (the week or
//! the block) drawn again off screen at twice the screen's pixel density (`picture`), or,
//! without a wgpu device to draw it on, egui's screenshot of the next frame cut to the view,
//! at the screen's density. Every file is written atomically ([`crate::file::save_bytes`])
//! on a worker thread, and the runner is told where it went or why it did not.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use eframe::egui::{self, ColorImage, Rect};

use super::export_window::{As, Asked, ExportDraft, What, export_window, with_extension};
use super::files;
use super::notices::Level;
use super::{RunweekApp, format, picture};
use crate::export::{self, Range, calendar, table};

/// What a worker or the renderer reports back.
#[derive(Debug)]
enum Report {
    Picked {
        path: Option<PathBuf>,
        unavailable: bool,
    },
    Shot(Arc<ColorImage>),
    Written(Result<String, String>),
}

/// A picture on its way: the export window is hidden for a frame first, so that it is not
/// in the picture, then the screenshot is asked for.
#[derive(Debug, Clone)]
enum Shot {
    Hiding {
        path: PathBuf,
    },
    Asked {
        path: PathBuf,
        area: Rect,
        screen: Rect,
    },
}

/// The export window and what it started.
pub struct Exporter {
    draft: Option<ExportDraft>,
    shot: Option<Shot>,
    dialog_open: bool,
    /// Where the week (or the block) was drawn in the last frame (points), for the picture.
    pub week_rect: Option<Rect>,
    /// The window's wgpu device, to draw a picture off screen at twice the density.
    pub render_state: Option<eframe::egui_wgpu::RenderState>,
    sender: Sender<Report>,
    receiver: Receiver<Report>,
}

impl Default for Exporter {
    fn default() -> Self {
        let (sender, receiver) = channel();
        Exporter {
            draft: None,
            shot: None,
            dialog_open: false,
            week_rect: None,
            render_state: None,
            sender,
            receiver,
        }
    }
}

impl RunweekApp {
    /// Opens the export window on the week on screen, writing beside the plan by default.
    pub(super) fn open_export(&mut self) {
        let week = self.week();
        let block = self.block_on_show().map(|_| {
            let (first, last) = self.block_weeks();
            (first.start(), last.end())
        });
        let stem = self.plan_stem();
        let dir = self
            .doc
            .path()
            .filter(|p| !self.files.is_home_plan(Some(p)))
            .and_then(Path::parent)
            .map(Path::to_owned)
            .or_else(std::env::home_dir)
            .unwrap_or_default();
        let name = match block {
            Some((from, _)) => format!("{stem}-block-{from}.ics"),
            None => format!("{stem}-week-{}.ics", week.start()),
        };
        self.exporter.draft = Some(ExportDraft {
            what: if block.is_some() {
                What::Block
            } else {
                What::ThisWeek
            },
            format: As::Calendar,
            week,
            block,
            from: week.start(),
            to: week.end(),
            path: dir.join(name).display().to_string(),
            note: None,
        });
    }

    /// Where the view on show (the week or the block) was drawn in the last frame, in
    /// points: what a picture shows.
    pub fn view_rect(&self) -> Option<Rect> {
        self.exporter.week_rect
    }

    /// The plan's file name without its extension ("plan" before it has one).
    fn plan_stem(&self) -> String {
        self.doc
            .path()
            .and_then(Path::file_stem)
            .map_or_else(|| "plan".to_owned(), |s| s.to_string_lossy().into_owned())
    }

    /// Each frame: the window, the reports of the workers, and a picture on its way.
    pub(super) fn export_frame(&mut self, ctx: &egui::Context) {
        while let Ok(report) = self.exporter.receiver.try_recv() {
            self.export_report(report);
        }
        if let Some(Shot::Hiding { path }) = self.exporter.shot.clone() {
            self.ask_for_picture(ctx, path);
        }
        let Some(draft) = &mut self.exporter.draft else {
            return;
        };
        match export_window(ctx, draft) {
            Asked::Nothing => {}
            Asked::Close => self.exporter.draft = None,
            Asked::Browse => self.browse_for_export(ctx),
            Asked::Export => {
                if let Some(draft) = self.exporter.draft.take() {
                    self.export(ctx, &draft);
                }
            }
        }
    }

    fn browse_for_export(&mut self, ctx: &egui::Context) {
        let Some(draft) = &self.exporter.draft else {
            return;
        };
        if self.exporter.dialog_open {
            return;
        }
        self.exporter.dialog_open = true;
        let typed = PathBuf::from(draft.path.trim());
        let start_dir = typed
            .parent()
            .filter(|d| d.is_dir())
            .map(Path::to_owned)
            .or_else(std::env::home_dir);
        let name = typed
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let extension = draft.format.extension();
        let kind = match draft.format {
            As::Calendar => "Calendar",
            As::Spreadsheet => "Spreadsheet",
            As::Picture => "PNG picture",
        };
        let sender = self.exporter.sender.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let started = Instant::now();
            let path = files::pick_export(start_dir, name, kind, extension);
            // As for opening a plan: a dialog that cannot be shown answers at once.
            let unavailable = path.is_none()
                && (started.elapsed() < Duration::from_millis(500) || !files::dialog_likely());
            let _ = sender.send(Report::Picked { path, unavailable });
            ctx.request_repaint();
        });
    }

    /// Writes the export the window asked for (a picture first waits for its frame).
    fn export(&mut self, ctx: &egui::Context, draft: &ExportDraft) {
        let path = expand_home(draft.path.trim());
        log::debug!("export {:?} to {}", draft.format, path.display());
        let plan = self.doc.plan();
        let text = match draft.format {
            As::Picture => {
                if let Some(state) = self.exporter.render_state.clone() {
                    match self.draw_picture(ctx, &state) {
                        Ok(png) => {
                            let what = self.what_is_pictured();
                            self.write_export(ctx, path, png, what);
                        }
                        Err(why) => self
                            .notices
                            .push(Level::Error, format!("No picture was written: {why}.")),
                    }
                    return;
                }
                self.exporter.shot = Some(Shot::Hiding { path });
                ctx.request_repaint();
                return;
            }
            As::Calendar | As::Spreadsheet => {
                let range = match draft.range() {
                    Some((from, to)) => Some(Range { from, to }),
                    None => Range::of(plan, None, None),
                };
                let sessions = range.map_or(&[][..], |r| export::select(plan, r));
                let count = sessions.len();
                let written = if draft.format == As::Calendar {
                    let stem = self.plan_stem();
                    let options = calendar::CalendarOptions {
                        plan_key: export::plan_key(Some(&stem)),
                        name: format!("runweek: {stem}"),
                        stamp: jiff::Timestamp::now(),
                    };
                    calendar::write(plan, sessions, &options)
                } else {
                    table::write(plan, sessions).map_err(|e| e.to_string())
                };
                match written {
                    Ok(text) => (text.into_bytes(), sessions_word(count)),
                    Err(why) => {
                        self.notices
                            .push(Level::Error, format!("Nothing was exported: {why}."));
                        return;
                    }
                }
            }
        };
        self.write_export(ctx, path, text.0, text.1);
    }

    /// Hides the window for one frame, then asks egui for the next frame's pixels.
    fn ask_for_picture(&mut self, ctx: &egui::Context, path: PathBuf) {
        let Some(area) = self.exporter.week_rect else {
            self.exporter.shot = None;
            self.notices.push(
                Level::Error,
                "No picture was taken: the week is not on screen.",
            );
            return;
        };
        let screen = ctx.content_rect();
        let sender = self.exporter.sender.clone();
        let waker = ctx.clone();
        ctx.request_screenshot(move |image| {
            let _ = sender.send(Report::Shot(image));
            waker.request_repaint();
        });
        ctx.request_repaint();
        self.exporter.shot = Some(Shot::Asked { path, area, screen });
    }

    /// The view on screen drawn again off screen at twice the screen's density, as PNG.
    fn draw_picture(
        &mut self,
        ctx: &egui::Context,
        state: &eframe::egui_wgpu::RenderState,
    ) -> Result<Vec<u8>, String> {
        let area = self
            .exporter
            .week_rect
            .ok_or_else(|| "the view is not on screen".to_owned())?;
        let derived = std::mem::take(&mut self.derived);
        let offset = Some(self.work.block_offset);
        let mut ignored = Vec::new();
        let drawn = match derived.week_view() {
            Some(view) => {
                let density = ctx.pixels_per_point() * picture::DENSITY;
                picture::render(state, ctx, area.size(), density, |ui| {
                    egui::CentralPanel::default().show(ui, |ui| {
                        self.view_area_ui(ui, view, &derived, offset, &mut ignored);
                    });
                })
            }
            None => Err("the view is not on screen".to_owned()),
        };
        self.derived = derived;
        picture::png(&drawn?)
    }

    /// "the week of 23 – 29 Nov 2026", or the block's weeks in the block view.
    fn what_is_pictured(&self) -> String {
        if self.block_on_show().is_some() {
            let (first, last) = self.block_weeks();
            format!(
                "the block {}",
                format::week_range(first.start(), last.end())
            )
        } else {
            format!(
                "the week of {}",
                format::week_range(self.week().start(), self.week().end())
            )
        }
    }

    fn export_report(&mut self, report: Report) {
        match report {
            Report::Picked { path, unavailable } => {
                self.exporter.dialog_open = false;
                let Some(draft) = &mut self.exporter.draft else {
                    return;
                };
                match path {
                    Some(path) => {
                        let path = path.display().to_string();
                        draft.path = with_extension(&path, draft.format.extension());
                        draft.note = None;
                    }
                    None if unavailable => {
                        draft.note = Some(
                            "No file dialog could be shown on this desktop (no portal and no zenity): type the path below instead."
                                .to_owned(),
                        );
                    }
                    None => {}
                }
            }
            Report::Shot(image) => {
                let Some(Shot::Asked { path, area, screen }) = self.exporter.shot.take() else {
                    return;
                };
                match picture(&image, area, screen) {
                    Ok(png) => {
                        let what = self.what_is_pictured();
                        self.write_export_now(path, png, what);
                    }
                    Err(why) => self
                        .notices
                        .push(Level::Error, format!("No picture was written: {why}.")),
                }
            }
            Report::Written(Ok(said)) => {
                log::debug!("{said}");
                self.notices.push(Level::Info, said);
            }
            Report::Written(Err(why)) => {
                log::warn!("{why}");
                self.notices.push(Level::Error, why);
            }
        }
    }

    fn write_export(&mut self, ctx: &egui::Context, path: PathBuf, bytes: Vec<u8>, what: String) {
        self.write_export_now(path, bytes, what);
        ctx.request_repaint();
    }

    /// Writes `bytes` to `path` on a worker thread (atomically, like a plan) and reports.
    fn write_export_now(&mut self, path: PathBuf, bytes: Vec<u8>, what: String) {
        let sender = self.exporter.sender.clone();
        std::thread::spawn(move || {
            let said = match crate::file::save_bytes(&path, &bytes) {
                Ok(_) => Ok(format!("Exported {what} to {}.", path.display())),
                Err(e) => Err(format!("Nothing was exported: {e}")),
            };
            let _ = sender.send(Report::Written(said));
        });
    }
}

fn sessions_word(count: usize) -> String {
    match count {
        1 => "1 session".to_owned(),
        n => format!("{n} sessions"),
    }
}

/// `~/…` as the home folder, as the typed-path fields read it.
fn expand_home(text: &str) -> PathBuf {
    match (text.strip_prefix("~/"), std::env::home_dir()) {
        (Some(rest), Some(home)) => home.join(rest),
        _ => PathBuf::from(text),
    }
}

/// The part `area` (points) of a screenshot of `screen` (points), as PNG bytes, at the
/// screenshot's own pixel density.
///
/// # Errors
/// The area lies outside the picture, or the encoder failed.
pub fn picture(image: &ColorImage, area: Rect, screen: Rect) -> Result<Vec<u8>, String> {
    let [width, height] = image.size;
    if width == 0 || screen.width() <= 0.0 {
        return Err("the screenshot was empty".to_owned());
    }
    let scale = width as f32 / screen.width();
    // Clamped to the picture first, so the cast neither wraps nor goes negative.
    let px = |v: f32, max: usize| -> usize { v.clamp(0.0, max as f32).round() as usize };
    let (x0, y0) = (
        px((area.min.x - screen.min.x) * scale, width),
        px((area.min.y - screen.min.y) * scale, height),
    );
    let (x1, y1) = (
        px((area.max.x - screen.min.x) * scale, width),
        px((area.max.y - screen.min.y) * scale, height),
    );
    if x1 <= x0 || y1 <= y0 {
        return Err("the week is not inside the window".to_owned());
    }
    let mut rgba = Vec::with_capacity((x1 - x0) * (y1 - y0) * 4);
    for y in y0..y1 {
        for pixel in &image.pixels[y * width + x0..y * width + x1] {
            rgba.extend_from_slice(&pixel.to_srgba_unmultiplied());
        }
    }
    let size = |n: usize| u32::try_from(n).map_err(|_| "the picture is too large".to_owned());
    let (w, h) = (size(x1 - x0)?, size(y1 - y0)?);
    let mut png = Vec::new();
    image::ImageEncoder::write_image(
        image::codecs::png::PngEncoder::new(&mut png),
        &rgba,
        w,
        h,
        image::ExtendedColorType::Rgba8,
    )
    .map_err(|e| format!("the picture could not be encoded: {e}"))?;
    Ok(png)
}

#[cfg(test)]
mod tests {
    use super::*;
    use eframe::egui::{Color32, pos2};

    #[test]
    fn the_picture_is_the_week_cut_from_the_screen_at_its_density() {
        // A 100 × 50 point screen at two pixels per point; the week is the right half.
        let mut image = ColorImage::filled([200, 100], Color32::WHITE);
        for y in 0..100 {
            for x in 100..200 {
                image.pixels[y * 200 + x] = Color32::from_rgb(0, 114, 178);
            }
        }
        let screen = Rect::from_min_max(pos2(0.0, 0.0), pos2(100.0, 50.0));
        let week = Rect::from_min_max(pos2(50.0, 0.0), pos2(100.0, 50.0));
        let png = picture(&image, week, screen).expect("encoded");
        let decoded = image::load_from_memory_with_format(&png, image::ImageFormat::Png)
            .expect("a PNG")
            .to_rgba8();
        assert_eq!(decoded.dimensions(), (100, 100));
        assert!(decoded.pixels().all(|p| p.0 == [0, 114, 178, 255]));

        let outside = Rect::from_min_max(pos2(120.0, 0.0), pos2(140.0, 10.0));
        assert!(picture(&image, outside, screen).is_err());
    }
}
