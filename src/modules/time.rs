//! The native half of the `time` module (`_time`): the wall, monotonic and process
//! clocks, a blocking sleep, and the C library's calendar conversions (`localtime`,
//! `gmtime`, `mktime`, `strftime`, the time zone). stdlib/time.py builds the module
//! users import on top of it (`struct_time` and the argument checks).

use crate::vm::error::{PyErr, PyResult};
use crate::vm::value::{KwArgs, Module, Value};
use crate::vm::Vm;
use std::rc::Rc;
use std::sync::OnceLock;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

fn start() -> Instant {
    static START: OnceLock<Instant> = OnceLock::new();
    *START.get_or_init(Instant::now)
}

pub fn module(_vm: &mut Vm) -> Rc<Module> {
    start();
    let m = Rc::new(Module::new("_time", "<_time>"));
    let functions: &[(&'static str, crate::vm::value::NativeFn)] = &[
        ("time", time),
        ("monotonic", monotonic),
        ("perf_counter", monotonic),
        ("sleep", sleep),
        ("time_ns", time_ns),
        ("monotonic_ns", monotonic_ns),
        ("perf_counter_ns", monotonic_ns),
        ("process_time", process_time),
        ("process_time_ns", process_time_ns),
        ("localtime", localtime),
        ("gmtime", gmtime),
        ("mktime", mktime),
        ("strftime", strftime),
    ];
    crate::modules::add_functions(&m, "time", functions);
    let zone = time_zone();
    m.set("timezone", Value::Int(zone.timezone));
    m.set("altzone", Value::Int(zone.altzone));
    m.set("daylight", Value::Int(i64::from(zone.daylight)));
    m.set(
        "tzname",
        Value::tuple(vec![Value::str(&zone.names.0), Value::str(&zone.names.1)]),
    );
    m
}

fn time(_vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let d = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    Ok(Value::Float(d.as_secs_f64()))
}

fn time_ns(_vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let d = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    Ok(Value::Int(d.as_nanos() as i64))
}

fn monotonic(_vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::Float(start().elapsed().as_secs_f64() + 1000.0))
}

fn monotonic_ns(_vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::Int(
        start().elapsed().as_nanos() as i64 + 1_000_000_000_000,
    ))
}

fn sleep(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let Some(s) = args.first() else {
        return Err(PyErr::type_error(
            "sleep() takes exactly one argument (0 given)",
        ));
    };
    let secs = seconds(vm, s)?;
    if secs < 0.0 {
        return Err(PyErr::value_error("sleep length must be non-negative"));
    }
    // A Ctrl-C cuts the sleep short with KeyboardInterrupt, as in CPython.
    vm.sleep_interruptibly(std::time::Duration::from_secs_f64(secs.min(1e9)))?;
    Ok(Value::None)
}

/// A number of seconds as the clock functions take it: an int or a float (NaN
/// refused), nothing else.
fn seconds(vm: &Vm, v: &Value) -> PyResult<f64> {
    let secs = match v {
        Value::Float(f) => *f,
        Value::Int(_) | Value::Bool(_) => crate::vm::methods::int_arg(vm, v)? as f64,
        Value::BigInt(b) => crate::vm::format::bigint_to_f64(b)?,
        _ => {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(v)
            )))
        }
    };
    if secs.is_nan() {
        return Err(PyErr::value_error("Invalid value NaN (not a number)"));
    }
    Ok(secs)
}

fn process_clock() -> std::time::Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid timespec for the call to fill in.
    unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    std::time::Duration::new(
        ts.tv_sec.max(0) as u64,
        ts.tv_nsec.clamp(0, 999_999_999) as u32,
    )
}

fn process_time(_vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::Float(process_clock().as_secs_f64()))
}

fn process_time_ns(_vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::Int(process_clock().as_nanos() as i64))
}

/// The `time_t` for the seconds argument of `localtime`/`gmtime` (None or absent:
/// now), floored as CPython floors it.
fn time_t_arg(vm: &Vm, args: &[Value]) -> PyResult<libc::time_t> {
    let secs = match args.first() {
        None | Some(Value::None) => SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0.0, |d| d.as_secs() as f64),
        Some(v) => seconds(vm, v)?.floor(),
    };
    if !(secs >= libc::time_t::MIN as f64 && secs < libc::time_t::MAX as f64) {
        return Err(PyErr::overflow_error(
            "timestamp out of range for platform time_t",
        ));
    }
    Ok(secs as libc::time_t)
}

/// A broken-down time as the 11 values `struct_time` holds: year, month (1-12), day,
/// hour, minute, second, weekday (Monday 0), day of the year (1-366), DST flag, zone
/// name, UTC offset in seconds.
fn tm_values(tm: &libc::tm) -> Value {
    let zone = if tm.tm_zone.is_null() {
        Value::None
    } else {
        // SAFETY: a non-null `tm_zone` from the C library is a NUL-terminated string
        // that lives as long as the time zone data.
        Value::str(&unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) }.to_string_lossy())
    };
    Value::tuple(vec![
        Value::Int(i64::from(tm.tm_year) + 1900),
        Value::Int(i64::from(tm.tm_mon) + 1),
        Value::Int(i64::from(tm.tm_mday)),
        Value::Int(i64::from(tm.tm_hour)),
        Value::Int(i64::from(tm.tm_min)),
        Value::Int(i64::from(tm.tm_sec)),
        Value::Int(i64::from((tm.tm_wday + 6) % 7)),
        Value::Int(i64::from(tm.tm_yday) + 1),
        Value::Int(i64::from(tm.tm_isdst)),
        zone,
        Value::Int(tm.tm_gmtoff),
    ])
}

fn zeroed_tm() -> libc::tm {
    // SAFETY: `tm` is plain data (ints and a pointer), for which all zeros is valid.
    unsafe { std::mem::zeroed() }
}

/// `_time.localtime(secs=None)`: the broken-down local time (`tm_values`).
fn localtime(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let t = time_t_arg(vm, args)?;
    let mut tm = zeroed_tm();
    // SAFETY: both pointers are valid for the call; `localtime_r` is thread-safe.
    if unsafe { libc::localtime_r(&t, &mut tm) }.is_null() {
        return Err(PyErr::overflow_error(
            "timestamp out of range for platform time_t",
        ));
    }
    Ok(tm_values(&tm))
}

/// `_time.gmtime(secs=None)`: the broken-down UTC time (`tm_values`).
fn gmtime(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let t = time_t_arg(vm, args)?;
    let mut tm = zeroed_tm();
    // SAFETY: as in `localtime`.
    if unsafe { libc::gmtime_r(&t, &mut tm) }.is_null() {
        return Err(PyErr::overflow_error(
            "timestamp out of range for platform time_t",
        ));
    }
    Ok(tm_values(&tm))
}

/// A `tm` from the nine ints of a time tuple (checked by time.py), in C's
/// conventions (weekday from Sunday, months and days of the year from 0).
fn tm_from_args(vm: &Vm, args: &[Value]) -> PyResult<libc::tm> {
    let mut f = [0i64; 9];
    for (slot, v) in f.iter_mut().zip(args) {
        *slot = crate::vm::methods::int_arg(vm, v)?;
    }
    let c = |v: i64| -> PyResult<libc::c_int> {
        libc::c_int::try_from(v)
            .map_err(|_| PyErr::overflow_error("Python int too large to convert to C int"))
    };
    let mut tm = zeroed_tm();
    tm.tm_year = c(f[0] - 1900)?;
    tm.tm_mon = c(f[1] - 1)?;
    tm.tm_mday = c(f[2])?;
    tm.tm_hour = c(f[3])?;
    tm.tm_min = c(f[4])?;
    tm.tm_sec = c(f[5])?;
    tm.tm_wday = c((f[6] + 1).rem_euclid(7))?;
    tm.tm_yday = c(f[7] - 1)?;
    tm.tm_isdst = c(f[8])?;
    Ok(tm)
}

/// `_time.mktime(year, month, day, hour, minute, second, weekday, yearday, isdst)`:
/// seconds since the epoch for a local time.
fn mktime(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let mut tm = tm_from_args(vm, args)?;
    // A sentinel in the weekday: mktime sets it only when it succeeds (-1 is also a
    // valid result, one second before the epoch).
    tm.tm_wday = -1;
    // SAFETY: `tm` is a valid, writable tm.
    let t = unsafe { libc::mktime(&mut tm) };
    if t == -1 && tm.tm_wday == -1 {
        return Err(PyErr::overflow_error("mktime argument out of range"));
    }
    Ok(Value::Float(t as f64))
}

/// `_time.strftime(format, year, ..., isdst, zone, gmtoff)`: the C library's
/// strftime of the time (checked by time.py), as CPython calls it.
fn strftime(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let [Value::Str(format), fields @ ..] = args else {
        return Err(PyErr::type_error("strftime() argument 1 must be str"));
    };
    let mut tm = tm_from_args(vm, fields)?;
    // The zone name and offset (`%Z`, `%z`) come from the time itself when it has
    // them; else the name is the local zone's for its DST flag, as in CPython.
    let zone_name = match fields.get(9) {
        Some(Value::Str(z)) => Some(z.as_str().to_string()),
        _ => None,
    };
    let local = time_zone();
    let zone_name = zone_name.unwrap_or_else(|| {
        if tm.tm_isdst > 0 {
            local.names.1.clone()
        } else {
            local.names.0.clone()
        }
    });
    // (A plain tuple has no offset: `%z` shows +0000 for it, as in CPython.)
    tm.tm_gmtoff = match fields.get(10) {
        Some(Value::Int(off)) => *off,
        _ => 0,
    };
    let zone_c = std::ffi::CString::new(zone_name).unwrap_or_default();
    tm.tm_zone = zone_c.as_ptr();
    // A NUL in the format would end it early for C: the text is formatted piece by
    // piece around each one, as CPython does.
    let mut out = String::new();
    for (i, piece) in format.as_str().split('\0').enumerate() {
        if i > 0 {
            out.push('\0');
        }
        out.push_str(&strftime_piece(piece, &tm));
    }
    Ok(Value::from_string(out))
}

/// C's strftime of one NUL-free format, with a buffer grown until the result fits
/// (an empty result from a format that is not empty may also mean "too small").
fn strftime_piece(format: &str, tm: &libc::tm) -> String {
    if format.is_empty() {
        return String::new();
    }
    let Ok(fmt) = std::ffi::CString::new(format) else {
        return String::new();
    };
    let mut size = 256usize.max(format.len() * 4);
    loop {
        let mut buf = vec![0u8; size];
        // SAFETY: the buffer has `size` bytes; `fmt` is NUL-terminated; `tm` is a valid
        // tm whose zone pointer outlives the call.
        let n = unsafe { libc::strftime(buf.as_mut_ptr().cast(), size, fmt.as_ptr(), tm) };
        if n > 0 || size > 256 * format.len().max(16) {
            buf.truncate(n);
            return String::from_utf8_lossy(&buf).into_owned();
        }
        size *= 4;
    }
}

/// The local time zone as CPython's `time` module describes it: the offsets west of
/// UTC in seconds for standard and daylight time, whether the zone has daylight
/// time, and the two zone names (taken from the broken-down times of January and
/// July of this year, as CPython does).
struct TimeZone {
    timezone: i64,
    altzone: i64,
    daylight: bool,
    names: (String, String),
}

extern "C" {
    /// POSIX `tzset`: reads `TZ` (the libc crate does not bind it).
    fn tzset();
}

fn time_zone() -> TimeZone {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as libc::time_t);
    let year_start = now - now % (365 * 24 * 3600);
    let at = |t: libc::time_t| {
        let mut tm = zeroed_tm();
        // SAFETY: as in `localtime`.
        unsafe {
            tzset();
            libc::localtime_r(&t, &mut tm);
        }
        let name = if tm.tm_zone.is_null() {
            String::new()
        } else {
            // SAFETY: as in `tm_values`.
            unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) }
                .to_string_lossy()
                .into_owned()
        };
        (-tm.tm_gmtoff, name)
    };
    let (january, jan_name) = at(year_start);
    let (july, jul_name) = at(year_start + 182 * 24 * 3600);
    if january < july {
        // The southern hemisphere: daylight time in January.
        TimeZone {
            timezone: july,
            altzone: january,
            daylight: january != july,
            names: (jul_name, jan_name),
        }
    } else {
        TimeZone {
            timezone: january,
            altzone: july,
            daylight: january != july,
            names: (jan_name, jul_name),
        }
    }
}
