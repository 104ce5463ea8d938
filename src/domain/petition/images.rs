//! A petition's image, shown in social cards and at the top of the campaign theme.
//!
//! An upload is never served as sent: it is decoded (PNG or JPEG only, within size and pixel
//! limits, so a small file cannot expand into gigabytes), scaled down, flattened on white and
//! encoded again as JPEG. That drops whatever the file carried besides pixels — the camera's
//! EXIF data, a GPS position, a script in a polyglot file.
use std::io::Cursor;

use chrono::{DateTime, Utc};
use image::codecs::jpeg::JpegDecoder;
use image::codecs::png::PngDecoder;
use image::{DynamicImage, ImageDecoder, ImageFormat, Rgb, RgbImage};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect, Set,
};
use serde::Serialize;

use crate::domain::ids::PetitionId;
use crate::domain::permissions::{Allowed, EditsContent};
use crate::domain::{DomainError, DomainResult, FieldErrors, now};
use crate::entities::petition_image;

/// The largest file accepted.
pub const MAX_BYTES: usize = 2 * 1024 * 1024;
/// Pictures above this many pixels are refused from their header, before any pixel is decoded:
/// a decoded pixel costs 3 to 8 bytes, so a 250 KB PNG of 7999 × 7999 would need 256 MB.
const MAX_PIXELS: u64 = 40_000_000;
/// The decoded buffer's ceiling, so that 16-bit channels cannot double the cost of a picture.
const MAX_DECODED_BYTES: u64 = 200 * 1024 * 1024;
/// The stored image fits in this box: wide enough for a header, and what social cards use.
const MAX_WIDTH: u32 = 1600;
const MAX_HEIGHT: u32 = 1000;
const JPEG_QUALITY: u8 = 82;
const MAX_ALT: usize = 300;
/// Decodes at a time: each may hold up to `MAX_DECODED_BYTES`, so parallel uploads cannot add
/// up to more. Organisers upload rarely; the next one waits a second.
const DECODES_AT_ONCE: usize = 1;

/// The app's allowance of decodes in progress (see `DECODES_AT_ONCE`).
pub struct Decodes(tokio::sync::Semaphore);

impl Default for Decodes {
    fn default() -> Decodes {
        Decodes(tokio::sync::Semaphore::new(DECODES_AT_ONCE))
    }
}

impl Decodes {
    /// `reencode_within`, off the async workers and one decode at a time; the inner error is
    /// the form's message.
    pub async fn reencode(&self, bytes: Vec<u8>, bounds: (u32, u32)) -> DomainResult<Result<Encoded, &'static str>> {
        let permit = self.0.acquire().await.map_err(|e| DomainError::Internal(format!("image decodes: {e}")))?;
        let encoded = tokio::task::spawn_blocking(move || reencode_within(&bytes, bounds))
            .await
            .map_err(|e| DomainError::Internal(format!("image task: {e}")));
        drop(permit);
        encoded
    }
}

/// What a page needs to show the image, without its bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImageMeta {
    /// The public address, changing with each upload so that caches never show an old one.
    pub path: String,
    /// The same for its organisers, whatever the petition's status.
    pub preview: String,
    pub width: i32,
    pub height: i32,
    pub alt: String,
}

/// An image ready to store.
pub struct Encoded {
    pub jpeg: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// The box a petition's image is scaled into.
pub const PETITION_BOX: (u32, u32) = (MAX_WIDTH, MAX_HEIGHT);

/// Checks and re-encodes an upload; the error is a Fluent id for the form.
pub fn reencode(bytes: &[u8]) -> Result<Encoded, &'static str> {
    reencode_within(bytes, PETITION_BOX)
}

/// The same, scaled to fit `(width, height)` (a logo's box is smaller than a petition's).
pub fn reencode_within(bytes: &[u8], bounds: (u32, u32)) -> Result<Encoded, &'static str> {
    if bytes.is_empty() {
        return Err("error-image-missing");
    }
    if bytes.len() > MAX_BYTES {
        return Err("error-image-too-large");
    }
    let decoded = decode(bytes, bounds)?;
    // `thumbnail` averages boxes of pixels in one pass, without the filter's intermediate copy.
    let scaled = if decoded.width() > bounds.0 || decoded.height() > bounds.1 {
        decoded.thumbnail(bounds.0, bounds.1)
    } else {
        decoded
    };
    let flat = on_white(&scaled);
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, JPEG_QUALITY)
        .encode_image(&flat)
        .map_err(|_| "error-image-broken")?;
    Ok(Encoded { jpeg, width: flat.width(), height: flat.height() })
}

/// Decodes a PNG or a JPEG whose header promises a picture within the limits; a JPEG is
/// scaled down while decoding (by 1/2, 1/4 or 1/8), so a large photo never exists in full.
fn decode(bytes: &[u8], bounds: (u32, u32)) -> Result<DynamicImage, &'static str> {
    let mut limits = image::io::Limits::default();
    limits.max_alloc = Some(MAX_DECODED_BYTES);
    let refused = |e: image::ImageError| match e {
        image::ImageError::Limits(_) => "error-image-dimensions",
        _ => "error-image-broken",
    };
    match image::guess_format(bytes) {
        Ok(ImageFormat::Png) => {
            let decoder = PngDecoder::with_limits(Cursor::new(bytes), limits.clone()).map_err(refused)?;
            within_limits(&decoder, limits)?;
            DynamicImage::from_decoder(decoder).map_err(refused)
        }
        Ok(ImageFormat::Jpeg) => {
            let mut decoder = JpegDecoder::new(Cursor::new(bytes)).map_err(refused)?;
            within_limits(&decoder, limits.clone())?;
            let (width, height) = fit_in(decoder.dimensions(), bounds);
            decoder.scale(width, height).map_err(refused)?;
            within_limits(&decoder, limits)?;
            DynamicImage::from_decoder(decoder).map_err(refused)
        }
        _ => Err("error-image-type"),
    }
}

/// Refuses, from the header alone, a picture that would cost too much to decode.
fn within_limits<'a>(decoder: &impl ImageDecoder<'a>, mut limits: image::io::Limits) -> Result<(), &'static str> {
    let (width, height) = decoder.dimensions();
    let too_many = u64::from(width) * u64::from(height) > MAX_PIXELS || decoder.total_bytes() > MAX_DECODED_BYTES;
    if too_many || limits.check_dimensions(width, height).is_err() || limits.reserve(decoder.total_bytes()).is_err() {
        return Err("error-image-dimensions");
    }
    Ok(())
}

/// The size within the stored box that keeps a picture's proportions (never larger).
#[cfg(test)]
fn fit(size: (u32, u32)) -> (u16, u16) {
    fit_in(size, PETITION_BOX)
}

/// The size within `bounds` that keeps a picture's proportions (never larger).
fn fit_in((width, height): (u32, u32), bounds: (u32, u32)) -> (u16, u16) {
    let (w, h) = (u64::from(width.max(1)), u64::from(height.max(1)));
    let (box_w, box_h) = (u64::from(bounds.0), u64::from(bounds.1));
    let (w, h) = if w <= box_w && h <= box_h {
        (w, h)
    } else if w * box_h > h * box_w {
        (box_w, (h * box_w / w).max(1))
    } else {
        ((w * box_h / h).max(1), box_h)
    };
    (u16::try_from(w).unwrap_or(u16::MAX), u16::try_from(h).unwrap_or(u16::MAX))
}

/// JPEG has no transparency: transparent parts become white, not black.
fn on_white(img: &DynamicImage) -> RgbImage {
    let rgba = img.to_rgba8();
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let blend = |c: u8| ((u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a))) / 255) as u8;
        Rgb([blend(r), blend(g), blend(b)])
    })
}

fn paths(id: i64, updated_at: DateTime<Utc>) -> (String, String) {
    let v = updated_at.timestamp_millis();
    (format!("/p/{id}/image.jpg?v={v}"), format!("/dashboard/petitions/{id}/image.jpg?v={v}"))
}

/// Checks the upload and its description, then stores it in place of any earlier one.
/// Decoding takes a moment of CPU, so it runs off the async workers, one at a time (`Decodes`).
/// Either capability: the edit page's or the wizard's (whoever may create its owner's petitions).
pub async fn save<R: EditsContent>(
    db: &DatabaseConnection,
    (can, decodes): (&Allowed<R, PetitionId>, &Decodes),
    bytes: Vec<u8>,
    alt: &str,
) -> DomainResult<()> {
    let id = can.target();
    let alt = alt.trim().to_string();
    let encoded = decodes.reencode(bytes, PETITION_BOX).await?;
    let mut errors = FieldErrors::new();
    if let Err(message) = &encoded {
        errors.insert("image", *message);
    }
    if alt.is_empty() {
        errors.insert("image_alt", "error-required");
    } else if alt.chars().count() > MAX_ALT {
        errors.insert("image_alt", "error-too-long");
    }
    let Ok(encoded) = encoded else { return Err(DomainError::Invalid(errors)) };
    if !errors.is_empty() {
        return Err(DomainError::Invalid(errors));
    }
    let row = petition_image::ActiveModel {
        petition_id: Set(id.0),
        content_type: Set("image/jpeg".into()),
        data: Set(encoded.jpeg),
        width: Set(i32::try_from(encoded.width).unwrap_or(i32::MAX)),
        height: Set(i32::try_from(encoded.height).unwrap_or(i32::MAX)),
        alt: Set(alt),
        updated_at: Set(now()),
    };
    // In place of the earlier one, or not at all.
    let txn = crate::db::begin_write(db).await?;
    petition_image::Entity::delete_by_id(id.0).exec(&txn).await?;
    row.insert(&txn).await?;
    txn.commit().await?;
    Ok(())
}

pub async fn remove<R: EditsContent>(db: &impl ConnectionTrait, can: &Allowed<R, PetitionId>) -> DomainResult<()> {
    // Either capability: the edit page's or the wizard's.
    petition_image::Entity::delete_by_id(can.target().0).exec(db).await?;
    Ok(())
}

/// The image's description and size, without reading its bytes.
pub async fn meta(db: &impl ConnectionTrait, id: PetitionId) -> DomainResult<Option<ImageMeta>> {
    use petition_image::Column as C;
    let row: Option<(i32, i32, String, DateTime<Utc>)> = petition_image::Entity::find()
        .select_only()
        .columns([C::Width, C::Height, C::Alt, C::UpdatedAt])
        .filter(C::PetitionId.eq(id.0))
        .into_tuple()
        .one(db)
        .await?;
    Ok(row.map(|(width, height, alt, updated_at)| {
        let (path, preview) = paths(id.0, updated_at);
        ImageMeta { path, preview, width, height, alt }
    }))
}

/// The stored JPEG, for the image's own address.
pub async fn bytes(db: &impl ConnectionTrait, id: PetitionId) -> DomainResult<Vec<u8>> {
    let row = petition_image::Entity::find_by_id(id.0).one(db).await?.ok_or(DomainError::NotFound)?;
    Ok(row.data)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32, alpha: u8) -> Vec<u8> {
        let img = image::RgbaImage::from_pixel(width, height, image::Rgba([10, 20, 30, alpha]));
        let mut out = Vec::new();
        DynamicImage::ImageRgba8(img).write_to(&mut Cursor::new(&mut out), ImageFormat::Png).expect("png");
        out
    }

    #[test]
    fn a_png_comes_back_as_a_scaled_jpeg() {
        let out = reencode(&png(3200, 1000, 255)).expect("accepted");
        assert_eq!((out.width, out.height), (1600, 500));
        assert_eq!(image::guess_format(&out.jpeg).ok(), Some(ImageFormat::Jpeg));
    }

    #[test]
    fn transparency_becomes_white() {
        let out = reencode(&png(4, 4, 0)).expect("accepted");
        let back = image::load_from_memory(&out.jpeg).expect("decodes").to_rgb8();
        assert!(back.get_pixel(1, 1).0.iter().all(|&c| c > 240), "{:?}", back.get_pixel(1, 1));
    }

    #[test]
    fn other_files_are_refused_with_a_reason() {
        assert_eq!(reencode(b"").err(), Some("error-image-missing"));
        assert_eq!(reencode(b"<svg xmlns='http://www.w3.org/2000/svg'/>").err(), Some("error-image-type"));
        assert_eq!(reencode(b"GIF89a\x01\x00\x01\x00").err(), Some("error-image-type"));
        let mut truncated = png(50, 50, 255);
        truncated.truncate(60);
        assert_eq!(reencode(&truncated).err(), Some("error-image-broken"));
        assert_eq!(reencode(&vec![0u8; MAX_BYTES + 1]).err(), Some("error-image-too-large"));
    }

    /// A PNG header promising `width` × `height` pixels, followed by pixel data that is not
    /// even compressed: refused for its size, it cannot have been decoded.
    fn png_header(width: u32, height: u32, depth: png::BitDepth) -> Vec<u8> {
        let mut out = Vec::new();
        {
            let mut encoder = png::Encoder::new(&mut out, width, height);
            encoder.set_color(png::ColorType::Rgba);
            encoder.set_depth(depth);
            let mut writer = encoder.write_header().expect("header");
            writer.write_chunk(png::chunk::IDAT, b"not deflate").expect("chunk");
        }
        out
    }

    #[test]
    fn a_huge_picture_in_a_small_file_is_refused_before_decoding() {
        // 7999 × 7999 would take 256 MB decoded: 64 megapixels, above the budget.
        assert_eq!(reencode(&png_header(7999, 7999, png::BitDepth::Eight)).err(), Some("error-image-dimensions"));
        assert_eq!(reencode(&png_header(100, 1_000_000, png::BitDepth::Eight)).err(), Some("error-image-dimensions"));
        // 16-bit channels double the cost of the same pixels: 27 megapixels take 216 MB.
        assert_eq!(reencode(&png_header(5200, 5200, png::BitDepth::Sixteen)).err(), Some("error-image-dimensions"));
        // Within the budget, the same broken data is decoded, and found broken.
        assert_eq!(reencode(&png_header(5200, 5200, png::BitDepth::Eight)).err(), Some("error-image-broken"));
    }

    #[test]
    fn a_large_photo_is_scaled_down_while_decoding() {
        let photo = image::RgbImage::from_pixel(4000, 3000, Rgb([200, 100, 50]));
        let mut jpeg = Vec::new();
        image::codecs::jpeg::JpegEncoder::new(&mut jpeg).encode_image(&photo).expect("jpeg");
        let mut decoder = JpegDecoder::new(Cursor::new(&jpeg)).expect("header");
        let (width, height) = fit(decoder.dimensions());
        assert_eq!(decoder.scale(width, height).expect("scale"), (2000, 1500), "decoded at half size");
        let out = reencode(&jpeg).expect("accepted");
        assert_eq!((out.width, out.height), (1333, 1000));
    }
}
