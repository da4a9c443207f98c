//! The debrief's charts rendered offline to PNG with plotters (no window or GPU needed), for the export
//! folder and the HTML report. Each chart says in its caption what it measures and in which units.

use std::path::Path;
use std::sync::Once;

use plotters::prelude::*;
use plotters::style::{FontStyle, register_font};

use super::{Debrief, TeamDebrief, round_clock};
use crate::i18n::Lang;
use crate::palette;
use crate::scenario::model::humanize;
use crate::t;

const FONT: &str = "sans-serif";
static FONT_ONCE: Once = Once::new();

/// The font every chart uses (Hack, MIT licence, in `assets/fonts`).
fn fonts() {
    FONT_ONCE.call_once(|| {
        let bytes: &'static [u8] = include_bytes!("../../assets/fonts/Hack-Regular.ttf");
        for style in [FontStyle::Normal, FontStyle::Bold] {
            let _ = register_font(FONT, style, bytes);
        }
    });
}

type Result<T = ()> = std::result::Result<T, String>;

fn err(e: impl std::fmt::Display) -> String {
    e.to_string()
}

fn color(i: usize) -> RGBColor {
    let (r, g, b) = palette::rgb(i);
    RGBColor(r, g, b)
}

const SIZE: (u32, u32) = (1200, 640);

/// A chart with `f64` axes drawn into a PNG.
type Chart<'a, 'b> = ChartContext<
    'a,
    BitMapBackend<'b>,
    Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>,
>;

/// The width of the strip beside each chart that holds its key, so that no key covers data.
const KEY_W: u32 = 270;

/// The plotting area and the key's strip beside it, on a white page.
type Area<'b> = DrawingArea<BitMapBackend<'b>, plotters::coord::Shift>;

fn split<'b>(root: &Area<'b>) -> Result<(Area<'b>, Area<'b>)> {
    root.fill(&WHITE).map_err(err)?;
    Ok(root.split_horizontally(SIZE.0 - KEY_W))
}

/// The key beside a chart: each series' colour and full name, then numbered notes (what the numbers on the
/// chart stand for), wrapped to the strip.
fn key(area: &Area, entries: &[(String, RGBAColor)], notes: &[String]) -> Result {
    let mut y = 50;
    for (label, c) in entries {
        area.draw(&Rectangle::new([(8, y - 6), (24, y + 6)], c.filled()))
            .map_err(err)?;
        for line in wrap(label, 28) {
            area.draw(&Text::new(line, (32, y - 8), (FONT, 14).into_font()))
                .map_err(err)?;
            y += 18;
        }
        y += 4;
    }
    y += 8;
    for note in notes {
        for line in wrap(note, 32) {
            area.draw(&Text::new(
                line,
                (8, y - 8),
                (FONT, 13).into_font().color(&BLACK.mix(0.8)),
            ))
            .map_err(err)?;
            y += 16;
        }
        y += 4;
    }
    Ok(())
}

/// `text` broken into lines of at most `width` characters, at spaces where it can be.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Each disruption as a numbered note: "1  R2 1:00  Oven 2 is broken".
fn disruption_notes(d: &Debrief, only: Option<usize>, l: Lang) -> Vec<String> {
    d.disruptions
        .iter()
        .enumerate()
        .filter(|(_, x)| only.is_none_or(|t| x.teams.iter().any(|dt| dt.team == t)))
        .map(|(i, x)| {
            format!(
                "{}  {}  {}",
                i + 1,
                round_clock(x.report.start_min, &d.round_starts),
                d.say(l, &x.report.headline)
            )
        })
        .collect()
}

/// A chart over the session's time with the common axes: the time axis reads round and time into it.
fn time_chart<'a, 'b>(
    area: &'a Area<'b>,
    caption: &str,
    (x_max, y_max): (f64, f64),
    y_desc: &str,
    round_starts: &[f64],
    l: Lang,
) -> Result<Chart<'a, 'b>> {
    let mut chart = ChartBuilder::on(area)
        .caption(caption, (FONT, 18))
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(50)
        .build_cartesian_2d(0f64..x_max, 0f64..y_max)
        .map_err(err)?;
    chart
        .configure_mesh()
        .x_desc(t!(l, "chart-time-axis"))
        .x_label_formatter(&|m| round_clock(*m, round_starts))
        .y_desc(y_desc)
        .label_style((FONT, 14))
        .draw()
        .map_err(err)?;
    Ok(chart)
}

/// Throughput and WIP over the session, with a marker at every disruption.
pub fn flow(d: &Debrief, t: usize, path: &Path, l: Lang) -> Result {
    fonts();
    let team = &d.teams[t];
    let f = &team.flow;
    let root = BitMapBackend::new(path, SIZE).into_drawing_area();
    let x_max = f.minutes.last().copied().unwrap_or(1.0).max(1.0);
    let y_max = f
        .wip
        .iter()
        .chain(&f.throughput)
        .copied()
        .fold(1.0, f64::max)
        * 1.1;
    let caption = t!(l, "chart-flow", team = d.say(l, &team.name));
    let (plot, side) = split(&root)?;
    let mut chart = time_chart(
        &plot,
        &caption,
        (x_max, y_max),
        &t!(l, "flow-orders"),
        &d.round_starts,
        l,
    )?;
    for (i, dis) in d.disruptions.iter().enumerate() {
        if dis.teams.iter().any(|x| x.team == t) {
            let x = dis.report.start_min;
            chart
                .draw_series(LineSeries::new(
                    [(x, 0.0), (x, y_max)],
                    RED.mix(0.6).stroke_width(2),
                ))
                .map_err(err)?;
            chart
                .draw_series([Text::new(
                    (i + 1).to_string(),
                    (x, y_max * (0.98 - 0.045 * (i % 3) as f64)),
                    (FONT, 14).into_font().color(&RED),
                )])
                .map_err(err)?;
        }
    }
    for start in &d.round_starts {
        chart
            .draw_series(LineSeries::new(
                [(*start, 0.0), (*start, y_max)],
                BLACK.mix(0.2),
            ))
            .map_err(err)?;
    }
    chart
        .draw_series(LineSeries::new(
            f.minutes.iter().copied().zip(f.throughput.iter().copied()),
            color(t).stroke_width(3),
        ))
        .map_err(err)?;
    chart
        .draw_series(LineSeries::new(
            f.minutes.iter().copied().zip(f.wip.iter().copied()),
            BLACK.mix(0.7).stroke_width(2),
        ))
        .map_err(err)?;
    key(
        &side,
        &[
            (t!(l, "chart-throughput"), color(t).to_rgba()),
            (t!(l, "chart-wip"), BLACK.mix(0.7)),
            (t!(l, "chart-disruption"), RED.mix(0.6)),
        ],
        &disruption_notes(d, Some(t), l),
    )?;
    root.present().map_err(err)
}

/// Cumulative flow: for each step, how many orders had reached it; the band between two lines is the WIP
/// of a step, the horizontal distance the time spent in it.
pub fn cfd(d: &Debrief, t: usize, path: &Path, l: Lang) -> Result {
    fonts();
    let team = &d.teams[t];
    let f = &team.flow;
    let root = BitMapBackend::new(path, SIZE).into_drawing_area();
    let x_max = f.minutes.last().copied().unwrap_or(1.0).max(1.0);
    let y_max = f
        .arrived
        .iter()
        .filter_map(|s| s.last())
        .copied()
        .max()
        .unwrap_or(1)
        .max(1) as f64
        * 1.05;
    let caption = t!(l, "chart-cfd", team = d.say(l, &team.name));
    let (plot, side) = split(&root)?;
    let mut chart = time_chart(
        &plot,
        &caption,
        (x_max, y_max),
        &t!(l, "flow-orders-cumulative"),
        &d.round_starts,
        l,
    )?;
    let mut entries = Vec::new();
    for (s, series) in f.arrived.iter().enumerate() {
        if series.last().copied().unwrap_or(0) == 0 {
            continue;
        }
        let c = color(s + 1);
        chart
            .draw_series(AreaSeries::new(
                f.minutes
                    .iter()
                    .copied()
                    .zip(series.iter().map(|v| *v as f64)),
                0.0,
                c.mix(0.55),
            ))
            .map_err(err)?;
        entries.push((
            d.say(l, &humanize(d.tables.step_name(s))).to_string(),
            c.mix(0.8),
        ));
    }
    chart
        .draw_series(AreaSeries::new(
            f.minutes
                .iter()
                .copied()
                .zip(f.delivered.iter().map(|v| *v as f64)),
            0.0,
            BLACK.mix(0.55),
        ))
        .map_err(err)?;
    entries.push((t!(l, "flow-delivered"), BLACK.mix(0.6)));
    key(&side, &entries, &[])?;
    root.present().map_err(err)
}

/// Lead-time distribution of each round (30-minute bins).
pub fn lead_times(d: &Debrief, t: usize, path: &Path, l: Lang) -> Result {
    fonts();
    let team = &d.teams[t];
    let root = BitMapBackend::new(path, SIZE).into_drawing_area();
    let (plot, side) = split(&root)?;
    let bin = 30.0;
    let max_lead = team
        .lead_times
        .iter()
        .flatten()
        .copied()
        .fold(bin, f64::max);
    let bins = (max_lead / bin).ceil() as usize + 1;
    let rounds = team.lead_times.len().max(1);
    let counts: Vec<Vec<u32>> = team
        .lead_times
        .iter()
        .map(|leads| {
            let mut c = vec![0; bins];
            for l in leads {
                c[((l / bin) as usize).min(bins - 1)] += 1;
            }
            c
        })
        .collect();
    let y_max = counts.iter().flatten().copied().max().unwrap_or(1).max(1) as f64 * 1.1;
    let mut chart = ChartBuilder::on(&plot)
        .caption(t!(l, "chart-lead", team = d.say(l, &team.name)), (FONT, 18))
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(50)
        .build_cartesian_2d(0f64..(bins as f64 * bin), 0f64..y_max)
        .map_err(err)?;
    chart
        .configure_mesh()
        .x_desc(t!(l, "chart-lead-axis"))
        .y_desc(t!(l, "chart-cakes"))
        .label_style((FONT, 14))
        .draw()
        .map_err(err)?;
    let width = bin / rounds as f64;
    let mut entries = Vec::new();
    for (r, c) in counts.iter().enumerate() {
        let col = color(r);
        chart
            .draw_series(c.iter().enumerate().filter(|(_, n)| **n > 0).map(|(b, n)| {
                let x0 = b as f64 * bin + r as f64 * width;
                Rectangle::new(
                    [(x0, 0.0), (x0 + width * 0.95, f64::from(*n))],
                    col.filled(),
                )
            }))
            .map_err(err)?;
        entries.push((t!(l, "debrief-round", round = r + 1), col.to_rgba()));
    }
    key(&side, &entries, &[])?;
    root.present().map_err(err)
}

/// Heat map of handoffs from unit to unit (count; mean wait in minutes below it).
pub fn handoffs(d: &Debrief, t: usize, path: &Path, l: Lang) -> Result {
    fonts();
    let team = &d.teams[t];
    let units = &team.details.units;
    let n = units.len().max(1);
    let root = BitMapBackend::new(path, (1000, 820)).into_drawing_area();
    root.fill(&WHITE).map_err(err)?;
    // Categories are drawn as text beside the cells: the left strip holds the sending units, the bottom
    // strip the receiving ones.
    let mut chart = ChartBuilder::on(&root)
        .caption(
            t!(l, "chart-handoffs", team = d.say(l, &team.name)),
            (FONT, 20),
        )
        .margin(12)
        .build_cartesian_2d(-2.3f64..n as f64, -1.2f64..n as f64)
        .map_err(err)?;
    let names: Vec<String> = units
        .iter()
        .map(|u| d.say(l, team.details.unit_name(u)).to_string())
        .collect();
    heat_map_axes(&mut chart, &names, l)?;
    let max = team
        .details
        .handoffs
        .iter()
        .map(|h| h.count)
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    for h in &team.details.handoffs {
        let (Some(i), Some(j)) = (
            units.iter().position(|u| *u == h.to),
            units.iter().position(|u| *u == h.from),
        ) else {
            continue;
        };
        let y = (n - 1 - j) as f64;
        let heat = h.count as f64 / max;
        let fill = RGBColor(
            255,
            (235.0 - 170.0 * heat) as u8,
            (200.0 - 190.0 * heat) as u8,
        );
        chart
            .draw_series([Rectangle::new(
                [(i as f64, y), (i as f64 + 1.0, y + 1.0)],
                fill.filled(),
            )])
            .map_err(err)?;
        let text = match h.wait_mean_min {
            Some(w) => format!("{} · {:.0}m", h.count, w),
            None => h.count.to_string(),
        };
        chart
            .draw_series([Text::new(
                text,
                (i as f64 + 0.1, y + 0.55),
                (FONT, 15).into_font().color(&BLACK),
            )])
            .map_err(err)?;
    }
    root.present().map_err(err)
}

/// The unit names along the rows (from) and columns (to) of the heat map, and its grid.
fn heat_map_axes(chart: &mut Chart, units: &[String], l: Lang) -> Result {
    let n = units.len().max(1);
    for (k, u) in units.iter().enumerate() {
        let y = (n - 1 - k) as f64;
        chart
            .draw_series([Text::new(
                u.clone(),
                (-2.2, y + 0.6),
                (FONT, 15).into_font().color(&BLACK),
            )])
            .map_err(err)?;
        chart
            .draw_series([Text::new(
                u.clone(),
                (k as f64 + 0.05, -0.35),
                (FONT, 14).into_font().color(&BLACK),
            )])
            .map_err(err)?;
    }
    chart
        .draw_series([
            Text::new(
                t!(l, "chart-from-unit"),
                (-2.2, -0.8),
                (FONT, 14).into_font().color(&RGBColor(90, 90, 90)),
            ),
            Text::new(
                t!(l, "chart-to-unit"),
                (0.05, -0.8),
                (FONT, 14).into_font().color(&RGBColor(90, 90, 90)),
            ),
        ])
        .map_err(err)?;
    chart
        .draw_series((0..=n).flat_map(|k| {
            let k = k as f64;
            [
                PathElement::new([(0.0, k), (n as f64, k)], BLACK.mix(0.15)),
                PathElement::new([(k, 0.0), (k, n as f64)], BLACK.mix(0.15)),
            ]
        }))
        .map_err(err)?;
    Ok(())
}

/// Node positions of the tie network: units in sectors of a circle, members spread inside their sector.
pub fn network_layout(team: &TeamDebrief, workers: usize) -> Vec<(f64, f64)> {
    let mut order: Vec<usize> = (0..workers).collect();
    order.sort_by_key(|&w| (team.details.unit_index(w), w));
    let mut pos = vec![(0.0, 0.0); workers];
    for (k, &w) in order.iter().enumerate() {
        let a = std::f64::consts::TAU * k as f64 / workers.max(1) as f64;
        pos[w] = (a.cos(), a.sin());
    }
    pos
}

/// The tie network: workers coloured by unit, lines as thick as the number of ties, spanners ringed.
pub fn network(d: &Debrief, t: usize, path: &Path, l: Lang) -> Result {
    fonts();
    let team = &d.teams[t];
    let workers = d.tables.workers.len();
    let pos = network_layout(team, workers);
    let root = BitMapBackend::new(path, (1000, 900)).into_drawing_area();
    root.fill(&WHITE).map_err(err)?;
    let mut chart = ChartBuilder::on(&root)
        .caption(
            t!(l, "chart-network", team = d.say(l, &team.name)),
            (FONT, 20),
        )
        .margin(20)
        .build_cartesian_2d(-1.35f64..1.35, -1.25f64..1.25)
        .map_err(err)?;
    let max = f64::from(team.details.max_ties());
    for (&(a, b), &w) in &team.details.ties.pairs {
        let (pa, pb) = (pos[a as usize], pos[b as usize]);
        let width = (1.0 + 9.0 * (w as f64 / max)) as u32;
        chart
            .draw_series(LineSeries::new(
                [pa, pb],
                BLACK.mix(0.25).stroke_width(width),
            ))
            .map_err(err)?;
    }
    let units = &team.details.units;
    for (w, &p) in pos.iter().enumerate().take(d.tables.workers.len()) {
        let name = d.say(l, d.tables.worker_name(w));
        let u = team.details.unit_index(w);
        if team.details.spanners.contains(&(w as u16)) {
            chart
                .draw_series([Circle::new(p, 22, BLACK.filled())])
                .map_err(err)?;
        }
        chart
            .draw_series([Circle::new(p, 17, color(u).filled())])
            .map_err(err)?;
        chart
            .draw_series([Text::new(
                name.to_string(),
                (p.0 * 1.13 - 0.06, p.1 * 1.13),
                (FONT, 15).into_font().color(&BLACK),
            )])
            .map_err(err)?;
    }
    for (i, u) in units.iter().enumerate() {
        chart
            .draw_series([Rectangle::new(
                [
                    (-1.33, 1.2 - i as f64 * 0.1),
                    (-1.28, 1.15 - i as f64 * 0.1),
                ],
                color(i).filled(),
            )])
            .map_err(err)?;
        chart
            .draw_series([Text::new(
                d.say(l, team.details.unit_name(u)).to_string(),
                (-1.26, 1.2 - i as f64 * 0.1),
                (FONT, 14).into_font(),
            )])
            .map_err(err)?;
    }
    root.present().map_err(err)
}

/// The E-I index of each unit (-1 a closed silo, +1 all its ties go to other units) as a bar, and the value
/// its design forces as a black tick.
pub fn ei(d: &Debrief, t: usize, path: &Path, l: Lang) -> Result {
    fonts();
    let team = &d.teams[t];
    let per_unit = team.details.ties.ei_units();
    let units: Vec<(&String, f64, Option<f64>)> = team
        .details
        .units
        .iter()
        .filter_map(|u| {
            let x = per_unit.iter().find(|x| &x.unit == u)?;
            Some((u, x.actual?, x.forced))
        })
        .collect();
    let n = units.len().max(1);
    let root = BitMapBackend::new(path, (1000, 160 + 50 * n as u32)).into_drawing_area();
    root.fill(&WHITE).map_err(err)?;
    let mut chart = ChartBuilder::on(&root)
        .caption(t!(l, "chart-ei", team = d.say(l, &team.name)), (FONT, 20))
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(140)
        .build_cartesian_2d(-1f64..1f64, 0f64..n as f64)
        .map_err(err)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(n)
        .y_label_formatter(&|v| {
            units
                .get((v - 0.5).round() as usize)
                .map_or_else(String::new, |(u, _, _)| {
                    d.say(l, team.details.unit_name(u)).to_string()
                })
        })
        .x_desc(t!(l, "chart-ei-axis"))
        .label_style((FONT, 14))
        .draw()
        .map_err(err)?;
    for (i, (_, v, forced)) in units.iter().enumerate() {
        let y = i as f64;
        chart
            .draw_series([Rectangle::new(
                [(0.0, y + 0.2), (*v, y + 0.8)],
                color(i).filled(),
            )])
            .map_err(err)?;
        if let Some(f) = forced {
            chart
                .draw_series([Rectangle::new(
                    [(f - 0.008, y + 0.1), (f + 0.008, y + 0.9)],
                    BLACK.filled(),
                )])
                .map_err(err)?;
        }
    }
    root.present().map_err(err)
}

/// Every team's throughput on the same axes.
pub fn compare(d: &Debrief, path: &Path, l: Lang) -> Result {
    fonts();
    let root = BitMapBackend::new(path, SIZE).into_drawing_area();
    let x_max = d
        .teams
        .iter()
        .filter_map(|t| t.flow.minutes.last())
        .copied()
        .fold(1.0, f64::max);
    let y_max = d
        .teams
        .iter()
        .flat_map(|t| t.flow.throughput.iter())
        .copied()
        .fold(1.0, f64::max)
        * 1.1;
    let (plot, side) = split(&root)?;
    let mut chart = time_chart(
        &plot,
        &t!(l, "chart-compare"),
        (x_max, y_max),
        &t!(l, "chart-per-hour"),
        &d.round_starts,
        l,
    )?;
    let mut entries = Vec::new();
    for (t, team) in d.teams.iter().enumerate() {
        let c = color(t);
        chart
            .draw_series(LineSeries::new(
                team.flow
                    .minutes
                    .iter()
                    .copied()
                    .zip(team.flow.throughput.iter().copied()),
                c.stroke_width(2),
            ))
            .map_err(err)?;
        entries.push((d.say(l, &team.name).to_string(), c.to_rgba()));
    }
    key(&side, &entries, &[])?;
    root.present().map_err(err)
}

/// The deliveries each disruption cost each team, against its twin (below zero: it brought some).
pub fn disruptions(d: &Debrief, path: &Path, l: Lang) -> Result {
    fonts();
    let root = BitMapBackend::new(path, SIZE).into_drawing_area();
    let (plot, side) = split(&root)?;
    let n = d.disruptions.len().max(1);
    let teams = d.teams.len().max(1);
    let lost: Vec<f64> = d
        .disruptions
        .iter()
        .flat_map(|x| x.teams.iter())
        .filter_map(|t| t.impact.as_ref().map(|i| i.deliveries_lost))
        .collect();
    let top = lost.iter().copied().fold(1.0, f64::max) + 0.5;
    let bottom = lost.iter().copied().fold(0.0, f64::min) - 0.5;
    let mut chart = ChartBuilder::on(&plot)
        .caption(t!(l, "chart-disruptions"), (FONT, 16))
        .margin(12)
        .x_label_area_size(60)
        .y_label_area_size(50)
        .build_cartesian_2d(0f64..n as f64, bottom..top)
        .map_err(err)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .x_desc(t!(l, "chart-disruption-axis"))
        .y_desc(t!(l, "chart-deliveries-lost"))
        .label_style((FONT, 13))
        .draw()
        .map_err(err)?;
    let w = 0.8 / teams as f64;
    // Each group's number under it, as the key lists them.
    chart
        .draw_series((0..d.disruptions.len()).map(|i| {
            Text::new(
                (i + 1).to_string(),
                (i as f64 + 0.45, bottom + (top - bottom) * 0.03),
                (FONT, 15).into_font(),
            )
        }))
        .map_err(err)?;
    for (i, dis) in d.disruptions.iter().enumerate() {
        for dt in &dis.teams {
            if let Some(imp) = &dt.impact {
                let x0 = i as f64 + 0.1 + dt.team as f64 * w;
                chart
                    .draw_series([Rectangle::new(
                        [(x0, 0.0), (x0 + w * 0.9, imp.deliveries_lost)],
                        color(dt.team).filled(),
                    )])
                    .map_err(err)?;
            }
        }
    }
    let entries: Vec<(String, RGBAColor)> = d
        .teams
        .iter()
        .enumerate()
        .map(|(t, team)| (d.say(l, &team.name).to_string(), color(t).to_rgba()))
        .collect();
    key(&side, &entries, &disruption_notes(d, None, l))?;
    root.present().map_err(err)
}
