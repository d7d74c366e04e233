//! Tests of the lifecycle trace outputs (`--trace`, `--trace-file`, `--trace-json`,
//! `--timeline`):
//! - tracing never changes a program's stdout or exit status: every example, every
//!   asyncio program and (when `../shared/conformance` or `BATON_CONFORMANCE` is
//!   there) every public conformance case runs with all outputs on and off;
//! - snapshots of the text trace of every example under virtual time
//!   (`tests/snapshots/trace@NAME.py.snap`), of one JSON and one SVG;
//! - the JSON's structure (tracks, matched step spans, flows from resolutions to the
//!   steps they wake);
//! - the SVG renders to a non-empty PNG with `rsvg-convert` (librsvg2-bin), for 2 and
//!   for 200 tasks; skipped with a notice when the tool is missing, except under CI.

mod common;

use common::{baton, run, split_path, Run, TempDir, TIMEOUT};
use std::path::{Path, PathBuf};
use std::process::Command;

/// `baton [header args] [extra] NAME` in the program's directory.
fn run_with(path: &Path, extra: &[&str]) -> Run {
    let (dir, name) = split_path(path);
    let mut args = common::baton_args(&std::fs::read(path).unwrap_or_default());
    // A flag the header already gives is not repeated (clap refuses duplicates).
    args.retain(|a| !extra.contains(&a.as_str()));
    let mut cmd = Command::new(baton());
    cmd.args(&args).args(extra).arg(&name).current_dir(&dir);
    run(&mut cmd, None, TIMEOUT)
}

/// The public conformance corpus, when it is checked out.
fn conformance_cases() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut candidates = Vec::new();
    if let Some(p) = std::env::var_os("BATON_CONFORMANCE") {
        candidates.push(PathBuf::from(p));
    }
    candidates.push(root.join("../shared/conformance"));
    candidates.push(root.join("../../shared/conformance"));
    let Some(dir) = candidates.into_iter().find(|d| d.join("cases").is_dir()) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("cases"))
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "py"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

fn asyncio_programs() -> Vec<PathBuf> {
    common::program_files()
        .into_iter()
        .filter(|p| p.parent().is_some_and(|d| d.ends_with("asyncio")))
        .collect()
}

#[test]
fn trace_leaves_stdout_unchanged() {
    let conformance = conformance_cases();
    if conformance.is_empty() {
        println!("note: no conformance corpus (../shared/conformance); checking the repository's programs only");
    }
    let programs: Vec<PathBuf> = common::example_files()
        .into_iter()
        .chain(asyncio_programs())
        .chain(conformance)
        .filter(|p| !common::is_helper(&std::fs::read(p).unwrap_or_default()))
        .collect();
    assert!(programs.len() > 20, "too few programs found");
    let failures: Vec<String> = common::parallel_map(&programs, |p| {
        let tmp = TempDir::new("trace-stdout");
        let json = tmp.path.join("t.json");
        let svg = tmp.path.join("t.svg");
        let plain = run_with(p, &[]);
        let traced = run_with(
            p,
            &[
                "--trace",
                "--trace-json",
                json.to_str().unwrap_or("t.json"),
                "--timeline",
                svg.to_str().unwrap_or("t.svg"),
            ],
        );
        traced.assert_no_panic();
        let mut why = Vec::new();
        if plain.stdout != traced.stdout {
            why.push("stdout differs".to_string());
        }
        if plain.exit != traced.exit {
            why.push(format!("exit {} vs {}", plain.exit, traced.exit));
        }
        if !json.exists() || !svg.exists() {
            why.push("no JSON or SVG written".to_string());
        }
        (!why.is_empty()).then(|| format!("{}: {}", p.display(), why.join("; ")))
    })
    .into_iter()
    .flatten()
    .collect();
    println!(
        "trace: {} programs run with and without tracing",
        programs.len()
    );
    assert!(
        failures.is_empty(),
        "tracing changed the run:\n{}",
        failures.join("\n")
    );
}

/// The text trace of one example under virtual time, with the directory stripped.
fn trace_text(path: &Path) -> String {
    let tmp = TempDir::new("trace-text");
    let file = tmp.path.join("trace.txt");
    let r = run_with(
        path,
        &[
            "--virtual-time",
            "--trace-file",
            file.to_str().unwrap_or("trace.txt"),
        ],
    );
    r.assert_no_panic();
    let text = std::fs::read_to_string(&file).unwrap_or_default();
    let (dir, _) = split_path(path);
    let text = text.replace(&format!("{}/", dir.display()), "");
    format!("{}--- exit: {}\n", text, r.exit)
}

#[test]
fn trace_snapshots_of_the_examples() {
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.set_snapshot_suffix("");
    settings.bind(|| {
        insta::glob!("examples/*.py", |path| {
            let text = trace_text(path);
            insta::assert_snapshot!(text);
        });
    });
}

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/examples")
        .join(name)
}

/// Runs `path` with `--virtual-time` and one output option, returning the file.
fn output_of(path: &Path, option: &str, file: &str) -> String {
    let tmp = TempDir::new("trace-out");
    let out = tmp.path.join(file);
    let r = run_with(
        path,
        &["--virtual-time", option, out.to_str().unwrap_or(file)],
    );
    r.assert_no_panic();
    std::fs::read_to_string(&out)
        .unwrap_or_else(|e| panic!("{option} wrote nothing: {e}\n{}", r.describe()))
}

#[test]
fn chrome_json_structure() {
    let text = output_of(
        &example("17_gather_vs_sequential.py"),
        "--trace-json",
        "t.json",
    );
    let doc: serde_json::Value = serde_json::from_str(&text).expect("the trace is JSON");
    assert_eq!(doc["otherData"]["clock"], "virtual");
    let events = doc["traceEvents"]
        .as_array()
        .expect("traceEvents is an array");
    // Tracks: one per task, named: main, the two gathered fetches, and asyncio.run's
    // two shutdown steps.
    let names: Vec<&str> = events
        .iter()
        .filter(|e| e["ph"] == "M" && e["name"] == "thread_name")
        .filter_map(|e| e["args"]["name"].as_str())
        .collect();
    for t in [
        "event loop",
        "Task-1",
        "Task-2",
        "Task-3",
        "Task-4",
        "Task-5",
    ] {
        assert!(names.contains(&t), "no track for {t}: {names:?}");
    }
    // Every event has the fields Chrome requires.
    for e in events {
        assert!(
            e["ph"].is_string() && e["pid"].is_u64() && e["tid"].is_u64(),
            "bad event {e}"
        );
        if e["ph"] != "M" {
            assert!(e["ts"].is_number(), "event without ts: {e}");
        }
    }
    // Step spans: per track, B and E alternate and time never goes back.
    let mut open: std::collections::HashMap<u64, f64> = Default::default();
    let mut steps: std::collections::HashMap<u64, usize> = Default::default();
    for e in events {
        let tid = e["tid"].as_u64().unwrap_or(0);
        let ts = e["ts"].as_f64().unwrap_or(0.0);
        match e["ph"].as_str() {
            Some("B") => {
                assert!(!open.contains_key(&tid), "nested step on track {tid}");
                assert_eq!(e["name"], "step");
                open.insert(tid, ts);
                *steps.entry(tid).or_default() += 1;
            }
            Some("E") => {
                let start = open.remove(&tid).expect("E without B");
                assert!(ts >= start, "step ends before it starts");
            }
            _ => {}
        }
    }
    assert!(open.is_empty(), "unclosed steps: {open:?}");
    // Task-1 (main) runs several steps; each fetch two (start, wake-up).
    assert!(
        steps.values().filter(|&&n| n >= 2).count() >= 3,
        "steps per track: {steps:?}"
    );
    // Suspensions and wake-ups are instants.
    for name in ["suspended", "wake-up", "timer fired", "task created"] {
        assert!(
            events.iter().any(|e| e["ph"] == "i" && e["name"] == name),
            "no instant named {name}"
        );
    }
    // Flow arrows: each start has exactly one end, later, inside a step of the woken
    // task's track.
    let starts: Vec<&serde_json::Value> = events.iter().filter(|e| e["ph"] == "s").collect();
    assert!(starts.len() >= 5, "too few flows: {}", starts.len());
    for s in starts {
        let ends: Vec<&serde_json::Value> = events
            .iter()
            .filter(|e| e["ph"] == "f" && e["id"] == s["id"])
            .collect();
        assert_eq!(ends.len(), 1, "flow {} has {} ends", s["id"], ends.len());
        let f = ends[0];
        assert_eq!(f["bp"], "e");
        assert!(
            f["ts"].as_f64() >= s["ts"].as_f64(),
            "flow goes back in time"
        );
        let begins_here = events
            .iter()
            .any(|e| e["ph"] == "B" && e["tid"] == f["tid"] && e["ts"] == f["ts"]);
        assert!(begins_here, "flow {} does not end at a step", s["id"]);
    }
}

#[test]
fn json_and_svg_snapshots() {
    let json = output_of(
        &example("12_future_wakes_task.py"),
        "--trace-json",
        "t.json",
    );
    insta::assert_snapshot!("trace_json_12_future_wakes_task", json);
    let svg = output_of(
        &example("17_gather_vs_sequential.py"),
        "--timeline",
        "t.svg",
    );
    insta::assert_snapshot!("timeline_17_gather_vs_sequential", svg);
}

/// `rsvg-convert`, or None (the test then notes it skipped; under CI it fails).
fn rsvg() -> Option<&'static str> {
    let ok = Command::new("rsvg-convert")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok && std::env::var_os("CI").is_some() {
        panic!("rsvg-convert (librsvg2-bin) is missing; .ci/run installs it");
    }
    ok.then_some("rsvg-convert")
}

fn render_png(svg: &str, tmp: &TempDir, name: &str) -> Option<Vec<u8>> {
    let tool = rsvg()?;
    let svg_path = tmp.write(&format!("{name}.svg"), svg.as_bytes());
    let png = tmp.path.join(format!("{name}.png"));
    let out = Command::new(tool)
        .arg(&svg_path)
        .arg("-o")
        .arg(&png)
        .output()
        .expect("run rsvg-convert");
    assert!(
        out.status.success(),
        "rsvg-convert failed on {name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(std::fs::read(&png).unwrap_or_default())
}

fn assert_png(bytes: &[u8], min_height: u32) {
    assert!(bytes.len() > 1000, "PNG too small: {} bytes", bytes.len());
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    let height = u32::from_be_bytes([bytes[20], bytes[21], bytes[22], bytes[23]]);
    assert!(height >= min_height, "PNG only {height} pixels high");
}

#[test]
fn timeline_renders_for_2_and_200_tasks() {
    let tmp = TempDir::new("timeline");
    let small = output_of(
        &example("17_gather_vs_sequential.py"),
        "--timeline",
        "t.svg",
    );
    for needle in [
        "Task-1 main()",
        "running",
        "ready",
        "waiting",
        "wake-up",
        "virtual time",
        "2s",
    ] {
        assert!(
            small.contains(needle),
            "the small timeline lacks {needle:?}"
        );
    }
    let program = tmp.write(
        "many.py",
        b"import asyncio\n\n\nasync def worker(i, ev):\n    await asyncio.sleep(i * 0.001)\n    await ev.wait()\n\n\nasync def main():\n    ev = asyncio.Event()\n    tasks = [asyncio.create_task(worker(i, ev)) for i in range(200)]\n    await asyncio.sleep(0.5)\n    ev.set()\n    await asyncio.gather(*tasks)\n\n\nasyncio.run(main())\n",
    );
    let big = output_of(&program, "--timeline", "t.svg");
    for i in [2, 100, 201] {
        assert!(
            big.contains(&format!(">Task-{i} worker()<")),
            "no row for Task-{i}"
        );
    }
    let Some(png) = render_png(&small, &tmp, "small") else {
        println!("timeline PNG check skipped: rsvg-convert (librsvg2-bin) is not installed");
        return;
    };
    assert_png(&png, 200);
    let png = render_png(&big, &tmp, "big").unwrap_or_default();
    assert_png(&png, 2000);
}

fn baton_args(args: &[&str]) -> Run {
    run(Command::new(baton()).args(args), None, TIMEOUT)
}

#[test]
fn command_line_options() {
    let help = baton_args(&["--help"]);
    for flag in [
        "--virtual-time",
        "--trace",
        "--trace-file",
        "--trace-json",
        "--timeline",
    ] {
        assert!(help.stdout_text().contains(flag), "--help lacks {flag}");
    }
    // Virtual time: an hour of sleep takes no time, and the clock reads exactly.
    let start = std::time::Instant::now();
    let r = baton_args(&[
        "--virtual-time",
        "-c",
        "import asyncio\nasync def main():\n    loop = asyncio.get_running_loop()\n    print(loop.time())\n    await asyncio.sleep(3600)\n    print(loop.time())\nasyncio.run(main())\n",
    ]);
    assert_eq!(r.stdout_text(), "0.0\n3600.0\n", "{}", r.describe());
    assert!(start.elapsed().as_secs() < 10, "virtual time slept");
    // Without it the clock is real: a short sleep takes its time.
    let start = std::time::Instant::now();
    let r = baton_args(&[
        "-c",
        "import asyncio\nasync def main():\n    loop = asyncio.get_running_loop()\n    t = loop.time()\n    await asyncio.sleep(0.2)\n    print(loop.time() - t >= 0.2)\nasyncio.run(main())\n",
    ]);
    assert_eq!(r.stdout_text(), "True\n", "{}", r.describe());
    assert!(start.elapsed().as_millis() >= 200);
    // A trace file that cannot be written is refused before anything runs.
    let r = baton_args(&["--trace-file", "/nonexistent-dir/t.txt", "-c", "print(1)"]);
    assert_eq!(r.code(), Some(2), "{}", r.describe());
    assert!(
        r.stderr_text().contains("cannot write the trace file"),
        "{}",
        r.describe()
    );
    assert_eq!(r.stdout_text(), "");
    // A JSON file that cannot be written is reported at the end; the program's
    // output and status are untouched.
    let r = baton_args(&["--trace-json", "/nonexistent-dir/t.json", "-c", "print(1)"]);
    assert_eq!((r.stdout_text().as_str(), r.code()), ("1\n", Some(0)));
    assert!(
        r.stderr_text()
            .contains("cannot write '/nonexistent-dir/t.json'"),
        "{}",
        r.describe()
    );
    // A trace file gets the log, and stderr stays clean.
    let tmp = TempDir::new("trace-file");
    let file = tmp.path.join("t.txt");
    let r = baton_args(&[
        "--trace-file",
        file.to_str().unwrap_or("t.txt"),
        "-c",
        "async def f():\n    return 1\ntry:\n    f().send(None)\nexcept StopIteration as e:\n    print(e.value)\n",
    ]);
    assert_eq!(r.stdout_text(), "1\n");
    assert_eq!(r.stderr_text(), "");
    let log = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(log.contains("coroutine f() created at <string>:4"), "{log}");
    assert!(log.contains("by hand: f.send(None)"), "{log}");
    assert!(log.contains("f() returned 1"), "{log}");
}
