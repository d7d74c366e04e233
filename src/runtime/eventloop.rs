//! The event loop's inner cycle, natively: `run_forever` repeats `run_once`, which drops
//! cancelled timers from the top of the heap, waits for the next deadline when nothing
//! is ready (or reports a deadlock when nothing can ever be), moves due timers to the
//! ready queue, then runs exactly the callbacks that were ready when the cycle began, in
//! FIFO order (as `BaseEventLoop._run_once`). Also the binary heap the timers and
//! PriorityQueue use, ordered by Python's `<`.

use super::core::{core, get, get_at, names, set, truthy};
use super::task;
use crate::vm::error::{ExcType, PyErr, PyResult};
use crate::vm::value::{KwArgs, Value};
use crate::vm::Vm;
use std::cell::RefCell;
use std::rc::Rc;

/// Where `BaseEventLoop.__init__` (stdlib/asyncio.py) puts the attributes the loop
/// cycle reads every time (`get_at` falls back to the name elsewhere).
const SCHEDULED_AT: u32 = 1;
const STOPPING_AT: u32 = 4;

fn list_of(v: Option<Value>) -> PyResult<Rc<RefCell<Vec<Value>>>> {
    match v {
        Some(Value::List(l)) => Ok(l),
        _ => Err(PyErr::runtime_error("event loop state is corrupted")),
    }
}

fn arg<'a>(args: &'a [Value], i: usize, what: &str) -> PyResult<&'a Value> {
    args.get(i)
        .ok_or_else(|| PyErr::type_error(format!("{}() missing required argument", what)))
}

/// `_asyncio.run_forever(loop)`: cycles until `loop._stopping` is set.
pub fn run_forever(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let loop_ = arg(args, 0, "run_forever")?.clone();
    loop {
        run_once(vm, &loop_)?;
        let stopping = names(|n| get_at(&loop_, &n.stopping, STOPPING_AT));
        if truthy(vm, &stopping)? {
            return Ok(Value::None);
        }
    }
}

/// `_asyncio.run_once(loop)`: one cycle.
pub fn run_once_native(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let loop_ = arg(args, 0, "run_once")?.clone();
    run_once(vm, &loop_)?;
    Ok(Value::None)
}

fn lt(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    if let (Value::Tuple(x), Value::Tuple(y)) = (a, b) {
        // Timer entries: (when, seq, handle) with distinct seqs.
        if let (Some(Value::Float(w1)), Some(Value::Float(w2))) = (x.first(), y.first()) {
            if w1 != w2 {
                return Ok(w1 < w2);
            }
            if let (Some(Value::Int(s1)), Some(Value::Int(s2))) = (x.get(1), y.get(1)) {
                return Ok(s1 < s2);
            }
        }
    }
    let r = vm.compare(crate::syntax::ast::CmpOp::Lt, a, b)?;
    vm.truthy(&r)
}

/// `a < b` for heap entries, failing like heapq when `__lt__` resized the heap.
fn heap_lt(vm: &mut Vm, heap: &Rc<RefCell<Vec<Value>>>, a: &Value, b: &Value) -> PyResult<bool> {
    let n = heap.borrow().len();
    let r = lt(vm, a, b)?;
    if heap.borrow().len() != n {
        return Err(PyErr::runtime_error("list changed size during iteration"));
    }
    Ok(r)
}

fn heap_push(vm: &mut Vm, heap: &Rc<RefCell<Vec<Value>>>, item: Value) -> PyResult<()> {
    let mut pos = {
        let mut h = heap.borrow_mut();
        h.push(item.clone());
        h.len() - 1
    };
    while pos > 0 {
        let parent = (pos - 1) >> 1;
        let Some(p) = heap.borrow().get(parent).cloned() else {
            break;
        };
        if heap_lt(vm, heap, &item, &p)? {
            let mut h = heap.borrow_mut();
            if pos >= h.len() || parent >= h.len() {
                break;
            }
            h[pos] = p;
            pos = parent;
        } else {
            break;
        }
    }
    let mut h = heap.borrow_mut();
    if pos < h.len() {
        h[pos] = item;
    }
    Ok(())
}

fn heap_pop(vm: &mut Vm, heap: &Rc<RefCell<Vec<Value>>>) -> PyResult<Option<Value>> {
    let last = heap.borrow_mut().pop();
    let Some(last) = last else {
        return Ok(None);
    };
    if heap.borrow().is_empty() {
        return Ok(Some(last));
    }
    let Some(top) = heap.borrow().first().cloned() else {
        return Ok(Some(last));
    };
    let mut pos = 0;
    loop {
        let n = heap.borrow().len();
        let mut child = 2 * pos + 1;
        if child >= n {
            break;
        }
        let right = child + 1;
        if right < n {
            let pair = {
                let h = heap.borrow();
                (h.get(right).cloned(), h.get(child).cloned())
            };
            let (Some(r), Some(c)) = pair else { break };
            if heap_lt(vm, heap, &r, &c)? {
                child = right;
            }
        }
        // A user `__lt__` may have changed the list: re-check every index.
        let Some(c) = heap.borrow().get(child).cloned() else {
            break;
        };
        if heap_lt(vm, heap, &c, &last)? {
            let mut h = heap.borrow_mut();
            if child >= h.len() {
                break;
            }
            h[pos] = c;
            pos = child;
        } else {
            break;
        }
    }
    let mut h = heap.borrow_mut();
    if pos < h.len() {
        h[pos] = last;
    }
    Ok(Some(top))
}

/// `_asyncio.heappush(heap, item)`
pub fn heappush(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let heap = list_of(Some(arg(args, 0, "heappush")?.clone()))?;
    let item = arg(args, 1, "heappush")?.clone();
    heap_push(vm, &heap, item)?;
    Ok(Value::None)
}

/// `_asyncio.heappop(heap)`
pub fn heappop(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let heap = list_of(Some(arg(args, 0, "heappop")?.clone()))?;
    match heap_pop(vm, &heap)? {
        Some(v) => Ok(v),
        None => Err(PyErr::new(ExcType::IndexError, "index out of range")),
    }
}

pub(super) fn timer_handle(entry: &Value) -> Value {
    match entry {
        Value::Tuple(t) => t.get(2).cloned().unwrap_or(Value::None),
        _ => Value::None,
    }
}

pub(super) fn timer_when(entry: &Value) -> f64 {
    match entry {
        Value::Tuple(t) => match t.first() {
            Some(Value::Float(f)) => *f,
            Some(Value::Int(i)) => *i as f64,
            _ => 0.0,
        },
        _ => 0.0,
    }
}

fn adjust_cancelled_count(loop_: &Value, delta: i64) {
    names(|n| {
        let c = match get(loop_, &n.timer_cancelled_count) {
            Some(Value::Int(i)) => i,
            _ => 0,
        };
        set(loop_, &n.timer_cancelled_count, Value::Int(c + delta));
    });
}

fn run_once(vm: &mut Vm, loop_: &Value) -> PyResult<()> {
    let ready = super::core::ready_list(loop_)
        .ok_or_else(|| PyErr::runtime_error("event loop state is corrupted"))?;
    let sched = list_of(names(|n| get_at(loop_, &n.scheduled, SCHEDULED_AT)))?;
    // Drop cancelled timers from the top of the heap.
    loop {
        let top = sched.borrow().first().cloned();
        let Some(top) = top else { break };
        let cancelled = names(|n| get(&timer_handle(&top), &n.cancelled));
        if !truthy(vm, &cancelled)? {
            break;
        }
        adjust_cancelled_count(loop_, -1);
        heap_pop(vm, &sched)?;
    }
    let stopping = names(|n| get_at(loop_, &n.stopping, STOPPING_AT));
    let mut timeout = 0.0;
    let mut next_when = 0.0;
    if ready.borrow().is_empty() && !truthy(vm, &stopping)? {
        let top = sched.borrow().first().cloned();
        match top {
            Some(top) => {
                next_when = timer_when(&top);
                timeout = next_when - super::now();
            }
            None => {
                let c = core()?;
                vm.call(&c.deadlock, vec![loop_.clone()])?;
            }
        }
    }
    if timeout > 0.0 && super::virtual_time() {
        // Nothing is ready: the virtual clock jumps to the next timer.
        super::jump_to(next_when);
    } else if timeout > 0.0 {
        // As CPython's epoll selector: whole milliseconds, rounded up. A Ctrl-C ends
        // the wait (KeyboardInterrupt leaves the loop).
        let ms = (timeout * 1e3).ceil().min(1e12);
        vm.sleep_interruptibly(std::time::Duration::from_secs_f64(ms * 1e-3))?;
    }
    if !sched.borrow().is_empty() {
        let end_time = super::now() + 1e-9;
        loop {
            let top = sched.borrow().first().cloned();
            let Some(top) = top else { break };
            if timer_when(&top) >= end_time {
                break;
            }
            heap_pop(vm, &sched)?;
            let handle = timer_handle(&top);
            names(|n| set(&handle, &n.scheduled_flag, Value::Bool(false)));
            let cancelled = names(|n| get(&handle, &n.cancelled));
            if truthy(vm, &cancelled)? {
                adjust_cancelled_count(loop_, -1);
            } else {
                if crate::trace::enabled() {
                    crate::trace::timer_fired(vm, &handle);
                }
                ready.borrow_mut().push(handle);
            }
        }
    }
    // The ready list swaps buffers with a spare kept between cycles, so a cycle that
    // schedules a few callbacks does not allocate a new queue each time.
    let spare = SPARE.with(|s| std::mem::take(&mut *s.borrow_mut()));
    let mut todo = std::mem::replace(&mut *ready.borrow_mut(), spare);
    let mut next = 0;
    while next < todo.len() {
        let item = std::mem::take(&mut todo[next]);
        next += 1;
        let r = run_item(vm, loop_, &item);
        drop(item);
        // A Task or Future that just died is reported before the next callback runs
        // (CPython's finalizers run at the moment of destruction).
        if crate::vm::signals::attention() {
            vm.run_finalizers();
        }
        if let Err(e) = r {
            // Keep what was not run yet, in order, ahead of newer entries.
            let mut rest: Vec<Value> = todo.split_off(next);
            let mut r = ready.borrow_mut();
            rest.append(&mut r);
            *r = rest;
            return Err(e);
        }
        // A long cycle gives back the room of what it has run once that is half the
        // buffer (the copying stays linear overall), so the callbacks it schedules do
        // not stack a second full-size queue on top of this one.
        if next >= 4096 && next * 2 >= todo.len() {
            todo.drain(..next);
            todo.shrink_to_fit();
            next = 0;
        }
    }
    if todo.capacity() <= 1024 {
        todo.clear();
        SPARE.with(|s| *s.borrow_mut() = todo);
    }
    Ok(())
}

thread_local! {
    /// An empty buffer for the next cycle's ready queue (see `run_once`).
    static SPARE: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
}

fn is_fatal(vm: &Vm, e: &Value) -> bool {
    let c = vm.type_of(e);
    c.is_subclass(vm.types.exc(ExcType::SystemExit))
        || c.is_subclass(vm.types.exc(ExcType::KeyboardInterrupt))
}

fn run_item(vm: &mut Vm, loop_: &Value, item: &Value) -> PyResult<()> {
    // A failed wake-up: the `(callback, future)` pair the error report names (built
    // only when there is an error to report).
    let mut failed_wakeup = None;
    let result = match item {
        Value::Tuple(t) if t.len() == 3 => task::step(vm, &t[0], Some(t[1].clone())),
        Value::Tuple(t) if t.len() == 2 => {
            if crate::trace::enabled() {
                crate::trace::callback_runs(vm, &t[0], &t[1]);
            }
            vm.call1(&t[0], t[1].clone()).map(|_| ())
        }
        Value::BoundMethod(b) => {
            // A Task's wake-up by the Future it waits for (task.rs, `settle`).
            let fut = names(|n| get(&b.self_, &n.fut_waiter)).unwrap_or(Value::None);
            if crate::trace::enabled() {
                crate::trace::callback_runs(vm, item, &fut);
            }
            let r = task::wakeup(vm, &b.self_, &fut);
            if r.is_ok() {
                return Ok(());
            }
            failed_wakeup = Some((item.clone(), fut));
            r
        }
        Value::Instance(i) if task::is_task_class(&i.class) => {
            // A Task alone is a step, or, while it waits for a Future, its wake-up by
            // that Future (task.rs, `settle`).
            if !task::is_waiting(item) {
                task::step(vm, item, None)
            } else {
                let fut = task::waiting_for(item);
                if crate::trace::enabled() {
                    crate::trace::callback_runs(vm, &task::wakeup_of(item), &fut);
                }
                let r = task::wakeup(vm, item, &fut);
                if r.is_ok() {
                    return Ok(());
                }
                failed_wakeup = Some((task::wakeup_of(item), fut));
                r
            }
        }
        Value::Instance(_) => {
            let cancelled = names(|n| get(item, &n.cancelled));
            if truthy(vm, &cancelled)? {
                return Ok(());
            }
            if crate::trace::enabled() {
                crate::trace::handle_runs(vm, item);
            }
            let cb = names(|n| get(item, &n.callback)).unwrap_or(Value::None);
            let args = match names(|n| get(item, &n.args)) {
                Some(Value::Tuple(t)) => t.to_vec(),
                _ => Vec::new(),
            };
            vm.call(&cb, args).map(|_| ())
        }
        _ => return Ok(()),
    };
    if let Err(e) = result {
        // What the report names: the task for a step, the pair for a wake-up, the
        // handle or `(callback, argument)` pair otherwise.
        let what = match (item, failed_wakeup) {
            (_, Some((callback, fut))) => Value::tuple(vec![callback, fut]),
            (Value::Tuple(t), None) if t.len() == 3 => t[0].clone(),
            _ => item.clone(),
        };
        let ev = vm.normalize(e);
        if is_fatal(vm, &ev) {
            return Err(PyErr::Raised(ev));
        }
        let c = core()?;
        // The report runs as in CPython's `except BaseException as exc:` around the
        // callback: an error raised by the exception handler has it as `__context__`.
        let prev = std::mem::replace(&mut vm.exc_info, ev.clone());
        let r = vm.call(&c.report_error, vec![loop_.clone(), what, ev]);
        vm.exc_info = prev;
        r?;
    }
    Ok(())
}
