//! The step budget (`baton --max-steps N`): a step is a backward jump or a frame entry
//! (call, resumption, module body); exhausting the budget ends the program with one
//! line on stderr and exit status 3, whatever handlers the program has.

mod common;

use common::{baton, run, Run, TIMEOUT};
use std::process::Command;

fn run_with(steps: u64, code: &str) -> Run {
    run(
        Command::new(baton())
            .arg("--max-steps")
            .arg(steps.to_string())
            .arg("-c")
            .arg(code),
        None,
        TIMEOUT,
    )
}

fn assert_stopped(r: &Run, steps: u64) {
    r.assert_no_panic();
    assert_eq!(r.code(), Some(3), "{}", r.describe());
    assert_eq!(
        r.stderr_text(),
        format!(
            "baton: step budget exhausted: the program took more than {steps} steps (--max-steps)\n"
        ),
        "{}",
        r.describe()
    );
}

#[test]
fn an_infinite_loop_is_stopped() {
    let r = run_with(1000, "while True: pass");
    assert_stopped(&r, 1000);
    assert_eq!(r.stdout_text(), "");
}

#[test]
fn steps_are_backward_jumps_and_frame_entries() {
    // The module body (1) and ten backward jumps.
    let loop10 = "for i in range(10): pass\nprint('done')";
    assert_stopped(&run_with(10, loop10), 10);
    let r = run_with(11, loop10);
    assert_eq!((r.code(), r.stdout_text().as_str()), (Some(0), "done\n"));
    // The module body and two calls.
    let calls = "def f(): return 1\nf(); f(); print('ok')";
    assert_stopped(&run_with(2, calls), 2);
    assert_eq!(run_with(3, calls).code(), Some(0));
    // The module body, three resumptions of the generator and two backward jumps.
    let gen = "def g():\n    yield 1\n    yield 2\nfor x in g(): pass\nprint('ok')";
    assert_stopped(&run_with(5, gen), 5);
    assert_eq!(run_with(6, gen).code(), Some(0));
}

#[test]
fn handlers_cannot_keep_an_exhausted_program_running() {
    let code = "
while True:
    try:
        while True:
            pass
    except BaseException as e:
        print('caught', repr(e))
";
    assert_stopped(&run_with(100, code), 100);
    let code = "
def f(n):
    try:
        return f(n + 1)
    except BaseException:
        return f(n + 1)
f(0)
";
    assert_stopped(&run_with(500, code), 500);
}

#[test]
fn a_failing_comprehension_filter_counts_steps() {
    // Every element is filtered out: the loop never reaches its own `Jump` without
    // going through the filter's, and no frame is entered per element.
    assert_stopped(&run_with(100, "print([x for x in iter(int, 1) if x])"), 100);
}

#[test]
fn tasks_are_stopped_too() {
    let code = "
import asyncio
async def spin():
    while True:
        try:
            await asyncio.sleep(0)
        except BaseException:
            pass
async def main():
    await asyncio.gather(spin(), spin())
asyncio.run(main())
";
    assert_stopped(&run_with(5000, code), 5000);
}

#[test]
fn a_program_within_its_budget_is_unchanged() {
    let code = "
import asyncio
async def w(n):
    for i in range(n):
        await asyncio.sleep(0)
    return n
async def main():
    print(await asyncio.gather(w(3), w(5)))
print(sum(i * i for i in range(100)))
asyncio.run(main())
";
    let r = run_with(1_000_000, code);
    assert_eq!(r.code(), Some(0), "{}", r.describe());
    assert_eq!(r.stdout_text(), "328350\n[3, 5]\n");
    assert_eq!(r.stderr_text(), "");
}
