package vtl

import (
	"strconv"
	"strings"
)

// The JSONPath subset $input.path and $input.json accept, with Jayway
// JsonPath's semantics as the reference renderer implements them:
//
//	$                 root                      .name  ['name']  ["name"]  member
//	[n] [-n]          index (negative from end) [a,b]  ['a','b']           union
//	[start:end]       slice                     [*]  .*                    wildcard
//	..name  ..*       deep scan                 .length()                  length
//
// A path not starting with "$" gets "$." prepended. A path of members and
// single indexes is definite: its result is one value or nothing; any
// other path yields a JSON array of all matches.

type jpStepKind uint8

const (
	jpMember jpStepKind = iota
	jpIndex
	jpSlice
	jpWild
	jpScan
	jpLength
)

type jpStep struct {
	kind     jpStepKind
	names    []string
	idx      []int
	from, to *int
	scanName *string // nil for ..*
}

type jsonPath struct {
	steps    []jpStep
	definite bool
}

type jpError struct{ msg string }

func (e *jpError) Error() string { return e.msg }

// compileJSONPath parses a path; errors are what Jayway would reject
// (the reference renderer throws IllegalArgumentException).
func compileJSONPath(p string) (jp *jsonPath, err error) {
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(*jpError)
			if !ok {
				panic(r)
			}
			jp, err = nil, e
		}
	}()
	p = javaTrim(p)
	if !strings.HasPrefix(p, "$") {
		p = "$." + p
	}
	jp = &jsonPath{definite: true}
	i := 1
	for i < len(p) {
		c := p[i]
		switch c {
		case '.':
			if i+1 < len(p) && p[i+1] == '.' {
				i += 2
				jp.definite = false
				if i < len(p) && p[i] == '*' {
					jp.steps = append(jp.steps, jpStep{kind: jpScan})
					i++
					continue
				}
				if i < len(p) && p[i] == '[' {
					end := strings.IndexByte(p[i:], ']')
					if end < 0 {
						panic(&jpError{"unclosed [ in " + p})
					}
					in := javaTrim(p[i+1 : i+end])
					switch {
					case in == "*":
						jp.steps = append(jp.steps, jpStep{kind: jpScan})
					case isQuoted(in):
						n := unquote(in)
						jp.steps = append(jp.steps, jpStep{kind: jpScan, scanName: &n})
					default:
						panic(&jpError{"unsupported deep scan in " + p})
					}
					i += end + 1
					continue
				}
				st := i
				for i < len(p) && p[i] != '.' && p[i] != '[' {
					i++
				}
				if st == i {
					panic(&jpError{"empty name in " + p})
				}
				n := p[st:i]
				jp.steps = append(jp.steps, jpStep{kind: jpScan, scanName: &n})
				continue
			}
			i++
			if i < len(p) && p[i] == '*' {
				jp.steps = append(jp.steps, jpStep{kind: jpWild})
				jp.definite = false
				i++
				continue
			}
			st := i
			for i < len(p) && p[i] != '.' && p[i] != '[' {
				i++
			}
			name := p[st:i]
			if name == "" {
				panic(&jpError{"empty name in " + p})
			}
			if name == "length()" && i == len(p) {
				jp.steps = append(jp.steps, jpStep{kind: jpLength})
				continue
			}
			if strings.HasSuffix(name, ")") {
				panic(&jpError{"unsupported function in " + p})
			}
			jp.steps = append(jp.steps, jpStep{kind: jpMember, names: []string{name}})
		case '[':
			end := closingBracket(p, i)
			in := javaTrim(p[i+1 : end])
			i = end + 1
			if in == "*" {
				jp.steps = append(jp.steps, jpStep{kind: jpWild})
				jp.definite = false
				continue
			}
			if strings.HasPrefix(in, "?") || strings.HasPrefix(in, "(") {
				panic(&jpError{"filters/expressions are not supported: " + p})
			}
			parts := splitTop(in)
			switch {
			case isQuoted(parts[0]):
				var names []string
				for _, s := range parts {
					if !isQuoted(s) {
						panic(&jpError{"bad member list in " + p})
					}
					names = append(names, unquote(s))
				}
				if len(names) > 1 {
					jp.definite = false
				}
				jp.steps = append(jp.steps, jpStep{kind: jpMember, names: names})
			case len(parts) == 1 && strings.Contains(in, ":"):
				se := strings.Split(in, ":")
				if len(se) > 2 {
					panic(&jpError{"slice steps are not supported: " + p})
				}
				st := jpStep{kind: jpSlice}
				if t := javaTrim(se[0]); t != "" {
					v := javaInteger(t)
					st.from = &v
				}
				if t := javaTrim(se[1]); t != "" {
					v := javaInteger(t)
					st.to = &v
				}
				jp.steps = append(jp.steps, st)
				jp.definite = false
			default:
				var idx []int
				for _, s := range parts {
					idx = append(idx, javaInteger(javaTrim(s)))
				}
				if len(idx) > 1 {
					jp.definite = false
				}
				jp.steps = append(jp.steps, jpStep{kind: jpIndex, idx: idx})
			}
		default:
			panic(&jpError{"unexpected '" + string(c) + "' in path " + p})
		}
	}
	return jp, nil
}

// javaInteger is Integer.valueOf: a NumberFormatException is an error.
func javaInteger(s string) int {
	v, err := strconv.ParseInt(s, 10, 32)
	if err != nil {
		panic(&jpError{"For input string: \"" + s + "\""})
	}
	return int(v)
}

func closingBracket(p string, open int) int {
	var q byte
	for k := open + 1; k < len(p); k++ {
		c := p[k]
		if q != 0 {
			if c == q {
				q = 0
			}
			continue
		}
		if c == '\'' || c == '"' {
			q = c
		} else if c == ']' {
			return k
		}
	}
	panic(&jpError{"unclosed [ in " + p})
}

func splitTop(in string) []string {
	var out []string
	var q byte
	st := 0
	for k := 0; k < len(in); k++ {
		c := in[k]
		if q != 0 {
			if c == q {
				q = 0
			}
			continue
		}
		if c == '\'' || c == '"' {
			q = c
		} else if c == ',' {
			out = append(out, javaTrim(in[st:k]))
			st = k + 1
		}
	}
	return append(out, javaTrim(in[st:]))
}

func isQuoted(s string) bool {
	return len(s) >= 2 && ((s[0] == '\'' && s[len(s)-1] == '\'') || (s[0] == '"' && s[len(s)-1] == '"'))
}

func unquote(s string) string { return s[1 : len(s)-1] }

// notFound marks a definite path that matched nothing.
type notFoundT struct{}

var notFound = notFoundT{}

func (jp *jsonPath) eval(root any) any {
	cur := []any{root}
	for _, st := range jp.steps {
		var next []any
		for _, n := range cur {
			next = jpApply(st, n, next)
		}
		cur = next
		if jp.definite && len(cur) == 0 {
			return notFound
		}
	}
	if jp.definite {
		if len(cur) == 0 {
			return notFound
		}
		return cur[0]
	}
	return newList(lJSON, cur)
}

func jpApply(st jpStep, node any, out []any) []any {
	switch st.kind {
	case jpMember:
		m, ok := node.(*jMap)
		if !ok {
			return out
		}
		for _, n := range st.names {
			if e := m.find(n); e != nil {
				out = append(out, e.val)
			}
		}
	case jpIndex:
		l, ok := asJSONList(node)
		if !ok {
			return out
		}
		for _, ix := range st.idx {
			k := ix
			if ix < 0 {
				k = len(l) + ix
			}
			if k >= 0 && k < len(l) {
				out = append(out, l[k])
			}
		}
	case jpSlice:
		l, ok := asJSONList(node)
		if !ok {
			return out
		}
		n := len(l)
		f, t := 0, n
		if st.from != nil {
			if *st.from < 0 {
				f = max(0, n+*st.from)
			} else {
				f = min(n, *st.from)
			}
		}
		if st.to != nil {
			if *st.to < 0 {
				t = max(0, n+*st.to)
			} else {
				t = min(n, *st.to)
			}
		}
		for k := f; k < t; k++ {
			out = append(out, l[k])
		}
	case jpWild:
		switch x := node.(type) {
		case *jMap:
			for _, e := range x.ordered() {
				out = append(out, e.val)
			}
		default:
			if l, ok := asJSONList(node); ok {
				out = append(out, l...)
			}
		}
	case jpScan:
		out = jpScanNode(st.scanName, node, out)
	case jpLength:
		switch x := node.(type) {
		case *jMap:
			out = append(out, jInt(x.size()))
		case string:
			out = append(out, jInt(jlen(x)))
		default:
			if l, ok := asJSONList(node); ok {
				out = append(out, jInt(len(l)))
			}
		}
	}
	return out
}

// asJSONList accepts the values that are java.util.List.
func asJSONList(v any) ([]any, bool) {
	l, ok := v.(*jList)
	if !ok || !isA(l, "List") {
		return nil, false
	}
	return l.elems, true
}

func jpScanNode(name *string, node any, out []any) []any {
	switch x := node.(type) {
	case *jMap:
		es := x.ordered()
		if name == nil {
			for _, e := range es {
				out = append(out, e.val)
			}
		} else if e := x.find(*name); e != nil {
			out = append(out, e.val)
		}
		for _, e := range es {
			if isContainer(e.val) {
				out = jpScanNode(name, e.val, out)
			}
		}
	default:
		l, ok := asJSONList(node)
		if !ok {
			return out
		}
		if name == nil {
			out = append(out, l...)
		}
		for _, v := range l {
			if isContainer(v) {
				out = jpScanNode(name, v, out)
			}
		}
	}
	return out
}

func isContainer(v any) bool {
	switch x := v.(type) {
	case *jMap:
		return true
	case *jList:
		return isA(x, "List")
	}
	return false
}
