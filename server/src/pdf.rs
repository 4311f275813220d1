//! PDF documents written by the server: A4 pages with the agency's name in the header, headings,
//! wrapped paragraphs, numbered and bulleted lists, tables with borders, and horizontal bar
//! charts — what minutes need now and reports will reuse. Text is set in DejaVu Sans (shipped in
//! `assets/fonts`, a free licence, full Cyrillic), embedded and subset by krilla, so what
//! `pdftotext` reads back is the text we wrote.

use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};
use krilla::Document;
use std::sync::OnceLock;

static REGULAR: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../assets/fonts/DejaVuSans-Bold.ttf");

const WIDTH: f32 = 595.0;
const HEIGHT: f32 = 842.0;
const MARGIN: f32 = 50.0;
const TOP: f32 = 78.0;
const BOTTOM: f32 = HEIGHT - 56.0;

struct Fonts {
    regular: Font,
    bold: Font,
    regular_face: ttf_parser::Face<'static>,
    bold_face: ttf_parser::Face<'static>,
}

/// The shipped fonts (`None` only if the files built into the binary were unreadable).
fn fonts() -> Option<&'static Fonts> {
    static FONTS: OnceLock<Option<Fonts>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            Some(Fonts {
                regular: Font::new(REGULAR.into(), 0)?,
                bold: Font::new(BOLD.into(), 0)?,
                regular_face: ttf_parser::Face::parse(REGULAR, 0).ok()?,
                bold_face: ttf_parser::Face::parse(BOLD, 0).ok()?,
            })
        })
        .as_ref()
}

/// The width of `text` at `size` points (advances without kerning: enough for wrapping).
pub fn text_width(text: &str, size: f32, bold: bool) -> f32 {
    let Some(f) = fonts() else { return text.chars().count() as f32 * size * 0.6 };
    let face = if bold { &f.bold_face } else { &f.regular_face };
    let units: u32 =
        text.chars().map(|c| face.glyph_index(c).and_then(|g| face.glyph_hor_advance(g)).map_or(500, u32::from)).sum();
    units as f32 * size / f32::from(face.units_per_em())
}

/// Breaks `text` into lines no wider than `width` (long words are cut), keeping its own line breaks.
pub fn wrap(text: &str, size: f32, bold: bool, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        for word in para.split_whitespace() {
            let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
            if text_width(&candidate, size, bold) <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // A word wider than the line is cut where it must be.
            let mut piece = String::new();
            for c in word.chars() {
                piece.push(c);
                if text_width(&piece, size, bold) > width {
                    piece.pop();
                    lines.push(std::mem::take(&mut piece));
                    piece.push(c);
                }
            }
            line = piece;
        }
        lines.push(line);
    }
    lines
}

enum Op {
    Text { x: f32, y: f32, size: f32, bold: bool, grey: bool, text: String },
    Line { x1: f32, y1: f32, x2: f32, y2: f32 },
    Bar { x: f32, y: f32, w: f32, h: f32 },
}

/// A document being laid out: operations are collected per page, then drawn.
pub struct Pdf {
    header: String,
    title: String,
    pages: Vec<Vec<Op>>,
    y: f32,
}

impl Pdf {
    /// `header` is printed on top of every page (the agency's name); `title` goes in the metadata.
    pub fn new(header: &str, title: &str) -> Self {
        let mut pdf = Pdf { header: header.to_string(), title: title.to_string(), pages: Vec::new(), y: 0.0 };
        pdf.new_page();
        pdf
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = TOP;
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn room(&mut self, height: f32) {
        if self.y + height > BOTTOM {
            self.new_page();
        }
    }

    pub fn space(&mut self, points: f32) {
        self.y += points;
    }

    fn text_line(&mut self, x: f32, size: f32, bold: bool, grey: bool, text: String) {
        self.room(size * 1.4);
        self.y += size * 1.1;
        let y = self.y;
        self.ops().push(Op::Text { x, y, size, bold, grey, text });
        self.y += size * 0.35;
    }

    pub fn heading(&mut self, text: &str, size: f32) {
        self.room(size * 3.0);
        self.space(size * 0.6);
        for line in wrap(text, size, true, WIDTH - 2.0 * MARGIN) {
            self.text_line(MARGIN, size, true, false, line);
        }
        self.space(size * 0.3);
    }

    pub fn paragraph(&mut self, text: &str, size: f32) {
        for line in wrap(text, size, false, WIDTH - 2.0 * MARGIN) {
            self.text_line(MARGIN, size, false, false, line);
        }
        self.space(size * 0.4);
    }

    /// A small grey line (dates, places, "revision 2").
    pub fn note(&mut self, text: &str) {
        for line in wrap(text, 9.0, false, WIDTH - 2.0 * MARGIN) {
            self.text_line(MARGIN, 9.0, false, true, line);
        }
    }

    /// A list whose items start with `marks` ("1.", "2." or "•").
    pub fn list(&mut self, items: &[(String, String)], size: f32) {
        let indent = 22.0;
        for (mark, text) in items {
            let lines = wrap(text, size, false, WIDTH - 2.0 * MARGIN - indent);
            for (i, line) in lines.into_iter().enumerate() {
                self.room(size * 1.5);
                if i == 0 {
                    let y = self.y + size * 1.1;
                    self.ops().push(Op::Text { x: MARGIN, y, size, bold: true, grey: false, text: mark.clone() });
                }
                self.text_line(MARGIN + indent, size, false, false, line);
            }
            self.space(size * 0.25);
        }
    }

    /// A table: `widths` are shares of the text width; the header row is bold.
    pub fn table(&mut self, header: &[String], rows: &[Vec<String>], widths: &[f32], size: f32) {
        let total: f32 = widths.iter().sum();
        let full = WIDTH - 2.0 * MARGIN;
        let cols: Vec<f32> = widths.iter().map(|w| w / total * full).collect();
        let pad = 4.0;
        let draw_row = |pdf: &mut Pdf, cells: &[String], bold: bool| {
            let wrapped: Vec<Vec<String>> =
                cells.iter().zip(&cols).map(|(c, w)| wrap(c, size, bold, w - 2.0 * pad)).collect();
            let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
            let height = lines as f32 * size * 1.3 + 2.0 * pad;
            pdf.room(height);
            let top = pdf.y;
            let mut x = MARGIN;
            for (cell, w) in wrapped.iter().zip(&cols) {
                for (i, line) in cell.iter().enumerate() {
                    let y = top + pad + size * 1.05 + i as f32 * size * 1.3;
                    pdf.ops().push(Op::Text { x: x + pad, y, size, bold, grey: false, text: line.clone() });
                }
                pdf.ops().push(Op::Line { x1: x, y1: top, x2: x, y2: top + height });
                x += w;
            }
            pdf.ops().push(Op::Line { x1: x, y1: top, x2: x, y2: top + height });
            pdf.ops().push(Op::Line { x1: MARGIN, y1: top, x2: x, y2: top });
            pdf.ops().push(Op::Line { x1: MARGIN, y1: top + height, x2: x, y2: top + height });
            pdf.y = top + height;
        };
        draw_row(self, header, true);
        for row in rows {
            draw_row(self, row, false);
        }
        self.space(8.0);
    }

    /// Horizontal bars: a label and a value each, scaled to the largest value.
    pub fn bars(&mut self, items: &[(String, f64, String)], size: f32) {
        let max = items.iter().map(|(_, v, _)| *v).fold(0.0_f64, f64::max);
        self.bars_to(items, max, size);
    }

    /// Horizontal bars scaled to `max` (100 for percentages), whatever the values are.
    pub fn bars_to(&mut self, items: &[(String, f64, String)], max: f64, size: f32) {
        let label_w = 170.0;
        let full = WIDTH - 2.0 * MARGIN - label_w - 60.0;
        for (label, value, shown) in items {
            self.room(size * 2.0);
            let top = self.y;
            let label = wrap(label, size, false, label_w - 6.0).into_iter().next().unwrap_or_default();
            self.ops().push(Op::Text { x: MARGIN, y: top + size * 1.1, size, bold: false, grey: false, text: label });
            let w = if max > 0.0 { (value / max).clamp(0.0, 1.0) as f32 * full } else { 0.0 };
            self.ops().push(Op::Bar { x: MARGIN + label_w, y: top + 2.0, w: w.max(0.5), h: size * 1.1 });
            let x = MARGIN + label_w + w + 6.0;
            self.ops().push(Op::Text { x, y: top + size * 1.1, size, bold: false, grey: true, text: shown.clone() });
            self.y = top + size * 1.8;
        }
        self.space(6.0);
    }

    /// The finished file. `page_label` writes "page N of M" ("Страница {n} из {m}").
    pub fn finish(self, page_label: impl Fn(usize, usize) -> String) -> Result<Vec<u8>, String> {
        let f = fonts().ok_or("the shipped fonts could not be read")?;
        let mut document = Document::new();
        document.set_metadata(krilla::metadata::Metadata::new().title(self.title.clone()).creator("Accord".into()));
        let count = self.pages.len();
        for (n, ops) in self.pages.iter().enumerate() {
            let settings = PageSettings::from_wh(WIDTH, HEIGHT).ok_or("page size")?;
            let mut page = document.start_page_with(settings);
            let mut surface = page.surface();
            header_and_footer(&mut surface, f, &self.header, &page_label(n + 1, count));
            for op in ops {
                draw(&mut surface, f, op);
            }
            surface.finish();
            page.finish();
        }
        document.finish().map_err(|e| format!("{e:?}"))
    }
}

fn grey() -> Fill {
    Fill { paint: rgb::Color::new(107, 114, 128).into(), opacity: NormalizedF32::ONE, rule: Default::default() }
}

fn black() -> Fill {
    Fill { paint: rgb::Color::new(31, 36, 48).into(), opacity: NormalizedF32::ONE, rule: Default::default() }
}

fn header_and_footer(s: &mut Surface, f: &Fonts, header: &str, footer: &str) {
    s.set_fill(Some(black()));
    s.draw_text(Point::from_xy(MARGIN, 44.0), f.bold.clone(), 11.0, header, false, TextDirection::Auto);
    line(s, MARGIN, 54.0, WIDTH - MARGIN, 54.0, 0.6);
    s.set_fill(Some(grey()));
    s.draw_text(Point::from_xy(MARGIN, HEIGHT - 30.0), f.regular.clone(), 8.0, footer, false, TextDirection::Auto);
}

fn line(s: &mut Surface, x1: f32, y1: f32, x2: f32, y2: f32, width: f32) {
    let mut pb = PathBuilder::new();
    pb.move_to(x1, y1);
    pb.line_to(x2, y2);
    if let Some(path) = pb.finish() {
        s.set_fill(None);
        s.set_stroke(Some(Stroke { paint: rgb::Color::new(156, 163, 175).into(), width, ..Default::default() }));
        s.draw_path(&path);
        s.set_stroke(None);
    }
}

fn draw(s: &mut Surface, f: &Fonts, op: &Op) {
    match op {
        Op::Text { x, y, size, bold, grey: is_grey, text } => {
            s.set_fill(Some(if *is_grey { grey() } else { black() }));
            let font = if *bold { f.bold.clone() } else { f.regular.clone() };
            s.draw_text(Point::from_xy(*x, *y), font, *size, text, false, TextDirection::Auto);
        }
        Op::Line { x1, y1, x2, y2 } => line(s, *x1, *y1, *x2, *y2, 0.5),
        Op::Bar { x, y, w, h } => {
            if let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) {
                let mut pb = PathBuilder::new();
                pb.push_rect(rect);
                if let Some(path) = pb.finish() {
                    s.set_stroke(None);
                    s.set_fill(Some(Fill {
                        paint: rgb::Color::new(59, 91, 219).into(),
                        opacity: NormalizedF32::ONE,
                        rule: Default::default(),
                    }));
                    s.draw_path(&path);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_cyrillic_within_the_width_and_keeps_every_word() {
        let text = "Договорились запустить рекламную кампанию пятнадцатого декабря, бюджет согласован";
        let lines = wrap(text, 11.0, false, 150.0);
        assert!(lines.len() > 2);
        for l in &lines {
            assert!(text_width(l, 11.0, false) <= 150.0, "{l}");
        }
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn writes_a_pdf_with_many_pages() {
        let mut pdf = Pdf::new("Агентство «Пример»", "Протокол");
        pdf.heading("Протокол встречи", 16.0);
        for i in 0..80 {
            pdf.paragraph(&format!("Абзац {i}: съешь же ещё этих мягких французских булок"), 11.0);
        }
        pdf.table(&["Задача".into(), "Срок".into()], &[vec!["Отчёт".into(), "10.12.2026".into()]], &[3.0, 1.0], 10.0);
        pdf.bars(&[("NPS".into(), 40.0, "40".into()), ("CSI".into(), 72.5, "72,5".into())], 10.0);
        let bytes = pdf.finish(|n, m| format!("Страница {n} из {m}")).expect("pdf");
        assert!(bytes.starts_with(b"%PDF-"));
        assert!(bytes.len() > 1_000);
    }
}
