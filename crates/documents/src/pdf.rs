//! Laid-out pages drawn as a PDF with krilla: the document font embedded
//! (cut down to the characters used), text kept as text so it can be
//! searched and copied, and on every page the running header (the
//! assessment's name, the organisation) and footer ("Page 2 of 5").
//!
//! It places nothing itself (that is `flow.rs`) and writes no date or
//! machine name into the file, so the same document gives the same bytes.

use krilla::color::rgb;
use krilla::error::KrillaError;
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::image::Image;
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};
use krilla::{Data, Document};

use crate::DocumentError;
use crate::flow::{
    BOTTOM, Colour, Item, LEFT, PAGE_HEIGHT, PAGE_WIDTH, RIGHT, Style, TEXT_WIDTH, TOP,
};
use crate::text::{self, Weight};

/// What every page carries in its margins.
pub(crate) struct Running {
    /// Top left, in bold: the assessment's name.
    pub header: String,
    /// Top right: the organisation.
    pub header_right: String,
    /// Bottom left: what the document is ("Minutes: Finance BIA workshop").
    pub footer: String,
    pub accent: Colour,
    pub muted: Colour,
    pub rule: Colour,
}

/// The PDF of `pages`, with `pictures` (PNG files) for their pictures.
pub(crate) fn write(
    pages: Vec<Vec<Item>>,
    pictures: &[Vec<u8>],
    running: &Running,
    title: &str,
) -> Result<Vec<u8>, DocumentError> {
    let font = |weight: Weight| {
        Font::new(Data::from(weight.data()), 0).ok_or_else(|| DocumentError::Pdf {
            message: "the document font could not be read".into(),
        })
    };
    let fonts = (font(Weight::Regular)?, font(Weight::Bold)?);
    let images = pictures
        .iter()
        .map(|png| {
            Image::from_png(Data::from(png.clone()), true)
                .map_err(|message| DocumentError::Picture { message })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let page_size = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).ok_or(DocumentError::Pdf {
        message: "the page size".into(),
    })?;

    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(title.to_string())
            .language("en-GB".into())
            .creator("BIA Workbench".into()),
    );
    let total = pages.len();
    for (n, items) in pages.into_iter().enumerate() {
        let mut page = document.start_page_with(page_size.clone());
        let mut surface = page.surface();
        let mut draw = Draw {
            surface: &mut surface,
            fonts: &fonts,
        };
        draw.running(running, n + 1, total);
        for item in items {
            match item {
                Item::Text {
                    x,
                    baseline,
                    text,
                    style,
                } => draw.text(x, baseline, &text, style),
                Item::Rect {
                    x,
                    y,
                    width,
                    height,
                    fill,
                } => draw.rect(x, y, width, height, fill),
                Item::Picture {
                    index,
                    x,
                    y,
                    width,
                    height,
                } => {
                    if let (Some(image), Some(size)) =
                        (images.get(index), Size::from_wh(width, height))
                    {
                        draw.surface
                            .push_transform(&Transform::from_translate(x, y));
                        draw.surface.draw_image(image.clone(), size);
                        draw.surface.pop();
                    }
                }
            }
        }
        surface.finish();
        page.finish();
    }
    // A PNG is decoded only now, so a damaged one is found here.
    document.finish().map_err(|e| match e {
        KrillaError::Image(_, _, message) => DocumentError::Picture { message },
        KrillaError::Font(_, message) => DocumentError::Pdf { message },
        other => DocumentError::Pdf {
            message: format!("{other:?}"),
        },
    })
}

struct Draw<'a, 'b> {
    surface: &'a mut Surface<'b>,
    fonts: &'a (Font, Font),
}

impl Draw<'_, '_> {
    fn fill(&mut self, colour: Colour) {
        self.surface.set_fill(Some(Fill {
            paint: rgb::Color::new(colour.0, colour.1, colour.2).into(),
            ..Fill::default()
        }));
    }

    fn text(&mut self, x: f32, baseline: f32, text: &str, style: Style) {
        self.fill(style.colour);
        let font = match style.weight {
            Weight::Regular => self.fonts.0.clone(),
            Weight::Bold => self.fonts.1.clone(),
        };
        self.surface.draw_text(
            Point::from_xy(x, baseline),
            font,
            style.size,
            text,
            false,
            TextDirection::Auto,
        );
    }

    fn rect(&mut self, x: f32, y: f32, width: f32, height: f32, fill: Colour) {
        let Some(rect) = Rect::from_xywh(x, y, width, height) else {
            return;
        };
        let mut path = PathBuilder::new();
        path.push_rect(rect);
        if let Some(path) = path.finish() {
            self.fill(fill);
            self.surface.draw_path(&path);
        }
    }

    /// The header and footer of page `n` of `total`.
    fn running(&mut self, r: &Running, n: usize, total: usize) {
        let size = 8.0;
        let bold = Style::new(size, Weight::Bold, r.accent);
        let plain = Style::new(size, Weight::Regular, r.muted);
        let gap = 18.0;

        // Header: the assessment's name, the organisation at the right.
        let right = text::fitted(&r.header_right, Weight::Regular, size, TEXT_WIDTH * 0.35);
        let right_width = text::width(&right, Weight::Regular, size);
        let left_room = TEXT_WIDTH - right_width - if right.is_empty() { 0.0 } else { gap };
        let left = text::fitted(&r.header, Weight::Bold, size, left_room);
        let baseline = TOP - 26.0;
        self.text(LEFT, baseline, &left, bold);
        self.text(LEFT + TEXT_WIDTH - right_width, baseline, &right, plain);
        self.rect(LEFT, baseline + 5.0, TEXT_WIDTH, 0.5, r.rule);

        // Footer: what the document is, the page of how many.
        let page = format!("Page {n} of {total}");
        let page_width = text::width(&page, Weight::Regular, size);
        let footer = text::fitted(
            &r.footer,
            Weight::Regular,
            size,
            TEXT_WIDTH - page_width - gap,
        );
        let baseline = PAGE_HEIGHT - BOTTOM + 30.0;
        self.rect(LEFT, baseline - 11.0, TEXT_WIDTH, 0.5, r.rule);
        self.text(LEFT, baseline, &footer, plain);
        self.text(PAGE_WIDTH - RIGHT - page_width, baseline, &page, plain);
    }
}

/// The width and height in pixels of a PNG file, from its header.
pub(crate) fn png_size(png: &[u8]) -> Result<(u32, u32), DocumentError> {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    let not_png = || DocumentError::Picture {
        message: "not a PNG file".into(),
    };
    if !png.starts_with(SIGNATURE) || png.get(12..16) != Some(b"IHDR") {
        return Err(not_png());
    }
    let number = |at: usize| {
        png.get(at..at + 4)
            .and_then(|b| <[u8; 4]>::try_from(b).ok())
            .map(u32::from_be_bytes)
    };
    match (number(16), number(20)) {
        (Some(w), Some(h)) if w > 0 && h > 0 => Ok((w, h)),
        _ => Err(not_png()),
    }
}
