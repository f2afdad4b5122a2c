//! The colours of every chart: one sequential palette for severity (pale
//! sand to deep red), a distinct grey for "unscored", and the neutrals.

use plotters::style::RGBColor;

/// Severity 0..=5, then darker for anything beyond.
const SEVERITY: [RGBColor; 6] = [
    RGBColor(0xf4, 0xef, 0xe1),
    RGBColor(0xfc, 0xdc, 0x9c),
    RGBColor(0xf8, 0xb0, 0x62),
    RGBColor(0xee, 0x7d, 0x3b),
    RGBColor(0xd1, 0x37, 0x22),
    RGBColor(0x86, 0x10, 0x1c),
];

pub const UNSCORED: RGBColor = RGBColor(0xe4, 0xe7, 0xeb);
pub const UNSCORED_MARK: RGBColor = RGBColor(0xb8, 0xbf, 0xc8);
pub const INK: RGBColor = RGBColor(0x1f, 0x29, 0x37);
pub const MUTED: RGBColor = RGBColor(0x6b, 0x72, 0x80);
pub const RULE: RGBColor = RGBColor(0xd1, 0xd5, 0xdb);
pub const ACCENT: RGBColor = RGBColor(0x0f, 0x4c, 0x5c);
pub const WHITE: RGBColor = RGBColor(0xff, 0xff, 0xff);

/// The fill for a severity on a scale whose top level is `max`.
pub fn severity(level: u8, max: u8) -> RGBColor {
    let max = max.max(1) as usize;
    let index = (level as usize * (SEVERITY.len() - 1) + max / 2) / max;
    SEVERITY[index.min(SEVERITY.len() - 1)]
}

/// Text that reads on a severity fill.
pub fn on_severity(level: u8, max: u8) -> RGBColor {
    if (level as usize) * 2 >= max as usize + 2 {
        WHITE
    } else {
        INK
    }
}

/// The colour of a kind of resource on the dependency chart.
pub fn resource_kind(kind: bia_model::ResourceKind) -> RGBColor {
    use bia_model::ResourceKind as K;
    match kind {
        K::Application => RGBColor(0x25, 0x63, 0xeb),
        K::Infrastructure => RGBColor(0x47, 0x55, 0x69),
        K::Data => RGBColor(0x7c, 0x3a, 0xed),
        K::Supplier => RGBColor(0xc2, 0x41, 0x0c),
        K::People => RGBColor(0x15, 0x80, 0x3d),
        K::Site => RGBColor(0xbe, 0x18, 0x5d),
        K::Equipment => RGBColor(0x08, 0x91, 0xb2),
        K::Unclassified => RGBColor(0x6b, 0x72, 0x80),
    }
}

/// `colour` at `amount` (0–1) over white: a pale fill of the same hue.
pub fn tint(colour: RGBColor, amount: f64) -> RGBColor {
    let mix = |c: u8| (255.0 - (255.0 - f64::from(c)) * amount).round() as u8;
    RGBColor(mix(colour.0), mix(colour.1), mix(colour.2))
}
