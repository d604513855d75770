package vtl

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode"
)

func itoa(i int) string { return strconv.Itoa(i) }

var (
	objectMethods    = methodTable{}
	integerMethods   = methodTable{}
	longMethods      = methodTable{}
	doubleMethods    = methodTable{}
	floatMethods     = methodTable{}
	bigMethods       = methodTable{}
	booleanMethods   = methodTable{}
	characterMethods = methodTable{}
	classMethods     = methodTable{}
	iteratorMethods  = methodTable{}
)

// addObjectMethods adds java.lang.Object's public methods.
func addObjectMethods(t methodTable) {
	t.add("toString", nil, func(r *renderer, v any, a []any) any { return r.str(v) })
	t.add("hashCode", nil, func(r *renderer, v any, a []any) any { return jInt(javaHashCode(v)) })
	t.add("equals", []string{"Object"}, func(r *renderer, v any, a []any) any { return javaEquals(v, a[0]) }).boolRet = true
	t.add("getClass", nil, func(r *renderer, v any, a []any) any { return &classVal{className(v)} })
}

// parseJavaLong is Long.parseLong / Integer.parseInt (ASCII digits).
func parseJavaLong(s string, bits int) any {
	v, err := strconv.ParseInt(s, 10, bits)
	if err != nil || s == "" || strings.ContainsAny(s, "_") {
		throw("java.lang.NumberFormatException", `For input string: "`+s+`"`)
	}
	if bits == 32 {
		return jInt(v)
	}
	return jLong(v)
}

// parseJavaDouble is Double.parseDouble: surrounding blanks are allowed,
// as are a trailing d/D/f/F.
func parseJavaDouble(s string) float64 {
	t := javaTrim(s)
	t = strings.TrimRight(t, "dDfF")
	if t == "" || strings.ContainsAny(t, "_xXpP") && !strings.Contains(t, "Infinity") {
		throw("java.lang.NumberFormatException", `For input string: "`+s+`"`)
	}
	if t == "NaN" || t == "+NaN" || t == "-NaN" {
		return math.NaN()
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil && !isRangeErr(err) {
		throw("java.lang.NumberFormatException", `For input string: "`+s+`"`)
	}
	return f
}

func init() {
	addObjectMethods(objectMethods)
	addObjectMethods(classMethods)
	classMethods.add("getName", nil, func(r *renderer, v any, a []any) any { return v.(*classVal).name })
	classMethods.add("getSimpleName", nil, func(r *renderer, v any, a []any) any {
		n := v.(*classVal).name
		if i := strings.LastIndexAny(n, ".$"); i >= 0 {
			n = n[i+1:]
		}
		return strings.TrimSuffix(n, ";")
	})
	addObjectMethods(iteratorMethods)
	iteratorMethods.add("hasNext", nil, func(r *renderer, v any, a []any) any {
		it := v.(*iterVal)
		return it.pos < len(it.elems)
	}).boolRet = true
	iteratorMethods.add("next", nil, func(r *renderer, v any, a []any) any {
		it := v.(*iterVal)
		if it.pos >= len(it.elems) {
			throw("java.util.NoSuchElementException", "")
		}
		it.pos++
		return it.elems[it.pos-1]
	})

	// Number's methods, on every boxed number.
	for _, t := range []methodTable{integerMethods, longMethods, doubleMethods, floatMethods, bigMethods} {
		addObjectMethods(t)
		t.add("intValue", nil, func(r *renderer, v any, a []any) any { return jInt(intValue(v)) })
		t.add("longValue", nil, func(r *renderer, v any, a []any) any { return jLong(longValue(v)) })
		t.add("doubleValue", nil, func(r *renderer, v any, a []any) any { return doubleValue(v) })
		t.add("floatValue", nil, func(r *renderer, v any, a []any) any { return jFloat(floatValue(v)) })
		cmp := func(r *renderer, v any, a []any) any {
			if a[0] == nil {
				throw("java.lang.NullPointerException", "")
			}
			if className(a[0]) != className(v) {
				throw("java.lang.ClassCastException", className(a[0])+" cannot be cast to "+className(v))
			}
			return jInt(mathCompare(v, a[0]))
		}
		t.add("compareTo", []string{"Object"}, cmp)
	}
	integerMethods.add("compareTo", []string{"Integer"}, func(r *renderer, v any, a []any) any {
		return jInt(mathCompare(v, a[0]))
	})
	longMethods.add("compareTo", []string{"Long"}, func(r *renderer, v any, a []any) any {
		return jInt(mathCompare(v, a[0]))
	})
	doubleMethods.add("compareTo", []string{"Double"}, func(r *renderer, v any, a []any) any {
		x, y := v.(float64), a[0].(float64)
		switch {
		case x < y:
			return jInt(-1)
		case x > y:
			return jInt(1)
		}
		bx, by := int64(doubleBits(x)), int64(doubleBits(y))
		switch {
		case bx == by:
			return jInt(0)
		case bx < by:
			return jInt(-1)
		}
		return jInt(1)
	})
	// Static helpers of Integer, Long and Double, callable on instances.
	integerMethods.add("parseInt", []string{"String"}, func(r *renderer, v any, a []any) any {
		return parseJavaLong(needStr(a[0]), 32)
	})
	integerMethods.add("valueOf", []string{"String"}, func(r *renderer, v any, a []any) any {
		return parseJavaLong(needStr(a[0]), 32)
	})
	integerMethods.add("valueOf", []string{"int"}, func(r *renderer, v any, a []any) any { return a[0] })
	integerMethods.add("toString", []string{"int"}, func(r *renderer, v any, a []any) any { return toString(a[0]) })
	integerMethods.add("toHexString", []string{"int"}, func(r *renderer, v any, a []any) any {
		return strconv.FormatUint(uint64(uint32(a[0].(jInt))), 16)
	})
	integerMethods.add("toBinaryString", []string{"int"}, func(r *renderer, v any, a []any) any {
		return strconv.FormatUint(uint64(uint32(a[0].(jInt))), 2)
	})
	integerMethods.add("max", []string{"int", "int"}, func(r *renderer, v any, a []any) any { return max(a[0].(jInt), a[1].(jInt)) })
	integerMethods.add("min", []string{"int", "int"}, func(r *renderer, v any, a []any) any { return min(a[0].(jInt), a[1].(jInt)) })
	integerMethods.add("sum", []string{"int", "int"}, func(r *renderer, v any, a []any) any { return a[0].(jInt) + a[1].(jInt) })
	longMethods.add("parseLong", []string{"String"}, func(r *renderer, v any, a []any) any {
		return parseJavaLong(needStr(a[0]), 64)
	})
	longMethods.add("valueOf", []string{"String"}, func(r *renderer, v any, a []any) any {
		return parseJavaLong(needStr(a[0]), 64)
	})
	longMethods.add("valueOf", []string{"long"}, func(r *renderer, v any, a []any) any { return jLong(longValue(a[0])) })
	longMethods.add("toString", []string{"long"}, func(r *renderer, v any, a []any) any { return toString(jLong(longValue(a[0]))) })
	longMethods.add("max", []string{"long", "long"}, func(r *renderer, v any, a []any) any { return jLong(max(longValue(a[0]), longValue(a[1]))) })
	longMethods.add("min", []string{"long", "long"}, func(r *renderer, v any, a []any) any { return jLong(min(longValue(a[0]), longValue(a[1]))) })
	doubleMethods.add("isNaN", nil, func(r *renderer, v any, a []any) any { return math.IsNaN(v.(float64)) }).boolRet = true
	doubleMethods.add("isInfinite", nil, func(r *renderer, v any, a []any) any { return math.IsInf(v.(float64), 0) }).boolRet = true
	doubleMethods.add("parseDouble", []string{"String"}, func(r *renderer, v any, a []any) any {
		return parseJavaDouble(needStr(a[0]))
	})
	doubleMethods.add("valueOf", []string{"String"}, func(r *renderer, v any, a []any) any {
		return parseJavaDouble(needStr(a[0]))
	})
	doubleMethods.add("valueOf", []string{"double"}, func(r *renderer, v any, a []any) any { return doubleValue(a[0]) })
	doubleMethods.add("toString", []string{"double"}, func(r *renderer, v any, a []any) any { return javaDouble(doubleValue(a[0])) })
	doubleMethods.add("max", []string{"double", "double"}, func(r *renderer, v any, a []any) any {
		return math.Max(doubleValue(a[0]), doubleValue(a[1]))
	})
	doubleMethods.add("min", []string{"double", "double"}, func(r *renderer, v any, a []any) any {
		return math.Min(doubleValue(a[0]), doubleValue(a[1]))
	})
	floatMethods.add("isNaN", nil, func(r *renderer, v any, a []any) any { return math.IsNaN(float64(v.(jFloat))) }).boolRet = true
	bigMethods.add("toPlainString", nil, func(r *renderer, v any, a []any) any {
		if d, ok := v.(*bigDec); ok {
			return new(big.Rat).SetFrac(d.unscaled, pow10Signed(d.scale)).FloatString(int(max(d.scale, 0)))
		}
		return toString(v)
	})
	bigMethods.add("signum", nil, func(r *renderer, v any, a []any) any {
		if d, ok := v.(*bigDec); ok {
			return jInt(d.unscaled.Sign())
		}
		return jInt(v.(*big.Int).Sign())
	})

	addObjectMethods(booleanMethods)
	booleanMethods.add("booleanValue", nil, func(r *renderer, v any, a []any) any { return v }).boolRet = true
	booleanMethods.add("compareTo", []string{"Boolean"}, func(r *renderer, v any, a []any) any {
		x, y := v.(bool), a[0].(bool)
		switch {
		case x == y:
			return jInt(0)
		case x:
			return jInt(1)
		}
		return jInt(-1)
	})
	booleanMethods.add("parseBoolean", []string{"String"}, func(r *renderer, v any, a []any) any {
		s, _ := a[0].(string)
		return strings.EqualFold(s, "true")
	}).boolRet = true
	booleanMethods.add("valueOf", []string{"String"}, func(r *renderer, v any, a []any) any {
		s, _ := a[0].(string)
		return strings.EqualFold(s, "true")
	})
	booleanMethods.add("valueOf", []string{"boolean"}, func(r *renderer, v any, a []any) any { return a[0] })

	addObjectMethods(characterMethods)
	characterMethods.add("charValue", nil, func(r *renderer, v any, a []any) any { return v })
	charTest := func(name string, f func(rune) bool) {
		characterMethods.add(name, []string{"char"}, func(r *renderer, v any, a []any) any {
			return f(rune(a[0].(jChar)))
		}).boolRet = true
	}
	charTest("isDigit", unicode.IsDigit)
	charTest("isLetter", unicode.IsLetter)
	charTest("isLetterOrDigit", func(c rune) bool { return unicode.IsLetter(c) || unicode.IsDigit(c) })
	charTest("isWhitespace", javaIsWhitespace)
	charTest("isUpperCase", unicode.IsUpper)
	charTest("isLowerCase", unicode.IsLower)
	characterMethods.add("toString", []string{"char"}, func(r *renderer, v any, a []any) any { return a[0].(jChar).String() })
	characterMethods.add("toUpperCase", []string{"char"}, func(r *renderer, v any, a []any) any {
		return jChar(unicode.ToUpper(rune(a[0].(jChar))))
	})
	characterMethods.add("toLowerCase", []string{"char"}, func(r *renderer, v any, a []any) any {
		return jChar(unicode.ToLower(rune(a[0].(jChar))))
	})
}
