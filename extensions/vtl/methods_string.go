package vtl

import (
	"strings"
	"unicode/utf16"
)

func argInt(a any) int { return int(intValue(a)) }

// needStr returns a String argument, throwing NullPointerException for null.
func needStr(a any) string {
	s, ok := a.(string)
	if !ok {
		throw("java.lang.NullPointerException", "null argument")
	}
	return s
}

func boundsErr(msg string) { throw("java.lang.StringIndexOutOfBoundsException", msg) }

var stringMethods = methodTable{}

func init() {
	t := stringMethods
	addObjectMethods(t)
	str := func(v any) string { return v.(string) }
	t.add("length", nil, func(r *renderer, v any, a []any) any { return jInt(jlen(str(v))) })
	t.add("isEmpty", nil, func(r *renderer, v any, a []any) any { return str(v) == "" }).boolRet = true
	t.add("isBlank", nil, func(r *renderer, v any, a []any) any {
		return strings.TrimFunc(str(v), javaIsWhitespace) == ""
	}).boolRet = true
	t.add("charAt", []string{"int"}, func(r *renderer, v any, a []any) any {
		c, ok := charAt(str(v), argInt(a[0]))
		if !ok {
			boundsErr("index " + itoa(argInt(a[0])) + ", length " + itoa(jlen(str(v))))
		}
		return c
	})
	t.add("codePointAt", []string{"int"}, func(r *renderer, v any, a []any) any {
		u := toUTF16(str(v))
		i := argInt(a[0])
		if i < 0 || i >= len(u) {
			boundsErr("index " + itoa(i) + ", length " + itoa(len(u)))
		}
		if utf16.IsSurrogate(rune(u[i])) && i+1 < len(u) {
			if r := utf16.DecodeRune(rune(u[i]), rune(u[i+1])); r != '\uFFFD' {
				return jInt(r)
			}
		}
		return jInt(u[i])
	})
	sub := func(r *renderer, s string, b, e int) any {
		out, ok := jsubstring(s, b, e)
		if !ok {
			boundsErr("begin " + itoa(b) + ", end " + itoa(e) + ", length " + itoa(jlen(s)))
		}
		return out
	}
	t.add("substring", []string{"int"}, func(r *renderer, v any, a []any) any {
		return sub(r, str(v), argInt(a[0]), jlen(str(v)))
	})
	t.add("substring", []string{"int", "int"}, func(r *renderer, v any, a []any) any {
		return sub(r, str(v), argInt(a[0]), argInt(a[1]))
	})
	t.add("subSequence", []string{"int", "int"}, func(r *renderer, v any, a []any) any {
		return sub(r, str(v), argInt(a[0]), argInt(a[1]))
	})
	codePointString := func(cp int) (string, bool) {
		if cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) {
			return "", false
		}
		return string(rune(cp)), true
	}
	t.add("indexOf", []string{"int"}, func(r *renderer, v any, a []any) any {
		c, ok := codePointString(argInt(a[0]))
		if !ok {
			return jInt(-1)
		}
		return jInt(jindexOf(str(v), c, 0))
	})
	t.add("indexOf", []string{"int", "int"}, func(r *renderer, v any, a []any) any {
		c, ok := codePointString(argInt(a[0]))
		if !ok {
			return jInt(-1)
		}
		return jInt(jindexOf(str(v), c, argInt(a[1])))
	})
	t.add("indexOf", []string{"String"}, func(r *renderer, v any, a []any) any {
		return jInt(jindexOf(str(v), needStr(a[0]), 0))
	})
	t.add("indexOf", []string{"String", "int"}, func(r *renderer, v any, a []any) any {
		return jInt(jindexOf(str(v), needStr(a[0]), argInt(a[1])))
	})
	t.add("lastIndexOf", []string{"int"}, func(r *renderer, v any, a []any) any {
		c, ok := codePointString(argInt(a[0]))
		if !ok {
			return jInt(-1)
		}
		return jInt(jlastIndexOf(str(v), c, jlen(str(v))))
	})
	t.add("lastIndexOf", []string{"int", "int"}, func(r *renderer, v any, a []any) any {
		c, ok := codePointString(argInt(a[0]))
		if !ok {
			return jInt(-1)
		}
		return jInt(jlastIndexOf(str(v), c, argInt(a[1])))
	})
	t.add("lastIndexOf", []string{"String"}, func(r *renderer, v any, a []any) any {
		return jInt(jlastIndexOf(str(v), needStr(a[0]), jlen(str(v))))
	})
	t.add("lastIndexOf", []string{"String", "int"}, func(r *renderer, v any, a []any) any {
		return jInt(jlastIndexOf(str(v), needStr(a[0]), argInt(a[1])))
	})
	t.add("contains", []string{"CharSequence"}, func(r *renderer, v any, a []any) any {
		return strings.Contains(str(v), needStr(a[0]))
	}).boolRet = true
	t.add("startsWith", []string{"String"}, func(r *renderer, v any, a []any) any {
		return strings.HasPrefix(str(v), needStr(a[0]))
	}).boolRet = true
	t.add("startsWith", []string{"String", "int"}, func(r *renderer, v any, a []any) any {
		p, off := needStr(a[0]), argInt(a[1])
		s := str(v)
		if off < 0 || off > jlen(s)-jlen(p) {
			return false
		}
		return strings.HasPrefix(s[byteIndex(s, off):], p)
	}).boolRet = true
	t.add("endsWith", []string{"String"}, func(r *renderer, v any, a []any) any {
		return strings.HasSuffix(str(v), needStr(a[0]))
	}).boolRet = true
	t.add("equalsIgnoreCase", []string{"String"}, func(r *renderer, v any, a []any) any {
		s, ok := a[0].(string)
		return ok && jlen(s) == jlen(str(v)) && compareCI(str(v), s) == 0
	}).boolRet = true
	t.add("contentEquals", []string{"CharSequence"}, func(r *renderer, v any, a []any) any {
		return str(v) == needStr(a[0])
	}).boolRet = true
	cmp := func(r *renderer, v any, a []any) any {
		o, ok := a[0].(string)
		if !ok {
			if a[0] == nil {
				throw("java.lang.NullPointerException", "null argument")
			}
			throw("java.lang.ClassCastException", className(a[0])+" cannot be cast to java.lang.String")
		}
		return jInt(compareUTF16(str(v), o))
	}
	t.add("compareTo", []string{"String"}, cmp)
	t.add("compareTo", []string{"Object"}, cmp)
	t.add("compareToIgnoreCase", []string{"String"}, func(r *renderer, v any, a []any) any {
		return jInt(compareCI(str(v), needStr(a[0])))
	})
	t.add("intern", nil, func(r *renderer, v any, a []any) any { return v })
	t.add("toUpperCase", nil, func(r *renderer, v any, a []any) any { return javaToUpper(str(v)) })
	t.add("toLowerCase", nil, func(r *renderer, v any, a []any) any { return javaToLower(str(v)) })
	t.add("trim", nil, func(r *renderer, v any, a []any) any { return javaTrim(str(v)) })
	t.add("strip", nil, func(r *renderer, v any, a []any) any { return javaStrip(str(v), true, true) })
	t.add("stripLeading", nil, func(r *renderer, v any, a []any) any { return javaStrip(str(v), true, false) })
	t.add("stripTrailing", nil, func(r *renderer, v any, a []any) any { return javaStrip(str(v), false, true) })
	t.add("concat", []string{"String"}, func(r *renderer, v any, a []any) any {
		return r.grow(str(v) + needStr(a[0]))
	})
	t.add("repeat", []string{"int"}, func(r *renderer, v any, a []any) any {
		n := argInt(a[0])
		if n < 0 {
			throw("java.lang.IllegalArgumentException", "count is negative: "+itoa(n))
		}
		r.checkSize(len(str(v)) * n)
		return strings.Repeat(str(v), n)
	})
	t.add("replace", []string{"char", "char"}, func(r *renderer, v any, a []any) any {
		u := toUTF16(str(v))
		from, to := uint16(a[0].(jChar)), uint16(a[1].(jChar))
		for i, c := range u {
			if c == from {
				u[i] = to
			}
		}
		return fromUTF16(u)
	})
	t.add("replace", []string{"CharSequence", "CharSequence"}, func(r *renderer, v any, a []any) any {
		target, repl := needStr(a[0]), needStr(a[1])
		s := str(v)
		if target == "" {
			// Java inserts the replacement around every UTF-16 unit.
			var b strings.Builder
			b.WriteString(repl)
			for _, c := range s {
				b.WriteRune(c)
				b.WriteString(repl)
			}
			return r.grow(b.String())
		}
		return r.grow(strings.ReplaceAll(s, target, repl))
	})
	t.add("replaceAll", []string{"String", "String"}, func(r *renderer, v any, a []any) any {
		return r.grow(r.regexReplace(str(v), needStr(a[0]), needStr(a[1]), -1))
	})
	t.add("replaceFirst", []string{"String", "String"}, func(r *renderer, v any, a []any) any {
		return r.grow(r.regexReplace(str(v), needStr(a[0]), needStr(a[1]), 1))
	})
	t.add("matches", []string{"String"}, func(r *renderer, v any, a []any) any {
		return r.regexMatches(str(v), needStr(a[0]))
	}).boolRet = true
	t.add("split", []string{"String"}, func(r *renderer, v any, a []any) any {
		return r.regexSplit(str(v), needStr(a[0]), 0)
	})
	t.add("split", []string{"String", "int"}, func(r *renderer, v any, a []any) any {
		return r.regexSplit(str(v), needStr(a[0]), argInt(a[1]))
	})
	// Static methods of String are callable on any string.
	valueOf := func(r *renderer, v any, a []any) any { return toString(a[0]) }
	for _, p := range []string{"Object", "int", "long", "float", "double", "boolean", "char"} {
		t.add("valueOf", []string{p}, valueOf)
	}
	join := func(r *renderer, v any, a []any) any {
		sep := needStr(a[0])
		l, _ := a[1].(*jList)
		if l == nil {
			throw("java.lang.NullPointerException", "elements")
		}
		parts := make([]string, len(l.elems))
		for i, e := range l.elems {
			switch x := e.(type) {
			case nil:
				parts[i] = "null"
			case string:
				parts[i] = x
			default:
				throw("java.lang.ClassCastException", className(e)+" cannot be cast to java.lang.CharSequence")
			}
		}
		return r.grow(strings.Join(parts, sep))
	}
	t.add("join", []string{"CharSequence", "CharSequence[]"}, join)
	t.add("join", []string{"CharSequence", "Iterable"}, join)
}

// compareUTF16 is String.compareTo: by UTF-16 units.
func compareUTF16(a, b string) int {
	if isASCII(a) && isASCII(b) {
		n := min(len(a), len(b))
		for i := 0; i < n; i++ {
			if a[i] != b[i] {
				return int(a[i]) - int(b[i])
			}
		}
		return len(a) - len(b)
	}
	ua, ub := toUTF16(a), toUTF16(b)
	n := min(len(ua), len(ub))
	for i := 0; i < n; i++ {
		if ua[i] != ub[i] {
			return int(ua[i]) - int(ub[i])
		}
	}
	return len(ua) - len(ub)
}
