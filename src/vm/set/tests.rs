//! Set-order tests: traces of set operations checked against CPython 3.11's output.
//!
//! `cases.txt` was produced by `gen_cases.py` under CPython 3.11 (see its doc string
//! for the format); the expected traces are hard-coded there, so no Python is needed.

use super::*;
use crate::vm::hash::hash_native;
use num_bigint::BigInt;

fn no_eq(_: &Value, _: &Value) -> PyResult<bool> {
    panic!("eq called for native keys")
}

fn parse_key(t: &str) -> Value {
    if let Some(inner) = t.strip_prefix('(') {
        let inner = inner.strip_suffix(')').expect("tuple");
        let items = inner
            .split(',')
            .filter(|x| !x.is_empty())
            .map(parse_key)
            .collect();
        return Value::tuple(items);
    }
    match t {
        "True" => return Value::Bool(true),
        "False" => return Value::Bool(false),
        _ => {}
    }
    if t.contains('.') {
        return Value::Float(t.parse().expect("float"));
    }
    match t.parse::<i64>() {
        Ok(i) => Value::Int(i),
        Err(_) => Value::bigint(t.parse::<BigInt>().expect("int")),
    }
}

fn key_repr(v: &Value) -> String {
    match v {
        Value::Int(i) => i.to_string(),
        Value::BigInt(b) => b.to_string(),
        Value::Float(f) => format!("{:?}", f),
        Value::Bool(b) => (if *b { "True" } else { "False" }).to_string(),
        Value::Tuple(t) => {
            let parts: Vec<String> = t.iter().map(key_repr).collect();
            if parts.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(","))
            }
        }
        _ => panic!("unexpected key"),
    }
}

fn order(s: &SetTable) -> String {
    s.iter()
        .map(|(_, k)| key_repr(k))
        .collect::<Vec<_>>()
        .join(",")
}

fn hashed(v: Value) -> (i64, Value) {
    (hash_native(&v).expect("hashable"), v)
}

fn build(items: &[(i64, Value)]) -> SetTable {
    let mut t = SetTable::new();
    for (h, k) in items {
        t.add(*h, k.clone(), &mut no_eq).unwrap();
    }
    t
}

fn run(ops: &str) -> String {
    let mut s = SetTable::new();
    let mut out: Vec<String> = Vec::new();
    let eq = &mut no_eq;
    for op in ops.split(';') {
        let (code, arg) = op.split_once(' ').unwrap_or((op, ""));
        let items: Vec<(i64, Value)> = arg
            .split(' ')
            .filter(|t| !t.is_empty())
            .map(|t| hashed(parse_key(t)))
            .collect();
        let t = build(&items);
        match code {
            "a" => {
                let (h, k) = items[0].clone();
                s.add(h, k, eq).unwrap();
            }
            "r" => {
                s.remove(items[0].0, &items[0].1, eq).unwrap();
            }
            "p" => out.push(s.pop().map_or("E".to_string(), |k| key_repr(&k))),
            "o" => out.push(order(&s)),
            "c" => s = s.copy(),
            "C" => s.clear(),
            "u" => s.union_into(&t, eq).unwrap(),
            "i" => s.intersection_update(&t, eq).unwrap(),
            "d" => s.difference_update(&t, eq).unwrap(),
            "x" => s.symmetric_difference_update(&t, eq).unwrap(),
            "U" => s = SetTable::union(&s, &t, eq).unwrap(),
            "I" => s = SetTable::intersection(&s, &t, eq).unwrap(),
            "D" => s = SetTable::difference(&s, &t, eq).unwrap(),
            "X" => s = SetTable::symmetric_difference(&s, &t, eq).unwrap(),
            "V" => s = SetTable::union(&t, &s, eq).unwrap(),
            "J" => s = SetTable::intersection(&t, &s, eq).unwrap(),
            "E" => s = SetTable::difference(&t, &s, eq).unwrap(),
            "Y" => s = SetTable::symmetric_difference(&t, &s, eq).unwrap(),
            "l" => {
                let mut c = s.copy();
                c.difference_update_items(&items, eq).unwrap();
                s = c;
            }
            "k" => s = s.intersection_items(&items, eq).unwrap(),
            other => panic!("unknown op {other}"),
        }
    }
    out.join("|")
}

#[test]
fn literal_orders() {
    // print({5, 3, 100, 1, 64, -1, 1000000, 2**40}) on CPython 3.11:
    assert_eq!(
        run("a 5;a 3;a 100;a 1;a 64;a -1;a 1000000;a 1099511627776;o"),
        "64,1,1000000,3,100,5,1099511627776,-1"
    );
    // {1, 2, 3, 8, 16, 9} | {3, 4, 5, 33}, then & {4, 5, 33, 2, 100}:
    assert_eq!(
        run("u 1 2 3 8 16 9;U 3 4 5 33;o;I 4 5 33 2 100;o"),
        "1,2,3,33,4,5,8,9,16|33,2,4,5"
    );
}

#[test]
fn cpython_traces() {
    let data = include_str!("cases.txt");
    let mut lines = data.lines();
    let mut n = 0;
    while let (Some(ops), Some(want)) = (lines.next(), lines.next()) {
        assert_eq!(run(ops), want, "case {n}: {ops}");
        n += 1;
    }
    assert!(n > 100);
}

#[test]
fn random_ops_match_model() {
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut s = SetTable::new();
    let mut model = std::collections::BTreeSet::new();
    for _ in 0..20000 {
        let k = (next() % 700) as i64 - 100;
        let (h, v) = hashed(Value::Int(k));
        match next() % 7 {
            0..=2 => assert_eq!(s.add(h, v, &mut no_eq).unwrap(), model.insert(k)),
            3 | 4 => assert_eq!(s.remove(h, &v, &mut no_eq).unwrap(), model.remove(&k)),
            5 => assert_eq!(s.contains(h, &v, &mut no_eq).unwrap(), model.contains(&k)),
            _ => {
                if let Some(Value::Int(p)) = s.pop() {
                    assert!(model.remove(&p));
                } else {
                    assert!(model.is_empty());
                }
            }
        }
        assert_eq!(s.len(), model.len());
    }
    let mut got: Vec<i64> = s
        .iter()
        .map(|(_, k)| if let Value::Int(i) = k { *i } else { 0 })
        .collect();
    got.sort_unstable();
    assert_eq!(got, model.into_iter().collect::<Vec<_>>());
}

#[test]
fn entry_from_and_get() {
    let items: Vec<(i64, Value)> = (0..30).map(|i| hashed(Value::Int(i * 3))).collect();
    let s = build(&items);
    let mut pos = 0;
    let mut walked = Vec::new();
    while let Some((next, _, k)) = s.entry_from(pos) {
        walked.push(key_repr(&k));
        pos = next;
    }
    assert_eq!(walked.join(","), order(&s));
    let (h, k) = hashed(Value::Float(6.0));
    assert!(matches!(
        s.get(h, &k, &mut no_eq).unwrap(),
        Some(Value::Int(6))
    ));
}

#[test]
fn update_from_dict_presizes() {
    let mut d = Dict::new();
    for k in [10, 3, 18, 1, 100, 7, 26, 50] {
        let (h, v) = hashed(Value::Int(k));
        d.insert(h, v, Value::None, &mut no_eq).unwrap();
    }
    let mut s = SetTable::new();
    s.update_from_dict(&d, &mut no_eq).unwrap();
    // print(set(dict.fromkeys([10, 3, 18, 1, 100, 7, 26, 50])))
    assert_eq!(order(&s), "1,3,100,7,10,18,50,26");

    let mut d = Dict::new();
    for k in (1..=30).rev().step_by(3) {
        let (h, v) = hashed(Value::Int(k));
        d.insert(h, v, Value::None, &mut no_eq).unwrap();
    }
    let mut s = build(&[hashed(Value::Int(1)), hashed(Value::Int(2))]);
    s.update_from_dict(&d, &mut no_eq).unwrap();
    // s = {1, 2}; s.update(dict.fromkeys(range(30, 0, -3)))
    assert_eq!(order(&s), "1,2,3,6,9,12,15,18,21,24,27,30");
}
