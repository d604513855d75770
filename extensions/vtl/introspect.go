package vtl

import "strings"

// A Java method as Velocity's introspector sees it: a public method of the
// value's class (or of a public superclass or interface).
type jmethod struct {
	params  []string // parameter types; a trailing "X[]" takes varargs
	void    bool
	boolRet bool // returns boolean (for $x.empty via isEmpty())
	fn      func(r *renderer, recv any, args []any) any
}

// javaException is a Java exception thrown by a method; Velocity turns it
// into a MethodInvocationException, which fails the render.
type javaException struct{ msg string }

func throw(class, msg string) { panic(javaException{class + ": " + msg}) }

type methodTable map[string][]*jmethod

func (t methodTable) add(name string, params []string, fn func(r *renderer, recv any, args []any) any) *jmethod {
	m := &jmethod{params: params, fn: fn}
	t[name] = append(t[name], m)
	return m
}

// primitive types and what boxed argument values convert to them
// (IntrospectionUtils.isMethodInvocationConvertible).
func convertible(formal string, arg any) bool {
	switch formal {
	case "boolean":
		_, ok := arg.(bool)
		return ok
	case "char":
		_, ok := arg.(jChar)
		return ok
	case "int":
		_, ok := arg.(jInt)
		return ok
	case "long":
		switch arg.(type) {
		case jInt, jLong:
			return true
		}
		return false
	case "float":
		switch arg.(type) {
		case jInt, jLong, jFloat:
			return true
		}
		return false
	case "double":
		switch arg.(type) {
		case jInt, jLong, jFloat, float64:
			return true
		}
		return false
	}
	if arg == nil {
		return true
	}
	return isA(arg, formal)
}

func isPrimitive(t string) bool {
	switch t {
	case "boolean", "char", "int", "long", "float", "double":
		return true
	}
	return false
}

// typeAssignable is Class.isAssignableFrom between parameter types, with
// the strict primitive widenings (IntrospectionUtils.isStrictMethodInvocationConvertible).
func typeAssignable(formal, actual string) bool {
	if formal == actual {
		return true
	}
	if isPrimitive(formal) || isPrimitive(actual) {
		switch formal {
		case "long":
			return actual == "int"
		case "float":
			return actual == "long" || actual == "int"
		case "double":
			return actual == "float" || actual == "long" || actual == "int"
		}
		return false
	}
	if strings.HasSuffix(formal, "[]") && strings.HasSuffix(actual, "[]") {
		return typeAssignable(strings.TrimSuffix(formal, "[]"), strings.TrimSuffix(actual, "[]"))
	}
	switch formal {
	case "Object":
		return true
	case "CharSequence":
		return actual == "String"
	case "Comparable":
		switch actual {
		case "String", "Integer", "Long", "Double", "Float", "Boolean", "Character", "BigInteger", "BigDecimal":
			return true
		}
	case "Number":
		switch actual {
		case "Integer", "Long", "Double", "Float", "BigInteger", "BigDecimal":
			return true
		}
	case "Collection":
		return actual == "List" || actual == "Set"
	case "Iterable":
		return actual == "List" || actual == "Set" || actual == "Collection"
	}
	return false
}

const (
	moreSpecific = iota
	lessSpecific
	incomparable
)

// compareSignatures is MethodMap.compare.
func compareSignatures(c1, c2 []string) int {
	if len(c1) > len(c2) {
		return moreSpecific
	}
	if len(c2) > len(c1) {
		return lessSpecific
	}
	c1More, c2More := false, false
	for i := range c1 {
		if c1[i] != c2[i] {
			c1More = c1More || typeAssignable(c2[i], c1[i]) || c2[i] == "Object"
			c2More = c2More || typeAssignable(c1[i], c2[i]) || c1[i] == "Object"
		}
	}
	if c1More {
		if c2More {
			a1 := strings.HasSuffix(c1[len(c1)-1], "[]")
			a2 := strings.HasSuffix(c2[len(c2)-1], "[]")
			if a1 && !a2 {
				return lessSpecific
			}
			if !a1 && a2 {
				return moreSpecific
			}
			return incomparable
		}
		return moreSpecific
	}
	if c2More {
		return lessSpecific
	}
	return incomparable
}

// applicable is MethodMap.isApplicable, varargs included.
func applicable(m *jmethod, args []any) bool {
	ps := m.params
	varargOK := func(formal string, a any) bool {
		if !strings.HasSuffix(formal, "[]") {
			return false
		}
		if l, ok := a.(*jList); ok && l.kind == lArray {
			return true
		}
		return convertible(strings.TrimSuffix(formal, "[]"), a)
	}
	switch {
	case len(ps) > len(args):
		if len(ps) == len(args)+1 && strings.HasSuffix(ps[len(ps)-1], "[]") {
			for i, a := range args {
				if !convertible(ps[i], a) {
					return false
				}
			}
			return true
		}
		return false
	case len(ps) == len(args):
		for i, a := range args {
			if !convertible(ps[i], a) {
				if i == len(args)-1 && strings.HasSuffix(ps[i], "[]") {
					return varargOK(ps[i], a)
				}
				return false
			}
		}
		return true
	case len(ps) > 0:
		last := ps[len(ps)-1]
		if !strings.HasSuffix(last, "[]") {
			return false
		}
		for i := 0; i < len(ps)-1; i++ {
			if !convertible(ps[i], args[i]) {
				return false
			}
		}
		elem := strings.TrimSuffix(last, "[]")
		for _, a := range args[len(ps)-1:] {
			if !convertible(elem, a) {
				return false
			}
		}
		return true
	}
	// Velocity 1.7 counts a method without parameters as applicable to
	// any arguments; invoking it then fails.
	return true
}

// bestMatch is MethodMap.getBestMatch; an ambiguous call finds nothing.
func bestMatch(ms []*jmethod, args []any) *jmethod {
	var best *jmethod
	var equivalent []*jmethod
	for _, m := range ms {
		if !applicable(m, args) {
			continue
		}
		if best == nil {
			best = m
			continue
		}
		switch compareSignatures(m.params, best.params) {
		case moreSpecific:
			if equivalent == nil {
				best = m
				break
			}
			for _, o := range equivalent {
				switch compareSignatures(m.params, o.params) {
				case moreSpecific:
					best, equivalent = m, nil
				case incomparable:
					equivalent = append(equivalent, m)
				}
				if equivalent == nil {
					break
				}
			}
		case incomparable:
			equivalent = append(equivalent, m)
		}
	}
	if equivalent != nil {
		return nil
	}
	return best
}

// packArgs builds the argument list a varargs method receives.
func packArgs(m *jmethod, args []any) []any {
	ps := m.params
	if len(ps) == 0 || !strings.HasSuffix(ps[len(ps)-1], "[]") {
		return args
	}
	n := len(ps) - 1
	if len(args) == len(ps) {
		if l, ok := args[n].(*jList); ok && l.kind == lArray {
			return args
		}
		if args[n] == nil {
			return args
		}
	}
	rest := append([]any(nil), args[n:]...)
	return append(append([]any(nil), args[:n]...), newList(lArray, rest))
}

// findMethod is the introspector's lookup of a public method by name and
// arguments on the value's class; arrays also see the methods of
// Velocity's ArrayListWrapper.
func findMethod(recv any, name string, args []any) *jmethod {
	if recv == nil {
		return nil
	}
	if m := bestMatch(methodsOf(recv)[name], args); m != nil {
		return m
	}
	if l, ok := recv.(*jList); ok && l.kind == lArray {
		return bestMatch(arrayWrapperMethods[name], args)
	}
	return nil
}

// methodsOf returns the method table of a value's class.
func methodsOf(v any) methodTable {
	switch x := v.(type) {
	case string:
		return stringMethods
	case jInt:
		return integerMethods
	case jLong:
		return longMethods
	case float64:
		return doubleMethods
	case jFloat:
		return floatMethods
	case bool:
		return booleanMethods
	case jChar:
		return characterMethods
	case *jList:
		switch x.kind {
		case lArray:
			return objectMethods
		case lKeySet, lValues, lEntrySet:
			return viewMethods
		}
		return listMethods
	case *jMap:
		if x.kind == mTreeCI {
			return treeMapMethods
		}
		return mapMethods
	case *entryVal:
		return entryMethods
	case *inputObj:
		return inputMethods
	case *utilObj:
		return utilMethods
	case *scopeVal:
		return scopeMethods
	case *classVal:
		return classMethods
	case *iterVal:
		return iteratorMethods
	}
	if isNumber(v) {
		return bigMethods
	}
	return objectMethods
}
