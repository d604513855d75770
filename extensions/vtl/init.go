package vtl

import "strings"

// Reference kinds (ASTReference).
const (
	refNormal = iota + 1
	refFormal
	refQuiet
	refRunt
)

type refInfo struct {
	root       string
	typ        int
	escaped    bool
	computable bool
	escPrefix  string
	morePrefix string
	nullString string
	identifier string // the last property name (for #set)
	lastIndex  *node  // the last child when it is an index (for #set)
}

type strInfo struct {
	interpolate bool
	image       string
	tree        *node
	lineComment bool
}

type dirInfo struct {
	known      bool   // a built-in directive
	key        string // #define's name, #foreach's loop variable
	badArg     string // a macro call's argument that is a bare word
	literal    string // #literal's text
	blockMacro bool   // #@name(...) … #end
}

type setInfo struct {
	left  *node
	right *node
	name  string // the variable a plain #set($x = …) assigns
}

type macroDef struct {
	name string
	args []string // argument names without "$" (argArray[1:])
	body *node
}

// initializer does what Velocity's init pass does after parsing:
// computes what each node renders and registers inline macros, children
// before parents.
type initializer struct {
	t        *Template
	parseErr func(n *node, format string, a ...any) error
}

func (in *initializer) init(n *node) error {
	for _, k := range n.kids {
		if err := in.init(k); err != nil {
			return err
		}
	}
	switch n.kind {
	case nText:
		n.text = tokenLiteral(n.first)
	case nComment:
		img := n.first.image
		l1, l2 := strings.Index(img, "##"), strings.Index(img, "#*")
		switch {
		case l1 == -1 && l2 == -1:
			n.text = ""
		case l1 == -1:
			n.text = img[:l2]
		default:
			n.text = img[:l1]
		}
	case nTextblock:
		img := n.first.image
		n.text = img[3 : len(img)-3]
	case nIdentifier, nMethod:
		n.name = n.first.image
	case nReference:
		in.initRef(n)
	case nString:
		return in.initString(n)
	case nInteger, nFloat:
		conv := integerLiteral
		if n.kind == nFloat {
			conv = floatLiteral
		}
		v, ok := conv(n.first.image)
		if !ok {
			return in.parseErr(n, "%s is not a number", quoteText(n.first.image))
		}
		n.value = v
	case nSet:
		left := n.kids[0]
		n.set = &setInfo{left: left, right: n.kids[1], name: left.first.image[1:]}
	case nDirective:
		return in.initDirective(n)
	}
	return nil
}

// initRef is ASTReference.getRoot and init.
func (in *initializer) initRef(n *node) {
	ri := &refInfo{computable: true}
	n.ref = ri
	t := n.first
	if sb := strings.Index(t.image, `\!`); sb != -1 {
		img := t.image
		i := strings.IndexByte(img, '$')
		if i == -1 {
			ri.computable = false
			ri.nullString = img
			ri.root = img
			return
		}
		for i < len(img) && img[i] != '\\' {
			i++
		}
		start, count := i, 0
		for i < len(img) {
			c := img[i]
			i++
			if c != '\\' {
				break
			}
			count++
		}
		ri.nullString = img[:start] + img[start:start+count-1] + img[start+count:]
		ri.computable = false
		ri.root = ri.nullString
		in.refTail(n)
		return
	}
	if strings.HasPrefix(t.image, `\`) {
		i := 0
		for i < len(t.image) && t.image[i] == '\\' {
			i++
		}
		if i%2 != 0 {
			ri.escaped = true
		}
		if i > 0 {
			ri.escPrefix = t.image[:i/2]
		}
		t.image = t.image[i:]
	}
	if loc := strings.LastIndexByte(t.image, '$'); loc > 0 {
		ri.morePrefix += t.image[:loc]
		t.image = t.image[loc:]
	}
	ri.nullString = n.literalIn(in.t.src)
	switch {
	case strings.HasPrefix(t.image, "$!"):
		ri.typ = refQuiet
		if !ri.escaped {
			ri.nullString = ""
		}
		if strings.HasPrefix(t.image, "$!{") {
			ri.root = t.next.image
		} else {
			ri.root = t.image[2:]
		}
	case t.image == "${":
		ri.typ = refFormal
		ri.root = t.next.image
	case strings.HasPrefix(t.image, "$"):
		ri.typ = refNormal
		ri.root = t.image[1:]
	default:
		ri.typ = refRunt
		ri.root = t.image
	}
	in.refTail(n)
}

func (in *initializer) refTail(n *node) {
	if len(n.kids) > 0 {
		last := n.kids[len(n.kids)-1]
		if last.kind == nIndex {
			n.ref.lastIndex = last
		} else {
			n.ref.identifier = last.first.image
		}
	}
}

// initString is ASTStringLiteral.init: a double-quoted literal holding $
// or # is parsed as a template of its own, rendered at each use.
func (in *initializer) initString(n *node) error {
	img := n.first.image
	si := &strInfo{}
	n.str = si
	si.interpolate = img[0] == '"' && strings.ContainsAny(img, "$#")
	si.image = img[1 : len(img)-1]
	if img[0] == '"' {
		var ok bool
		if si.image, ok = unescapeUnicode(si.image); !ok {
			return in.parseErr(n, `a \u escape in a string needs four hexadecimal digits, as in "\u00e9"`)
		}
	}
	q := string(img[0])
	si.image = strings.ReplaceAll(si.image, q+q, q)
	si.lineComment = strings.Contains(si.image, "##")
	if !si.interpolate {
		return nil
	}
	src := si.image
	if !si.lineComment {
		src += " "
	}
	tree, err := in.t.parseNested(src, n.first.begin+1)
	if err != nil {
		return err
	}
	si.tree = tree
	return in.init(tree)
}

// unescapeUnicode is ASTStringLiteral.unescape: only \uXXXX is decoded;
// ok is false where Java's Integer.parseInt or substring would throw.
func unescapeUnicode(s string) (string, bool) {
	u := strings.Index(s, `\u`)
	if u < 0 {
		return s, true
	}
	var units []uint16
	last := 0
	for {
		units = append(units, toUTF16(s[last:u])...)
		if u+6 > len(s) {
			return "", false
		}
		digits := s[u+2 : u+6]
		if digits[0] == '+' {
			digits = digits[1:]
		}
		v := 0
		for _, c := range digits {
			d := hexDigit(c)
			if d < 0 {
				return "", false
			}
			v = v*16 + d
		}
		units = append(units, uint16(v))
		last = u + 6
		next := strings.Index(s[last:], `\u`)
		if next < 0 {
			break
		}
		u = last + next
	}
	units = append(units, toUTF16(s[last:])...)
	return fromUTF16(units), true
}

func hexDigit(c rune) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

func (in *initializer) initDirective(n *node) error {
	di := &dirInfo{}
	n.dir = di
	_, di.known = directiveTypes[n.name]
	switch {
	case di.known:
		switch n.name {
		case "foreach":
			if len(n.kids) == 0 {
				return in.parseErr(n, "#foreach needs a loop: #foreach($item in $list) … #end")
			}
			sn := n.kids[0]
			if sn.kind == nReference {
				di.key = sn.ref.root
			} else {
				di.key = sn.first.image[1:]
			}
		case "define":
			if len(n.kids) != 2 {
				return in.parseErr(n, "#define takes one reference, the name of the block: #define($name) … #end")
			}
			di.key = n.kids[0].first.image[1:]
		case "macro":
			args := make([]string, 0, len(n.kids)-1)
			for i, k := range n.kids[:len(n.kids)-1] {
				a := k.first.image
				if i > 0 && strings.HasPrefix(a, "$") {
					a = a[1:]
				}
				args = append(args, a)
			}
			if _, dup := in.t.macros[args[0]]; !dup {
				in.t.macros[args[0]] = &macroDef{name: args[0], args: args[1:], body: n.kids[len(n.kids)-1]}
			}
		case "literal":
			if len(n.kids) == 0 || (n.kids[0].kind == nBlock && len(n.kids[0].kids) == 0) {
				return in.parseErr(n, "#literal() needs a body: #literal() … #end")
			}
			di.literal = n.kids[0].literal()
		case "evaluate":
			if len(n.kids) != 1 {
				return in.parseErr(n, "#evaluate() takes exactly one argument: #evaluate($text) or #evaluate(\"…\")")
			}
			if k := n.kids[0].kind; k != nString && k != nReference {
				return in.parseErr(n, "the argument of #evaluate() must be a string literal or a reference")
			}
		case "break":
			if len(n.kids) > 1 {
				return in.parseErr(n, "#break takes at most one argument, the scope to leave: #break or #break($foreach)")
			}
		case "stop":
			if len(n.kids) > 1 {
				return in.parseErr(n, "#stop takes at most one argument, a message: #stop or #stop(\"why\")")
			}
		}
	case strings.HasPrefix(n.name, "@"):
		di.blockMacro = len(n.kids) > 0
		fallthrough
	default:
		for _, k := range n.kids {
			if k.kind == nWord {
				di.badArg = k.first.image
				break
			}
		}
	}
	return nil
}
