//! Unit tests for the math helpers; expectations produced by CPython 3.11.

#![allow(
    clippy::approx_constant,
    clippy::excessive_precision,
    clippy::bool_assert_comparison,
    clippy::type_complexity
)]

use super::*;

fn check_err<T: std::fmt::Debug>(r: PyResult<T>, typ: &str, msg: &str) {
    match r {
        Err(PyErr::New { typ: t, args }) => {
            assert_eq!(t.name(), typ, "{msg}");
            assert!(
                format!("{:?}", args).contains(msg),
                "got {args:?}, want {msg}"
            );
        }
        other => panic!("expected {typ}: {msg}, got {other:?}"),
    }
}

fn same(a: f64, b: f64) -> bool {
    a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
}

/// Compares a result with `Ok(value)` or `Err("Type: message")`.
fn check(got: PyResult<f64>, want: Result<f64, &str>, what: &str) {
    match want {
        Ok(w) => assert!(same(got.clone().unwrap(), w), "{what}: {got:?} != {w:?}"),
        Err(e) => {
            let (typ, msg) = e.split_once(": ").unwrap();
            check_err(got, typ, msg);
        }
    }
}

#[test]
fn float_functions() {
    type F = fn(f64) -> PyResult<f64>;
    #[rustfmt::skip]
    let rows: &[(&str, F, f64, Result<f64, &str>)] = &[
        ("sqrt", sqrt, 0.0, Ok(0.0)),
        ("sqrt", sqrt, -0.0, Ok(-0.0)),
        ("sqrt", sqrt, 0.5, Ok(0.7071067811865476)),
        ("sqrt", sqrt, 1.0, Ok(1.0)),
        ("sqrt", sqrt, -1.0, Err("ValueError: math domain error")),
        ("sqrt", sqrt, 2.0, Ok(1.4142135623730951)),
        ("sqrt", sqrt, 10.0, Ok(3.1622776601683795)),
        ("sqrt", sqrt, -3.5, Err("ValueError: math domain error")),
        ("sqrt", sqrt, 100.0, Ok(10.0)),
        ("sqrt", sqrt, 1000.0, Ok(31.622776601683793)),
        ("sqrt", sqrt, 1.0e-10, Ok(1.0e-05)),
        ("sqrt", sqrt, f64::INFINITY, Ok(f64::INFINITY)),
        ("sqrt", sqrt, f64::NEG_INFINITY, Err("ValueError: math domain error")),
        ("sqrt", sqrt, f64::NAN, Ok(f64::NAN)),
        ("sqrt", sqrt, 1.0e+308, Ok(1.0e+154)),
        ("exp", exp, 0.0, Ok(1.0)),
        ("exp", exp, -0.0, Ok(1.0)),
        ("exp", exp, 0.5, Ok(1.6487212707001282)),
        ("exp", exp, 1.0, Ok(2.718281828459045)),
        ("exp", exp, -1.0, Ok(0.36787944117144233)),
        ("exp", exp, 2.0, Ok(7.38905609893065)),
        ("exp", exp, 10.0, Ok(22026.465794806718)),
        ("exp", exp, -3.5, Ok(0.0301973834223185)),
        ("exp", exp, 100.0, Ok(2.6881171418161356e+43)),
        ("exp", exp, 1000.0, Err("OverflowError: math range error")),
        ("exp", exp, 1.0e-10, Ok(1.0000000001)),
        ("exp", exp, f64::INFINITY, Ok(f64::INFINITY)),
        ("exp", exp, f64::NEG_INFINITY, Ok(0.0)),
        ("exp", exp, f64::NAN, Ok(f64::NAN)),
        ("exp", exp, 1.0e+308, Err("OverflowError: math range error")),
        ("exp2", exp2, 0.0, Ok(1.0)),
        ("exp2", exp2, -0.0, Ok(1.0)),
        ("exp2", exp2, 0.5, Ok(1.4142135623730951)),
        ("exp2", exp2, 1.0, Ok(2.0)),
        ("exp2", exp2, -1.0, Ok(0.5)),
        ("exp2", exp2, 2.0, Ok(4.0)),
        ("exp2", exp2, 10.0, Ok(1024.0)),
        ("exp2", exp2, -3.5, Ok(0.08838834764831845)),
        ("exp2", exp2, 100.0, Ok(1.2676506002282294e+30)),
        ("exp2", exp2, 1000.0, Ok(1.0715086071862673e+301)),
        ("exp2", exp2, 1.0e-10, Ok(1.0000000000693148)),
        ("exp2", exp2, f64::INFINITY, Ok(f64::INFINITY)),
        ("exp2", exp2, f64::NEG_INFINITY, Ok(0.0)),
        ("exp2", exp2, f64::NAN, Ok(f64::NAN)),
        ("exp2", exp2, 1.0e+308, Err("OverflowError: math range error")),
        ("expm1", expm1, 0.0, Ok(0.0)),
        ("expm1", expm1, -0.0, Ok(-0.0)),
        ("expm1", expm1, 0.5, Ok(0.6487212707001282)),
        ("expm1", expm1, 1.0, Ok(1.718281828459045)),
        ("expm1", expm1, -1.0, Ok(-0.6321205588285577)),
        ("expm1", expm1, 2.0, Ok(6.38905609893065)),
        ("expm1", expm1, 10.0, Ok(22025.465794806718)),
        ("expm1", expm1, -3.5, Ok(-0.9698026165776815)),
        ("expm1", expm1, 100.0, Ok(2.6881171418161356e+43)),
        ("expm1", expm1, 1000.0, Err("OverflowError: math range error")),
        ("expm1", expm1, 1.0e-10, Ok(1.00000000005e-10)),
        ("expm1", expm1, f64::INFINITY, Ok(f64::INFINITY)),
        ("expm1", expm1, f64::NEG_INFINITY, Ok(-1.0)),
        ("expm1", expm1, f64::NAN, Ok(f64::NAN)),
        ("expm1", expm1, 1.0e+308, Err("OverflowError: math range error")),
        ("sin", sin, 0.0, Ok(0.0)),
        ("sin", sin, -0.0, Ok(-0.0)),
        ("sin", sin, 0.5, Ok(0.479425538604203)),
        ("sin", sin, 1.0, Ok(0.8414709848078965)),
        ("sin", sin, -1.0, Ok(-0.8414709848078965)),
        ("sin", sin, 2.0, Ok(0.9092974268256817)),
        ("sin", sin, 10.0, Ok(-0.5440211108893698)),
        ("sin", sin, -3.5, Ok(0.35078322768961984)),
        ("sin", sin, 100.0, Ok(-0.5063656411097588)),
        ("sin", sin, 1000.0, Ok(0.8268795405320025)),
        ("sin", sin, 1.0e-10, Ok(1.0e-10)),
        ("sin", sin, f64::INFINITY, Err("ValueError: math domain error")),
        ("sin", sin, f64::NEG_INFINITY, Err("ValueError: math domain error")),
        ("sin", sin, f64::NAN, Ok(f64::NAN)),
        ("sin", sin, 1.0e+308, Ok(0.4533964905016491)),
        ("cos", cos, 0.0, Ok(1.0)),
        ("cos", cos, -0.0, Ok(1.0)),
        ("cos", cos, 0.5, Ok(0.8775825618903728)),
        ("cos", cos, 1.0, Ok(0.5403023058681398)),
        ("cos", cos, -1.0, Ok(0.5403023058681398)),
        ("cos", cos, 2.0, Ok(-0.4161468365471424)),
        ("cos", cos, 10.0, Ok(-0.8390715290764524)),
        ("cos", cos, -3.5, Ok(-0.9364566872907963)),
        ("cos", cos, 100.0, Ok(0.8623188722876839)),
        ("cos", cos, 1000.0, Ok(0.5623790762907029)),
        ("cos", cos, 1.0e-10, Ok(1.0)),
        ("cos", cos, f64::INFINITY, Err("ValueError: math domain error")),
        ("cos", cos, f64::NEG_INFINITY, Err("ValueError: math domain error")),
        ("cos", cos, f64::NAN, Ok(f64::NAN)),
        ("cos", cos, 1.0e+308, Ok(-0.8913089376870335)),
        ("tan", tan, 0.0, Ok(0.0)),
        ("tan", tan, -0.0, Ok(-0.0)),
        ("tan", tan, 0.5, Ok(0.5463024898437905)),
        ("tan", tan, 1.0, Ok(1.5574077246549023)),
        ("tan", tan, -1.0, Ok(-1.5574077246549023)),
        ("tan", tan, 2.0, Ok(-2.185039863261519)),
        ("tan", tan, 10.0, Ok(0.6483608274590866)),
        ("tan", tan, -3.5, Ok(-0.3745856401585947)),
        ("tan", tan, 100.0, Ok(-0.5872139151569291)),
        ("tan", tan, 1000.0, Ok(1.4703241557027185)),
        ("tan", tan, 1.0e-10, Ok(1.0e-10)),
        ("tan", tan, f64::INFINITY, Err("ValueError: math domain error")),
        ("tan", tan, f64::NEG_INFINITY, Err("ValueError: math domain error")),
        ("tan", tan, f64::NAN, Ok(f64::NAN)),
        ("tan", tan, 1.0e+308, Ok(-0.5086861259107568)),
        ("asin", asin, 0.0, Ok(0.0)),
        ("asin", asin, -0.0, Ok(-0.0)),
        ("asin", asin, 0.5, Ok(0.5235987755982989)),
        ("asin", asin, 1.0, Ok(1.5707963267948966)),
        ("asin", asin, -1.0, Ok(-1.5707963267948966)),
        ("asin", asin, 2.0, Err("ValueError: math domain error")),
        ("asin", asin, 10.0, Err("ValueError: math domain error")),
        ("asin", asin, -3.5, Err("ValueError: math domain error")),
        ("asin", asin, 100.0, Err("ValueError: math domain error")),
        ("asin", asin, 1000.0, Err("ValueError: math domain error")),
        ("asin", asin, 1.0e-10, Ok(1.0e-10)),
        ("asin", asin, f64::INFINITY, Err("ValueError: math domain error")),
        ("asin", asin, f64::NEG_INFINITY, Err("ValueError: math domain error")),
        ("asin", asin, f64::NAN, Ok(f64::NAN)),
        ("asin", asin, 1.0e+308, Err("ValueError: math domain error")),
        ("acos", acos, 0.0, Ok(1.5707963267948966)),
        ("acos", acos, -0.0, Ok(1.5707963267948966)),
        ("acos", acos, 0.5, Ok(1.0471975511965979)),
        ("acos", acos, 1.0, Ok(0.0)),
        ("acos", acos, -1.0, Ok(3.141592653589793)),
        ("acos", acos, 2.0, Err("ValueError: math domain error")),
        ("acos", acos, 10.0, Err("ValueError: math domain error")),
        ("acos", acos, -3.5, Err("ValueError: math domain error")),
        ("acos", acos, 100.0, Err("ValueError: math domain error")),
        ("acos", acos, 1000.0, Err("ValueError: math domain error")),
        ("acos", acos, 1.0e-10, Ok(1.5707963266948965)),
        ("acos", acos, f64::INFINITY, Err("ValueError: math domain error")),
        ("acos", acos, f64::NEG_INFINITY, Err("ValueError: math domain error")),
        ("acos", acos, f64::NAN, Ok(f64::NAN)),
        ("acos", acos, 1.0e+308, Err("ValueError: math domain error")),
        ("atan", atan, 0.0, Ok(0.0)),
        ("atan", atan, -0.0, Ok(-0.0)),
        ("atan", atan, 0.5, Ok(0.4636476090008061)),
        ("atan", atan, 1.0, Ok(0.7853981633974483)),
        ("atan", atan, -1.0, Ok(-0.7853981633974483)),
        ("atan", atan, 2.0, Ok(1.1071487177940904)),
        ("atan", atan, 10.0, Ok(1.4711276743037347)),
        ("atan", atan, -3.5, Ok(-1.2924966677897853)),
        ("atan", atan, 100.0, Ok(1.5607966601082315)),
        ("atan", atan, 1000.0, Ok(1.5697963271282298)),
        ("atan", atan, 1.0e-10, Ok(1.0e-10)),
        ("atan", atan, f64::INFINITY, Ok(1.5707963267948966)),
        ("atan", atan, f64::NEG_INFINITY, Ok(-1.5707963267948966)),
        ("atan", atan, f64::NAN, Ok(f64::NAN)),
        ("atan", atan, 1.0e+308, Ok(1.5707963267948966)),
        ("sinh", sinh, 0.0, Ok(0.0)),
        ("sinh", sinh, -0.0, Ok(-0.0)),
        ("sinh", sinh, 0.5, Ok(0.5210953054937474)),
        ("sinh", sinh, 1.0, Ok(1.1752011936438014)),
        ("sinh", sinh, -1.0, Ok(-1.1752011936438014)),
        ("sinh", sinh, 2.0, Ok(3.626860407847019)),
        ("sinh", sinh, 10.0, Ok(11013.232874703393)),
        ("sinh", sinh, -3.5, Ok(-16.542627287634996)),
        ("sinh", sinh, 100.0, Ok(1.3440585709080678e+43)),
        ("sinh", sinh, 1000.0, Err("OverflowError: math range error")),
        ("sinh", sinh, 1.0e-10, Ok(1.0e-10)),
        ("sinh", sinh, f64::INFINITY, Ok(f64::INFINITY)),
        ("sinh", sinh, f64::NEG_INFINITY, Ok(f64::NEG_INFINITY)),
        ("sinh", sinh, f64::NAN, Ok(f64::NAN)),
        ("sinh", sinh, 1.0e+308, Err("OverflowError: math range error")),
        ("cosh", cosh, 0.0, Ok(1.0)),
        ("cosh", cosh, -0.0, Ok(1.0)),
        ("cosh", cosh, 0.5, Ok(1.1276259652063807)),
        ("cosh", cosh, 1.0, Ok(1.5430806348152437)),
        ("cosh", cosh, -1.0, Ok(1.5430806348152437)),
        ("cosh", cosh, 2.0, Ok(3.7621956910836314)),
        ("cosh", cosh, 10.0, Ok(11013.232920103324)),
        ("cosh", cosh, -3.5, Ok(16.572824671057315)),
        ("cosh", cosh, 100.0, Ok(1.3440585709080678e+43)),
        ("cosh", cosh, 1000.0, Err("OverflowError: math range error")),
        ("cosh", cosh, 1.0e-10, Ok(1.0)),
        ("cosh", cosh, f64::INFINITY, Ok(f64::INFINITY)),
        ("cosh", cosh, f64::NEG_INFINITY, Ok(f64::INFINITY)),
        ("cosh", cosh, f64::NAN, Ok(f64::NAN)),
        ("cosh", cosh, 1.0e+308, Err("OverflowError: math range error")),
        ("tanh", tanh, 0.0, Ok(0.0)),
        ("tanh", tanh, -0.0, Ok(-0.0)),
        ("tanh", tanh, 0.5, Ok(0.46211715726000974)),
        ("tanh", tanh, 1.0, Ok(0.7615941559557649)),
        ("tanh", tanh, -1.0, Ok(-0.7615941559557649)),
        ("tanh", tanh, 2.0, Ok(0.9640275800758169)),
        ("tanh", tanh, 10.0, Ok(0.9999999958776927)),
        ("tanh", tanh, -3.5, Ok(-0.9981778976111987)),
        ("tanh", tanh, 100.0, Ok(1.0)),
        ("tanh", tanh, 1000.0, Ok(1.0)),
        ("tanh", tanh, 1.0e-10, Ok(1.0e-10)),
        ("tanh", tanh, f64::INFINITY, Ok(1.0)),
        ("tanh", tanh, f64::NEG_INFINITY, Ok(-1.0)),
        ("tanh", tanh, f64::NAN, Ok(f64::NAN)),
        ("tanh", tanh, 1.0e+308, Ok(1.0)),
        ("asinh", asinh, 0.0, Ok(0.0)),
        ("asinh", asinh, -0.0, Ok(-0.0)),
        ("asinh", asinh, 0.5, Ok(0.48121182505960347)),
        ("asinh", asinh, 1.0, Ok(0.881373587019543)),
        ("asinh", asinh, -1.0, Ok(-0.881373587019543)),
        ("asinh", asinh, 2.0, Ok(1.4436354751788103)),
        ("asinh", asinh, 10.0, Ok(2.99822295029797)),
        ("asinh", asinh, -3.5, Ok(-1.9657204716496515)),
        ("asinh", asinh, 100.0, Ok(5.298342365610589)),
        ("asinh", asinh, 1000.0, Ok(7.600902709541988)),
        ("asinh", asinh, 1.0e-10, Ok(1.0e-10)),
        ("asinh", asinh, f64::INFINITY, Ok(f64::INFINITY)),
        ("asinh", asinh, f64::NEG_INFINITY, Ok(f64::NEG_INFINITY)),
        ("asinh", asinh, f64::NAN, Ok(f64::NAN)),
        ("asinh", asinh, 1.0e+308, Ok(709.889355822726)),
        ("acosh", acosh, 0.0, Err("ValueError: math domain error")),
        ("acosh", acosh, -0.0, Err("ValueError: math domain error")),
        ("acosh", acosh, 0.5, Err("ValueError: math domain error")),
        ("acosh", acosh, 1.0, Ok(0.0)),
        ("acosh", acosh, -1.0, Err("ValueError: math domain error")),
        ("acosh", acosh, 2.0, Ok(1.3169578969248166)),
        ("acosh", acosh, 10.0, Ok(2.993222846126381)),
        ("acosh", acosh, -3.5, Err("ValueError: math domain error")),
        ("acosh", acosh, 100.0, Ok(5.298292365610484)),
        ("acosh", acosh, 1000.0, Ok(7.600902209541989)),
        ("acosh", acosh, 1.0e-10, Err("ValueError: math domain error")),
        ("acosh", acosh, f64::INFINITY, Ok(f64::INFINITY)),
        ("acosh", acosh, f64::NEG_INFINITY, Err("ValueError: math domain error")),
        ("acosh", acosh, f64::NAN, Ok(f64::NAN)),
        ("acosh", acosh, 1.0e+308, Ok(709.889355822726)),
        ("atanh", atanh, 0.0, Ok(0.0)),
        ("atanh", atanh, -0.0, Ok(-0.0)),
        ("atanh", atanh, 0.5, Ok(0.5493061443340548)),
        ("atanh", atanh, 1.0, Err("ValueError: math domain error")),
        ("atanh", atanh, -1.0, Err("ValueError: math domain error")),
        ("atanh", atanh, 2.0, Err("ValueError: math domain error")),
        ("atanh", atanh, 10.0, Err("ValueError: math domain error")),
        ("atanh", atanh, -3.5, Err("ValueError: math domain error")),
        ("atanh", atanh, 100.0, Err("ValueError: math domain error")),
        ("atanh", atanh, 1000.0, Err("ValueError: math domain error")),
        ("atanh", atanh, 1.0e-10, Ok(1.0e-10)),
        ("atanh", atanh, f64::INFINITY, Err("ValueError: math domain error")),
        ("atanh", atanh, f64::NEG_INFINITY, Err("ValueError: math domain error")),
        ("atanh", atanh, f64::NAN, Ok(f64::NAN)),
        ("atanh", atanh, 1.0e+308, Err("ValueError: math domain error")),
        ("log2", log2, 0.0, Err("ValueError: math domain error")),
        ("log2", log2, -0.0, Err("ValueError: math domain error")),
        ("log2", log2, 0.5, Ok(-1.0)),
        ("log2", log2, 1.0, Ok(0.0)),
        ("log2", log2, -1.0, Err("ValueError: math domain error")),
        ("log2", log2, 2.0, Ok(1.0)),
        ("log2", log2, 10.0, Ok(3.321928094887362)),
        ("log2", log2, -3.5, Err("ValueError: math domain error")),
        ("log2", log2, 100.0, Ok(6.643856189774724)),
        ("log2", log2, 1000.0, Ok(9.965784284662087)),
        ("log2", log2, 1.0e-10, Ok(-33.219280948873624)),
        ("log2", log2, f64::INFINITY, Ok(f64::INFINITY)),
        ("log2", log2, f64::NEG_INFINITY, Err("ValueError: math domain error")),
        ("log2", log2, f64::NAN, Ok(f64::NAN)),
        ("log2", log2, 1.0e+308, Ok(1023.1538532253076)),
        ("log10", log10, 0.0, Err("ValueError: math domain error")),
        ("log10", log10, -0.0, Err("ValueError: math domain error")),
        ("log10", log10, 0.5, Ok(-0.3010299956639812)),
        ("log10", log10, 1.0, Ok(0.0)),
        ("log10", log10, -1.0, Err("ValueError: math domain error")),
        ("log10", log10, 2.0, Ok(0.3010299956639812)),
        ("log10", log10, 10.0, Ok(1.0)),
        ("log10", log10, -3.5, Err("ValueError: math domain error")),
        ("log10", log10, 100.0, Ok(2.0)),
        ("log10", log10, 1000.0, Ok(3.0)),
        ("log10", log10, 1.0e-10, Ok(-10.0)),
        ("log10", log10, f64::INFINITY, Ok(f64::INFINITY)),
        ("log10", log10, f64::NEG_INFINITY, Err("ValueError: math domain error")),
        ("log10", log10, f64::NAN, Ok(f64::NAN)),
        ("log10", log10, 1.0e+308, Ok(308.0)),
        ("log1p", log1p, 0.0, Ok(0.0)),
        ("log1p", log1p, -0.0, Ok(-0.0)),
        ("log1p", log1p, 0.5, Ok(0.4054651081081644)),
        ("log1p", log1p, 1.0, Ok(0.6931471805599453)),
        ("log1p", log1p, -1.0, Err("ValueError: math domain error")),
        ("log1p", log1p, 2.0, Ok(1.0986122886681096)),
        ("log1p", log1p, 10.0, Ok(2.3978952727983707)),
        ("log1p", log1p, -3.5, Err("ValueError: math domain error")),
        ("log1p", log1p, 100.0, Ok(4.61512051684126)),
        ("log1p", log1p, 1000.0, Ok(6.90875477931522)),
        ("log1p", log1p, 1.0e-10, Ok(9.999999999500001e-11)),
        ("log1p", log1p, f64::INFINITY, Ok(f64::INFINITY)),
        ("log1p", log1p, f64::NEG_INFINITY, Err("ValueError: math domain error")),
        ("log1p", log1p, f64::NAN, Ok(f64::NAN)),
        ("log1p", log1p, 1.0e+308, Ok(709.1962086421661)),
        ("cbrt", cbrt, 0.0, Ok(0.0)),
        ("cbrt", cbrt, -0.0, Ok(-0.0)),
        ("cbrt", cbrt, 1.0, Ok(1.0)),
        ("cbrt", cbrt, -1.0, Ok(-1.0)),
        ("cbrt", cbrt, 1000.0, Ok(10.0)),
        ("cbrt", cbrt, f64::INFINITY, Ok(f64::INFINITY)),
    ];
    for &(name, f, x, want) in rows {
        check(f(x), want, &format!("{name}({x})"));
    }
    #[rustfmt::skip]
    let rows: &[(f64, Option<f64>, Result<f64, &str>)] = &[
        (0.0, None, Err("ValueError: math domain error")),
        (0.0, Some(2.0), Err("ValueError: math domain error")),
        (0.0, Some(10.0), Err("ValueError: math domain error")),
        (0.0, Some(1.0), Err("ValueError: math domain error")),
        (0.0, Some(0.5), Err("ValueError: math domain error")),
        (-0.0, None, Err("ValueError: math domain error")),
        (-0.0, Some(2.0), Err("ValueError: math domain error")),
        (-0.0, Some(10.0), Err("ValueError: math domain error")),
        (-0.0, Some(1.0), Err("ValueError: math domain error")),
        (-0.0, Some(0.5), Err("ValueError: math domain error")),
        (0.5, None, Ok(-0.6931471805599453)),
        (0.5, Some(2.0), Ok(-1.0)),
        (0.5, Some(10.0), Ok(-0.30102999566398114)),
        (0.5, Some(1.0), Err("ZeroDivisionError: float division by zero")),
        (0.5, Some(0.5), Ok(1.0)),
        (1.0, None, Ok(0.0)),
        (1.0, Some(2.0), Ok(0.0)),
        (1.0, Some(10.0), Ok(0.0)),
        (1.0, Some(1.0), Err("ZeroDivisionError: float division by zero")),
        (1.0, Some(0.5), Ok(-0.0)),
        (-1.0, None, Err("ValueError: math domain error")),
        (-1.0, Some(2.0), Err("ValueError: math domain error")),
        (-1.0, Some(10.0), Err("ValueError: math domain error")),
        (-1.0, Some(1.0), Err("ValueError: math domain error")),
        (-1.0, Some(0.5), Err("ValueError: math domain error")),
        (2.0, None, Ok(0.6931471805599453)),
        (2.0, Some(2.0), Ok(1.0)),
        (2.0, Some(10.0), Ok(0.30102999566398114)),
        (2.0, Some(1.0), Err("ZeroDivisionError: float division by zero")),
        (2.0, Some(0.5), Ok(-1.0)),
        (10.0, None, Ok(2.302585092994046)),
        (10.0, Some(2.0), Ok(3.3219280948873626)),
        (10.0, Some(10.0), Ok(1.0)),
        (10.0, Some(1.0), Err("ZeroDivisionError: float division by zero")),
        (10.0, Some(0.5), Ok(-3.3219280948873626)),
        (-3.5, None, Err("ValueError: math domain error")),
        (-3.5, Some(2.0), Err("ValueError: math domain error")),
        (-3.5, Some(10.0), Err("ValueError: math domain error")),
        (-3.5, Some(1.0), Err("ValueError: math domain error")),
        (-3.5, Some(0.5), Err("ValueError: math domain error")),
        (100.0, None, Ok(4.605170185988092)),
        (100.0, Some(2.0), Ok(6.643856189774725)),
        (100.0, Some(10.0), Ok(2.0)),
        (100.0, Some(1.0), Err("ZeroDivisionError: float division by zero")),
        (100.0, Some(0.5), Ok(-6.643856189774725)),
        (1000.0, None, Ok(6.907755278982137)),
        (1000.0, Some(2.0), Ok(9.965784284662087)),
        (1000.0, Some(10.0), Ok(2.9999999999999996)),
        (1000.0, Some(1.0), Err("ZeroDivisionError: float division by zero")),
        (1000.0, Some(0.5), Ok(-9.965784284662087)),
        (1.0e-10, None, Ok(-23.025850929940457)),
        (1.0e-10, Some(2.0), Ok(-33.219280948873624)),
        (1.0e-10, Some(10.0), Ok(-10.0)),
        (1.0e-10, Some(1.0), Err("ZeroDivisionError: float division by zero")),
        (1.0e-10, Some(0.5), Ok(33.219280948873624)),
        (f64::INFINITY, None, Ok(f64::INFINITY)),
        (f64::INFINITY, Some(2.0), Ok(f64::INFINITY)),
        (f64::INFINITY, Some(10.0), Ok(f64::INFINITY)),
        (f64::INFINITY, Some(1.0), Err("ZeroDivisionError: float division by zero")),
        (f64::INFINITY, Some(0.5), Ok(f64::NEG_INFINITY)),
        (f64::NEG_INFINITY, None, Err("ValueError: math domain error")),
        (f64::NEG_INFINITY, Some(2.0), Err("ValueError: math domain error")),
        (f64::NEG_INFINITY, Some(10.0), Err("ValueError: math domain error")),
        (f64::NEG_INFINITY, Some(1.0), Err("ValueError: math domain error")),
        (f64::NEG_INFINITY, Some(0.5), Err("ValueError: math domain error")),
        (f64::NAN, None, Ok(f64::NAN)),
        (f64::NAN, Some(2.0), Ok(f64::NAN)),
        (f64::NAN, Some(10.0), Ok(f64::NAN)),
        (f64::NAN, Some(1.0), Err("ZeroDivisionError: float division by zero")),
        (f64::NAN, Some(0.5), Ok(f64::NAN)),
        (1.0e+308, None, Ok(709.1962086421661)),
        (1.0e+308, Some(2.0), Ok(1023.1538532253077)),
        (1.0e+308, Some(10.0), Ok(308.0)),
        (1.0e+308, Some(1.0), Err("ZeroDivisionError: float division by zero")),
        (1.0e+308, Some(0.5), Ok(-1023.1538532253077)),
    ];
    for &(x, b, want) in rows {
        check(log(x, b), want, &format!("log({x}, {b:?})"));
    }
    #[rustfmt::skip]
    let rows: &[(f64, f64, Result<f64, &str>, Result<f64, &str>)] = &[
        (0.0, 0.0, Ok(1.0), Err("ValueError: math domain error")),
        (0.0, 1.0, Ok(0.0), Ok(0.0)),
        (0.0, -1.0, Err("ValueError: math domain error"), Ok(0.0)),
        (0.0, 2.0, Ok(0.0), Ok(0.0)),
        (0.0, 0.5, Ok(0.0), Ok(0.0)),
        (0.0, 3.0, Ok(0.0), Ok(0.0)),
        (0.0, -3.0, Err("ValueError: math domain error"), Ok(0.0)),
        (0.0, 400.0, Ok(0.0), Ok(0.0)),
        (0.0, f64::INFINITY, Ok(0.0), Ok(0.0)),
        (0.0, f64::NEG_INFINITY, Ok(f64::INFINITY), Ok(0.0)),
        (0.0, f64::NAN, Ok(f64::NAN), Ok(f64::NAN)),
        (0.0, 0.3333333333333333, Ok(0.0), Ok(0.0)),
        (-0.0, 0.0, Ok(1.0), Err("ValueError: math domain error")),
        (-0.0, 1.0, Ok(-0.0), Ok(-0.0)),
        (-0.0, -1.0, Err("ValueError: math domain error"), Ok(-0.0)),
        (-0.0, 2.0, Ok(0.0), Ok(-0.0)),
        (-0.0, 0.5, Ok(0.0), Ok(-0.0)),
        (-0.0, 3.0, Ok(-0.0), Ok(-0.0)),
        (-0.0, -3.0, Err("ValueError: math domain error"), Ok(-0.0)),
        (-0.0, 400.0, Ok(0.0), Ok(-0.0)),
        (-0.0, f64::INFINITY, Ok(0.0), Ok(-0.0)),
        (-0.0, f64::NEG_INFINITY, Ok(f64::INFINITY), Ok(-0.0)),
        (-0.0, f64::NAN, Ok(f64::NAN), Ok(f64::NAN)),
        (-0.0, 0.3333333333333333, Ok(0.0), Ok(-0.0)),
        (2.0, 0.0, Ok(1.0), Err("ValueError: math domain error")),
        (2.0, 1.0, Ok(2.0), Ok(0.0)),
        (2.0, -1.0, Ok(0.5), Ok(0.0)),
        (2.0, 2.0, Ok(4.0), Ok(0.0)),
        (2.0, 0.5, Ok(1.4142135623730951), Ok(0.0)),
        (2.0, 3.0, Ok(8.0), Ok(2.0)),
        (2.0, -3.0, Ok(0.125), Ok(2.0)),
        (2.0, 400.0, Ok(2.5822498780869086e+120), Ok(2.0)),
        (2.0, f64::INFINITY, Ok(f64::INFINITY), Ok(2.0)),
        (2.0, f64::NEG_INFINITY, Ok(0.0), Ok(2.0)),
        (2.0, f64::NAN, Ok(f64::NAN), Ok(f64::NAN)),
        (2.0, 0.3333333333333333, Ok(1.2599210498948732), Ok(1.1102230246251565e-16)),
        (-2.0, 0.0, Ok(1.0), Err("ValueError: math domain error")),
        (-2.0, 1.0, Ok(-2.0), Ok(-0.0)),
        (-2.0, -1.0, Ok(-0.5), Ok(-0.0)),
        (-2.0, 2.0, Ok(4.0), Ok(-0.0)),
        (-2.0, 0.5, Err("ValueError: math domain error"), Ok(-0.0)),
        (-2.0, 3.0, Ok(-8.0), Ok(-2.0)),
        (-2.0, -3.0, Ok(-0.125), Ok(-2.0)),
        (-2.0, 400.0, Ok(2.5822498780869086e+120), Ok(-2.0)),
        (-2.0, f64::INFINITY, Ok(f64::INFINITY), Ok(-2.0)),
        (-2.0, f64::NEG_INFINITY, Ok(0.0), Ok(-2.0)),
        (-2.0, f64::NAN, Ok(f64::NAN), Ok(f64::NAN)),
        (-2.0, 0.3333333333333333, Err("ValueError: math domain error"), Ok(-1.1102230246251565e-16)),
        (10.0, 0.0, Ok(1.0), Err("ValueError: math domain error")),
        (10.0, 1.0, Ok(10.0), Ok(0.0)),
        (10.0, -1.0, Ok(0.1), Ok(0.0)),
        (10.0, 2.0, Ok(100.0), Ok(0.0)),
        (10.0, 0.5, Ok(3.1622776601683795), Ok(0.0)),
        (10.0, 3.0, Ok(1000.0), Ok(1.0)),
        (10.0, -3.0, Ok(0.001), Ok(1.0)),
        (10.0, 400.0, Err("OverflowError: math range error"), Ok(10.0)),
        (10.0, f64::INFINITY, Ok(f64::INFINITY), Ok(10.0)),
        (10.0, f64::NEG_INFINITY, Ok(0.0), Ok(10.0)),
        (10.0, f64::NAN, Ok(f64::NAN), Ok(f64::NAN)),
        (10.0, 0.3333333333333333, Ok(2.154434690031884), Ok(5.551115123125783e-16)),
        (0.5, 0.0, Ok(1.0), Err("ValueError: math domain error")),
        (0.5, 1.0, Ok(0.5), Ok(0.5)),
        (0.5, -1.0, Ok(2.0), Ok(0.5)),
        (0.5, 2.0, Ok(0.25), Ok(0.5)),
        (0.5, 0.5, Ok(0.7071067811865476), Ok(0.0)),
        (0.5, 3.0, Ok(0.125), Ok(0.5)),
        (0.5, -3.0, Ok(8.0), Ok(0.5)),
        (0.5, 400.0, Ok(3.8725919148493183e-121), Ok(0.5)),
        (0.5, f64::INFINITY, Ok(0.0), Ok(0.5)),
        (0.5, f64::NEG_INFINITY, Ok(f64::INFINITY), Ok(0.5)),
        (0.5, f64::NAN, Ok(f64::NAN), Ok(f64::NAN)),
        (0.5, 0.3333333333333333, Ok(0.7937005259840998), Ok(0.16666666666666669)),
        (f64::INFINITY, 0.0, Ok(1.0), Err("ValueError: math domain error")),
        (f64::INFINITY, 1.0, Ok(f64::INFINITY), Err("ValueError: math domain error")),
        (f64::INFINITY, -1.0, Ok(0.0), Err("ValueError: math domain error")),
        (f64::INFINITY, 2.0, Ok(f64::INFINITY), Err("ValueError: math domain error")),
        (f64::INFINITY, 0.5, Ok(f64::INFINITY), Err("ValueError: math domain error")),
        (f64::INFINITY, 3.0, Ok(f64::INFINITY), Err("ValueError: math domain error")),
        (f64::INFINITY, -3.0, Ok(0.0), Err("ValueError: math domain error")),
        (f64::INFINITY, 400.0, Ok(f64::INFINITY), Err("ValueError: math domain error")),
        (f64::INFINITY, f64::INFINITY, Ok(f64::INFINITY), Err("ValueError: math domain error")),
        (f64::INFINITY, f64::NEG_INFINITY, Ok(0.0), Err("ValueError: math domain error")),
        (f64::INFINITY, f64::NAN, Ok(f64::NAN), Ok(f64::NAN)),
        (f64::INFINITY, 0.3333333333333333, Ok(f64::INFINITY), Err("ValueError: math domain error")),
        (f64::NEG_INFINITY, 0.0, Ok(1.0), Err("ValueError: math domain error")),
        (f64::NEG_INFINITY, 1.0, Ok(f64::NEG_INFINITY), Err("ValueError: math domain error")),
        (f64::NEG_INFINITY, -1.0, Ok(-0.0), Err("ValueError: math domain error")),
        (f64::NEG_INFINITY, 2.0, Ok(f64::INFINITY), Err("ValueError: math domain error")),
        (f64::NEG_INFINITY, 0.5, Ok(f64::INFINITY), Err("ValueError: math domain error")),
        (f64::NEG_INFINITY, 3.0, Ok(f64::NEG_INFINITY), Err("ValueError: math domain error")),
        (f64::NEG_INFINITY, -3.0, Ok(-0.0), Err("ValueError: math domain error")),
        (f64::NEG_INFINITY, 400.0, Ok(f64::INFINITY), Err("ValueError: math domain error")),
        (f64::NEG_INFINITY, f64::INFINITY, Ok(f64::INFINITY), Err("ValueError: math domain error")),
        (f64::NEG_INFINITY, f64::NEG_INFINITY, Ok(0.0), Err("ValueError: math domain error")),
        (f64::NEG_INFINITY, f64::NAN, Ok(f64::NAN), Ok(f64::NAN)),
        (f64::NEG_INFINITY, 0.3333333333333333, Ok(f64::INFINITY), Err("ValueError: math domain error")),
        (f64::NAN, 0.0, Ok(1.0), Ok(f64::NAN)),
        (f64::NAN, 1.0, Ok(f64::NAN), Ok(f64::NAN)),
        (f64::NAN, -1.0, Ok(f64::NAN), Ok(f64::NAN)),
        (f64::NAN, 2.0, Ok(f64::NAN), Ok(f64::NAN)),
        (f64::NAN, 0.5, Ok(f64::NAN), Ok(f64::NAN)),
        (f64::NAN, 3.0, Ok(f64::NAN), Ok(f64::NAN)),
        (f64::NAN, -3.0, Ok(f64::NAN), Ok(f64::NAN)),
        (f64::NAN, 400.0, Ok(f64::NAN), Ok(f64::NAN)),
        (f64::NAN, f64::INFINITY, Ok(f64::NAN), Ok(f64::NAN)),
        (f64::NAN, f64::NEG_INFINITY, Ok(f64::NAN), Ok(f64::NAN)),
        (f64::NAN, f64::NAN, Ok(f64::NAN), Ok(f64::NAN)),
        (f64::NAN, 0.3333333333333333, Ok(f64::NAN), Ok(f64::NAN)),
        (-8.0, 0.0, Ok(1.0), Err("ValueError: math domain error")),
        (-8.0, 1.0, Ok(-8.0), Ok(-0.0)),
        (-8.0, -1.0, Ok(-0.125), Ok(-0.0)),
        (-8.0, 2.0, Ok(64.0), Ok(-0.0)),
        (-8.0, 0.5, Err("ValueError: math domain error"), Ok(-0.0)),
        (-8.0, 3.0, Ok(-512.0), Ok(-2.0)),
        (-8.0, -3.0, Ok(-0.001953125), Ok(-2.0)),
        (-8.0, 400.0, Err("OverflowError: math range error"), Ok(-8.0)),
        (-8.0, f64::INFINITY, Ok(f64::INFINITY), Ok(-8.0)),
        (-8.0, f64::NEG_INFINITY, Ok(0.0), Ok(-8.0)),
        (-8.0, f64::NAN, Ok(f64::NAN), Ok(f64::NAN)),
        (-8.0, 0.3333333333333333, Err("ValueError: math domain error"), Ok(-4.440892098500626e-16)),
        (1.0, 0.0, Ok(1.0), Err("ValueError: math domain error")),
        (1.0, 1.0, Ok(1.0), Ok(0.0)),
        (1.0, -1.0, Ok(1.0), Ok(0.0)),
        (1.0, 2.0, Ok(1.0), Ok(1.0)),
        (1.0, 0.5, Ok(1.0), Ok(0.0)),
        (1.0, 3.0, Ok(1.0), Ok(1.0)),
        (1.0, -3.0, Ok(1.0), Ok(1.0)),
        (1.0, 400.0, Ok(1.0), Ok(1.0)),
        (1.0, f64::INFINITY, Ok(1.0), Ok(1.0)),
        (1.0, f64::NEG_INFINITY, Ok(1.0), Ok(1.0)),
        (1.0, f64::NAN, Ok(1.0), Ok(f64::NAN)),
        (1.0, 0.3333333333333333, Ok(1.0), Ok(5.551115123125783e-17)),
        (-1.0, 0.0, Ok(1.0), Err("ValueError: math domain error")),
        (-1.0, 1.0, Ok(-1.0), Ok(-0.0)),
        (-1.0, -1.0, Ok(-1.0), Ok(-0.0)),
        (-1.0, 2.0, Ok(1.0), Ok(-1.0)),
        (-1.0, 0.5, Err("ValueError: math domain error"), Ok(-0.0)),
        (-1.0, 3.0, Ok(-1.0), Ok(-1.0)),
        (-1.0, -3.0, Ok(-1.0), Ok(-1.0)),
        (-1.0, 400.0, Ok(1.0), Ok(-1.0)),
        (-1.0, f64::INFINITY, Ok(1.0), Ok(-1.0)),
        (-1.0, f64::NEG_INFINITY, Ok(1.0), Ok(-1.0)),
        (-1.0, f64::NAN, Ok(f64::NAN), Ok(f64::NAN)),
        (-1.0, 0.3333333333333333, Err("ValueError: math domain error"), Ok(-5.551115123125783e-17)),
    ];
    for &(x, y, p, m) in rows {
        check(pow(x, y), p, &format!("pow({x}, {y})"));
        check(fmod(x, y), m, &format!("fmod({x}, {y})"));
    }
    assert!(same(atan2(0.0, -0.0), 3.141592653589793));
    assert!(same(atan2(1.0, 1.0), 0.7853981633974483));
    assert!(same(atan2(-1.0, -1.0), -2.356194490192345));
    assert!(same(atan2(0.0, 0.0), 0.0));
    assert!(same(degrees(3.141592653589793), 180.0));
    assert!(same(radians(3.141592653589793), 0.05483113556160755));
    assert!(same(degrees(1.0), 57.29577951308232));
    assert!(same(radians(1.0), 0.017453292519943295));
    assert!(same(degrees(-45.0), -2578.3100780887044));
    assert!(same(radians(-45.0), -0.7853981633974483));
    let (a, b) = modf(1.5);
    assert!(same(a, 0.5) && same(b, 1.0));
    let (a, b) = modf(-1.5);
    assert!(same(a, -0.5) && same(b, -1.0));
    let (a, b) = modf(f64::INFINITY);
    assert!(same(a, 0.0) && same(b, f64::INFINITY));
    let (a, b) = modf(-0.0);
    assert!(same(a, -0.0) && same(b, -0.0));
    let (a, b) = modf(3.0);
    assert!(same(a, 0.0) && same(b, 3.0));
}

#[test]
fn rounding_and_tests() {
    assert_eq!(floor(1.5).unwrap(), "1".parse::<BigInt>().unwrap());
    assert_eq!(ceil(1.5).unwrap(), "2".parse::<BigInt>().unwrap());
    assert_eq!(trunc(1.5).unwrap(), "1".parse::<BigInt>().unwrap());
    assert_eq!(floor(-1.5).unwrap(), "-2".parse::<BigInt>().unwrap());
    assert_eq!(ceil(-1.5).unwrap(), "-1".parse::<BigInt>().unwrap());
    assert_eq!(trunc(-1.5).unwrap(), "-1".parse::<BigInt>().unwrap());
    assert_eq!(floor(0.0).unwrap(), "0".parse::<BigInt>().unwrap());
    assert_eq!(ceil(0.0).unwrap(), "0".parse::<BigInt>().unwrap());
    assert_eq!(trunc(0.0).unwrap(), "0".parse::<BigInt>().unwrap());
    assert_eq!(floor(-0.5).unwrap(), "-1".parse::<BigInt>().unwrap());
    assert_eq!(ceil(-0.5).unwrap(), "0".parse::<BigInt>().unwrap());
    assert_eq!(trunc(-0.5).unwrap(), "0".parse::<BigInt>().unwrap());
    assert_eq!(
        floor(1.0e+20).unwrap(),
        "100000000000000000000".parse::<BigInt>().unwrap()
    );
    assert_eq!(
        ceil(1.0e+20).unwrap(),
        "100000000000000000000".parse::<BigInt>().unwrap()
    );
    assert_eq!(
        trunc(1.0e+20).unwrap(),
        "100000000000000000000".parse::<BigInt>().unwrap()
    );
    assert_eq!(floor(2.0).unwrap(), "2".parse::<BigInt>().unwrap());
    assert_eq!(ceil(2.0).unwrap(), "2".parse::<BigInt>().unwrap());
    assert_eq!(trunc(2.0).unwrap(), "2".parse::<BigInt>().unwrap());
    check_err(
        floor(f64::INFINITY),
        "OverflowError",
        "cannot convert float infinity to integer",
    );
    check_err(
        floor(f64::NAN),
        "ValueError",
        "cannot convert float NaN to integer",
    );
    assert_eq!(isclose(1.0, 1.0000000001, 1.0e-09, 0.0).unwrap(), true);
    assert_eq!(isclose(1.0, 1.1, 1.0e-09, 0.0).unwrap(), false);
    assert_eq!(isclose(0.0, 1.0e-10, 1.0e-09, 0.0).unwrap(), false);
    assert_eq!(isclose(0.0, 1.0e-10, 1.0e-09, 1.0e-09).unwrap(), true);
    assert_eq!(
        isclose(f64::INFINITY, f64::INFINITY, 1.0e-09, 0.0).unwrap(),
        true
    );
    assert_eq!(
        isclose(f64::INFINITY, 1.0e+308, 1.0e-09, 0.0).unwrap(),
        false
    );
    assert_eq!(isclose(1.0, 1.05, 0.1, 0.0).unwrap(), true);
    check_err(
        isclose(1.0, 2.0, -1.0, 0.0),
        "ValueError",
        "tolerances must be non-negative",
    );
}

#[test]
fn hypot_and_fsum() {
    #[rustfmt::skip]
    let rows: &[(&[f64], f64)] = &[
        (&[3.0, 4.0], 5.0),
        (&[], 0.0),
        (&[5.0], 5.0),
        (&[1.0e+308, 1.0e+308], 1.4142135623730951e+308),
        (&[f64::INFINITY, f64::NAN], f64::INFINITY),
        (&[f64::NAN, 1.0], f64::NAN),
        (&[1.0e-320, 1.0e-320], 1.414e-320),
        (&[1.0, 1.0, 1.0], 1.7320508075688772),
        (&[0.00013840774964442453, -489.8619485211566, 521.9248898251511], 715.8004744535725),
        (&[0.0005774467022710264, -2.4286686951704795, -1.3446586418989331e-05, 0.39166573353688694, 0.04430800646815652], 2.460446547029777),
        (&[8.028549152229674e-05, -955355.7779573523], 955355.7779573523),
        (&[87.82983255570213, 37.296770835815956], 95.42079753147132),
        (&[55.258828724796416, 8783.34037897173], 8783.514202813547),
        (&[-308599.17058249505, -562.4379253246228, 9.044889105823875e-05], 308599.68311815185),
        (&[6751.559513251457, 0.0008443771249397749, -0.6281874682105646, -7.582200803883872, 7911.507892829835], 10400.748573236173),
        (&[15434.50102263222, -0.6203005417679472, 175.16121228711884, 6923.948368566254, -2.132927538603209e-05], 16917.315527685503),
        (&[-51.45200529138647, -0.0017137200139845136, -265752.337145824, 0.00047643092833016856, -1220.7673991087377], 265755.14598746586),
        (&[5568.852300002916, 6.799030809589489], 5568.8564504813485),
        (&[465.53161784373174, -91302.54192869451, 18.636746076011512, 0.0029431233063860526, 4.4771168669662134e-07], 91303.73064479098),
        (&[792.3489689955759, -5356.477438739708, -31234.821748037066], 31700.690167124834),
        (&[-0.08173653617866333, 31842.96272396489, 9.142325629204539e-05, -2326.2073421992022], 31927.817270295818),
        (&[373.5656704600405, -5.890294845984777e-05, -0.37796365171519675], 373.5658616667014),
        (&[88.20270226109099, -0.30149775544531643, -1.7115096232178928e-05], 88.20321755500474),
        (&[-8.370639980055117e-06, 609138.9690280707, -64557.748212283455, -0.0006384320130793921], 612550.3950229903),
        (&[-935081.7376115199, -8.59093053888766e-05, -0.09400242545366329, -0.0005008815486931544], 935081.7376115246),
        (&[-0.0003111542718070101, -0.6650593853052629, 0.0005476079809602564], 0.665059683542835),
        (&[0.2964056091247487, -0.9059673990867232, -7.012688014343383e-06, -95.27308447360258], 95.27785292672999),
        (&[-0.01581626415818482, -0.4831583334690082, 7996.370007120405, 95347.65513105836], 95682.37702166323),
        (&[6.340793367557738e-05, -54.92519733627958, -0.00707076519201308, -1086.6296731523234, 3563.5159055389495], 3725.912832173699),
        (&[953952.3121058121, 5956.217154123021, -983.0994571453662], 953971.412978059),
        (&[-21020.398028340085, 606771.0268683108], 607135.0230221397),
        (&[-0.8824297675870174, -0.07486333553805455, 0.7510684884703185, -0.0008585462442261814, -0.3792727452937319], 1.2215724458782407),
        (&[-0.1676554744699491, -7392.177431511842, 7.574357964176934e-05], 7392.177433413065),
        (&[92440.22503616361, -7829.501969341805, 1.7747492155780975], 92771.20409358839),
        (&[-0.030613823087475664, 14.67654060446172, 182.81862428961145], 183.4067915003877),
        (&[87.59078035646309, -407.8546538336969], 417.1541243440593),
        (&[-34.930869024800735, 7.993565392695623e-05], 34.930869024892196),
        (&[-5.982939771184812, 62227.81239010352, 5.654007514587512], 62227.81293458168),
        (&[-573940.4072383725, -80.71897948130805, 8.643749437872547, 828889.2788051545, 686.600876524853], 1008199.1398479319),
        (&[-8.693544607540194e-05, -0.008306395391670315, -6668.948991449508], 6668.948991454681),
        (&[-4.639801120889757, 0.20041766026449911, -2.637840011887018], 5.34098507845396),
        (&[-41756.942517773066, 559.0796910868205], 41760.68508218693),
        (&[0.00015991411434367997, -35.854808927867126, -0.00853613162335303], 35.85480994434325),
        (&[-31820.50717668332, 17.48158452198446, -8466.967259230983], 32927.71654937587),
        (&[0.1319330346844085, -0.27021639211821374, 0.00012889366648039484], 0.300704573999131),
        (&[0.0007935188304958161, 0.5740293271206575, -975236.5110266668, -97.09036932634842, -7.697950031441455e-05], 975236.5158597864),
        (&[-52073.32702649814, -0.0001579728251394654, -98182.7651354159], 111137.24289024297),
        (&[-0.000682110477328205, -12.979433073454487, 6129.747326711421], 6129.76106834591),
    ];
    for &(c, want) in rows {
        assert!(same(hypot(c), want), "hypot{c:?}");
    }
    assert!(same(dist(&[0.0, 0.0], &[3.0, 4.0]).unwrap(), 5.0));
    #[rustfmt::skip]
    let rows: &[(&[f64], f64)] = &[
        (&[0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1], 1.0),
        (&[1.0e+100, 1.0, -1.0e+100, 1.0e-100, 1.0e+50, -1.0, -1.0e+50], 1.0e-100),
        (&[1.0e-16, 1.0, 1.0e+16], 1.0000000000000002e+16),
        (&[], 0.0),
        (&[f64::INFINITY, 1.0], f64::INFINITY),
        (&[f64::NAN, 1.0], f64::NAN),
        (&[9007199254740992.0, 1.0, 1.0], 9007199254740994.0),
        (&[1.0, -1.0e-16, 1.0e+16], 1.0e+16),
        (&[1004181691.0222367, -3.710805162768194e-08, 3.041003989788345e-19, -0.009454749075992981, 0.45296745891229273], 1004181691.4657494),
        (&[-21746.18942546718, -0.8740704199047094, 939626553.6762311, -7.772753797462162e-08, 57027123298953.27, 7352276845.006616, 3.236688577506986e-05, -6.335545101523063e-08], 57035415180604.89),
        (&[-601.5682034733713, -0.0008372624692324245, -82117037.49987973, -8190231226085047.0, 2.8693216053968327e-07], -8190231308202686.0),
        (&[9.33196176689629e-19, -0.3455171706257336, 5.854636109938436e+16, 0.07870004910432021, -5.083037415991216e-15, 8845082836436835.0, 6.151353954667232e-16], 6.739144393582119e+16),
        (&[-5.596891489569245e-06, -0.00019645269107330555, 1.0240950983101204e-17, 4.583385299910574e-20], -0.0002020495825628645),
        (&[-98.0166073280252, -1.347791449972413e-13, -0.7981310859109525, -8.457860274721678e-10, -6.40867147204146e-12, 0.969791742288145, -388754247026.4773, 6.693783241414566e+17, -4.130210112586645e-08, -7.1663870594661025e-19, 5.59486900509427e+18], 6.26424694048148e+18),
        (&[8.143075339935945e-08, -6436902.687113528, 7.498462733472789e-19, 4.296489039376226e-06, -4.9482718441223315e-17, 36415165.60820621, 616505256744793.0, -49956036.29741423, 702585332.6627598, -9.78266948525452, -65696478995.72688], 616440242873346.8),
        (&[586134.1453558033], 586134.1453558033),
        (&[-96.21780505430458, 1.6014114228314314e+16, -7.497419694290193e-05, 0.0009664341334839816, -20440.537387025448, -6.556515602403146e-16, -5.3294069340830005e-21, -0.64484377907661, 179923.91144532326, 8.60215763546722e+19], 8.603759046890067e+19),
        (&[-0.5485388452056845, -98554985.67978182, 913079.4588485669, -3.2609700321544064e+18, 0.0008138790090116965, 9.447075373890277e-07, -9.036053132771924e-17, 526.3886080934361, -6.810645384843378e-08, -0.03763959363293954, 697.9822449731503, -669642572.0858179], -3.2609700329216896e+18),
        (&[-8.300535849291512e-14, 793208742232.6976, 1.4246538843509106e-10, -6884415.559381931, -5647626229868339.0, 4.39195346202703e-18, -994.8332881384304, 43.430652673502145, -2.3204667098737077e-11, 8.844577863657689e-20], -5646833028011473.0),
        (&[9.62442116296318e-05, 0.0002568970039642815, 4.738150226006342e-16, 9.18877675754143e-13, 9.384570833408422e+18, 6.838617170870476e-16, -1.0988253577097674e-06, 9424.150563925627, 8799942.106412577], 9.38457083341723e+18),
        (&[-0.6704915626334524, -1.2374210169419553e+18, 8.17769519805409e-08, -7.616265351882502e+17, 6.810908627843992e-15, 0.0003210194154899644, -503567257838703.8], -1.9995511193880443e+18),
        (&[9196082530891.701], 9196082530891.701),
        (&[1.581652465616863e-20, 2.550531770749609e+17, -5.155216181973763e-05, -0.005867883686296307, -7.031791129359688e-09, -4.5354860557413624e+16, 51483932.51133297, 5.821814367360039e-11], 2.096983165690312e+17),
        (&[-286089.14478407387, 7.113953995972872e-08, 1410.8925877407041, -5.90356524526366e-15, 8.080356092385812e-20, -7.638569389386688e-21, 9.057417953629199e-14, -849.6328517739256, 0.014515657433090934], -285527.8705323785),
        (&[0.6064976412995193, 0.517220400696903, -99831056.4102221, 43.59352953665277, -39040.16235575773, -3212697091238603.5, -154.0173421658042], -3212697191108809.5),
        (&[-5.921718991266405e-21, 9.896616828087157e+19, 196328397427.322, -602241456.7020813, 2016647731452.208, -0.018206931743805766, 40578380.48087481], 9.896617049328604e+19),
        (&[3.376808394634154e-09, -2.81155936029692e-21, 3.5709635003153428e+16, -14826.105579267978, -3.279795965366765e+18, 1.6885605416426386e-17, -1.45958961899062e-07, 0.002807108009905275, 259350.71737730975, 4.425686691591446e-12], -3.244086330363367e+18),
        (&[55771.4550750225, 5.64947370741646e-10, 5.349995802851444e+17, -9.797438629053521e-05, 596594.7316291931, 74788414962638.06, -392662314.2947263, 66595057039.48565, -660756178690.4541, -909223880308.5615, -8.027398177273922e+16], 4.547988831503559e+17),
    ];
    for &(c, want) in rows {
        assert!(same(fsum(c).unwrap(), want), "fsum{c:?}");
    }
    check_err(
        fsum(&[1.0e+308, 1.0e+308]),
        "OverflowError",
        "intermediate overflow in fsum",
    );
    check_err(
        fsum(&[f64::INFINITY, f64::NEG_INFINITY]),
        "ValueError",
        "-inf + inf in fsum",
    );
}

#[test]
fn integer_functions() {
    assert_eq!(
        gcd(&[
            "12".parse::<BigInt>().unwrap(),
            "18".parse::<BigInt>().unwrap()
        ]),
        "6".parse::<BigInt>().unwrap()
    );
    assert_eq!(
        lcm(&[
            "12".parse::<BigInt>().unwrap(),
            "18".parse::<BigInt>().unwrap()
        ]),
        "36".parse::<BigInt>().unwrap()
    );
    assert_eq!(
        gcd(&[
            "0".parse::<BigInt>().unwrap(),
            "5".parse::<BigInt>().unwrap()
        ]),
        "5".parse::<BigInt>().unwrap()
    );
    assert_eq!(
        lcm(&[
            "0".parse::<BigInt>().unwrap(),
            "5".parse::<BigInt>().unwrap()
        ]),
        "0".parse::<BigInt>().unwrap()
    );
    assert_eq!(
        gcd(&[
            "-12".parse::<BigInt>().unwrap(),
            "18".parse::<BigInt>().unwrap()
        ]),
        "6".parse::<BigInt>().unwrap()
    );
    assert_eq!(
        lcm(&[
            "-12".parse::<BigInt>().unwrap(),
            "18".parse::<BigInt>().unwrap()
        ]),
        "36".parse::<BigInt>().unwrap()
    );
    assert_eq!(gcd(&[]), "0".parse::<BigInt>().unwrap());
    assert_eq!(lcm(&[]), "1".parse::<BigInt>().unwrap());
    assert_eq!(
        gcd(&["7".parse::<BigInt>().unwrap()]),
        "7".parse::<BigInt>().unwrap()
    );
    assert_eq!(
        lcm(&["7".parse::<BigInt>().unwrap()]),
        "7".parse::<BigInt>().unwrap()
    );
    assert_eq!(
        gcd(&[
            "1208925819614629174706176".parse::<BigInt>().unwrap(),
            "3541774862152233910272".parse::<BigInt>().unwrap()
        ]),
        "1180591620717411303424".parse::<BigInt>().unwrap()
    );
    assert_eq!(
        lcm(&[
            "1208925819614629174706176".parse::<BigInt>().unwrap(),
            "3541774862152233910272".parse::<BigInt>().unwrap()
        ]),
        "3626777458843887524118528".parse::<BigInt>().unwrap()
    );
    assert_eq!(factorial(0).unwrap(), "1".parse::<BigInt>().unwrap());
    assert_eq!(factorial(1).unwrap(), "1".parse::<BigInt>().unwrap());
    assert_eq!(factorial(5).unwrap(), "120".parse::<BigInt>().unwrap());
    assert_eq!(
        factorial(20).unwrap(),
        "2432902008176640000".parse::<BigInt>().unwrap()
    );
    assert_eq!(
        factorial(25).unwrap(),
        "15511210043330985984000000".parse::<BigInt>().unwrap()
    );
    assert_eq!(factorial(100).unwrap(), "93326215443944152681699238856266700490715968264381621468592963895217599993229915608941463976156518286253697920827223758251185210916864000000000000000000000000".parse::<BigInt>().unwrap());
    check_err(
        factorial(-1),
        "ValueError",
        "factorial() not defined for negative values",
    );
    assert_eq!(
        isqrt(&"0".parse::<BigInt>().unwrap()).unwrap(),
        "0".parse::<BigInt>().unwrap()
    );
    assert_eq!(
        isqrt(&"1".parse::<BigInt>().unwrap()).unwrap(),
        "1".parse::<BigInt>().unwrap()
    );
    assert_eq!(
        isqrt(&"15".parse::<BigInt>().unwrap()).unwrap(),
        "3".parse::<BigInt>().unwrap()
    );
    assert_eq!(
        isqrt(&"16".parse::<BigInt>().unwrap()).unwrap(),
        "4".parse::<BigInt>().unwrap()
    );
    assert_eq!(
        isqrt(&"1267650600228229401496703205376".parse::<BigInt>().unwrap()).unwrap(),
        "1125899906842624".parse::<BigInt>().unwrap()
    );
    assert_eq!(
        isqrt(
            &"100000000000000000000000000000000000000000000000001"
                .parse::<BigInt>()
                .unwrap()
        )
        .unwrap(),
        "10000000000000000000000000".parse::<BigInt>().unwrap()
    );
    check_err(
        isqrt(&BigInt::from(-1)),
        "ValueError",
        "isqrt() argument must be nonnegative",
    );
    assert_eq!(
        comb(&BigInt::from(5i128), &BigInt::from(2i128)).unwrap(),
        "10".parse::<BigInt>().unwrap()
    );
    assert_eq!(
        perm(&BigInt::from(5i128), Some(&BigInt::from(2i128))).unwrap(),
        "20".parse::<BigInt>().unwrap()
    );
    assert_eq!(
        comb(&BigInt::from(10i128), &BigInt::from(0i128)).unwrap(),
        "1".parse::<BigInt>().unwrap()
    );
    assert_eq!(
        perm(&BigInt::from(10i128), Some(&BigInt::from(0i128))).unwrap(),
        "1".parse::<BigInt>().unwrap()
    );
    assert_eq!(
        comb(&BigInt::from(10i128), &BigInt::from(10i128)).unwrap(),
        "1".parse::<BigInt>().unwrap()
    );
    assert_eq!(
        perm(&BigInt::from(10i128), Some(&BigInt::from(10i128))).unwrap(),
        "3628800".parse::<BigInt>().unwrap()
    );
    assert_eq!(
        comb(&BigInt::from(3i128), &BigInt::from(5i128)).unwrap(),
        "0".parse::<BigInt>().unwrap()
    );
    assert_eq!(
        perm(&BigInt::from(3i128), Some(&BigInt::from(5i128))).unwrap(),
        "0".parse::<BigInt>().unwrap()
    );
    assert_eq!(
        comb(&BigInt::from(100i128), &BigInt::from(50i128)).unwrap(),
        "100891344545564193334812497256".parse::<BigInt>().unwrap()
    );
    assert_eq!(perm(&BigInt::from(100i128), Some(&BigInt::from(50i128))).unwrap(), "3068518756254966037202730459529469739228459721684688959447786986982158958772355072000000000000".parse::<BigInt>().unwrap());
    assert_eq!(
        comb(&BigInt::from(52i128), &BigInt::from(5i128)).unwrap(),
        "2598960".parse::<BigInt>().unwrap()
    );
    assert_eq!(
        perm(&BigInt::from(52i128), Some(&BigInt::from(5i128))).unwrap(),
        "311875200".parse::<BigInt>().unwrap()
    );
    assert_eq!(perm(&BigInt::from(5), None).unwrap(), BigInt::from(120));
    check_err(
        comb(&BigInt::from(-1i128), &BigInt::from(2i128)),
        "ValueError",
        "n must be a non-negative integer",
    );
    check_err(
        perm(&BigInt::from(-1i128), Some(&BigInt::from(2i128))),
        "ValueError",
        "n must be a non-negative integer",
    );
    check_err(
        comb(&BigInt::from(5i128), &BigInt::from(-1i128)),
        "ValueError",
        "k must be a non-negative integer",
    );
    check_err(
        perm(&BigInt::from(5i128), Some(&BigInt::from(-1i128))),
        "ValueError",
        "k must be a non-negative integer",
    );
    assert!(same(log_bigint(&"114813069527425452423283320117768198402231770208869520047764273682576626139237031385665948631650626991844596463898746277344711896086305533142593135616665318539129989145312280000688779148240044871428926990063486244781615463646388363947317026040466353970904996558162398808944629605623311649536164221970332681344168908984458505602379484807914058900934776500429002716706625830522008132236281291761267883317206598995396418127021779858404042159853183251540889433902091920554957783589672039160081957216630582755380425583726015528348786419432054508915275783882625175435528800822842770817965453762184851149029376".parse::<BigInt>().unwrap(), None).unwrap(), 1386.2943611198907));
    assert!(same(log_bigint(&"114813069527425452423283320117768198402231770208869520047764273682576626139237031385665948631650626991844596463898746277344711896086305533142593135616665318539129989145312280000688779148240044871428926990063486244781615463646388363947317026040466353970904996558162398808944629605623311649536164221970332681344168908984458505602379484807914058900934776500429002716706625830522008132236281291761267883317206598995396418127021779858404042159853183251540889433902091920554957783589672039160081957216630582755380425583726015528348786419432054508915275783882625175435528800822842770817965453762184851149029376".parse::<BigInt>().unwrap(), Some(3.0)).unwrap(), 1261.859507142915));
    assert!(same(log2_bigint(&"114813069527425452423283320117768198402231770208869520047764273682576626139237031385665948631650626991844596463898746277344711896086305533142593135616665318539129989145312280000688779148240044871428926990063486244781615463646388363947317026040466353970904996558162398808944629605623311649536164221970332681344168908984458505602379484807914058900934776500429002716706625830522008132236281291761267883317206598995396418127021779858404042159853183251540889433902091920554957783589672039160081957216630582755380425583726015528348786419432054508915275783882625175435528800822842770817965453762184851149029376".parse::<BigInt>().unwrap()).unwrap(), 2000.0));
    assert!(same(log10_bigint(&"114813069527425452423283320117768198402231770208869520047764273682576626139237031385665948631650626991844596463898746277344711896086305533142593135616665318539129989145312280000688779148240044871428926990063486244781615463646388363947317026040466353970904996558162398808944629605623311649536164221970332681344168908984458505602379484807914058900934776500429002716706625830522008132236281291761267883317206598995396418127021779858404042159853183251540889433902091920554957783589672039160081957216630582755380425583726015528348786419432054508915275783882625175435528800822842770817965453762184851149029376".parse::<BigInt>().unwrap()).unwrap(), 602.0599913279624));
    assert!(same(log_bigint(&"100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000".parse::<BigInt>().unwrap(), None).unwrap(), 1151.2925464970226));
    assert!(same(log_bigint(&"100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000".parse::<BigInt>().unwrap(), Some(3.0)).unwrap(), 1047.951637144692));
    assert!(same(log2_bigint(&"100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000".parse::<BigInt>().unwrap()).unwrap(), 1660.9640474436812));
    assert!(same(log10_bigint(&"100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000".parse::<BigInt>().unwrap()).unwrap(), 500.0));
    assert!(same(
        log_bigint(&"7".parse::<BigInt>().unwrap(), None).unwrap(),
        1.9459101490553132
    ));
    assert!(same(
        log_bigint(&"7".parse::<BigInt>().unwrap(), Some(3.0)).unwrap(),
        1.7712437491614221
    ));
    assert!(same(
        log2_bigint(&"7".parse::<BigInt>().unwrap()).unwrap(),
        2.807354922057604
    ));
    assert!(same(
        log10_bigint(&"7".parse::<BigInt>().unwrap()).unwrap(),
        0.8450980400142568
    ));
    assert!(same(log_bigint(&"1230231922161117176931558813276752514640713895736833715766118029160058800614672948775360067838593459582429649254051804908512884180898236823585082482065348331234959350355845017413023320111360666922624728239756880416434478315693675013413090757208690376793296658810662941824493488451726505303712916005346747908623702673480919353936813105736620402352744776903840477883651100322409301983488363802930540482487909763484098253940728685132044408863734754271212592471778643949486688511721051561970432780747454823776808464180697103083861812184348565522740195796682622205511845512080552010310050255801589349645928001133745474220715013683413907542779063759833876101354235184245096670042160720629411581502371248008430447184842098610320580417992206662247328722122088513643683907670360209162653670641130936997002170500675501374723998766005827579300723253474890612250135171889174899079911291512399773872178519018229989377".parse::<BigInt>().unwrap(), None).unwrap(), 2079.4415416798356));
    assert!(same(log_bigint(&"1230231922161117176931558813276752514640713895736833715766118029160058800614672948775360067838593459582429649254051804908512884180898236823585082482065348331234959350355845017413023320111360666922624728239756880416434478315693675013413090757208690376793296658810662941824493488451726505303712916005346747908623702673480919353936813105736620402352744776903840477883651100322409301983488363802930540482487909763484098253940728685132044408863734754271212592471778643949486688511721051561970432780747454823776808464180697103083861812184348565522740195796682622205511845512080552010310050255801589349645928001133745474220715013683413907542779063759833876101354235184245096670042160720629411581502371248008430447184842098610320580417992206662247328722122088513643683907670360209162653670641130936997002170500675501374723998766005827579300723253474890612250135171889174899079911291512399773872178519018229989377".parse::<BigInt>().unwrap(), Some(3.0)).unwrap(), 1892.789260714372));
    assert!(same(log2_bigint(&"1230231922161117176931558813276752514640713895736833715766118029160058800614672948775360067838593459582429649254051804908512884180898236823585082482065348331234959350355845017413023320111360666922624728239756880416434478315693675013413090757208690376793296658810662941824493488451726505303712916005346747908623702673480919353936813105736620402352744776903840477883651100322409301983488363802930540482487909763484098253940728685132044408863734754271212592471778643949486688511721051561970432780747454823776808464180697103083861812184348565522740195796682622205511845512080552010310050255801589349645928001133745474220715013683413907542779063759833876101354235184245096670042160720629411581502371248008430447184842098610320580417992206662247328722122088513643683907670360209162653670641130936997002170500675501374723998766005827579300723253474890612250135171889174899079911291512399773872178519018229989377".parse::<BigInt>().unwrap()).unwrap(), 3000.0));
    assert!(same(log10_bigint(&"1230231922161117176931558813276752514640713895736833715766118029160058800614672948775360067838593459582429649254051804908512884180898236823585082482065348331234959350355845017413023320111360666922624728239756880416434478315693675013413090757208690376793296658810662941824493488451726505303712916005346747908623702673480919353936813105736620402352744776903840477883651100322409301983488363802930540482487909763484098253940728685132044408863734754271212592471778643949486688511721051561970432780747454823776808464180697103083861812184348565522740195796682622205511845512080552010310050255801589349645928001133745474220715013683413907542779063759833876101354235184245096670042160720629411581502371248008430447184842098610320580417992206662247328722122088513643683907670360209162653670641130936997002170500675501374723998766005827579300723253474890612250135171889174899079911291512399773872178519018229989377".parse::<BigInt>().unwrap()).unwrap(), 903.0899869919436));
    assert!(same(log_bigint(&"1322070819480806636890455259752144365965422032752148167664920368226828597346704899540778313850608061963909777696872582355950954582100618911865342725257953674027620225198320803878014774228964841274390400117588618041128947815623094438061566173054086674490506178125480344405547054397038895817465368254916136220830268563778582290228416398307887896918556404084898937609373242171846359938695516765018940588109060426089671438864102814350385648747165832010614366132173102768902855220001".parse::<BigInt>().unwrap(), None).unwrap(), 1098.6122886681096));
    assert!(same(log_bigint(&"1322070819480806636890455259752144365965422032752148167664920368226828597346704899540778313850608061963909777696872582355950954582100618911865342725257953674027620225198320803878014774228964841274390400117588618041128947815623094438061566173054086674490506178125480344405547054397038895817465368254916136220830268563778582290228416398307887896918556404084898937609373242171846359938695516765018940588109060426089671438864102814350385648747165832010614366132173102768902855220001".parse::<BigInt>().unwrap(), Some(3.0)).unwrap(), 999.9999999999999));
    assert!(same(log2_bigint(&"1322070819480806636890455259752144365965422032752148167664920368226828597346704899540778313850608061963909777696872582355950954582100618911865342725257953674027620225198320803878014774228964841274390400117588618041128947815623094438061566173054086674490506178125480344405547054397038895817465368254916136220830268563778582290228416398307887896918556404084898937609373242171846359938695516765018940588109060426089671438864102814350385648747165832010614366132173102768902855220001".parse::<BigInt>().unwrap()).unwrap(), 1584.9625007211562));
    assert!(same(log10_bigint(&"1322070819480806636890455259752144365965422032752148167664920368226828597346704899540778313850608061963909777696872582355950954582100618911865342725257953674027620225198320803878014774228964841274390400117588618041128947815623094438061566173054086674490506178125480344405547054397038895817465368254916136220830268563778582290228416398307887896918556404084898937609373242171846359938695516765018940588109060426089671438864102814350385648747165832010614366132173102768902855220001".parse::<BigInt>().unwrap()).unwrap(), 477.12125471966243));
    check_err(
        log_bigint(&BigInt::from(0), None),
        "ValueError",
        "math domain error",
    );
}

#[test]
fn frexp_ldexp() {
    #[rustfmt::skip]
    let rows: &[(f64, f64, i32)] = &[
        (8.0, 0.5, 4),
        (-3.5, -0.875, 2),
        (0.1, 0.8, -3),
        (1.0e-310, 0.5752618031559393, -1029),
        (5.0e-324, 0.5, -1073),
        (1.7976931348623157e+308, 0.9999999999999999, 1024),
        (0.0, 0.0, 0),
        (-0.0, -0.0, 0),
        (1.0, 0.5, 1),
        (f64::INFINITY, f64::INFINITY, 0),
    ];
    for &(x, m, e) in rows {
        let (gm, ge) = frexp(x);
        assert!(same(gm, m) && ge == e, "frexp({x})");
    }
    #[rustfmt::skip]
    let rows: &[(f64, i64, Result<f64, &str>)] = &[
        (1.0, 2, Ok(4.0)),
        (1.0, 1023, Ok(8.98846567431158e+307)),
        (1.0, 1024, Err("OverflowError: math range error")),
        (0.75, -1074, Ok(5.0e-324)),
        (0.75, -1075, Ok(0.0)),
        (0.5, -1074, Ok(0.0)),
        (1.5, -1074, Ok(1.0e-323)),
        (3.0, -1076, Ok(5.0e-324)),
        (1.0, -1080, Ok(0.0)),
        (-1.0, -1073, Ok(-1.0e-323)),
        (0.1, -1030, Ok(8.691694759796e-312)),
        (5.0e-324, 1074, Ok(1.0)),
        (5.0e-324, 2000, Ok(5.67251933470834e+278)),
        (1.0e+300, -2000, Ok(8.709809816217217e-303)),
        (123.456, -1060, Ok(9.99348e-318)),
        (2.5, -1075, Ok(5.0e-324)),
        (1.0, 1000000, Err("OverflowError: math range error")),
        (1.0, -1000000, Ok(0.0)),
        (0.0, 5, Ok(0.0)),
        (f64::INFINITY, -3, Ok(f64::INFINITY)),
    ];
    for &(x, i, want) in rows {
        check(ldexp(x, i), want, &format!("ldexp({x}, {i})"));
    }
}
