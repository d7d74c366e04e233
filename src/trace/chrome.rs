//! `--trace-json`: the recorded events as Chrome trace-event JSON (what Perfetto and
//! chrome://tracing load). One track (`tid`) per task plus track 0 for the event loop
//! itself (timers, callbacks, the main program); a `B`/`E` span for each step; an
//! instant (`i`) for every other event; and a flow arrow (`s` → `f`) from each Future's
//! resolution to the step of the Task it wakes.

use super::{Event, Kind};
use serde_json::{json, Value as Json};
use std::collections::HashMap;
use std::rc::Rc;

/// Track numbers: 0 for the loop, then tasks in the order they first appear.
pub(super) fn tracks(events: &[Event]) -> (HashMap<Rc<str>, u64>, Vec<Rc<str>>) {
    let mut ids = HashMap::new();
    let mut order = Vec::new();
    for ev in events {
        for t in [&ev.other, &ev.task].into_iter().flatten() {
            if !ids.contains_key(t) {
                ids.insert(t.clone(), order.len() as u64 + 1);
                order.push(t.clone());
            }
        }
    }
    (ids, order)
}

pub(super) fn render(events: &[Event], virtual_time: bool) -> String {
    let (ids, order) = tracks(events);
    let tid_of = |t: &Option<Rc<str>>| t.as_ref().and_then(|t| ids.get(t).copied()).unwrap_or(0);
    let mut out: Vec<Json> = Vec::new();
    out.push(
        json!({"ph": "M", "name": "process_name", "pid": 1, "tid": 0,
                    "args": {"name": "baton"}}),
    );
    out.push(json!({"ph": "M", "name": "thread_name", "pid": 1, "tid": 0,
                    "args": {"name": "event loop"}}));
    out.push(
        json!({"ph": "M", "name": "thread_sort_index", "pid": 1, "tid": 0,
                    "args": {"sort_index": 0}}),
    );
    for (i, t) in order.iter().enumerate() {
        let tid = i as u64 + 1;
        out.push(
            json!({"ph": "M", "name": "thread_name", "pid": 1, "tid": tid,
                        "args": {"name": t.as_ref()}}),
        );
        out.push(
            json!({"ph": "M", "name": "thread_sort_index", "pid": 1, "tid": tid,
                        "args": {"sort_index": tid}}),
        );
    }
    // Flow ends: the first step of the woken task after its wake-up.
    let mut flow_end: HashMap<u64, (u64, f64)> = HashMap::new();
    let mut waiting_flow: HashMap<u64, u64> = HashMap::new();
    for ev in events {
        match ev.kind {
            Kind::Wakeup => {
                if let Some(f) = ev.flow {
                    waiting_flow.insert(tid_of(&ev.other), f);
                }
            }
            Kind::StepBegin => {
                let tid = tid_of(&ev.other);
                if let Some(f) = waiting_flow.remove(&tid) {
                    flow_end.insert(f, (tid, ev.ts));
                }
            }
            _ => {}
        }
    }
    let mut open: HashMap<u64, usize> = HashMap::new();
    let mut last_ts = 0.0f64;
    for ev in events {
        last_ts = last_ts.max(ev.ts);
        let args = json!({"seq": ev.seq, "time": ev.time, "text": ev.text});
        match ev.kind {
            Kind::StepBegin => {
                let tid = tid_of(&ev.other);
                *open.entry(tid).or_insert(0) += 1;
                out.push(json!({"ph": "B", "name": "step", "cat": "step", "pid": 1,
                                "tid": tid, "ts": ev.ts, "args": args}));
                if let Some(f) = flow_end
                    .iter()
                    .find(|(_, (t, ts))| *t == tid && *ts == ev.ts)
                    .map(|(f, _)| *f)
                {
                    out.push(
                        json!({"ph": "f", "bp": "e", "name": "wake-up", "cat": "wakeup",
                                    "id": f, "pid": 1, "tid": tid, "ts": ev.ts}),
                    );
                }
            }
            Kind::StepEnd => {
                let tid = tid_of(&ev.other);
                let n = open.entry(tid).or_insert(0);
                if *n > 0 {
                    *n -= 1;
                    out.push(json!({"ph": "E", "pid": 1, "tid": tid, "ts": ev.ts,
                                    "args": args}));
                }
            }
            Kind::FutureResolved => {
                let tid = tid_of(&ev.task);
                out.push(
                    json!({"ph": "X", "name": "future resolved", "cat": "future",
                                "pid": 1, "tid": tid, "ts": ev.ts, "dur": 0.5,
                                "args": args}),
                );
                if let Some(f) = ev.flow.filter(|f| flow_end.contains_key(f)) {
                    out.push(
                        json!({"ph": "s", "name": "wake-up", "cat": "wakeup", "id": f,
                                    "pid": 1, "tid": tid, "ts": ev.ts}),
                    );
                }
            }
            _ => {
                let tid = match ev.kind {
                    Kind::TaskCreated => tid_of(&ev.task),
                    Kind::Wakeup | Kind::StepScheduled => tid_of(&ev.other),
                    _ => tid_of(&ev.task),
                };
                out.push(
                    json!({"ph": "i", "s": "t", "name": ev.kind.name(), "cat": "lifecycle",
                                "pid": 1, "tid": tid, "ts": ev.ts, "args": args}),
                );
            }
        }
    }
    // Steps still open (the program ended inside one) are closed at the last instant.
    let mut still: Vec<(u64, usize)> = open.into_iter().filter(|(_, n)| *n > 0).collect();
    still.sort();
    for (tid, n) in still {
        for _ in 0..n {
            out.push(json!({"ph": "E", "pid": 1, "tid": tid, "ts": last_ts}));
        }
    }
    // One event per line: loadable, and readable in a diff.
    let other = json!({
        "producer": "baton --trace-json",
        "clock": if virtual_time { "virtual" } else { "real" },
    });
    let lines: Vec<String> = out
        .iter()
        .map(|e| serde_json::to_string(e).unwrap_or_else(|_| String::from("{}")))
        .collect();
    format!(
        "{{\"displayTimeUnit\": \"ms\", \"otherData\": {},\n\"traceEvents\": [\n{}\n]}}\n",
        other,
        lines.join(",\n")
    )
}
