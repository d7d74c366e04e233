//! Unit tests for the Mersenne Twister; every sequence was produced by CPython 3.11.

#![allow(clippy::approx_constant, clippy::excessive_precision)]

use super::*;

fn rng(seed: &str) -> MersenneTwister {
    MersenneTwister::new(&seed.parse().unwrap())
}

#[test]
fn random_floats() {
    let mut r = rng("0");
    assert_eq!(r.random(), 0.8444218515250481_f64);
    assert_eq!(r.random(), 0.7579544029403025_f64);
    assert_eq!(r.random(), 0.420571580830845_f64);
    assert_eq!(r.random(), 0.25891675029296335_f64);
    assert_eq!(r.random(), 0.5112747213686085_f64);
    let mut r = rng("1");
    assert_eq!(r.random(), 0.13436424411240122_f64);
    assert_eq!(r.random(), 0.8474337369372327_f64);
    assert_eq!(r.random(), 0.763774618976614_f64);
    assert_eq!(r.random(), 0.2550690257394217_f64);
    assert_eq!(r.random(), 0.49543508709194095_f64);
    let mut r = rng("42");
    assert_eq!(r.random(), 0.6394267984578837_f64);
    assert_eq!(r.random(), 0.025010755222666936_f64);
    assert_eq!(r.random(), 0.27502931836911926_f64);
    assert_eq!(r.random(), 0.22321073814882275_f64);
    assert_eq!(r.random(), 0.7364712141640124_f64);
    let mut r = rng("-42");
    assert_eq!(r.random(), 0.6394267984578837_f64);
    assert_eq!(r.random(), 0.025010755222666936_f64);
    assert_eq!(r.random(), 0.27502931836911926_f64);
    assert_eq!(r.random(), 0.22321073814882275_f64);
    assert_eq!(r.random(), 0.7364712141640124_f64);
    let mut r = rng("4294967296");
    assert_eq!(r.random(), 0.11299430095636409_f64);
    assert_eq!(r.random(), 0.41782886486292836_f64);
    assert_eq!(r.random(), 0.0166763664992291_f64);
    assert_eq!(r.random(), 0.6117214625782752_f64);
    assert_eq!(r.random(), 0.8056470212514185_f64);
    let mut r = rng("1267650600228229401496703217721");
    assert_eq!(r.random(), 0.44487310994347073_f64);
    assert_eq!(r.random(), 0.30211940106972124_f64);
    assert_eq!(r.random(), 0.6943236571773822_f64);
    assert_eq!(r.random(), 0.0019484605332742433_f64);
    assert_eq!(r.random(), 0.1555483822420366_f64);
    let mut r = rng("123456789");
    assert_eq!(r.random(), 0.6414006161858726_f64);
    assert_eq!(r.random(), 0.5421892680969495_f64);
    assert_eq!(r.random(), 0.9931750662832721_f64);
    assert_eq!(r.random(), 0.8432521366869166_f64);
    assert_eq!(r.random(), 0.8117339283379406_f64);
    let mut r = rng("7");
    for _ in 0..1000 {
        r.random();
    }
    assert_eq!(r.random(), 0.950867979111096_f64);
}

#[test]
fn ints_and_bits() {
    let mut r = rng("42");
    assert_eq!(r.getrandbits(1).unwrap(), "1".parse::<BigInt>().unwrap());
    assert_eq!(r.getrandbits(8).unwrap(), "28".parse::<BigInt>().unwrap());
    assert_eq!(
        r.getrandbits(32).unwrap(),
        "107420369".parse::<BigInt>().unwrap()
    );
    assert_eq!(
        r.getrandbits(33).unwrap(),
        "3184935163".parse::<BigInt>().unwrap()
    );
    assert_eq!(
        r.getrandbits(64).unwrap(),
        "4117511471858006928".parse::<BigInt>().unwrap()
    );
    assert_eq!(
        r.getrandbits(65).unwrap(),
        "13585496030504862185".parse::<BigInt>().unwrap()
    );
    assert_eq!(
        r.getrandbits(100).unwrap(),
        "704511047883023533822611041645".parse::<BigInt>().unwrap()
    );
    assert_eq!(r.getrandbits(0).unwrap(), "0".parse::<BigInt>().unwrap());
    let mut r = rng("42");
    let got: Vec<BigInt> = (0..10)
        .map(|_| r.randint(&BigInt::from(1), &BigInt::from(100)).unwrap())
        .collect();
    assert_eq!(
        got,
        [82, 15, 4, 95, 36, 32, 29, 18, 95, 14].map(BigInt::from)
    );
    let mut r = rng("3");
    assert_eq!(
        r.randrange(
            &"0".parse().unwrap(),
            Some(&"10".parse().unwrap()),
            &BigInt::from(1)
        )
        .unwrap(),
        "3".parse::<BigInt>().unwrap()
    );
    assert_eq!(
        r.randrange(&"10".parse().unwrap(), None, &BigInt::from(1))
            .unwrap(),
        "9".parse::<BigInt>().unwrap()
    );
    assert_eq!(
        r.randrange(
            &"0".parse().unwrap(),
            Some(&"100".parse().unwrap()),
            &BigInt::from(7)
        )
        .unwrap(),
        "56".parse::<BigInt>().unwrap()
    );
    assert_eq!(
        r.randrange(
            &"100".parse().unwrap(),
            Some(&"0".parse().unwrap()),
            &BigInt::from(-3)
        )
        .unwrap(),
        "76".parse::<BigInt>().unwrap()
    );
    assert_eq!(
        r.randrange(
            &"-5".parse().unwrap(),
            Some(&"5".parse().unwrap()),
            &BigInt::from(2)
        )
        .unwrap(),
        "-1".parse::<BigInt>().unwrap()
    );
    assert_eq!(
        r.randrange(
            &"0".parse().unwrap(),
            Some(&"1208925819614629174706176".parse().unwrap()),
            &BigInt::from(1)
        )
        .unwrap(),
        "1146199583378399293037557".parse::<BigInt>().unwrap()
    );
    assert_eq!(
        r.randrange(
            &"100000000000000000000".parse().unwrap(),
            Some(&"1000000000000000000000".parse().unwrap()),
            &BigInt::from(3)
        )
        .unwrap(),
        "242824954031021858290".parse::<BigInt>().unwrap()
    );
    assert_eq!(
        r.randrange(
            &"5".parse().unwrap(),
            Some(&"6".parse().unwrap()),
            &BigInt::from(1)
        )
        .unwrap(),
        "5".parse::<BigInt>().unwrap()
    );
    let mut r = rng("5");
    let got: Vec<i64> = (0..5)
        .map(|_| r.randrange_i64(-10, Some(10), 3).unwrap())
        .collect();
    assert_eq!(got, [2, -4, 5, -4, 8]);
}

#[test]
fn sequences() {
    let mut r = rng("42");
    let mut l: Vec<usize> = (0..10).collect();
    r.shuffle(&mut l);
    assert_eq!(l, [7, 3, 2, 8, 5, 6, 9, 4, 0, 1]);
    let got: Vec<usize> = (0..5).map(|_| r.choice_index(7).unwrap()).collect();
    assert_eq!(got, [4, 3, 0, 0, 0]);
    assert_eq!(
        rng("1").sample_indices(10, 3).unwrap(),
        [2, 1, 4] as [usize; 3]
    );
    assert_eq!(
        rng("1").sample_indices(10, 10).unwrap(),
        [2, 1, 4, 0, 3, 5, 7, 9, 8, 6] as [usize; 10]
    );
    assert_eq!(
        rng("2").sample_indices(100, 5).unwrap(),
        [7, 11, 10, 46, 21] as [usize; 5]
    );
    assert_eq!(
        rng("2").sample_indices(1000, 10).unwrap(),
        [978, 883, 970, 869, 57, 93, 86, 369, 855, 173] as [usize; 10]
    );
    assert_eq!(
        rng("9").sample_indices(30, 6).unwrap(),
        [14, 19, 11, 8, 4, 5] as [usize; 6]
    );
    assert_eq!(
        rng("9").sample_indices(200, 60).unwrap(),
        [
            118, 156, 95, 68, 35, 47, 173, 1, 86, 128, 199, 154, 20, 85, 141, 157, 179, 10, 97, 43,
            115, 108, 40, 180, 60, 13, 28, 33, 129, 151, 16, 98, 26, 74, 52, 57, 107, 22, 196, 53,
            101, 71, 87, 11, 51, 192, 105, 14, 96, 125, 195, 6, 175, 178, 193, 0, 31, 50, 155, 84
        ] as [usize; 60]
    );
    assert_eq!(rng("4").sample_indices(25, 0).unwrap(), [] as [usize; 0]);
    assert_eq!(
        rng("11").sample_indices(50, 20).unwrap(),
        [28, 35, 29, 49, 32, 37, 12, 11, 45, 30, 39, 42, 6, 46, 19, 9, 5, 2, 25, 40] as [usize; 20]
    );
    let mut r = rng("8");
    assert_eq!(r.uniform(1.5, 10.0), 3.426999804738915_f64);
    assert_eq!(r.uniform(1.5, 10.0), 9.679507804592253_f64);
    assert_eq!(r.uniform(1.5, 10.0), 2.5738126385323064_f64);
}

#[test]
fn errors() {
    let mut r = rng("1");
    assert!(r.getrandbits(-1).is_err());
    assert!(r.choice_index(0).is_err());
    assert!(r.sample_indices(2, 3).is_err());
    assert!(r.sample_indices(2, -1).is_err());
    let z = BigInt::from(0);
    let five = BigInt::from(5);
    assert!(r.randrange(&z, None, &BigInt::from(1)).is_err());
    assert!(r.randrange(&five, Some(&five), &BigInt::from(1)).is_err());
    assert!(r.randrange(&five, Some(&BigInt::from(1)), &z).is_err());
    assert!(r.randint(&five, &BigInt::from(4)).is_err());
    let _ = MersenneTwister::from_entropy().random();
}

#[test]
fn str_and_bytes_seeds() {
    let hex: String = sha512(b"abc")[..16]
        .iter()
        .map(|b| format!("{:02x}", b))
        .collect();
    assert_eq!(hex, "ddaf35a193617abacc417349ae204131");
    let hex: String = sha512(&[b'a'; 200])[..16]
        .iter()
        .map(|b| format!("{:02x}", b))
        .collect();
    assert_eq!(hex, "4b11459c33f52a22ee8236782714c150");
    let cases: [(&str, [f64; 2], i64); 4] = [
        ("abc", [0.7720246314157545, 0.5581691373899791], 727),
        ("", [0.9602256525641875, 0.595411957851699], 398),
        ("héllo", [0.013203794245314593, 0.8358731799907464], 296),
        (
            "xxxxxxxxxx",
            [0.22742392778346976, 0.029232725307174356],
            801,
        ),
    ];
    for (i, (s, floats, int)) in cases.into_iter().enumerate() {
        let mut r = rng("0");
        let seed = if i == 3 {
            "x".repeat(300)
        } else {
            s.to_string()
        };
        r.seed_str(&seed);
        assert_eq!([r.random(), r.random()], floats, "{s}");
        assert_eq!(
            r.randint(&BigInt::from(1), &BigInt::from(1000)).unwrap(),
            BigInt::from(int)
        );
    }
    let mut r = rng("0");
    r.seed_bytes(b"bytes!");
    assert_eq!(r.random(), 0.20190387430786427);
}
