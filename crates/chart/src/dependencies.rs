//! The dependency chart: processes in the left column, what they rely on in
//! the next, what those rely on after that, laid out in layers (see
//! `layout`) with as few crossings as the heuristic finds. Boxes are shaped
//! and coloured by kind; a recovery gap outlines its box in red and a single
//! point of failure carries a "SPOF" badge. Edges are styled by strength and
//! point from the one that relies to the one relied on; an edge that closes
//! a loop is dashed red. The focused variant draws one process and
//! everything upstream of it.

use std::collections::{BTreeSet, VecDeque};
use std::str::FromStr;

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::layout::{self, Layout, Spacing};
use super::{Chart, ChartOptions, DrawResult, FONT, MIN_TEXT, palette, style, text};
use crate::error::{ChartError as Error, Result};
use bia_analysis::{DependencyAnalysis, ProcessAnalysis};
use bia_model::{Assessment, Id, NodeRef, ResourceKind, Strength, name_key};

/// A box on the chart: a process or a resource of some kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Process,
    Resource(ResourceKind),
}

struct NodeBox {
    kind: Kind,
    name: String,
    detail: String,
    gap: bool,
    spof: bool,
    /// The name and the detail as drawn: each on one line or two.
    name_lines: Vec<String>,
    detail_lines: Vec<String>,
}

impl NodeBox {
    /// Wraps the name at a word and the detail between its facts, each
    /// onto two lines at most, to the room a box has for text.
    fn wrapped(mut self) -> NodeBox {
        let room = BOX_W - MARKER_W - 10;
        self.name_lines = text::wrap(&self.name, " ", 2, text::fits(NAME_SIZE, true, room));
        self.detail_lines =
            text::wrap(&self.detail, " · ", 2, text::fits(DETAIL_SIZE, false, room));
        self
    }

    /// The box's height: its lines of text and a margin.
    fn height(&self) -> i32 {
        (self.name_lines.len() + self.detail_lines.len()) as i32 * LINE + 2 * BOX_PAD
    }
}

struct Edge {
    from: usize,
    to: usize,
    strength: Strength,
}

/// One entry of the legend, placed when the chart is built.
struct LegendItem {
    at: (i32, i32),
    key: LegendKey,
    label: String,
}

enum LegendKey {
    Box(Kind),
    Gap,
    Spof,
    Line(Strength),
    Loop,
}

pub(crate) struct Dependencies {
    title: String,
    /// The key under the title, on one line or two.
    subtitle: Vec<String>,
    /// Where the columns begin: below the subtitle and the headings.
    top: i32,
    empty: Option<String>,
    nodes: Vec<NodeBox>,
    edges: Vec<Edge>,
    layout: Layout,
    legend: Vec<LegendItem>,
    width: u32,
    height: u32,
}

const MARGIN: i32 = 24;
/// Where the columns begin under a one-line subtitle; a second line moves
/// them down by [`SUBTITLE_LINE`].
const TOP: i32 = 112;
const SUBTITLE_LINE: i32 = 18;
/// Wide enough for most names on one line at `NAME_SIZE` (a longer one
/// takes two).
const BOX_W: i32 = 256;
const COL_GAP: i32 = 104;
const MIN_WIDTH: i32 = 980;
/// Every text of the chart is at least `MIN_TEXT` (a 12 px em), as the
/// other charts' are, when it is shown at the width it was laid out for.
const NAME_SIZE: f64 = MIN_TEXT;
const DETAIL_SIZE: f64 = MIN_TEXT;
/// From one line of a box's text to the next, and the margin above and below them.
const LINE: i32 = 17;
const BOX_PAD: i32 = 5;
/// Room on the left of a box for its kind's marker.
const MARKER_W: i32 = 22;

const SPACING: Spacing = Spacing {
    dummy: 4.0,
    // Room for a "SPOF" badge, which sits on a box's top edge.
    gap: 16.0,
    dummy_gap: 6.0,
};

pub(crate) fn data(
    a: &Assessment,
    processes: &[ProcessAnalysis],
    options: &ChartOptions,
) -> Result<Dependencies> {
    let analysis = bia_analysis::analyze_dependencies(a, processes);
    let focus = options
        .process
        .as_deref()
        .map(|text| focus_process(a, text))
        .transpose()?;

    let order = node_order(a, processes);
    let index: rustc_hash::FxHashMap<NodeRef, usize> = order
        .iter()
        .enumerate()
        .map(|(i, (n, _))| (*n, i))
        .collect();
    // Edges in the order of their ends (then strength), not as the store
    // lists them (by id): the layout takes their order for the walk that
    // breaks loops, the order of the slots of long edges and ties between
    // ports, and the SVG draws them in it.
    let mut all_edges: Vec<(usize, usize, Strength)> = a
        .dependencies
        .iter()
        .filter_map(|d| Some((*index.get(&d.from)?, *index.get(&d.to)?, d.strength)))
        .collect();
    all_edges.sort_by_key(|&(u, v, strength)| (u, v, strength_rank(strength)));

    // Which nodes to draw: the focus and everything upstream of it, or every
    // node with at least one dependency.
    let mut keep = vec![false; order.len()];
    match focus {
        Some(id) => {
            let mut out: Vec<Vec<usize>> = vec![Vec::new(); order.len()];
            for &(u, v, _) in &all_edges {
                out[u].push(v);
            }
            let start = index[&NodeRef::Process(id)];
            keep[start] = true;
            let mut queue = VecDeque::from([start]);
            while let Some(u) = queue.pop_front() {
                for &v in &out[u] {
                    if !keep[v] {
                        keep[v] = true;
                        queue.push_back(v);
                    }
                }
            }
        }
        None => {
            for &(u, v, _) in &all_edges {
                keep[u] = true;
                keep[v] = true;
            }
        }
    }
    let mut new_index = vec![usize::MAX; order.len()];
    let mut nodes = Vec::new();
    for (i, (node, kind)) in order.iter().enumerate() {
        if keep[i] {
            new_index[i] = nodes.len();
            nodes.push(node_box(a, processes, &analysis, *node, *kind).wrapped());
        }
    }
    let edges: Vec<Edge> = all_edges
        .iter()
        .filter(|(u, v, _)| keep[*u] && keep[*v])
        .map(|&(u, v, strength)| Edge {
            from: new_index[u],
            to: new_index[v],
            strength,
        })
        .collect();

    let pairs: Vec<(usize, usize)> = edges.iter().map(|e| (e.from, e.to)).collect();
    let min_layer: Vec<usize> = nodes
        .iter()
        .map(|n| usize::from(n.kind != Kind::Process))
        .collect();
    let heights: Vec<f64> = nodes.iter().map(|n| f64::from(n.height())).collect();
    let layout = layout::layout(&heights, &pairs, &min_layer, SPACING);

    let focus_name = focus.and_then(|id| a.processes.iter().find(|p| p.id == id));
    let title = match focus_name {
        Some(p) => format!("What {} relies on — {}", p.name, a.info.name),
        None => format!("Dependencies — {}", a.info.name),
    };
    let hidden = a.processes.len() - nodes.iter().filter(|n| n.kind == Kind::Process).count();
    let mut subtitle = String::from(
        "Each arrow points from what relies to what it relies on. Red outline: recovery gap; \
         SPOF: single point of failure.",
    );
    if focus.is_none() && hidden > 0 && !edges.is_empty() {
        subtitle.push_str(&format!(
            " {hidden} process{} without recorded dependencies not shown.",
            if hidden == 1 { "" } else { "es" }
        ));
    }
    let empty = if nodes.is_empty() {
        Some("No dependencies recorded yet: link a process to what it relies on to see it here.")
    } else if edges.is_empty() {
        Some("This process relies on nothing recorded yet.")
    } else {
        None
    }
    .map(str::to_string);

    let width = (2 * MARGIN
        + layout.layers.max(1) as i32 * BOX_W
        + layout.layers.saturating_sub(1) as i32 * COL_GAP)
        .max(MIN_WIDTH);
    let subtitle = text::wrap(
        &subtitle,
        " ",
        2,
        text::fits(MIN_TEXT, false, width - 2 * MARGIN),
    );
    let top = TOP + (subtitle.len() as i32 - 1).max(0) * SUBTITLE_LINE;
    let mut chart = Dependencies {
        title,
        subtitle,
        top,
        empty,
        nodes,
        edges,
        legend: Vec::new(),
        width: width as u32,
        height: 0,
        layout,
    };
    let legend_top =
        top + chart.layout.height.ceil() as i32 + if chart.empty.is_some() { 70 } else { 34 };
    let legend_bottom = chart.place_legend(legend_top);
    chart.height = (legend_bottom + MARGIN) as u32;
    Ok(chart)
}

/// The process to focus on, by id or by name.
fn focus_process(a: &Assessment, text: &str) -> Result<Id> {
    let by_id = Id::from_str(text.trim())
        .ok()
        .filter(|id| a.processes.iter().any(|p| p.id == *id));
    by_id
        .or_else(|| {
            a.processes
                .iter()
                .find(|p| name_key(&p.name) == name_key(text))
                .map(|p| p.id)
        })
        .ok_or_else(|| Error::NoSuchName {
            kind: "process",
            name: text.trim().to_string(),
        })
}

/// Every node in a fixed order, decided by what the user sees and never by
/// ids or by the order the assessment lists things in: processes most
/// time-critical first (RTO, then tier), then by name; then resources by
/// kind (as `ResourceKind::EVERY` lists them: those to classify last), then by name. Names compare as
/// the store sorts them (`name_key`: case and spacing ignored), then as
/// written; the id only breaks a tie between identical names, which the
/// store refuses. It is the starting order of each column: the crossing
/// reduction and the layout break every tie by it.
fn node_order(a: &Assessment, processes: &[ProcessAnalysis]) -> Vec<(NodeRef, Kind)> {
    let mut ranked: Vec<&ProcessAnalysis> = processes.iter().collect();
    ranked.sort_by_cached_key(|p| {
        (
            p.rto.map_or(u32::MAX, |m| m.0),
            p.tier.as_ref().map_or(u8::MAX, |t| t.rank),
            name_key(&p.process),
            p.process.clone(),
            p.process_id,
        )
    });
    let mut resources: Vec<_> = a.resources.iter().collect();
    resources.sort_by_cached_key(|r| (kind_rank(r.kind), name_key(&r.name), r.name.clone(), r.id));
    ranked
        .iter()
        .map(|p| (NodeRef::Process(p.process_id), Kind::Process))
        .chain(
            resources
                .iter()
                .map(|r| (NodeRef::Resource(r.id), Kind::Resource(r.kind))),
        )
        .collect()
}

fn strength_rank(strength: Strength) -> usize {
    Strength::ALL
        .iter()
        .position(|s| *s == strength)
        .unwrap_or(0)
}

fn kind_rank(kind: ResourceKind) -> usize {
    ResourceKind::EVERY
        .iter()
        .position(|k| *k == kind)
        .unwrap_or(0)
}

fn node_box(
    a: &Assessment,
    processes: &[ProcessAnalysis],
    analysis: &DependencyAnalysis,
    node: NodeRef,
    kind: Kind,
) -> NodeBox {
    let gap = analysis.gaps.iter().any(|g| g.subject_ref == node);
    match node {
        NodeRef::Process(id) => {
            let p = processes.iter().find(|p| p.process_id == id);
            let mut detail: Vec<String> = Vec::new();
            if let Some(tier) = p.and_then(|p| p.tier.as_ref()) {
                detail.push(tier.name.clone());
            }
            match p.and_then(|p| p.rto) {
                Some(rto) => detail.push(format!("RTO {rto}")),
                None => detail.push("no RTO yet".into()),
            }
            if let Some(up) = analysis.upstream.iter().find(|u| u.process_id == id)
                && let Some(need) = up.required_rto
            {
                detail.push(format!("needed in {need}"));
            }
            NodeBox {
                kind,
                name: p.map_or_else(String::new, |p| p.process.clone()),
                detail: detail.join(" · "),
                gap,
                spof: false,
                name_lines: Vec::new(),
                detail_lines: Vec::new(),
            }
        }
        NodeRef::Resource(id) => {
            let r = a.resources.iter().find(|r| r.id == id);
            let need = analysis
                .resources
                .iter()
                .find(|x| x.resource_id == id)
                .and_then(|x| x.required_rto);
            let restores = match r.map(|r| (r.rto_capability, r.contractual_recovery)) {
                Some((Some(m), _)) => format!("restores in {m}"),
                Some((None, Some(m))) => format!("contract: {m}"),
                _ => "restore time unknown".into(),
            };
            let detail = match need {
                Some(n) => format!("needs {n} · {restores}"),
                None => restores,
            };
            NodeBox {
                kind,
                name: r.map_or_else(String::new, |r| r.name.clone()),
                detail,
                gap,
                spof: analysis.spofs.iter().any(|s| s.resource_id == id),
                name_lines: Vec::new(),
                detail_lines: Vec::new(),
            }
        }
    }
}

fn kind_colour(kind: Kind) -> RGBColor {
    match kind {
        Kind::Process => palette::ACCENT,
        Kind::Resource(k) => palette::resource_kind(k),
    }
}

fn kind_label(kind: Kind) -> String {
    match kind {
        Kind::Process => "Process".into(),
        Kind::Resource(k) => {
            let label = k.label();
            let mut chars = label.chars();
            chars.next().map_or_else(String::new, |c| {
                c.to_uppercase().collect::<String>() + chars.as_str()
            })
        }
    }
}

fn strength_style(strength: Strength) -> (RGBColor, u32) {
    match strength {
        Strength::Required => (RGBColor(0x4b, 0x55, 0x63), 2),
        Strength::Degraded => (RGBColor(0x9c, 0xa3, 0xaf), 1),
        Strength::Optional => (RGBColor(0xb8, 0xbf, 0xc8), 1),
    }
}

const GAP_RED: RGBColor = RGBColor(0xc6, 0x28, 0x28);

impl Dependencies {
    fn x_left(&self, layer: usize) -> i32 {
        MARGIN + layer as i32 * (BOX_W + COL_GAP)
    }

    fn y_of(&self, y: f64) -> i32 {
        self.top + y.round() as i32
    }

    /// Lays out the legend from `top`, wrapping at the chart's width;
    /// returns its bottom.
    fn place_legend(&mut self, top: i32) -> i32 {
        let mut keys: Vec<(LegendKey, String)> = Vec::new();
        let kinds: BTreeSet<usize> = self
            .nodes
            .iter()
            .map(|n| match n.kind {
                Kind::Process => 0,
                Kind::Resource(k) => 1 + kind_rank(k),
            })
            .collect();
        for k in kinds {
            let kind = if k == 0 {
                Kind::Process
            } else {
                Kind::Resource(ResourceKind::EVERY[k - 1])
            };
            keys.push((LegendKey::Box(kind), kind_label(kind)));
        }
        if self.nodes.iter().any(|n| n.gap) {
            keys.push((LegendKey::Gap, "recovery gap".into()));
        }
        if self.nodes.iter().any(|n| n.spof) {
            keys.push((LegendKey::Spof, "single point of failure".into()));
        }
        for s in [Strength::Required, Strength::Degraded, Strength::Optional] {
            if self.edges.iter().any(|e| e.strength == s) {
                keys.push((LegendKey::Line(s), s.as_str().to_string()));
            }
        }
        if self.layout.edges.iter().any(|e| e.reversed) {
            keys.push((LegendKey::Loop, "closes a loop".into()));
        }
        let right = self.width as i32 - MARGIN;
        let (mut x, mut y) = (MARGIN, top);
        for (key, label) in keys {
            let w = 40 + text::width(&label, MIN_TEXT, false) + 22;
            if x + w > right && x > MARGIN {
                x = MARGIN;
                y += 28;
            }
            self.legend.push(LegendItem {
                at: (x, y),
                key,
                label,
            });
            x += w;
        }
        y + 14
    }

    /// Where each edge leaves and enters its boxes: edges meeting a side
    /// are spread along it in the order of their other ends, so arrows do
    /// not pile up on one point.
    fn ports(&self) -> Vec<(f64, f64)> {
        let n = self.nodes.len();
        let mut right: Vec<Vec<(f64, usize)>> = vec![Vec::new(); n];
        let mut left: Vec<Vec<(f64, usize)>> = vec![Vec::new(); n];
        for (i, e) in self.edges.iter().enumerate() {
            let path = &self.layout.edges[i];
            let (first, last) = if path.reversed {
                (e.to, e.from)
            } else {
                (e.from, e.to)
            };
            let after_first = path.points.get(1).map_or(0.0, |p| p.1);
            let before_last = path.points[path.points.len().saturating_sub(2)].1;
            right[first].push((after_first, i));
            left[last].push((before_last, i));
        }
        let mut ports = vec![(0.0, 0.0); self.edges.len()];
        let spread =
            |side: &mut Vec<(f64, usize)>, height: f64, set: &mut dyn FnMut(usize, f64)| {
                side.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
                let count = side.len() as f64;
                for (k, &(_, edge)) in side.iter().enumerate() {
                    let offset = ((k as f64 + 1.0) / (count + 1.0) - 0.5) * height * 0.7;
                    set(edge, offset);
                }
            };
        for v in 0..n {
            let height = f64::from(self.nodes[v].height());
            spread(&mut right[v], height, &mut |edge, o| ports[edge].0 = o);
            spread(&mut left[v], height, &mut |edge, o| ports[edge].1 = o);
        }
        ports
    }

    fn draw_edges<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>) -> DrawResult<DB> {
        let ports = self.ports();
        for (i, e) in self.edges.iter().enumerate() {
            let path = &self.layout.edges[i];
            let last = path.points.len() - 1;
            let mut points: Vec<(i32, i32)> = Vec::new();
            for (k, &(layer, y)) in path.points.iter().enumerate() {
                let y = self.y_of(y);
                let (x0, x1) = (self.x_left(layer), self.x_left(layer) + BOX_W);
                let (enter, leave) = match k {
                    0 => (None, Some((x1, y + ports[i].0.round() as i32))),
                    k if k == last => (Some((x0, y + ports[i].1.round() as i32)), None),
                    _ => (Some((x0, y)), Some((x1, y))),
                };
                if let Some(p) = enter {
                    if let Some(&from) = points.last() {
                        curve(&mut points, from, p);
                    }
                    points.push(p);
                }
                if let Some(p) = leave {
                    points.push(p);
                }
            }
            let (colour, width) = if path.reversed {
                (GAP_RED, 1)
            } else {
                strength_style(e.strength)
            };
            let dashed = path.reversed || e.strength == Strength::Optional;
            if dashed {
                area.draw(&DashedPathElement::new(
                    points.clone(),
                    5,
                    4,
                    colour.stroke_width(width),
                ))?;
            } else {
                area.draw(&PathElement::new(
                    points.clone(),
                    colour.stroke_width(width),
                ))?;
            }
            // The arrowhead, at the end relied on.
            let (tip, towards) = if path.reversed {
                (points[0], 1)
            } else {
                (points[points.len() - 1], -1)
            };
            let back = tip.0 + towards * 8;
            area.draw(&Polygon::new(
                vec![tip, (back, tip.1 - 4), (back, tip.1 + 4)],
                colour.filled(),
            ))?;
        }
        Ok(())
    }

    fn draw_box<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        node: &NodeBox,
        layer: usize,
        y: f64,
    ) -> DrawResult<DB> {
        let x0 = self.x_left(layer);
        let mid = self.y_of(y);
        let half = node.height() / 2;
        let (y0, y1) = (mid - half, mid - half + node.height());
        let x1 = x0 + BOX_W;
        let colour = kind_colour(node.kind);
        let process = node.kind == Kind::Process;
        let (fill, ink, muted) = if process {
            (colour, palette::WHITE, RGBColor(0xd5, 0xe6, 0xea))
        } else {
            (palette::tint(colour, 0.1), palette::INK, palette::MUTED)
        };
        area.draw(&Rectangle::new([(x0, y0), (x1, y1)], fill.filled()))?;
        // A gap's red outline replaces the kind's border, so it reads red.
        if node.gap {
            area.draw(&Rectangle::new(
                [(x0, y0), (x1, y1)],
                GAP_RED.stroke_width(3),
            ))?;
        } else if !process {
            area.draw(&Rectangle::new(
                [(x0, y0), (x1, y1)],
                colour.stroke_width(1),
            ))?;
        }
        let marker_colour = if process { palette::WHITE } else { colour };
        marker(area, node.kind, (x0 + MARKER_W / 2 + 2, mid), marker_colour)?;
        let text_x = x0 + MARKER_W + 4;
        let mut name_style = TextStyle::from((FONT, NAME_SIZE, FontStyle::Bold).into_font());
        name_style.color = ink.to_backend_color();
        let name_style = name_style.pos(Pos::new(HPos::Left, VPos::Center));
        let detail_colour = if node.gap && !process { GAP_RED } else { muted };
        let detail_style =
            style(DETAIL_SIZE, detail_colour).pos(Pos::new(HPos::Left, VPos::Center));
        // The lines' centres, from the top of the box down.
        let lines = node
            .name_lines
            .iter()
            .map(|l| (l, &name_style))
            .chain(node.detail_lines.iter().map(|l| (l, &detail_style)));
        for (i, (line, style)) in lines.enumerate() {
            let at = y0 + BOX_PAD + i as i32 * LINE + LINE / 2;
            area.draw(&Text::new(line.clone(), (text_x, at), style.clone()))?;
        }
        if node.spof {
            // Above the box's text, on its top edge.
            badge(area, (x1 - BADGE.0 - 2, y0 - BADGE.1 + 4))?;
        }
        Ok(())
    }
}

/// A gentle S-curve from `a` to `b` (a cubic Bézier with horizontal
/// tangents), as points appended to `points` (without `b`).
fn curve(points: &mut Vec<(i32, i32)>, a: (i32, i32), b: (i32, i32)) {
    const STEPS: i32 = 10;
    let (ax, ay, bx, by) = (
        f64::from(a.0),
        f64::from(a.1),
        f64::from(b.0),
        f64::from(b.1),
    );
    if a.1 == b.1 {
        return;
    }
    let dx = (bx - ax) / 2.0;
    for s in 1..STEPS {
        let t = f64::from(s) / f64::from(STEPS);
        let u = 1.0 - t;
        let x = u * u * u * ax
            + 3.0 * u * u * t * (ax + dx)
            + 3.0 * u * t * t * (bx - dx)
            + t * t * t * bx;
        let y = u * u * u * ay + 3.0 * u * u * t * ay + 3.0 * u * t * t * by + t * t * t * by;
        points.push((x.round() as i32, y.round() as i32));
    }
}

/// The "SPOF" badge's width and height.
const BADGE: (i32, i32) = (46, 18);

/// The "SPOF" badge with its top-left corner at `at`.
fn badge<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, at: (i32, i32)) -> DrawResult<DB> {
    area.draw(&Rectangle::new(
        [at, (at.0 + BADGE.0, at.1 + BADGE.1)],
        GAP_RED.filled(),
    ))?;
    let mut text = TextStyle::from((FONT, MIN_TEXT, FontStyle::Bold).into_font());
    text.color = palette::WHITE.to_backend_color();
    area.draw(&Text::new(
        "SPOF",
        (at.0 + BADGE.0 / 2, at.1 + BADGE.1 / 2),
        text.pos(Pos::new(HPos::Center, VPos::Center)),
    ))
}

/// The kind's marker centred on `c`: square for a process, circle for an
/// application, and so on (the legend names them).
fn marker<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    kind: Kind,
    c: (i32, i32),
    colour: RGBColor,
) -> DrawResult<DB> {
    let (x, y) = c;
    let fill = colour.filled();
    let poly = |points: Vec<(i32, i32)>| Polygon::new(points, fill);
    match kind {
        Kind::Process => area.draw(&Rectangle::new([(x - 5, y - 5), (x + 5, y + 5)], fill)),
        Kind::Resource(ResourceKind::Application) => area.draw(&Circle::new(c, 6, fill)),
        Kind::Resource(ResourceKind::Infrastructure) => {
            area.draw(&Rectangle::new([(x - 6, y - 6), (x + 6, y + 6)], fill))
        }
        Kind::Resource(ResourceKind::Data) => {
            area.draw(&poly(vec![(x, y - 7), (x + 7, y), (x, y + 7), (x - 7, y)]))
        }
        Kind::Resource(ResourceKind::Supplier) => {
            area.draw(&poly(vec![(x, y - 7), (x + 7, y + 6), (x - 7, y + 6)]))
        }
        Kind::Resource(ResourceKind::People) => {
            area.draw(&Circle::new((x, y - 4), 3, fill))?;
            area.draw(&poly(vec![
                (x - 6, y + 7),
                (x + 6, y + 7),
                (x + 4, y),
                (x - 4, y),
            ]))
        }
        Kind::Resource(ResourceKind::Site) => area.draw(&poly(vec![
            (x, y - 7),
            (x + 7, y - 1),
            (x + 7, y + 6),
            (x - 7, y + 6),
            (x - 7, y - 1),
        ])),
        Kind::Resource(ResourceKind::Equipment) => area.draw(&poly(vec![
            (x - 3, y - 6),
            (x + 3, y - 6),
            (x + 7, y),
            (x + 3, y + 6),
            (x - 3, y + 6),
            (x - 7, y),
        ])),
        // A ring: a resource nobody has said the kind of yet.
        Kind::Resource(ResourceKind::Unclassified) => {
            area.draw(&Circle::new(c, 5, colour.stroke_width(2)))
        }
    }
}

impl Chart for Dependencies {
    fn size(&self) -> (u32, u32) {
        (self.width, self.height)
    }

    fn draw<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>) -> DrawResult<DB> {
        area.fill(&palette::WHITE)?;
        let bold = |size: f64| {
            TextStyle::from((FONT, size, FontStyle::Bold).into_font()).color(&palette::INK)
        };
        let room = self.width as i32 - 2 * MARGIN;
        area.draw(&Text::new(
            text::shorten(&self.title, text::fits(20.0, true, room)),
            (MARGIN, 22),
            bold(20.0),
        ))?;
        for (i, line) in self.subtitle.iter().enumerate() {
            area.draw(&Text::new(
                line.clone(),
                (MARGIN, 50 + i as i32 * SUBTITLE_LINE),
                style(MIN_TEXT, palette::MUTED),
            ))?;
        }
        if self.edges.is_empty() {
            if let Some(message) = &self.empty {
                area.draw(&Text::new(
                    message.clone(),
                    (
                        self.width as i32 / 2,
                        self.top + self.layout.height as i32 + 36,
                    ),
                    style(16.0, palette::MUTED).pos(Pos::new(HPos::Center, VPos::Center)),
                ))?;
            }
        } else {
            for l in 0..self.layout.layers {
                let heading = match l {
                    0 => "Processes".to_string(),
                    1 => "What they rely on".to_string(),
                    _ => format!("Level {l} dependencies"),
                };
                area.draw(&Text::new(
                    heading,
                    (self.x_left(l), self.top - 30),
                    bold(MIN_TEXT).pos(Pos::new(HPos::Left, VPos::Center)),
                ))?;
            }
        }
        self.draw_edges(area)?;
        for (v, node) in self.nodes.iter().enumerate() {
            self.draw_box(area, node, self.layout.layer[v], self.layout.y[v])?;
        }
        for item in &self.legend {
            let (x, y) = item.at;
            match item.key {
                LegendKey::Box(kind) => {
                    let colour = kind_colour(kind);
                    let fill = if kind == Kind::Process {
                        colour
                    } else {
                        palette::tint(colour, 0.1)
                    };
                    area.draw(&Rectangle::new(
                        [(x, y - 10), (x + 30, y + 10)],
                        fill.filled(),
                    ))?;
                    if kind != Kind::Process {
                        area.draw(&Rectangle::new(
                            [(x, y - 10), (x + 30, y + 10)],
                            colour.stroke_width(1),
                        ))?;
                    }
                    let mark = if kind == Kind::Process {
                        palette::WHITE
                    } else {
                        colour
                    };
                    marker(area, kind, (x + 15, y), mark)?;
                }
                LegendKey::Gap => {
                    area.draw(&Rectangle::new(
                        [(x + 1, y - 9), (x + 29, y + 9)],
                        GAP_RED.stroke_width(3),
                    ))?;
                }
                LegendKey::Spof => badge(area, (x - 10, y - BADGE.1 / 2))?,
                LegendKey::Line(s) => {
                    let (colour, width) = strength_style(s);
                    let line = vec![(x, y), (x + 30, y)];
                    if s == Strength::Optional {
                        area.draw(&DashedPathElement::new(
                            line,
                            5,
                            4,
                            colour.stroke_width(width),
                        ))?;
                    } else {
                        area.draw(&PathElement::new(line, colour.stroke_width(width)))?;
                    }
                }
                LegendKey::Loop => {
                    area.draw(&DashedPathElement::new(
                        vec![(x, y), (x + 30, y)],
                        5,
                        4,
                        GAP_RED.stroke_width(1),
                    ))?;
                }
            }
            area.draw(&Text::new(
                item.label.clone(),
                (x + 40, y),
                style(MIN_TEXT, palette::INK).pos(Pos::new(HPos::Left, VPos::Center)),
            ))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;
    use crate::{ChartKind, Format, render};
    use bia_model::{Dependency, Minutes, Objectives, Process, Provenance, Redundancy, Resource};

    /// A small workshop: a process with a tight RTO, names in mixed case,
    /// links of every strength, a long edge (Dispatch → Cloud host), a loop
    /// (billing ↔ Collections) and a process with no link. Node `n` (0–7)
    /// and dependency `k` get the ids `id(n)` and `id(100 + k)`; every list
    /// is in id order, as the store lists dependencies, so other ids give
    /// another listing order.
    fn workshop(id: impl Fn(u128) -> Id) -> Assessment {
        let mut a = Assessment::fresh("2024-05-01T09:00:00Z");
        a.info.name = "Order test".into();
        let process = |n: u128, name: &str| Process {
            id: id(n),
            name: name.into(),
            unit_id: None,
            owner: String::new(),
            description: String::new(),
            peak_periods: String::new(),
            minimum_staff: None,
            workaround: String::new(),
            notes: String::new(),
            claimed_tier: String::new(),
            status: Default::default(),
            custom_fields: Vec::new(),
            provenance: Provenance::default(),
            created_at: String::new(),
            updated_at: String::new(),
        };
        a.processes = vec![
            process(0, "Dispatch"),
            process(1, "billing"),
            process(2, "Collections"),
            process(3, "Archive"),
        ];
        let resource = |n: u128, kind: ResourceKind, name: &str| Resource {
            id: id(n),
            kind,
            name: name.into(),
            owner: String::new(),
            description: String::new(),
            rto_capability: Some(Minutes(480)),
            rpo_capability: None,
            redundancy: Redundancy::None,
            contractual_recovery: None,
            notes: String::new(),
            custom_fields: Vec::new(),
            provenance: Provenance::default(),
        };
        a.resources = vec![
            resource(4, ResourceKind::Application, "ledger"),
            resource(5, ResourceKind::Application, "CRM"),
            resource(6, ResourceKind::Infrastructure, "Data centre"),
            resource(7, ResourceKind::Supplier, "Cloud host"),
        ];
        a.objectives = vec![Objectives {
            process_id: id(0),
            mtpd_override: None,
            mtpd_override_reason: String::new(),
            rto: Some(Minutes(240)),
            rpo: None,
            rpo_not_applicable: false,
            wrt: None,
            mbco_percent: None,
            rationale: String::new(),
            agreed_by: String::new(),
            agreed_on: String::new(),
            provenance: Provenance::default(),
        }];
        let node = |n: u128| {
            if n < 4 {
                NodeRef::Process(id(n))
            } else {
                NodeRef::Resource(id(n))
            }
        };
        let links = [
            (0, 4, Strength::Required),
            (0, 5, Strength::Required),
            (1, 5, Strength::Degraded),
            (2, 4, Strength::Optional),
            (1, 2, Strength::Required),
            (2, 1, Strength::Degraded),
            (4, 6, Strength::Required),
            (5, 6, Strength::Required),
            (6, 7, Strength::Required),
            (0, 7, Strength::Optional),
        ];
        a.dependencies = links
            .iter()
            .enumerate()
            .map(|(k, &(from, to, strength))| Dependency {
                id: id(100 + k as u128),
                from: node(from),
                to: node(to),
                strength,
                note: String::new(),
            })
            .collect();
        a.processes.sort_by_key(|p| p.id);
        a.resources.sort_by_key(|r| r.id);
        a.dependencies.sort_by_key(|d| (d.from.id(), d.to.id()));
        a
    }

    fn id(n: u128) -> Id {
        let hex = format!("{n:032x}");
        Id::from_str(&hex).expect("32 hex digits are a uuid")
    }

    fn name(a: &Assessment, node: NodeRef) -> String {
        let process = a.processes.iter().find(|p| p.id == node.id());
        let resource = a.resources.iter().find(|r| r.id == node.id());
        process
            .map(|p| p.name.clone())
            .or(resource.map(|r| r.name.clone()))
            .expect("a node of the workshop")
    }

    fn svg(a: &Assessment, options: &ChartOptions) -> String {
        let bytes = render(ChartKind::Dependencies, a, options, Format::Svg).expect("drawn");
        String::from_utf8(bytes).expect("SVG is text")
    }

    #[test]
    fn nodes_are_ordered_by_urgency_kind_and_name_never_by_id() {
        for a in [workshop(|n| id(n + 1)), workshop(|n| id(u128::MAX - n))] {
            let processes = bia_analysis::analyze_processes(&a);
            let names: Vec<String> = node_order(&a, &processes)
                .iter()
                .map(|(node, _)| name(&a, *node))
                .collect();
            assert_eq!(
                names,
                [
                    // The 4-hour RTO first, then by name, case ignored.
                    "Dispatch",
                    "Archive",
                    "billing",
                    "Collections",
                    // Applications, infrastructure, suppliers; by name.
                    "CRM",
                    "ledger",
                    "Data centre",
                    "Cloud host",
                ]
            );
        }
    }

    #[test]
    fn a_resource_to_classify_is_drawn_last_with_its_own_legend() {
        let mut a = workshop(|n| id(n + 1));
        let mut citrix = a.resources[0].clone();
        citrix.id = id(50);
        citrix.kind = ResourceKind::Unclassified;
        citrix.name = "Citrix".into();
        a.resources.push(citrix);
        a.dependencies.push(Dependency {
            id: id(150),
            from: NodeRef::Process(id(1)),
            to: NodeRef::Resource(id(50)),
            strength: Strength::Required,
            note: String::new(),
        });
        let processes = bia_analysis::analyze_processes(&a);
        let order = node_order(&a, &processes);
        assert_eq!(
            name(&a, order.last().unwrap().0),
            "Citrix",
            "after every classified kind"
        );
        let picture = svg(&a, &ChartOptions::default());
        assert!(picture.contains("Citrix"));
        assert!(picture.contains("To classify"), "the legend names the kind");
    }

    #[test]
    fn the_same_workshop_under_other_ids_draws_the_same_bytes() {
        let ascending = workshop(|n| id(n + 1));
        let descending = workshop(|n| id(u128::MAX - n));
        let listed = |a: &Assessment| -> Vec<String> {
            a.dependencies
                .iter()
                .map(|d| format!("{} → {}", name(a, d.from), name(a, d.to)))
                .collect()
        };
        assert_ne!(
            listed(&ascending),
            listed(&descending),
            "listed in other orders"
        );
        let focused = ChartOptions {
            process: Some("Dispatch".into()),
            ..Default::default()
        };
        for options in [ChartOptions::default(), focused] {
            let picture = svg(&ascending, &options);
            assert!(picture.contains("Cloud host"));
            // The loop between billing and collections is upstream of nothing focused.
            assert_eq!(picture.contains("closes a loop"), options.process.is_none());
            let other = svg(&descending, &options);
            let differs = picture.lines().zip(other.lines()).position(|(x, y)| x != y);
            assert!(
                other == picture,
                "{options:?}: the pictures differ from line {differs:?}"
            );
            // Ids are not drawn: only names and findings are.
            for a in [&ascending, &descending] {
                for d in &a.dependencies {
                    for id in [d.from.id(), d.to.id(), d.id] {
                        assert!(!picture.contains(&id.to_string()), "{id} is drawn");
                    }
                }
            }
        }
        let png = |a: &Assessment| {
            render(
                ChartKind::Dependencies,
                a,
                &ChartOptions::default(),
                Format::Png,
            )
            .unwrap()
        };
        assert_eq!(png(&ascending), png(&descending));
    }
}
