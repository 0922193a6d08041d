//! The picture of File › Export…, drawn a second time off screen at twice the screen's pixel
//! density: the view on show (the week or the block) in a context of its own, its text laid
//! out and rasterised at that density (not a screenshot scaled up), painted by egui's wgpu
//! renderer on the window's own device into a texture, and read back as RGBA.
//!
//! A screenshot only has the window's pixels; sharper needs a second render. With no wgpu
//! device (a test harness, another renderer) the shell falls back to egui's screenshot at
//! the screen's density and says so.

use std::sync::mpsc::channel;
use std::time::Duration;

use eframe::egui::{self, Rect, Ui};
use eframe::egui_wgpu::{self, RenderState, ScreenDescriptor, wgpu};

use super::theme;

/// How much denser the picture is than the screen.
pub const DENSITY: f32 = 2.0;

/// The largest side of a picture, in pixels: a texture no device refuses.
const MOST_PIXELS: f32 = 8192.0;

/// An RGBA picture, unmultiplied sRGB, row by row.
pub struct Rgba {
    pub width: u32,
    pub height: u32,
    pub pixels: Vec<u8>,
}

/// Draws `draw` in an area of `size` points with the look of `like` (theme, fonts, text
/// sizes), at `pixels_per_point`, and returns its pixels.
///
/// # Errors
/// The area is empty or too large, or the device failed.
pub fn render(
    state: &RenderState,
    like: &egui::Context,
    size: egui::Vec2,
    pixels_per_point: f32,
    mut draw: impl FnMut(&mut Ui),
) -> Result<Rgba, String> {
    let px = size * pixels_per_point;
    if px.x < 1.0 || px.y < 1.0 {
        return Err("the view has no size on screen".to_owned());
    }
    if px.x > MOST_PIXELS || px.y > MOST_PIXELS {
        return Err("the picture would be too large".to_owned());
    }
    let (width, height) = (px.x.round() as u32, px.y.round() as u32);
    let ctx = egui::Context::default();
    theme::apply_style(&ctx);
    let theme = like.theme();
    ctx.set_theme(theme);
    ctx.set_style_of(theme, like.style_of(theme));
    let input = || {
        let mut input = egui::RawInput {
            screen_rect: Some(Rect::from_min_size(egui::Pos2::ZERO, size)),
            max_texture_side: Some(MOST_PIXELS as usize),
            ..Default::default()
        };
        input
            .viewports
            .entry(egui::ViewportId::ROOT)
            .or_default()
            .native_pixels_per_point = Some(pixels_per_point);
        input
    };
    // Some layouts settle on the second pass (sizes measured in the first); the textures of
    // every pass are kept, in order.
    let mut deltas = Vec::new();
    let mut output = ctx.run_ui(input(), &mut draw);
    deltas.push(std::mem::take(&mut output.textures_delta));
    output = ctx.run_ui(input(), &mut draw);
    deltas.push(std::mem::take(&mut output.textures_delta));
    let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);

    let format = wgpu::TextureFormat::Rgba8Unorm;
    let device = &state.device;
    let queue = &state.queue;
    let mut renderer =
        egui_wgpu::Renderer::new(device, format, egui_wgpu::RendererOptions::default());
    for delta in &mut deltas {
        for (id, images) in &delta.set {
            for image in images {
                renderer.update_texture(device, queue, *id, image);
            }
        }
        // Handled: the renderer (and with it every texture) goes when the picture is read.
        delta.clear();
    }
    let screen = ScreenDescriptor {
        size_in_pixels: [width, height],
        pixels_per_point: output.pixels_per_point,
    };
    let mut encoder = device.create_command_encoder(&wgpu::CommandEncoderDescriptor {
        label: Some("picture"),
    });
    let extra = renderer.update_buffers(device, queue, &mut encoder, &primitives, &screen);
    let texture = device.create_texture(&wgpu::TextureDescriptor {
        label: Some("picture"),
        size: wgpu::Extent3d {
            width,
            height,
            depth_or_array_layers: 1,
        },
        mip_level_count: 1,
        sample_count: 1,
        dimension: wgpu::TextureDimension::D2,
        format,
        usage: wgpu::TextureUsages::RENDER_ATTACHMENT | wgpu::TextureUsages::COPY_SRC,
        view_formats: &[],
    });
    let view = texture.create_view(&wgpu::TextureViewDescriptor::default());
    let fill = like.style_of(theme).visuals.panel_fill;
    let [r, g, b, _] = fill.to_normalized_gamma_f32();
    {
        let mut pass = encoder
            .begin_render_pass(&wgpu::RenderPassDescriptor {
                label: Some("picture"),
                color_attachments: &[Some(wgpu::RenderPassColorAttachment {
                    view: &view,
                    resolve_target: None,
                    ops: wgpu::Operations {
                        load: wgpu::LoadOp::Clear(wgpu::Color {
                            r: f64::from(r),
                            g: f64::from(g),
                            b: f64::from(b),
                            a: 1.0,
                        }),
                        store: wgpu::StoreOp::Store,
                    },
                    depth_slice: None,
                })],
                ..Default::default()
            })
            .forget_lifetime();
        renderer.render(&mut pass, &primitives, &screen);
    }
    // Read back: rows padded to the copy alignment.
    let unpadded = width as usize * 4;
    let align = wgpu::COPY_BYTES_PER_ROW_ALIGNMENT as usize;
    let padded = unpadded.div_ceil(align) * align;
    let buffer = device.create_buffer(&wgpu::BufferDescriptor {
        label: Some("picture"),
        size: (padded * height as usize) as u64,
        usage: wgpu::BufferUsages::MAP_READ | wgpu::BufferUsages::COPY_DST,
        mapped_at_creation: false,
    });
    encoder.copy_texture_to_buffer(
        texture.as_image_copy(),
        wgpu::TexelCopyBufferInfo {
            buffer: &buffer,
            layout: wgpu::TexelCopyBufferLayout {
                offset: 0,
                bytes_per_row: Some(padded as u32),
                rows_per_image: None,
            },
        },
        wgpu::Extent3d {
            width,
            height,
            depth_or_array_layers: 1,
        },
    );
    let submitted = queue.submit(extra.into_iter().chain(std::iter::once(encoder.finish())));
    let slice = buffer.slice(..);
    let (sender, receiver) = channel();
    slice.map_async(wgpu::MapMode::Read, move |mapped| {
        let _ = sender.send(mapped);
    });
    device
        .poll(wgpu::PollType::Wait {
            submission_index: Some(submitted),
            timeout: Some(Duration::from_secs(10)),
        })
        .map_err(|e| format!("the graphics device did not answer: {e}"))?;
    receiver
        .recv()
        .map_err(|_| "the picture was not read back".to_owned())?
        .map_err(|e| format!("the picture was not read back: {e}"))?;
    let mapped = slice
        .get_mapped_range()
        .map_err(|e| format!("the picture was not read back: {e}"))?;
    let mut pixels = Vec::with_capacity(unpadded * height as usize);
    for row in mapped.chunks_exact(padded) {
        pixels.extend_from_slice(&row[..unpadded]);
    }
    Ok(Rgba {
        width,
        height,
        pixels,
    })
}

/// `picture` as PNG bytes.
///
/// # Errors
/// The encoder failed.
pub fn png(picture: &Rgba) -> Result<Vec<u8>, String> {
    let mut png = Vec::new();
    image::ImageEncoder::write_image(
        image::codecs::png::PngEncoder::new(&mut png),
        &picture.pixels,
        picture.width,
        picture.height,
        image::ExtendedColorType::Rgba8,
    )
    .map_err(|e| format!("the picture could not be encoded: {e}"))?;
    Ok(png)
}
