package vtl

// parser is a port of the parser JavaCC and JJTree generate from Velocity
// 1.7's Parser.jjt: the same productions, the same lookahead, the same
// points where it switches the lexer's state, and the same first and last
// tokens for each node.
type parser struct {
	lx         *lexer
	tok        *token // the last token consumed
	macroNames map[string]bool
	isMacro    func(string) bool // macros already defined in the engine
	open       []*token          // block directives not yet closed, for messages
	depth      int
}

// nest guards the parser's recursion: a template nesting past
// maxNesting is refused instead of exhausting the stack. Each nest is
// undone by unnest.
func (p *parser) nest() {
	p.depth++
	if p.depth > maxNesting {
		panic(p.errorAt(p.peek().begin, "the template nests directives, references or expressions more than %d deep", maxNesting))
	}
}

func (p *parser) unnest() { p.depth-- }

// directiveTypes lists Velocity 1.7's built-in directives: true for block
// directives (ended by #end), false for line directives.
var directiveTypes = map[string]bool{
	"foreach": true, "include": false, "parse": false, "macro": true, "literal": true,
	"evaluate": false, "break": false, "define": true, "stop": false,
}

func isDirectiveName(name string) bool { _, ok := directiveTypes[name]; return ok }

func newParser(src string, isMacro func(string) bool) *parser {
	if isMacro == nil {
		isMacro = func(string) bool { return false }
	}
	return &parser{lx: &lexer{src: src}, tok: &token{}, macroNames: map[string]bool{}, isMacro: isMacro}
}

// after returns the token after t, lexing it if needed.
func (p *parser) after(t *token) *token {
	if t.next == nil {
		nt, err := p.lx.next()
		if err != nil {
			panic(p.lexicalError(err))
		}
		t.next = nt
	}
	return t.next
}

func (p *parser) peek() *token    { return p.after(p.tok) }
func (p *parser) ntk() tokKind    { return p.peek().kind }
func (p *parser) advance() *token { p.tok = p.peek(); return p.tok }

func (p *parser) consume(k tokKind, what string) *token {
	t := p.peek()
	if t.kind != k {
		panic(p.unexpected(t, what))
	}
	p.tok = t
	return t
}

func (p *parser) optional(k tokKind) {
	if p.ntk() == k {
		p.advance()
	}
}

// openNode starts a node: its first token is the next one (JJTree's jjtOpen).
func (p *parser) openNode(k nodeKind) *node {
	n := p.lx.mem.node()
	n.kind, n.first = k, p.peek()
	return n
}

// closeNode ends a node at the last token consumed (jjtClose).
func (p *parser) closeNode(n *node) *node { n.last = p.tok; return n }

// binary builds a two-child node opened after the operator (#Name(2)).
func (p *parser) binary(k nodeKind, left *node, right func() *node) *node {
	n := p.openNode(k)
	r := right()
	n.kids = []*node{left, r}
	return p.closeNode(n)
}

func (p *parser) parseProcess() *node {
	n := p.openNode(nProcess)
	for isStatementStart(p.ntk()) {
		n.kids = append(n.kids, p.statement())
	}
	p.consume(tEOF, "")
	return p.closeNode(n)
}

func isStatementStart(k tokKind) bool {
	switch k {
	case tLParen, tRParen, tEscapeDirective, tSetDirective, tLineCommentStart, tDoubleEscape,
		tEscape, tText, tFormalComment, tMultiLineComment, tTextblock, tStringLiteral, tIf,
		tInteger, tFloat, tWord, tBracketedWord, tIdentifier, tDot, tLCurly, tRCurly, tEmptyIndex:
		return true
	}
	return false
}

func (p *parser) statement() *node {
	p.nest()
	defer p.unnest()
	if p.ntk() == tIf {
		return p.ifStatement()
	}
	if p.lookahead(2, (*scanner).reference) {
		return p.reference()
	}
	switch p.ntk() {
	case tLineCommentStart, tFormalComment, tMultiLineComment:
		return p.comment()
	case tTextblock:
		return p.single(nTextblock)
	case tSetDirective:
		return p.setDirective()
	case tEscapeDirective:
		return p.escapedDirective()
	case tDoubleEscape:
		return p.escape()
	case tWord, tBracketedWord:
		return p.directive()
	case tLParen, tRParen, tEscape, tText, tStringLiteral, tInteger, tFloat, tDot, tLCurly, tRCurly, tEmptyIndex:
		return p.single(nText)
	}
	panic(p.unexpected(p.peek(), ""))
}

// single is a node made of the next token alone.
func (p *parser) single(k nodeKind) *node {
	n := p.openNode(k)
	p.advance()
	return p.closeNode(n)
}

func (p *parser) comment() *node {
	n := p.openNode(nComment)
	if p.advance().kind == tLineCommentStart {
		p.optional(tLineComment)
	}
	return p.closeNode(n)
}

func (p *parser) escapedDirective() *node {
	n := p.openNode(nEscapedDirective)
	t := p.advance()
	n.text = p.escapedDirectiveText(t.image)
	return p.closeNode(n)
}

// escapedDirectiveText is Parser.escapedDirective: "\#if" renders "#if"
// (and "\\\#if" renders "\#if") when the name is a directive or macro;
// other names keep their backslashes.
func (p *parser) escapedDirectiveText(img string) string {
	last := lastIndexByte(img, '\\')
	dir := img[last+1:]
	tag := dir[1:]
	if tag != "" && tag[0] == '{' {
		tag = tag[1 : len(tag)-1]
	}
	switch {
	case isDirectiveName(tag), p.macroNames[tag], p.isMacro(tag),
		tag == "if", tag == "end", tag == "set", tag == "else", tag == "elseif":
		return img[:last/2] + dir
	}
	return img
}

func lastIndexByte(s string, c byte) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == c {
			return i
		}
	}
	return -1
}

func (p *parser) escape() *node {
	n := p.openNode(nEscape)
	count := 0
	var t *token
	for {
		t = p.consume(tDoubleEscape, "")
		count++
		if !p.lookahead(2, func(s *scanner) bool { return s.t(tDoubleEscape) }) {
			break
		}
	}
	next := p.after(t)
	control := false
	switch next.kind {
	case tIf, tElse, tElseIf, tEnd:
		control = true
	}
	if next.kind != tEOF && len(next.image) > 0 {
		tag := next.image[1:]
		if isDirectiveName(tag) || p.macroNames[tag] || p.isMacro(tag) {
			control = true
		}
	}
	unit := `\\`
	if control {
		unit = `\`
	}
	for i := 0; i < count; i++ {
		n.text += unit
	}
	return p.closeNode(n)
}

func (p *parser) directive() *node {
	n := p.openNode(nDirective)
	t := p.advance()
	name := t.image[1:]
	if t.kind == tBracketedWord {
		name = t.image[2 : len(t.image)-1]
	}
	n.name = name
	isMacroDef := name == "macro"
	block, known := directiveTypes[name]
	isVM := false
	if !known {
		block = len(name) > 0 && name[0] == '@'
		if !block {
			isVM = p.isMacro(name)
		}
	}
	p.lx.state = sDirective
	if p.lx.leftParenthesisFollows() {
		p.optional(tWhitespace)
		p.consume(tLParen, "")
		argPos := 0
		for p.lookahead(2, (*scanner).directiveArgs) {
			p.optional(tWhitespace)
			if p.ntk() == tComma {
				p.advance()
				p.optional(tWhitespace)
			}
			arg := p.directiveArg()
			n.kids = append(n.kids, arg)
			if arg.kind == nWord {
				switch {
				case isMacroDef && argPos == 0:
				case isVM:
					panic(p.errorAt(arg.first.begin, "%s is not a valid argument of macro #%s: write $%s for a variable or quote it as a string", quoteText(arg.first.image), name, arg.first.image))
				case known && (name != "foreach" || argPos != 1):
					panic(p.errorAt(arg.first.begin, "%s is not a valid argument of #%s: write $%s for a variable or quote it as a string", quoteText(arg.first.image), name, arg.first.image))
				}
			} else if isMacroDef && argPos == 0 {
				panic(p.errorAt(arg.first.begin, "the first argument of #macro must be the macro's name, written without quotes or $: #macro(name $arg1 $arg2)"))
			}
			argPos++
		}
		p.optional(tWhitespace)
		p.consume(tRParen, "closeDirective")
		if !block {
			return p.closeNode(n)
		}
	} else {
		if isMacroDef {
			panic(p.errorAt(t.begin, "#macro needs a name in parentheses: #macro(name $arg1 $arg2) … #end"))
		}
		p.lx.pop()
		return p.closeNode(n)
	}
	p.open = append(p.open, t)
	b := p.openNode(nBlock)
	for isStatementStart(p.ntk()) {
		b.kids = append(b.kids, p.statement())
	}
	n.kids = append(n.kids, p.closeNode(b))
	p.consume(tEnd, "end")
	p.open = p.open[:len(p.open)-1]
	if isMacroDef {
		if len(n.kids) < 2 {
			panic(p.errorAt(t.begin, "#macro needs a name: #macro(name $arg1 $arg2) … #end"))
		}
		if n.kids[0].kind != nWord {
			panic(p.errorAt(n.kids[0].first.begin, "the first argument of #macro must be the macro's name, written without quotes or $: #macro(name $arg1 $arg2)"))
		}
		p.macroNames[n.kids[0].first.image] = true
	}
	return p.closeNode(n)
}

func (p *parser) directiveArg() *node {
	switch p.ntk() {
	case tIdentifier, tLCurly:
		return p.reference()
	case tWord:
		return p.single(nWord)
	case tStringLiteral:
		return p.single(nString)
	case tInteger:
		return p.single(nInteger)
	}
	if p.lookahead(infinite, (*scanner).rangeStart) {
		return p.intRange()
	}
	switch p.ntk() {
	case tFloat:
		return p.single(nFloat)
	case tLeftCurley:
		return p.mapLit()
	case tLBracket:
		return p.list()
	case tTrue:
		return p.single(nTrue)
	case tFalse:
		return p.single(nFalse)
	}
	panic(p.unexpected(p.peek(), "value"))
}

func (p *parser) mapLit() *node {
	n := p.openNode(nMap)
	p.consume(tLeftCurley, "")
	if p.lookahead(2, (*scanner).mapEntries) {
		n.kids = append(n.kids, p.parameter())
		p.consume(tColon, "colon")
		n.kids = append(n.kids, p.parameter())
		for p.ntk() == tComma {
			p.advance()
			n.kids = append(n.kids, p.parameter())
			p.consume(tColon, "colon")
			n.kids = append(n.kids, p.parameter())
		}
	} else {
		p.optional(tWhitespace)
	}
	if k := p.ntk(); k == tRightCurley || k == tRCurly {
		p.advance()
	} else {
		panic(p.unexpected(p.peek(), "closeMap"))
	}
	return p.closeNode(n)
}

func isParameterStart(k tokKind) bool {
	switch k {
	case tLBracket, tLeftCurley, tWhitespace, tStringLiteral, tTrue, tFalse, tInteger, tFloat, tIdentifier, tLCurly:
		return true
	}
	return false
}

func (p *parser) list() *node {
	n := p.openNode(nList)
	p.consume(tLBracket, "")
	if isParameterStart(p.ntk()) {
		n.kids = append(n.kids, p.parameter())
		for p.ntk() == tComma {
			p.advance()
			n.kids = append(n.kids, p.parameter())
		}
	}
	p.consume(tRBracket, "closeList")
	return p.closeNode(n)
}

func (p *parser) intRange() *node {
	n := p.openNode(nRange)
	p.consume(tLBracket, "")
	p.optional(tWhitespace)
	n.kids = append(n.kids, p.rangeEnd())
	p.optional(tWhitespace)
	p.consume(tDoubleDot, "range")
	p.optional(tWhitespace)
	n.kids = append(n.kids, p.rangeEnd())
	p.optional(tWhitespace)
	p.consume(tRBracket, "closeList")
	return p.closeNode(n)
}

func (p *parser) rangeEnd() *node {
	switch p.ntk() {
	case tIdentifier, tLCurly:
		return p.reference()
	case tInteger:
		return p.single(nInteger)
	}
	panic(p.unexpected(p.peek(), "rangeEnd"))
}

func (p *parser) indexParameter() *node {
	p.optional(tWhitespace)
	var n *node
	switch p.ntk() {
	case tStringLiteral:
		n = p.single(nString)
	case tInteger:
		n = p.single(nInteger)
	case tTrue:
		n = p.single(nTrue)
	case tFalse:
		n = p.single(nFalse)
	case tIdentifier, tLCurly:
		n = p.reference()
	default:
		panic(p.unexpected(p.peek(), "index"))
	}
	p.optional(tWhitespace)
	return n
}

func (p *parser) parameter() *node {
	p.nest()
	defer p.unnest()
	p.optional(tWhitespace)
	var n *node
	switch p.ntk() {
	case tStringLiteral:
		n = p.single(nString)
	case tInteger:
		n = p.single(nInteger)
	default:
		if p.lookahead(infinite, (*scanner).rangeStart) {
			n = p.intRange()
			break
		}
		switch p.ntk() {
		case tLeftCurley:
			n = p.mapLit()
		case tLBracket:
			n = p.list()
		case tTrue:
			n = p.single(nTrue)
		case tFalse:
			n = p.single(nFalse)
		case tIdentifier, tLCurly:
			n = p.reference()
		case tFloat:
			n = p.single(nFloat)
		default:
			panic(p.unexpected(p.peek(), "value"))
		}
	}
	p.optional(tWhitespace)
	return n
}

func (p *parser) method() *node {
	n := p.openNode(nMethod)
	n.kids = append(n.kids, p.identifier())
	p.consume(tLParen, "")
	if isParameterStart(p.ntk()) {
		n.kids = append(n.kids, p.parameter())
		for p.ntk() == tComma {
			p.advance()
			n.kids = append(n.kids, p.parameter())
		}
	}
	p.consume(tRefmod2RParen, "closeMethod")
	return p.closeNode(n)
}

func (p *parser) identifier() *node {
	n := p.openNode(nIdentifier)
	p.consume(tIdentifier, "")
	return p.closeNode(n)
}

func (p *parser) index() *node {
	n := p.openNode(nIndex)
	p.consume(tIndexLBracket, "")
	n.kids = append(n.kids, p.indexParameter())
	p.consume(tIndexRBracket, "closeIndex")
	return p.closeNode(n)
}

func (p *parser) reference() *node {
	p.nest()
	defer p.unnest()
	n := p.openNode(nReference)
	formal := false
	switch p.ntk() {
	case tIdentifier:
		p.advance()
	case tLCurly:
		p.advance()
		p.consume(tIdentifier, "")
		formal = true
	default:
		panic(p.unexpected(p.peek(), "reference"))
	}
	for p.ntk() == tIndexLBracket {
		n.kids = append(n.kids, p.index())
	}
	for p.lookahead(2, (*scanner).dotPart) {
		p.consume(tDot, "")
		if p.lookahead(3, (*scanner).method) {
			n.kids = append(n.kids, p.method())
		} else {
			n.kids = append(n.kids, p.identifier())
		}
		for p.ntk() == tIndexLBracket {
			n.kids = append(n.kids, p.index())
		}
	}
	if formal {
		p.consume(tRCurly, "closeFormal")
	}
	return p.closeNode(n)
}

func (p *parser) ifStatement() *node {
	n := p.openNode(nIf)
	t := p.consume(tIf, "")
	p.optional(tWhitespace)
	p.consume(tLParen, "openIf")
	n.kids = append(n.kids, p.expression())
	p.consume(tRParen, "closeDirective")
	p.open = append(p.open, t)
	n.kids = append(n.kids, p.block())
	for p.ntk() == tElseIf {
		e := p.openNode(nElseIf)
		p.advance()
		p.optional(tWhitespace)
		p.consume(tLParen, "openIf")
		e.kids = append(e.kids, p.expression())
		p.consume(tRParen, "closeDirective")
		e.kids = append(e.kids, p.block())
		n.kids = append(n.kids, p.closeNode(e))
	}
	if p.ntk() == tElse {
		e := p.openNode(nElse)
		p.advance()
		e.kids = append(e.kids, p.block())
		n.kids = append(n.kids, p.closeNode(e))
	}
	p.consume(tEnd, "end")
	p.open = p.open[:len(p.open)-1]
	return p.closeNode(n)
}

func (p *parser) block() *node {
	b := p.openNode(nBlock)
	for isStatementStart(p.ntk()) {
		b.kids = append(b.kids, p.statement())
	}
	return p.closeNode(b)
}

func (p *parser) setDirective() *node {
	n := p.openNode(nSet)
	p.advance()
	p.optional(tWhitespace)
	if k := p.ntk(); k != tIdentifier && k != tLCurly {
		panic(p.unexpected(p.peek(), "setTarget"))
	}
	n.kids = append(n.kids, p.reference())
	p.optional(tWhitespace)
	p.consume(tEquals, "setEquals")
	n.kids = append(n.kids, p.expression())
	p.consume(tRParen, "closeDirective")
	p.lx.inSet = false
	p.optional(tNewline)
	return p.closeNode(n)
}

func (p *parser) expression() *node {
	n := p.openNode(nExpression)
	n.kids = []*node{p.orExpr()}
	return p.closeNode(n)
}

func (p *parser) orExpr() *node {
	l := p.andExpr()
	for p.ntk() == tOr {
		p.advance()
		l = p.binary(nOr, l, p.andExpr)
	}
	return l
}

func (p *parser) andExpr() *node {
	l := p.eqExpr()
	for p.ntk() == tAnd {
		p.advance()
		l = p.binary(nAnd, l, p.eqExpr)
	}
	return l
}

func (p *parser) eqExpr() *node {
	l := p.relExpr()
	for {
		switch p.ntk() {
		case tEQ:
			p.advance()
			l = p.binary(nEQ, l, p.relExpr)
		case tNE:
			p.advance()
			l = p.binary(nNE, l, p.relExpr)
		default:
			return l
		}
	}
}

func (p *parser) relExpr() *node {
	l := p.addExpr()
	for {
		var k nodeKind
		switch p.ntk() {
		case tLT:
			k = nLT
		case tGT:
			k = nGT
		case tLE:
			k = nLE
		case tGE:
			k = nGE
		default:
			return l
		}
		p.advance()
		l = p.binary(k, l, p.addExpr)
	}
}

func (p *parser) addExpr() *node {
	l := p.mulExpr()
	for {
		var k nodeKind
		switch p.ntk() {
		case tPlus:
			k = nAdd
		case tMinus:
			k = nSub
		default:
			return l
		}
		p.advance()
		l = p.binary(k, l, p.mulExpr)
	}
}

func (p *parser) mulExpr() *node {
	l := p.unary()
	for {
		var k nodeKind
		switch p.ntk() {
		case tMultiply:
			k = nMul
		case tDivide:
			k = nDiv
		case tModulus:
			k = nMod
		default:
			return l
		}
		p.advance()
		l = p.binary(k, l, p.unary)
	}
}

func (p *parser) unary() *node {
	p.nest()
	defer p.unnest()
	if p.lookahead(2, (*scanner).notExpr) {
		p.optional(tWhitespace)
		p.consume(tNot, "")
		n := p.openNode(nNot)
		n.kids = []*node{p.unary()}
		return p.closeNode(n)
	}
	switch p.ntk() {
	case tLBracket, tLeftCurley, tLParen, tWhitespace, tStringLiteral, tTrue, tFalse, tInteger, tFloat, tIdentifier, tLCurly:
		return p.primary()
	}
	panic(p.unexpected(p.peek(), "value"))
}

func (p *parser) primary() *node {
	p.nest()
	defer p.unnest()
	p.optional(tWhitespace)
	var n *node
	switch p.ntk() {
	case tStringLiteral:
		n = p.single(nString)
	case tIdentifier, tLCurly:
		n = p.reference()
	case tInteger:
		n = p.single(nInteger)
	default:
		if p.lookahead(infinite, (*scanner).rangeStart) {
			n = p.intRange()
			break
		}
		switch p.ntk() {
		case tFloat:
			n = p.single(nFloat)
		case tLeftCurley:
			n = p.mapLit()
		case tLBracket:
			n = p.list()
		case tTrue:
			n = p.single(nTrue)
		case tFalse:
			n = p.single(nFalse)
		case tLParen:
			p.advance()
			n = p.expression()
			p.consume(tRParen, "closeParen")
		default:
			panic(p.unexpected(p.peek(), "value"))
		}
	}
	p.optional(tWhitespace)
	return n
}
