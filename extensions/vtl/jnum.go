package vtl

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

// Java's boxed number types. A Go float64 is a java.lang.Double, a
// *big.Int a java.math.BigInteger.
type (
	jInt   int32   // java.lang.Integer
	jLong  int64   // java.lang.Long
	jFloat float32 // java.lang.Float
)

// bigDec is a java.math.BigDecimal: unscaled × 10^-scale.
type bigDec struct {
	unscaled *big.Int
	scale    int32
}

func isNumber(v any) bool {
	switch v.(type) {
	case jInt, jLong, jFloat, float64, *big.Int, *bigDec:
		return true
	}
	return false
}

// javaDouble formats d as Double.toString does: the shortest digits that
// round-trip, in plain notation for 10^-3 <= |d| < 10^7 and computerized
// scientific notation otherwise, always with a fractional digit.
func javaDouble(d float64) string { return javaFloating(d, 64) }

func javaFloating(d float64, bits int) string {
	switch {
	case math.IsNaN(d):
		return "NaN"
	case math.IsInf(d, 1):
		return "Infinity"
	case math.IsInf(d, -1):
		return "-Infinity"
	case d == 0:
		if math.Signbit(d) {
			return "-0.0"
		}
		return "0.0"
	}
	s := strconv.FormatFloat(d, 'e', -1, bits) // d.ddde±XX
	neg := s[0] == '-'
	if neg {
		s = s[1:]
	}
	mant, exps, _ := strings.Cut(s, "e")
	exp, _ := strconv.Atoi(exps)
	digits := strings.Replace(mant, ".", "", 1)
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	abs := math.Abs(d)
	if abs >= 1e-3 && abs < 1e7 {
		if exp >= 0 {
			if len(digits) <= exp+1 {
				b.WriteString(digits)
				b.WriteString(strings.Repeat("0", exp+1-len(digits)))
				b.WriteString(".0")
			} else {
				b.WriteString(digits[:exp+1])
				b.WriteByte('.')
				b.WriteString(digits[exp+1:])
			}
		} else {
			b.WriteString("0.")
			b.WriteString(strings.Repeat("0", -exp-1))
			b.WriteString(digits)
		}
		return b.String()
	}
	b.WriteByte(digits[0])
	b.WriteByte('.')
	if len(digits) > 1 {
		b.WriteString(digits[1:])
	} else {
		b.WriteByte('0')
	}
	b.WriteByte('E')
	b.WriteString(strconv.Itoa(exp))
	return b.String()
}

// String is BigDecimal.toString.
func (d *bigDec) String() string {
	coeff := new(big.Int).Abs(d.unscaled).String()
	neg := d.unscaled.Sign() < 0
	adjusted := -int64(d.scale) + int64(len(coeff)-1)
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	if d.scale >= 0 && adjusted >= -6 {
		if d.scale == 0 {
			b.WriteString(coeff)
			return b.String()
		}
		sc := int(d.scale)
		if len(coeff) > sc {
			b.WriteString(coeff[:len(coeff)-sc])
			b.WriteByte('.')
			b.WriteString(coeff[len(coeff)-sc:])
		} else {
			b.WriteString("0.")
			b.WriteString(strings.Repeat("0", sc-len(coeff)))
			b.WriteString(coeff)
		}
		return b.String()
	}
	b.WriteByte(coeff[0])
	if len(coeff) > 1 {
		b.WriteByte('.')
		b.WriteString(coeff[1:])
	}
	b.WriteByte('E')
	if adjusted >= 0 {
		b.WriteByte('+')
	}
	b.WriteString(strconv.FormatInt(adjusted, 10))
	return b.String()
}

// parseBigDec is new BigDecimal(String) for the forms JSON and VTL
// literals produce: [-]digits[.digits][(e|E)[+-]digits].
func parseBigDec(s string) (*bigDec, bool) {
	mant, exp := s, 0
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		e, err := strconv.Atoi(s[i+1:])
		if err != nil {
			return nil, false
		}
		mant, exp = s[:i], e
	}
	intPart, frac, _ := strings.Cut(mant, ".")
	u, ok := new(big.Int).SetString(intPart+frac, 10)
	if !ok {
		return nil, false
	}
	return &bigDec{unscaled: u, scale: int32(len(frac) - exp)}, true
}

// decOfDouble is new BigDecimal(double): the exact binary value.
func decOfDouble(f float64) *bigDec {
	if f == 0 {
		return &bigDec{unscaled: new(big.Int), scale: 0}
	}
	r := new(big.Rat).SetFloat64(f)
	num, den := r.Num(), r.Denom()
	// den is a power of two 2^k; multiply by 5^k to make it 10^k.
	k := den.BitLen() - 1
	five := new(big.Int).Exp(big.NewInt(5), big.NewInt(int64(k)), nil)
	return &bigDec{unscaled: new(big.Int).Mul(num, five), scale: int32(k)}
}

func (d *bigDec) rat() *big.Rat {
	r := new(big.Rat).SetInt(d.unscaled)
	if d.scale > 0 {
		r.Quo(r, new(big.Rat).SetInt(pow10(int(d.scale))))
	} else if d.scale < 0 {
		r.Mul(r, new(big.Rat).SetInt(pow10(int(-d.scale))))
	}
	return r
}

func pow10(n int) *big.Int { return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil) }

func (d *bigDec) float() float64 { f, _ := d.rat().Float64(); return f }

func (d *bigDec) cmp(e *bigDec) int { return d.rat().Cmp(e.rat()) }

// align returns both unscaled values at the larger scale.
func align(a, b *bigDec) (*big.Int, *big.Int, int32) {
	if a.scale == b.scale {
		return a.unscaled, b.unscaled, a.scale
	}
	if a.scale > b.scale {
		return a.unscaled, new(big.Int).Mul(b.unscaled, pow10(int(a.scale-b.scale))), a.scale
	}
	return new(big.Int).Mul(a.unscaled, pow10(int(b.scale-a.scale))), b.unscaled, b.scale
}

func (d *bigDec) add(e *bigDec) *bigDec {
	x, y, s := align(d, e)
	return &bigDec{new(big.Int).Add(x, y), s}
}

func (d *bigDec) sub(e *bigDec) *bigDec {
	x, y, s := align(d, e)
	return &bigDec{new(big.Int).Sub(x, y), s}
}

func (d *bigDec) mul(e *bigDec) *bigDec {
	return &bigDec{new(big.Int).Mul(d.unscaled, e.unscaled), d.scale + e.scale}
}

// divHalfDown is divide(divisor, ROUND_HALF_DOWN): the quotient at this
// number's scale, ties rounded toward zero.
func (d *bigDec) divHalfDown(e *bigDec) *bigDec {
	// q = d/e at scale s: unscaled = round(d.u * 10^(s - d.s + e.s) / e.u)
	s := d.scale
	num := new(big.Int).Set(d.unscaled)
	den := new(big.Int).Set(e.unscaled)
	shift := int(s) - int(d.scale) + int(e.scale)
	if shift >= 0 {
		num.Mul(num, pow10(shift))
	} else {
		den.Mul(den, pow10(-shift))
	}
	q, r := new(big.Int).QuoRem(num, den, new(big.Int))
	if r.Sign() != 0 {
		twice := new(big.Int).Mul(new(big.Int).Abs(r), big.NewInt(2))
		if twice.Cmp(new(big.Int).Abs(den)) > 0 {
			if (num.Sign() < 0) != (den.Sign() < 0) {
				q.Sub(q, big.NewInt(1))
			} else {
				q.Add(q, big.NewInt(1))
			}
		}
	}
	return &bigDec{q, s}
}

func (d *bigDec) isZero() bool { return d.unscaled.Sign() == 0 }

// Number conversions as Java's Number methods.

func toBigDec(n any) *bigDec {
	switch v := n.(type) {
	case *bigDec:
		return v
	case *big.Int:
		return &bigDec{new(big.Int).Set(v), 0}
	}
	return decOfDouble(doubleValue(n))
}

func toBigInt(n any) *big.Int {
	if v, ok := n.(*big.Int); ok {
		return v
	}
	return big.NewInt(longValue(n))
}

func longValue(n any) int64 {
	switch v := n.(type) {
	case jInt:
		return int64(v)
	case jLong:
		return int64(v)
	case jFloat:
		return d2l(float64(v))
	case float64:
		return d2l(v)
	case *big.Int:
		return int64(v.Uint64()) * int64(v.Sign()) // low 64 bits, as BigInteger.longValue
	case *bigDec:
		i := new(big.Int).Quo(v.unscaled, pow10Signed(v.scale))
		if v.scale < 0 {
			i = new(big.Int).Mul(v.unscaled, pow10(int(-v.scale)))
		}
		return bigLow64(i)
	}
	return 0
}

func pow10Signed(scale int32) *big.Int {
	if scale <= 0 {
		return big.NewInt(1)
	}
	return pow10(int(scale))
}

func bigLow64(i *big.Int) int64 {
	m := new(big.Int).And(i, new(big.Int).SetUint64(math.MaxUint64))
	return int64(m.Uint64())
}

// d2l is Java's (long) cast of a double.
func d2l(f float64) int64 {
	switch {
	case math.IsNaN(f):
		return 0
	case f >= math.MaxInt64:
		return math.MaxInt64
	case f <= math.MinInt64:
		return math.MinInt64
	}
	return int64(f)
}

// d2i is Java's (int) cast of a double.
func d2i(f float64) int32 {
	switch {
	case math.IsNaN(f):
		return 0
	case f >= math.MaxInt32:
		return math.MaxInt32
	case f <= math.MinInt32:
		return math.MinInt32
	}
	return int32(f)
}

func intValue(n any) int32 {
	switch v := n.(type) {
	case jFloat:
		return d2i(float64(v))
	case float64:
		return d2i(v)
	}
	return int32(longValue(n))
}

func doubleValue(n any) float64 {
	switch v := n.(type) {
	case jInt:
		return float64(v)
	case jLong:
		return float64(v)
	case jFloat:
		return float64(v)
	case float64:
		return v
	case *big.Int:
		f, _ := new(big.Float).SetInt(v).Float64()
		return f
	case *bigDec:
		return v.float()
	}
	return 0
}

func floatValue(n any) float32 { return float32(doubleValue(n)) }

// MathUtils of Velocity 1.7.

type calcBase int

const (
	baseLong calcBase = iota
	baseFloat
	baseDouble
	baseBigInteger
	baseBigDecimal
)

func isIntegral(n any) bool {
	switch n.(type) {
	case jInt, jLong, *big.Int:
		return true
	}
	return false
}

func findBase(a, b any) calcBase {
	ai, bi := isIntegral(a), isIntegral(b)
	_, ad := a.(*bigDec)
	_, bd := b.(*bigDec)
	_, abig := a.(*big.Int)
	_, bbig := b.(*big.Int)
	if ad || bd || ((!ai || !bi) && (abig || bbig)) {
		return baseBigDecimal
	}
	if ai && bi {
		if abig || bbig {
			return baseBigInteger
		}
		return baseLong
	}
	_, adbl := a.(float64)
	_, bdbl := b.(float64)
	if adbl || bdbl {
		return baseDouble
	}
	return baseFloat
}

// sizeRank orders Integer < Long for wrapPrimitive.
func sizeRank(n any) int {
	switch n.(type) {
	case jInt:
		return 2
	case jLong:
		return 3
	}
	return -1
}

// wrap is MathUtils.wrapPrimitive: the wider operand type, widened to
// Long when the value leaves Integer's range.
func wrap(v int64, a, b any) any {
	t := a
	if sizeRank(a) <= sizeRank(b) {
		t = b
	}
	if _, ok := t.(jInt); ok && v >= math.MinInt32 && v <= math.MaxInt32 {
		return jInt(v)
	}
	return jLong(v)
}

func mathAdd(a, b any) any {
	switch findBase(a, b) {
	case baseBigInteger:
		return new(big.Int).Add(toBigInt(a), toBigInt(b))
	case baseLong:
		l1, l2 := longValue(a), longValue(b)
		r := l1 + l2
		if (r^l1) < 0 && (r^l2) < 0 {
			return new(big.Int).Add(toBigInt(a), toBigInt(b))
		}
		return wrap(r, a, b)
	case baseFloat:
		return jFloat(floatValue(a) + floatValue(b))
	case baseDouble:
		return doubleValue(a) + doubleValue(b)
	}
	return toBigDec(a).add(toBigDec(b))
}

func mathSub(a, b any) any {
	switch findBase(a, b) {
	case baseBigInteger:
		return new(big.Int).Sub(toBigInt(a), toBigInt(b))
	case baseLong:
		l1, l2 := longValue(a), longValue(b)
		r := l1 - l2
		if (r^l1) < 0 && (r^(^l2)) < 0 {
			return new(big.Int).Sub(toBigInt(a), toBigInt(b))
		}
		return wrap(r, a, b)
	case baseFloat:
		return jFloat(floatValue(a) - floatValue(b))
	case baseDouble:
		return doubleValue(a) - doubleValue(b)
	}
	return toBigDec(a).sub(toBigDec(b))
}

func mathMul(a, b any) any {
	switch findBase(a, b) {
	case baseBigInteger:
		return new(big.Int).Mul(toBigInt(a), toBigInt(b))
	case baseLong:
		l1, l2 := longValue(a), longValue(b)
		r := l1 * l2
		if l2 != 0 && (r/l2 != l1 || (l1 == math.MinInt64 && l2 == -1)) {
			return new(big.Int).Mul(toBigInt(a), toBigInt(b))
		}
		return wrap(r, a, b)
	case baseFloat:
		return jFloat(floatValue(a) * floatValue(b))
	case baseDouble:
		return doubleValue(a) * doubleValue(b)
	}
	return toBigDec(a).mul(toBigDec(b))
}

// mathDiv assumes a non-zero divisor (Velocity returns null otherwise).
func mathDiv(a, b any) any {
	switch findBase(a, b) {
	case baseBigInteger:
		return new(big.Int).Quo(toBigInt(a), toBigInt(b))
	case baseLong:
		l1, l2 := longValue(a), longValue(b)
		if l1 == math.MinInt64 && l2 == -1 {
			return wrap(l1, a, b)
		}
		return wrap(l1/l2, a, b)
	case baseFloat:
		return jFloat(floatValue(a) / floatValue(b))
	case baseDouble:
		return doubleValue(a) / doubleValue(b)
	}
	return toBigDec(a).divHalfDown(toBigDec(b))
}

// mathMod returns ok=false where Java throws (modulo of BigDecimals).
func mathMod(a, b any) (any, bool) {
	switch findBase(a, b) {
	case baseBigInteger:
		m := toBigInt(b)
		if m.Sign() < 0 {
			return nil, false // BigInteger.mod throws for a negative modulus
		}
		return new(big.Int).Mod(toBigInt(a), m), true
	case baseLong:
		l1, l2 := longValue(a), longValue(b)
		if l2 == -1 {
			return wrap(0, a, b), true
		}
		return wrap(l1%l2, a, b), true
	case baseFloat:
		return jFloat(math.Mod(float64(floatValue(a)), float64(floatValue(b)))), true
	case baseDouble:
		return math.Mod(doubleValue(a), doubleValue(b)), true
	}
	return nil, false
}

func mathIsZero(n any) bool {
	switch v := n.(type) {
	case *big.Int:
		return v.Sign() == 0
	case jInt, jLong:
		return longValue(v) == 0
	case jFloat:
		return v == 0
	case float64:
		return v == 0
	case *bigDec:
		return v.isZero()
	}
	return false
}

func mathCompare(a, b any) int {
	switch findBase(a, b) {
	case baseBigInteger:
		return toBigInt(a).Cmp(toBigInt(b))
	case baseLong:
		l1, l2 := longValue(a), longValue(b)
		switch {
		case l1 < l2:
			return -1
		case l1 > l2:
			return 1
		}
		return 0
	case baseFloat:
		f1, f2 := floatValue(a), floatValue(b)
		switch {
		case f1 < f2:
			return -1
		case f1 > f2:
			return 1
		}
		return 0
	case baseDouble:
		d1, d2 := doubleValue(a), doubleValue(b)
		switch {
		case d1 < d2:
			return -1
		case d1 > d2:
			return 1
		}
		return 0
	}
	return toBigDec(a).cmp(toBigDec(b))
}

// integerLiteral is ASTIntegerLiteral: Integer, else Long, else
// BigInteger; ok is false where Java throws NumberFormatException (the
// lexer can put a "#" before the digits).
func integerLiteral(s string) (any, bool) {
	if v, err := strconv.ParseInt(s, 10, 32); err == nil {
		return jInt(v), true
	}
	if v, err := strconv.ParseInt(s, 10, 64); err == nil {
		return jLong(v), true
	}
	b, ok := new(big.Int).SetString(s, 10)
	if !ok {
		return nil, false
	}
	return b, true
}

// floatLiteral is ASTFloatingPointLiteral: new Double(str), else new
// BigDecimal(str).
func floatLiteral(s string) (any, bool) {
	if s == "" || s[0] == '#' {
		return nil, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil && !isRangeErr(err) {
		if d, ok := parseBigDec(s); ok {
			return d, true
		}
		return nil, false
	}
	return f, true
}

func isRangeErr(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}
