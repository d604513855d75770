package vtl

// nodeKind mirrors the node classes of Velocity 1.7's syntax tree.
type nodeKind uint8

const (
	nProcess nodeKind = iota
	nBlock
	nText
	nEscape
	nEscapedDirective
	nComment
	nTextblock
	nReference
	nIdentifier
	nMethod
	nIndex
	nDirective
	nWord
	nString
	nInteger
	nFloat
	nTrue
	nFalse
	nMap
	nList
	nRange
	nIf
	nElseIf
	nElse
	nSet
	nExpression
	nOr
	nAnd
	nEQ
	nNE
	nLT
	nGT
	nLE
	nGE
	nAdd
	nSub
	nMul
	nDiv
	nMod
	nNot
)

// node is one node of the syntax tree. first and last are the tokens it
// spans, as JJTree records them (first is the token after the opening
// point, last the last token consumed); literal text is rebuilt from them.
type node struct {
	kind        nodeKind
	first, last *token
	kids        []*node

	// Filled by init (see init.go).
	text  string   // what Text, Escape, Comment, Textblock, EscapedDirective render
	name  string   // directive name, identifier, method name
	value any      // constant value of literals
	ref   *refInfo // references
	str   *strInfo // string literals
	dir   *dirInfo // directives
	set   *setInfo // #set
	vtree *node    // block of a macro, define, literal
}

func (n *node) kid(i int) *node {
	if i < len(n.kids) {
		return n.kids[i]
	}
	return nil
}

// offset is where the node starts in its source.
func (n *node) offset() int {
	if n.first == nil {
		return 0
	}
	return n.first.begin
}

// literal rebuilds the node's source text from its tokens, as
// SimpleNode.literal does (special tokens contribute their # and $).
func (n *node) literal() string {
	if n.first == nil {
		return ""
	}
	if n.first == n.last {
		return tokenLiteral(n.first)
	}
	var b []byte
	for t := n.first; t != nil; t = t.next {
		b = append(b, tokenLiteral(t)...)
		if t == n.last {
			break
		}
	}
	return string(b)
}

// literalIn is literal, read from src without building it when the
// tokens stand in src side by side, each as written there: then their
// literals joined are src from the first token's start to the last one's
// end.
func (n *node) literalIn(src string) string {
	for t := n.first; t != nil; t = t.next {
		if len(t.special) > 0 || t.kind == tMultiLineComment || t.begin < 0 || t.end < t.begin || t.end > len(src) || t.image != src[t.begin:t.end] {
			break
		}
		if t == n.last {
			return src[n.first.begin:t.end]
		}
		if t.next == nil || t.next.begin != t.end {
			break
		}
	}
	return n.literal()
}

// tokenLiteral is NodeUtils.tokenLiteral.
func tokenLiteral(t *token) string {
	if t.kind == tMultiLineComment {
		return ""
	}
	if len(t.special) == 0 {
		return t.image
	}
	sp := specialText(t)
	if sp == "" {
		return t.image
	}
	return sp + t.image
}

// specialText is NodeUtils.getSpecialText: of the special tokens before
// t, only "#", "$" and runs of backslashes ending in "$" are kept.
func specialText(t *token) string {
	var b []byte
	for _, sp := range t.special {
		st := sp.image
		for i := 0; i < len(st); i++ {
			c := st[i]
			if c == '#' || c == '$' {
				b = append(b, c)
			}
			if c == '\\' {
				term := false
				j := i
				for ; j < len(st); j++ {
					cc := st[j]
					if cc == '\\' {
						continue
					}
					if cc == '$' {
						term = true
					}
					j++
					break
				}
				if term {
					b = append(b, st[i:j]...)
					i = j
				}
			}
		}
	}
	return string(b)
}
