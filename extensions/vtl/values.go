package vtl

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

// Values are Java objects as Velocity sees them:
//
//	nil            null
//	string         java.lang.String
//	bool           java.lang.Boolean
//	jInt, jLong    java.lang.Integer, java.lang.Long
//	float64        java.lang.Double (jFloat: java.lang.Float)
//	*big.Int       java.math.BigInteger (*bigDec: java.math.BigDecimal)
//	jChar          java.lang.Character
//	*jList         lists, arrays and collection views
//	*jMap          maps
//	*entryVal      Map.Entry
//	*inputObj      $input        *utilObj  $util
//	*scopeVal      $foreach      *blockRef a #define body
//	*classVal      a java.lang.Class      *iterVal  an Iterator

type entryVal struct {
	e *mapEntry
}

type classVal struct{ name string }

type iterVal struct {
	elems []any
	pos   int
}

// className is getClass().getName() for a value.
func className(v any) string {
	switch x := v.(type) {
	case string:
		return "java.lang.String"
	case bool:
		return "java.lang.Boolean"
	case jInt:
		return "java.lang.Integer"
	case jLong:
		return "java.lang.Long"
	case jFloat:
		return "java.lang.Float"
	case float64:
		return "java.lang.Double"
	case *big.Int:
		return "java.math.BigInteger"
	case *bigDec:
		return "java.math.BigDecimal"
	case jChar:
		return "java.lang.Character"
	case *jList:
		switch x.kind {
		case lJSON:
			return "VtlOracle$JsonArray"
		case lArray:
			if x.objects {
				return "[Ljava.lang.Object;"
			}
			return "[Ljava.lang.String;"
		case lKeySet:
			if x.owner == mLinked {
				return "java.util.LinkedHashMap$LinkedKeySet"
			}
			if x.owner == mTreeCI {
				return "java.util.TreeMap$KeySet"
			}
			return "java.util.HashMap$KeySet"
		case lValues:
			if x.owner == mLinked {
				return "java.util.LinkedHashMap$LinkedValues"
			}
			if x.owner == mTreeCI {
				return "java.util.TreeMap$Values"
			}
			return "java.util.HashMap$Values"
		case lEntrySet:
			if x.owner == mLinked {
				return "java.util.LinkedHashMap$LinkedEntrySet"
			}
			if x.owner == mTreeCI {
				return "java.util.TreeMap$EntrySet"
			}
			return "java.util.HashMap$EntrySet"
		}
		return "java.util.ArrayList"
	case *jMap:
		switch x.kind {
		case mLinked:
			return "java.util.LinkedHashMap"
		case mContext:
			return "VtlOracle$ContextMap"
		case mTreeCI:
			return "java.util.TreeMap"
		}
		return "java.util.HashMap"
	case *entryVal:
		return "java.util.HashMap$Node"
	case *inputObj:
		return "VtlOracle$Input"
	case *utilObj:
		return "VtlOracle$Util"
	case *scopeVal:
		return "org.apache.velocity.runtime.directive.ForeachScope"
	case *blockRef:
		return "org.apache.velocity.runtime.directive.Block$Reference"
	case *classVal:
		return "java.lang.Class"
	case *iterVal:
		return "java.util.ArrayList$Itr"
	}
	return "java.lang.Object"
}

// supertypes lists what a value's class can be assigned to, by the short
// names the method tables use.
func isA(v any, t string) bool {
	if t == "Object" {
		return true
	}
	switch x := v.(type) {
	case string:
		return t == "String" || t == "CharSequence" || t == "Comparable"
	case bool:
		return t == "Boolean" || t == "Comparable"
	case jInt:
		return t == "Integer" || t == "Number" || t == "Comparable"
	case jLong:
		return t == "Long" || t == "Number" || t == "Comparable"
	case jFloat:
		return t == "Float" || t == "Number" || t == "Comparable"
	case float64:
		return t == "Double" || t == "Number" || t == "Comparable"
	case *big.Int:
		return t == "BigInteger" || t == "Number" || t == "Comparable"
	case *bigDec:
		return t == "BigDecimal" || t == "Number" || t == "Comparable"
	case jChar:
		return t == "Character" || t == "Comparable"
	case *jList:
		switch x.kind {
		case lArray:
			return t == "Object[]" || (t == "String[]" || t == "CharSequence[]") && !x.objects
		case lKeySet, lEntrySet:
			return t == "Set" || t == "Collection" || t == "Iterable"
		case lValues:
			return t == "Collection" || t == "Iterable"
		}
		return t == "List" || t == "Collection" || t == "Iterable" || t == "ArrayList"
	case *jMap, *scopeVal:
		return t == "Map"
	case *entryVal:
		return t == "Map.Entry"
	case *iterVal:
		return t == "Iterator"
	}
	return false
}

// assignableClasses reports whether one value's class is assignable from
// the other's (ASTEQNode's test before calling equals).
func assignableClasses(a, b any) bool {
	ca, cb := className(a), className(b)
	if ca == cb {
		return true
	}
	return subclassOf(ca, cb) || subclassOf(cb, ca)
}

// subclassOf reports whether class sub extends class sup, for the
// classes values can have.
func subclassOf(sub, sup string) bool {
	switch sup {
	case "java.util.ArrayList":
		return sub == "VtlOracle$JsonArray"
	case "java.util.HashMap":
		return sub == "java.util.LinkedHashMap" || sub == "VtlOracle$ContextMap"
	case "java.util.HashMap$KeySet", "java.util.HashMap$Values", "java.util.HashMap$EntrySet":
		return false
	}
	return false
}

// toString is String.valueOf(v).
func toString(v any) string { return toStr(v, 0) }

// maxValueDepth bounds the nesting toString, equals and hashCode follow;
// Java overflows its stack on structures that contain themselves.
const maxValueDepth = 1000

func tooDeep() {
	panic(&renderError{msg: "a value nests too deeply (or contains itself) to print or compare", limit: true})
}

func toStr(v any, depth int) string {
	if depth > maxValueDepth {
		tooDeep()
	}
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return x
	case bool:
		if x {
			return "true"
		}
		return "false"
	case jInt:
		return strconv.FormatInt(int64(x), 10)
	case jLong:
		return strconv.FormatInt(int64(x), 10)
	case jFloat:
		return javaFloating(float64(x), 32)
	case float64:
		return javaDouble(x)
	case *big.Int:
		return x.String()
	case *bigDec:
		return x.String()
	case jChar:
		return x.String()
	case *jList:
		switch x.kind {
		case lJSON:
			return jsonWrite(x, true)
		case lArray:
			return className(x) + "@" + strconv.FormatInt(int64(identityHash(x)), 16)
		}
		return collectionString(x, depth)
	case *jMap:
		if x.kind == mContext {
			return ""
		}
		return mapString(x, depth)
	case *entryVal:
		return toStr(x.e.key, depth+1) + "=" + toStr(x.e.val, depth+1)
	case *scopeVal:
		return mapString(x.storageMap(), depth)
	case *classVal:
		return "class " + x.name
	case *inputObj, *utilObj, *iterVal, *blockRef:
		return className(v) + "@" + strconv.FormatInt(int64(identityHash(v)), 16)
	}
	return ""
}

// identityHash stands in for Object.hashCode of objects without one: a
// fixed number, since Java's varies from run to run.
func identityHash(any) int32 { return 0x1b6d3586 }

func collectionString(l *jList, depth int) string {
	if len(l.elems) == 0 {
		return "[]"
	}
	var b strings.Builder
	b.WriteByte('[')
	for i, e := range l.elems {
		if i > 0 {
			b.WriteString(", ")
		}
		if e == any(l) {
			b.WriteString("(this Collection)")
		} else {
			b.WriteString(toStr(e, depth+1))
		}
	}
	b.WriteByte(']')
	return b.String()
}

func mapString(m *jMap, depth int) string {
	es := m.ordered()
	if len(es) == 0 {
		return "{}"
	}
	var b strings.Builder
	b.WriteByte('{')
	for i, e := range es {
		if i > 0 {
			b.WriteString(", ")
		}
		if e.key == any(m) {
			b.WriteString("(this Map)")
		} else {
			b.WriteString(toStr(e.key, depth+1))
		}
		b.WriteByte('=')
		if e.val == any(m) {
			b.WriteString("(this Map)")
		} else {
			b.WriteString(toStr(e.val, depth+1))
		}
	}
	b.WriteByte('}')
	return b.String()
}

// javaEquals is a.equals(b) for non-null a.
func javaEquals(a, b any) bool { return eqDepth(a, b, 0) }

func eqDepth(a, b any, depth int) bool {
	if depth > maxValueDepth {
		tooDeep()
	}
	switch x := a.(type) {
	case nil:
		return b == nil
	case string, bool, jInt, jLong, jChar:
		return a == b
	case jFloat:
		y, ok := b.(jFloat)
		return ok && math.Float32bits(float32(x)) == math.Float32bits(float32(y))
	case float64:
		y, ok := b.(float64)
		return ok && doubleBits(x) == doubleBits(y)
	case *big.Int:
		y, ok := b.(*big.Int)
		return ok && x.Cmp(y) == 0
	case *bigDec:
		y, ok := b.(*bigDec)
		return ok && x.scale == y.scale && x.unscaled.Cmp(y.unscaled) == 0
	case *jList:
		y, ok := b.(*jList)
		if !ok {
			return false
		}
		if x == y {
			return true
		}
		xs, ys := isA(x, "List"), isA(y, "List")
		xset, yset := isA(x, "Set"), isA(y, "Set")
		switch {
		case xs && ys:
			if len(x.elems) != len(y.elems) {
				return false
			}
			for i := range x.elems {
				if !nullEq(x.elems[i], y.elems[i], depth+1) {
					return false
				}
			}
			return true
		case xset && yset:
			if len(x.elems) != len(y.elems) {
				return false
			}
			for _, e := range y.elems {
				found := false
				for _, f := range x.elems {
					if nullEq(e, f, depth+1) {
						found = true
						break
					}
				}
				if !found {
					return false
				}
			}
			return true
		}
		return false
	case *jMap:
		var y *jMap
		switch z := b.(type) {
		case *jMap:
			y = z
		case *scopeVal:
			y = z.storageMap()
		default:
			return false
		}
		return mapsEqual(x, y, depth)
	case *scopeVal:
		switch z := b.(type) {
		case *jMap:
			return mapsEqual(x.storageMap(), z, depth)
		case *scopeVal:
			return x == z || mapsEqual(x.storageMap(), z.storageMap(), depth)
		}
		return false
	case *entryVal:
		y, ok := b.(*entryVal)
		return ok && nullEq(x.e.key, y.e.key, depth+1) && nullEq(x.e.val, y.e.val, depth+1)
	case *classVal:
		y, ok := b.(*classVal)
		return ok && x.name == y.name
	}
	return a == b
}

func mapsEqual(x, y *jMap, depth int) bool {
	if x == y {
		return true
	}
	if x.size() != y.size() {
		return false
	}
	for _, e := range x.entries {
		f := y.find(e.key)
		if f == nil || !nullEq(e.val, f.val, depth+1) {
			return false
		}
	}
	return true
}

func nullSafeEquals(a, b any) bool { return nullEq(a, b, 0) }

func nullEq(a, b any, depth int) bool {
	if a == nil {
		return b == nil
	}
	return eqDepth(a, b, depth)
}

func containsValue(elems []any, v any) bool {
	for _, e := range elems {
		if nullSafeEquals(v, e) {
			return true
		}
	}
	return false
}

func doubleBits(f float64) uint64 {
	if math.IsNaN(f) {
		return 0x7ff8000000000000
	}
	return math.Float64bits(f)
}

// javaHashCode is v.hashCode() (0 for null).
func javaHashCode(v any) int32 { return hashDepth(v, 0) }

func hashDepth(v any, depth int) int32 {
	if depth > maxValueDepth {
		tooDeep()
	}
	switch x := v.(type) {
	case nil:
		return 0
	case string:
		return javaHash(x)
	case bool:
		if x {
			return 1231
		}
		return 1237
	case jInt:
		return int32(x)
	case jLong:
		return int32(int64(x) ^ int64(uint64(x)>>32))
	case jFloat:
		return int32(math.Float32bits(float32(x)))
	case float64:
		b := doubleBits(x)
		return int32(b ^ (b >> 32))
	case jChar:
		return int32(x)
	case *big.Int:
		return bigIntHash(x)
	case *bigDec:
		return 31*bigIntHash(x.unscaled) + x.scale
	case *jList:
		if isA(x, "Set") {
			var h int32
			for _, e := range x.elems {
				h += hashDepth(e, depth+1)
			}
			return h
		}
		h := int32(1)
		for _, e := range x.elems {
			h = 31*h + hashDepth(e, depth+1)
		}
		return h
	case *jMap:
		var h int32
		for _, e := range x.entries {
			h += hashDepth(e.key, depth+1) ^ hashDepth(e.val, depth+1)
		}
		return h
	case *entryVal:
		return hashDepth(x.e.key, depth+1) ^ hashDepth(x.e.val, depth+1)
	}
	return identityHash(v)
}

// bigIntHash is BigInteger.hashCode: over the 32-bit words of the
// magnitude, most significant first, times the sign.
func bigIntHash(b *big.Int) int32 {
	mag := new(big.Int).Abs(b).Bytes()
	for len(mag)%4 != 0 {
		mag = append([]byte{0}, mag...)
	}
	var h int32
	for i := 0; i < len(mag); i += 4 {
		w := int32(uint32(mag[i])<<24 | uint32(mag[i+1])<<16 | uint32(mag[i+2])<<8 | uint32(mag[i+3]))
		h = 31*h + w
	}
	return h * int32(b.Sign())
}
