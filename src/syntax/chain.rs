//! Operator chains: the grammar parses the binary, comparison and boolean operators
//! flat, as an operand followed by (operator, operand) pairs, and these functions group
//! them by Python's precedence into the tree (and spans) that one grammar level per
//! precedence would give. An LR parser reduces a lone operand through every level of
//! such a grammar, some fifteen reductions per name or literal; flat chains take about
//! half as many, and parsing is most of the cost of compiling.

use super::ast::*;
use super::parser::bin;

/// An operator of a flat operator chain (see `op_chain`).
#[derive(Clone, Copy)]
pub enum ChainOp {
    Bin(BinOp),
    Cmp(CmpOp),
}

impl ChainOp {
    /// Python's precedence, higher binds tighter; comparisons are the loosest.
    fn precedence(self) -> u8 {
        match self {
            ChainOp::Cmp(_) => 1,
            ChainOp::Bin(BinOp::BitOr) => 2,
            ChainOp::Bin(BinOp::BitXor) => 3,
            ChainOp::Bin(BinOp::BitAnd) => 4,
            ChainOp::Bin(BinOp::LShift | BinOp::RShift) => 5,
            ChainOp::Bin(BinOp::Add | BinOp::Sub) => 6,
            ChainOp::Bin(_) => 7,
        }
    }
}

/// An operand with the locations of its first and last tokens.
type Located = (usize, Expr, usize);

type Chain<Op> = std::iter::Peekable<std::vec::IntoIter<(Op, usize, Expr, usize)>>;

/// Groups `first (op operand)*` by precedence (every binary operator associates to the
/// left; a run of comparisons becomes one `Compare`), giving the tree and spans that one
/// grammar level per precedence gives: a node spans its first operand's first token to
/// its last operand's last token.
pub fn op_chain(l: usize, first: Expr, r: usize, rest: Vec<(ChainOp, usize, Expr, usize)>) -> Expr {
    let mut it = rest.into_iter().peekable();
    let (start, left, mut end) = climb((l, first, r), &mut it, 2);
    // Only comparisons can follow: climb took every binary operator.
    let mut ops = Vec::new();
    let mut comparators = Vec::new();
    while let Some((ChainOp::Cmp(op), l, e, r)) = it.next() {
        let (_, e, r) = climb((l, e, r), &mut it, 2);
        ops.push(op);
        comparators.push(e);
        end = r;
    }
    if ops.is_empty() {
        return left;
    }
    Expr::new(
        Span::new(start, end),
        ExprKind::Compare {
            left: Box::new(left),
            ops,
            comparators,
        },
    )
}

/// Precedence climbing over binary operators of precedence `min` or more. It recurses
/// once per precedence level at most, never once per operator.
fn climb(first: Located, it: &mut Chain<ChainOp>, min: u8) -> Located {
    let mut lhs = first;
    while let Some(&(op @ ChainOp::Bin(binop), ..)) = it.peek() {
        let p = op.precedence();
        if p < min {
            break;
        }
        let Some((_, l, e, r)) = it.next() else {
            break;
        };
        let mut rhs = (l, e, r);
        while let Some(&(next @ ChainOp::Bin(_), ..)) = it.peek() {
            if next.precedence() <= p {
                break;
            }
            rhs = climb(rhs, it, p + 1);
        }
        let (start, left, _) = lhs;
        let (_, right, end) = rhs;
        lhs = (start, bin(Span::new(start, end), left, binop, right), end);
    }
    lhs
}

/// Groups `first (and|or operand)*`: `and` binds tighter than `or`, and each run of the
/// same operator is one `BoolOp` spanning its operands.
pub fn bool_chain(
    l: usize,
    first: Expr,
    r: usize,
    rest: Vec<(BoolOpKind, usize, Expr, usize)>,
) -> Expr {
    let mut it = rest.into_iter().peekable();
    let (start, first, mut end) = and_group((l, first, r), &mut it);
    let mut values = Vec::new();
    // The operator here is `or`: and_group took every `and`.
    while let Some((_, l, e, r)) = it.next() {
        let (_, e, r) = and_group((l, e, r), &mut it);
        values.push(e);
        end = r;
    }
    if values.is_empty() {
        return first;
    }
    values.insert(0, first);
    Expr::new(
        Span::new(start, end),
        ExprKind::BoolOp {
            op: BoolOpKind::Or,
            values,
        },
    )
}

fn and_group(first: Located, it: &mut Chain<BoolOpKind>) -> Located {
    let (start, first, mut end) = first;
    let mut values = Vec::new();
    while let Some(&(BoolOpKind::And, ..)) = it.peek() {
        let Some((_, _, e, r)) = it.next() else {
            break;
        };
        values.push(e);
        end = r;
    }
    if values.is_empty() {
        return (start, first, end);
    }
    values.insert(0, first);
    let e = Expr::new(
        Span::new(start, end),
        ExprKind::BoolOp {
            op: BoolOpKind::And,
            values,
        },
    );
    (start, e, end)
}
