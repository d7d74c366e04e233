//! `--timeline PATH.svg`: a picture of the run for a browser. One row per task (in the
//! order they were created) with colored segments for running, ready (scheduled, not
//! yet running) and waiting (suspended; the segment names what on), red arrows from a
//! Future's resolution to the task it wakes, a time axis (the loop's clock: virtual
//! with `--virtual-time`) and a legend. Rows shrink for many tasks (200 stay legible:
//! names in a smaller font, every segment still at least a pixel wide).
//!
//! The x axis uses the events' timestamps, which under virtual time advance one
//! microsecond per event at the same instant, so instantaneous steps stay in order.

use super::{After, Event, Kind};
use std::collections::HashMap;
use std::fmt::Write;
use std::rc::Rc;

#[derive(Clone, Copy, PartialEq)]
enum State {
    Ready,
    Running,
    Waiting,
}

struct Segment {
    start: f64,
    end: f64,
    state: State,
    what: String,
}

struct Row {
    /// The task's name and coroutine, in full (tooltips) and cut to fit (the label).
    name: Rc<str>,
    label: String,
    segments: Vec<Segment>,
    /// The state since `since`, still open.
    open: Option<(f64, State, String)>,
}

impl Row {
    fn switch(&mut self, at: f64, state: Option<(State, String)>) {
        if let Some((start, s, what)) = self.open.take() {
            self.segments.push(Segment {
                start,
                end: at,
                state: s,
                what,
            });
        }
        self.open = state.map(|(s, w)| (at, s, w));
    }
}

const RUNNING: &str = "#2e7d32";
const READY: &str = "#f9a825";
const WAITING: &str = "#90caf9";
const ARROW: &str = "#c62828";

/// At most `max` characters, the cut marked with an ellipsis.
fn fit(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let head: String = s.chars().take(max - 1).collect();
    format!("{}…", head)
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A readable step for the axis: 1, 2 or 5 times a power of ten.
fn tick_step(span: f64) -> f64 {
    if span <= 0.0 || !span.is_finite() {
        return 1.0;
    }
    let raw = span / 8.0;
    let p = 10f64.powf(raw.log10().floor());
    for m in [1.0, 2.0, 5.0, 10.0] {
        if p * m >= raw {
            return p * m;
        }
    }
    p * 10.0
}

fn fmt_secs(s: f64, step: f64) -> String {
    let decimals = if step >= 1.0 {
        0
    } else {
        (-step.log10()).ceil().clamp(0.0, 9.0) as usize
    };
    format!("{:.*}s", decimals, s)
}

pub(super) fn render(events: &[Event], virtual_time: bool) -> String {
    let (ids, order) = super::chrome::tracks(events);
    // Rows are labelled with the task's name and its coroutine's.
    let mut coro: HashMap<Rc<str>, String> = HashMap::new();
    for ev in events.iter().filter(|e| e.kind == Kind::TaskCreated) {
        if let (Some(t), Some(c)) = (&ev.other, ev.text.split(" created for ").nth(1)) {
            coro.insert(t.clone(), c.to_string());
        }
    }
    let mut rows: Vec<Row> = order
        .iter()
        .map(|n| Row {
            name: match coro.get(n) {
                Some(c) => Rc::from(format!("{} {}", n, c)),
                None => n.clone(),
            },
            label: match coro.get(n) {
                Some(c) => fit(&format!("{} {}", n, c), 26),
                None => fit(n, 26),
            },
            segments: Vec::new(),
            open: None,
        })
        .collect();
    let row_of = |t: &Option<Rc<str>>| t.as_ref().and_then(|t| ids.get(t)).map(|i| *i as usize - 1);
    let t0 = events.first().map(|e| e.ts).unwrap_or(0.0);
    let t1 = events.last().map(|e| e.ts).unwrap_or(0.0).max(t0 + 1.0);
    // Wake-up arrows: (from time, from row or None for the loop, to time, to row).
    let mut resolved: HashMap<u64, (f64, Option<usize>)> = HashMap::new();
    let mut arrows: Vec<(f64, Option<usize>, f64, usize)> = Vec::new();
    for ev in events {
        match ev.kind {
            Kind::StepScheduled => {
                if let Some(r) = row_of(&ev.other) {
                    if rows[r].open.as_ref().map(|o| o.1) != Some(State::Ready) {
                        rows[r].switch(ev.ts, Some((State::Ready, String::from("ready"))));
                    }
                }
            }
            Kind::StepBegin => {
                if let Some(r) = row_of(&ev.other) {
                    rows[r].switch(ev.ts, Some((State::Running, ev.text.clone())));
                }
            }
            Kind::StepEnd => {
                if let Some(r) = row_of(&ev.other) {
                    let next = match &ev.after {
                        Some(After::Waiting(w)) => {
                            Some((State::Waiting, format!("waiting on {}", w)))
                        }
                        Some(After::Ready) => Some((State::Ready, String::from("ready"))),
                        _ => None,
                    };
                    // A wake-up may have already marked it ready inside the step.
                    let keep_ready = rows[r].open.as_ref().map(|o| o.1) == Some(State::Ready);
                    if !keep_ready {
                        rows[r].switch(ev.ts, next);
                    }
                }
            }
            Kind::FutureResolved => {
                if let Some(f) = ev.flow {
                    resolved.insert(f, (ev.ts, row_of(&ev.task)));
                }
            }
            Kind::Wakeup => {
                if let (Some(f), Some(r)) = (ev.flow, row_of(&ev.other)) {
                    if let Some((ts, from)) = resolved.remove(&f) {
                        arrows.push((ts, from, ev.ts, r));
                    }
                }
            }
            _ => {}
        }
    }
    for r in rows.iter_mut() {
        r.switch(t1, None);
    }

    let n = rows.len().max(1);
    let (row_h, font) = if n <= 30 { (26.0, 12.0) } else { (12.0, 9.0) };
    let label_w = if n <= 30 { 200.0 } else { 170.0 };
    let plot_w = 1000.0;
    let width = label_w + plot_w + 30.0;
    let top = 50.0;
    let loop_h = 16.0;
    let rows_top = top + loop_h + 6.0;
    let axis_y = rows_top + n as f64 * row_h + 8.0;
    let height = axis_y + 80.0;
    let x = |ts: f64| label_w + (ts - t0) / (t1 - t0) * plot_w;
    let y_mid = |r: usize| rows_top + r as f64 * row_h + row_h / 2.0;

    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="Helvetica, Arial, sans-serif">"#,
        w = width,
        h = height
    );
    let _ = writeln!(
        s,
        "<defs><marker id=\"wake\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"{}\"/></marker></defs>",
        ARROW
    );
    let _ = writeln!(
        s,
        r#"<rect x="0" y="0" width="{}" height="{}" fill="white"/>"#,
        width, height
    );
    let clock = if virtual_time {
        "virtual time"
    } else {
        "real time"
    };
    let _ = writeln!(
        s,
        r#"<text x="10" y="22" font-size="16" font-weight="bold">Baton timeline: {} task{} ({})</text>"#,
        rows.len(),
        if rows.len() == 1 { "" } else { "s" },
        clock
    );
    // The loop's own lane: where timers fire and callbacks run.
    let _ = writeln!(
        s,
        r##"<text x="{}" y="{}" font-size="{}" text-anchor="end" fill="#555">event loop</text>"##,
        label_w - 6.0,
        top + loop_h - 4.0,
        font
    );
    let _ = writeln!(
        s,
        r##"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#bbb" stroke-dasharray="3,3"/>"##,
        label_w,
        top + loop_h / 2.0,
        label_w + plot_w,
        top + loop_h / 2.0
    );
    for ev in events.iter().filter(|e| e.kind == Kind::TimerFired) {
        let _ = writeln!(
            s,
            r##"<circle cx="{:.2}" cy="{}" r="3" fill="#555"><title>{}</title></circle>"##,
            x(ev.ts),
            top + loop_h / 2.0,
            esc(&ev.text)
        );
    }
    for (i, r) in rows.iter().enumerate() {
        let y = rows_top + i as f64 * row_h;
        if i % 2 == 1 {
            let _ = writeln!(
                s,
                r##"<rect x="0" y="{}" width="{}" height="{}" fill="#f5f5f5"/>"##,
                y, width, row_h
            );
        }
        let _ = writeln!(
            s,
            r#"<text x="{}" y="{:.1}" font-size="{}" text-anchor="end" dominant-baseline="middle">{}</text>"#,
            label_w - 6.0,
            y + row_h / 2.0,
            font,
            esc(&r.label)
        );
        for seg in &r.segments {
            let (color, inset) = match seg.state {
                State::Running => (RUNNING, 0.15),
                State::Ready => (READY, 0.3),
                State::Waiting => (WAITING, 0.3),
            };
            let x0 = x(seg.start);
            let w = (x(seg.end) - x0).max(if seg.state == State::Running {
                2.0
            } else {
                1.0
            });
            let _ = writeln!(
                s,
                r#"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" fill="{}"><title>{}: {}</title></rect>"#,
                x0,
                y + row_h * inset,
                w,
                row_h * (1.0 - 2.0 * inset),
                color,
                esc(&r.name),
                esc(&seg.what)
            );
            let text_w = seg.what.chars().count() as f64 * font * 0.55;
            if seg.state == State::Waiting && row_h >= 20.0 && w > text_w + 8.0 {
                let _ = writeln!(
                    s,
                    r##"<text x="{:.2}" y="{:.1}" font-size="{}" dominant-baseline="middle" fill="#0d3c61">{}</text>"##,
                    x0 + 4.0,
                    y + row_h / 2.0,
                    font - 1.0,
                    esc(&seg.what)
                );
            }
        }
    }
    for (from_ts, from, to_ts, to) in &arrows {
        let y0 = match from {
            Some(r) => y_mid(*r),
            None => top + loop_h / 2.0,
        };
        let y1 = y_mid(*to);
        // With many rows, a wake-up from the loop's lane is a short arrow into the
        // row (full lines from the top would cover the picture).
        let y0 = if from.is_none() && n > 30 {
            y1 - row_h * 1.2
        } else {
            y0
        };
        if (y1 - y0).abs() < 1.0 {
            continue;
        }
        let _ = writeln!(
            s,
            r#"<line x1="{:.2}" y1="{:.2}" x2="{:.2}" y2="{:.2}" stroke="{}" stroke-width="{}" stroke-opacity="0.7" marker-end="url(#wake)"/>"#,
            x(*from_ts),
            y0,
            x(*to_ts),
            y1,
            ARROW,
            if n <= 30 { 1.5 } else { 0.8 }
        );
    }
    // The time axis.
    let _ = writeln!(
        s,
        r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="black"/>"#,
        label_w,
        axis_y,
        label_w + plot_w,
        axis_y
    );
    let (s0, s1) = (t0 / 1e6, t1 / 1e6);
    let step = tick_step(s1 - s0);
    let mut k = (s0 / step).ceil();
    while k * step <= s1 + step * 1e-9 {
        let t = k * step;
        let px = x(t * 1e6);
        let _ = writeln!(
            s,
            r#"<line x1="{:.2}" y1="{}" x2="{:.2}" y2="{}" stroke="black"/><text x="{:.2}" y="{}" font-size="11" text-anchor="middle">{}</text>"#,
            px,
            axis_y,
            px,
            axis_y + 5.0,
            px,
            axis_y + 18.0,
            fmt_secs(t, step)
        );
        k += 1.0;
        if k > 1e6 {
            break;
        }
    }
    let _ = writeln!(
        s,
        r#"<text x="{}" y="{}" font-size="11" text-anchor="end">loop time ({})</text>"#,
        label_w + plot_w,
        axis_y + 34.0,
        clock
    );
    // The legend.
    let ly = axis_y + 50.0;
    let mut lx = label_w;
    for (color, name) in [
        (RUNNING, "running (a step)"),
        (READY, "ready (scheduled, not yet running)"),
        (WAITING, "waiting (suspended on a Future/Task)"),
    ] {
        let _ = writeln!(
            s,
            r#"<rect x="{}" y="{}" width="14" height="10" fill="{}"/><text x="{}" y="{}" font-size="12">{}</text>"#,
            lx,
            ly,
            color,
            lx + 18.0,
            ly + 9.5,
            name
        );
        lx += 30.0 + name.len() as f64 * 6.5;
    }
    let _ = writeln!(
        s,
        r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="1.5" marker-end="url(#wake)"/><text x="{}" y="{}" font-size="12">wake-up</text>"#,
        lx,
        ly + 5.0,
        lx + 24.0,
        ly + 5.0,
        ARROW,
        lx + 28.0,
        ly + 9.5
    );
    s.push_str("</svg>\n");
    s
}
