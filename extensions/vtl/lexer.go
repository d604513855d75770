package vtl

import "unicode/utf8"

// Lexical states of Velocity 1.7's token manager.
type lexState uint8

const (
	sDefault lexState = iota
	sPreDirective
	sDirective
	sReference
	sRefModifier
	sRefMod2
	sRefIndex
	sSingleLineComment
	sFormalComment
	sMultiLineComment
	sTextblock
)

type savedState struct {
	lparen, rparen int
	state          lexState
}

// lexer is a port of the token manager JavaCC generates from Velocity
// 1.7's Parser.jjt: at each step the longest match among the tokens of
// the current lexical state wins (the first declared on a tie), MORE
// matches accumulate into the next token, and the token actions move
// between states with the same stack and parenthesis counts. The parser
// drives it lazily, one token at a time, and switches its state in the
// same places Velocity's parser does.
type lexer struct {
	src       string
	pos       int
	state     lexState
	stack     []savedState
	lparen    int
	rparen    int
	inComment bool
	inSet     bool
	mem       arena
}

// arena hands out tokens and nodes from blocks, so that a template's
// tokens and syntax tree take a few allocations rather than one each.
// A block grows from 16 to 256 items: short templates stay small.
type arena struct {
	toks  []token
	nodes []node
}

func blockSize(prev int) int { return min(max(2*prev, 16), 256) }

func (a *arena) token() *token {
	if len(a.toks) == cap(a.toks) {
		a.toks = make([]token, 0, blockSize(cap(a.toks)))
	}
	a.toks = a.toks[:len(a.toks)+1]
	return &a.toks[len(a.toks)-1]
}

func (a *arena) node() *node {
	if len(a.nodes) == cap(a.nodes) {
		a.nodes = make([]node, 0, blockSize(cap(a.nodes)))
	}
	a.nodes = a.nodes[:len(a.nodes)+1]
	return &a.nodes[len(a.nodes)-1]
}

// newToken returns a token from the arena.
func (lx *lexer) newToken(kind tokKind, begin, end int, special []*token) *token {
	t := lx.mem.token()
	*t = token{kind: kind, image: lx.src[begin:end], begin: begin, end: end, special: special}
	return t
}

// lexError is a position where no token of the current state matches.
type lexError struct {
	offset int
	atEOF  bool // the template ended inside a token
	state  lexState
}

func (lx *lexer) push() {
	lx.stack = append(lx.stack, savedState{lx.lparen, lx.rparen, lx.state})
	lx.lparen = 0
}

func (lx *lexer) pop() bool {
	if len(lx.stack) == 0 {
		lx.lparen = 0
		lx.state = sDefault
		return false
	}
	s := lx.stack[len(lx.stack)-1]
	lx.stack = lx.stack[:len(lx.stack)-1]
	lx.lparen, lx.rparen, lx.state = s.lparen, s.rparen, s.state
	return true
}

func (lx *lexer) rparenHandler() {
	closed := lx.inComment
	for !closed {
		if lx.lparen > 0 {
			if lx.lparen == lx.rparen+1 {
				lx.pop()
			} else {
				lx.rparen++
			}
			closed = true
		} else if !lx.pop() {
			break
		}
	}
}

// backup gives back the last character read (one rune).
func (lx *lexer) backup() {
	_, n := utf8.DecodeLastRuneInString(lx.src[:lx.pos])
	lx.pos -= n
}

// next returns the next token, as JavaCC's getNextToken.
func (lx *lexer) next() (*token, *lexError) {
	var specials []*token
	for {
		if lx.pos >= len(lx.src) {
			return lx.newToken(tEOF, lx.pos, lx.pos, specials), nil
		}
		begin := lx.pos
		for {
			kind, end := lx.match()
			if kind == tNone {
				return nil, &lexError{offset: lx.pos, state: lx.state}
			}
			lx.pos = end
			switch kindClass(kind) {
			case classToken:
				t := lx.newToken(kind, begin, lx.pos, specials)
				lx.tokenAction(t)
				t.end = lx.pos
				return t, nil
			case classSpecial:
				t := lx.newToken(kind, begin, lx.pos, nil)
				lx.backup()
				lx.pop()
				t.end = lx.pos
				specials = append(specials, t)
			case classSkip:
				// comment text: dropped, and the next token starts afresh
			case classMore:
				lx.moreAction(kind)
				if lx.pos >= len(lx.src) {
					return nil, &lexError{offset: lx.pos, atEOF: true, state: lx.state}
				}
				continue
			}
			break
		}
	}
}

type tokClass uint8

const (
	classToken tokClass = iota
	classMore
	classSkip
	classSpecial
)

func kindClass(k tokKind) tokClass {
	switch k {
	case tDollar, tDollarBang, tTextblockStart, tFormalStart, tCommentStart, tHash, tTextblockMore:
		return classMore
	case tCommentSkip:
		return classSkip
	case tRefTerminator, tDirTerminator:
		return classSpecial
	}
	return classToken
}

func (lx *lexer) moreAction(k tokKind) {
	if lx.inComment {
		return
	}
	switch k {
	case tDollar, tDollarBang:
		if lx.state == sReference {
			lx.pop()
		}
		lx.push()
		lx.state = sReference
	case tTextblockStart:
		lx.inComment = true
		lx.push()
		lx.state = sTextblock
	case tFormalStart:
		lx.backup()
		lx.inComment = true
		lx.push()
		lx.state = sFormalComment
	case tCommentStart:
		lx.inComment = true
		lx.push()
		lx.state = sMultiLineComment
	case tHash:
		if lx.state == sReference || lx.state == sRefModifier {
			lx.pop()
		}
		lx.push()
		lx.state = sPreDirective
	}
}

func (lx *lexer) tokenAction(t *token) {
	switch t.kind {
	case tIndexLBracket:
		lx.push()
		lx.state = sRefIndex
	case tIndexRBracket:
		lx.pop()
	case tLParen:
		if !lx.inComment {
			lx.lparen++
		}
		if lx.state == sRefModifier {
			lx.state = sRefMod2
		}
	case tRParen:
		lx.rparenHandler()
	case tRefmod2RParen:
		lx.state = sReference
	case tSetDirective:
		if !lx.inComment {
			lx.push()
			lx.inSet = true
			lx.state = sDirective
			lx.lparen++
		}
	case tLineCommentStart:
		if !lx.inComment {
			if lx.state == sReference {
				lx.pop()
			}
			lx.inComment = true
			lx.push()
			lx.state = sSingleLineComment
		}
	case tLineComment, tFormalComment, tMultiLineComment, tTextblock:
		lx.inComment = false
		lx.pop()
	case tStringLiteral:
		if lx.state == sDirective && !lx.inSet && lx.lparen == 0 {
			lx.pop()
		}
	case tNewline:
		lx.pop()
		lx.inSet = false
	case tEnd, tElse:
		lx.pop()
	case tIf, tElseIf:
		lx.state = sDirective
	case tInteger:
		if len(t.image) >= 2 && t.image[len(t.image)-2:] == ".." {
			lx.pos -= 2
			t.image = t.image[:len(t.image)-2]
		}
		if lx.lparen == 0 && !lx.inSet && lx.state != sRefMod2 && lx.state != sRefIndex {
			lx.pop()
		}
	case tFloat:
		if lx.lparen == 0 && !lx.inSet && lx.state != sRefMod2 {
			lx.pop()
		}
	case tDot:
		lx.backup()
		t.image = "."
		lx.state = sRefModifier
	case tRCurly:
		lx.pop()
	}
}

// leftParenthesisFollows is Parser.isLeftParenthesis: after a directive
// name, only blanks and line breaks may stand before its "(".
func (lx *lexer) leftParenthesisFollows() bool {
	for i := lx.pos; i < len(lx.src); i++ {
		switch lx.src[i] {
		case '(':
			return true
		case ' ', '\n', '\r', '\t':
		default:
			return false
		}
	}
	return false
}
