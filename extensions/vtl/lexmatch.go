package vtl

import "unicode/utf8"

// match finds the longest token of the current state at lx.pos; on a
// tie the token declared first (lowest kind) wins. The commonest tokens
// (text, identifiers, words, blanks) are told by their first byte; every
// other position tries each token of the state (matchAll).
// TestMatchFastPaths compares the two at every position and state.
func (lx *lexer) match() (tokKind, int) {
	s, i := lx.src, lx.pos
	if i >= len(s) {
		return lx.matchAll()
	}
	c := s[i]
	switch lx.state {
	case sDefault:
		switch {
		case c == ' ' || c == '\t':
			// Blanks start text, or a #set after them (the longer).
			if n := mSetDirective(s, i); n > 0 {
				return tSetDirective, i + n
			}
			return tText, i + mText(s, i)
		case c != '$' && c != '#' && c != '\\':
			// Only text starts with any other byte.
			return tText, i + mText(s, i)
		case c == '$':
			// A reference's start, or an empty index ($[, $.).
			k, n := dollar(s, i)
			if m := mEmptyIndex(s, i); m > n {
				return tEmptyIndex, i + m
			}
			return k, i + n
		}
	case sReference, sRefModifier:
		switch {
		case c == '$':
			// A reference's start (declared before the reference's end),
			// or in a reference an empty index.
			k, n := dollar(s, i)
			if m := mEmptyIndex(s, i); lx.state == sReference && m > n {
				return tEmptyIndex, i + m
			}
			return k, i + n
		case c == '(':
			if lx.state == sRefModifier {
				return tLParen, i + 1 // declared before the reference's end
			}
			return tRefTerminator, i + 1
		case c == ' ' || c == '\t':
			// Blanks end the reference, unless a #set follows them.
			if n := mSetDirective(s, i); n > 0 {
				return tSetDirective, i + n
			}
			return tRefTerminator, i + 1
		case isLetter(c) || c == '_':
			// An identifier, unless it is true or false (declared first).
			n := mIdentifier(s, i)
			switch s[i : i+n] {
			case "true":
				return tTrue, i + n
			case "false":
				return tFalse, i + n
			}
			return tIdentifier, i + n
		case c == '.':
			if n := mDot(s, i); n > 0 {
				return tDot, i + n
			}
			return tRefTerminator, i + 1
		case !refStart[c]:
			// Any other byte ends the reference.
			return tRefTerminator, i + runeLen(s, i)
		}
	case sDirective:
		switch {
		case c == '$':
			k, n := dollar(s, i)
			return k, i + n
		case c == '(':
			return tLParen, i + 1
		case c == ')':
			return tRParen, i + mRParen(s, i)
		case c == '=':
			if lit(s, i, "==") > 0 {
				return tEQ, i + 2
			}
			return tEquals, i + 1
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			// Blanks are at least as long as a line break, and declared first.
			return tWhitespace, i + mWhitespace(s, i)
		case isLetter(c) || c == '_' || c == '@':
			n := mWord(s, i)
			if k, ok := directiveKeywords[s[i:i+n]]; ok {
				return k, i + n
			}
			return tWord, i + n
		}
	case sRefMod2:
		switch c {
		case '$':
			k, n := dollar(s, i)
			return k, i + n
		case ')':
			return tRefmod2RParen, i + 1
		}
	}
	return lx.matchAll()
}

// dollar matches the MORE tokens that start a reference at a '$': "$", or
// "$!" (the longer).
func dollar(s string, i int) (tokKind, int) {
	if n := mDollarBang(s, i); n > 0 {
		return tDollarBang, n
	}
	return tDollar, mDollar(s, i)
}

// refStart marks the bytes other than letters, '_' and '.' that start a
// token of the reference states besides the reference's end.
var refStart = [256]bool{'[': true, '(': true, '{': true, '}': true, '$': true, '#': true, '\\': true, ' ': true, '\t': true}

// directiveKeywords are the words of the directive state that are tokens
// of their own, each declared before WORD.
var directiveKeywords = map[string]tokKind{
	"true": tTrue, "false": tFalse, "and": tAnd, "or": tOr, "lt": tLT, "le": tLE,
	"gt": tGT, "ge": tGE, "eq": tEQ, "ne": tNE, "not": tNot,
}

// matchAll is match by trying every token of the current state.
func (lx *lexer) matchAll() (tokKind, int) {
	s, i := lx.src, lx.pos
	best, bestLen := tNone, 0
	try := func(k tokKind, n int) {
		if n > bestLen || (n == bestLen && n > 0 && k < best) {
			best, bestLen = k, n
		}
	}
	// <*> MORE tokens, active in every state.
	more := func() {
		try(tDollar, mDollar(s, i))
		try(tDollarBang, mDollarBang(s, i))
		try(tTextblockStart, lit(s, i, "#[["))
		if lit(s, i, "#**") > 0 && i+3 < len(s) && s[i+3] != '#' {
			try(tFormalStart, 3+runeLen(s, i+3))
		}
		try(tCommentStart, lit(s, i, "#*"))
		try(tHash, lit(s, i, "#"))
	}
	switch lx.state {
	case sDefault:
		try(tEscapeDirective, mEscapeDirective(s, i))
		try(tSetDirective, mSetDirective(s, i))
		more()
		try(tLineCommentStart, lit(s, i, "##"))
		try(tDoubleEscape, lit(s, i, `\\`))
		try(tEscape, lit(s, i, `\`))
		try(tText, mText(s, i))
		try(tEmptyIndex, mEmptyIndex(s, i))
	case sPreDirective:
		more()
		try(tLineCommentStart, lit(s, i, "##"))
		try(tEnd, mLineDirective(s, i, "end"))
		try(tIf, max(lit(s, i, "if"), lit(s, i, "{if}")))
		try(tElseIf, max(lit(s, i, "elseif"), lit(s, i, "{elseif}")))
		try(tElse, mLineDirective(s, i, "else"))
		try(tInteger, mInteger(s, i))
		try(tFloat, mFloat(s, i))
		try(tWord, mWord(s, i))
		try(tBracketedWord, mBracketedWord(s, i))
		try(tDirTerminator, runeLen(s, i))
	case sDirective:
		lx.matchBrackets(try, s, i)
		try(tLParen, lit(s, i, "("))
		try(tRParen, mRParen(s, i))
		more()
		try(tLineCommentStart, lit(s, i, "##"))
		try(tWhitespace, mWhitespace(s, i))
		try(tStringLiteral, mString(s, i))
		try(tTrue, lit(s, i, "true"))
		try(tFalse, lit(s, i, "false"))
		matchOperators(try, s, i)
		try(tInteger, mInteger(s, i))
		try(tFloat, mFloat(s, i))
		try(tWord, mWord(s, i))
		try(tBracketedWord, mBracketedWord(s, i))
	case sReference, sRefModifier:
		try(tIndexLBracket, lit(s, i, "["))
		if lx.state == sRefModifier {
			try(tLParen, lit(s, i, "("))
		}
		try(tSetDirective, mSetDirective(s, i))
		more()
		if lx.state == sReference {
			try(tLineCommentStart, lit(s, i, "##"))
		}
		try(tTrue, lit(s, i, "true"))
		try(tFalse, lit(s, i, "false"))
		try(tIdentifier, mIdentifier(s, i))
		try(tDot, mDot(s, i))
		try(tLCurly, lit(s, i, "{"))
		try(tRCurly, lit(s, i, "}"))
		try(tRefTerminator, runeLen(s, i))
		if lx.state == sReference {
			try(tEmptyIndex, mEmptyIndex(s, i))
		}
	case sRefMod2:
		lx.matchBrackets(try, s, i)
		try(tRefmod2RParen, lit(s, i, ")"))
		try(tSetDirective, mSetDirective(s, i))
		more()
		try(tWhitespace, mWhitespace(s, i))
		try(tStringLiteral, mString(s, i))
		try(tTrue, lit(s, i, "true"))
		try(tFalse, lit(s, i, "false"))
		try(tInteger, mInteger(s, i))
		try(tFloat, mFloat(s, i))
		try(tIdentifier, mIdentifier(s, i))
		try(tDot, mDot(s, i))
	case sRefIndex:
		try(tIndexRBracket, lit(s, i, "]"))
		more()
		try(tWhitespace, mWhitespace(s, i))
		try(tStringLiteral, mString(s, i))
		try(tTrue, lit(s, i, "true"))
		try(tFalse, lit(s, i, "false"))
		try(tInteger, mInteger(s, i))
		try(tFloat, mFloat(s, i))
	case sSingleLineComment:
		more()
		try(tLineComment, mNewline(s, i))
		try(tCommentSkip, runeLen(s, i))
	case sFormalComment:
		more()
		try(tFormalComment, lit(s, i, "*#"))
		try(tCommentSkip, runeLen(s, i))
	case sMultiLineComment:
		more()
		try(tMultiLineComment, lit(s, i, "*#"))
		try(tCommentSkip, runeLen(s, i))
	case sTextblock:
		more()
		try(tTextblock, lit(s, i, "]]#"))
		try(tTextblockMore, runeLen(s, i))
	}
	if best == tNone {
		return tNone, i
	}
	return best, i + bestLen
}

func (lx *lexer) matchBrackets(try func(tokKind, int), s string, i int) {
	try(tLBracket, lit(s, i, "["))
	try(tRBracket, lit(s, i, "]"))
	try(tComma, lit(s, i, ","))
	try(tDoubleDot, lit(s, i, ".."))
	try(tColon, lit(s, i, ":"))
	try(tLeftCurley, lit(s, i, "{"))
	try(tRightCurley, lit(s, i, "}"))
}

func matchOperators(try func(tokKind, int), s string, i int) {
	try(tNewline, mNewline(s, i))
	try(tMinus, lit(s, i, "-"))
	try(tPlus, lit(s, i, "+"))
	try(tMultiply, lit(s, i, "*"))
	try(tDivide, lit(s, i, "/"))
	try(tModulus, lit(s, i, "%"))
	try(tAnd, max(lit(s, i, "&&"), lit(s, i, "and")))
	try(tOr, max(lit(s, i, "||"), lit(s, i, "or")))
	try(tLT, max(lit(s, i, "<"), lit(s, i, "lt")))
	try(tLE, max(lit(s, i, "<="), lit(s, i, "le")))
	try(tGT, max(lit(s, i, ">"), lit(s, i, "gt")))
	try(tGE, max(lit(s, i, ">="), lit(s, i, "ge")))
	try(tEQ, max(lit(s, i, "=="), lit(s, i, "eq")))
	try(tNE, max(lit(s, i, "!="), lit(s, i, "ne")))
	try(tNot, max(lit(s, i, "!"), lit(s, i, "not")))
	try(tEquals, lit(s, i, "="))
}

func lit(s string, i int, w string) int {
	if len(s)-i >= len(w) && s[i:i+len(w)] == w {
		return len(w)
	}
	return 0
}

func runeLen(s string, i int) int {
	if i >= len(s) {
		return 0
	}
	if s[i] < utf8.RuneSelf {
		return 1
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return n
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }

// mDollar: ("\\")* "$"
func mDollar(s string, i int) int {
	j := i
	for j < len(s) && s[j] == '\\' {
		j++
	}
	if j < len(s) && s[j] == '$' {
		return j + 1 - i
	}
	return 0
}

// mDollarBang: ("\\")* "$" ("\\")* "!"
func mDollarBang(s string, i int) int {
	n := mDollar(s, i)
	if n == 0 {
		return 0
	}
	j := i + n
	for j < len(s) && s[j] == '\\' {
		j++
	}
	if j < len(s) && s[j] == '!' {
		return j + 1 - i
	}
	return 0
}

// mEscapeDirective: ("\\\\")* "\\#" (WORD | BRACKETED_WORD)
func mEscapeDirective(s string, i int) int {
	j := i
	for j < len(s) && s[j] == '\\' {
		j++
	}
	if (j-i)%2 == 0 || j >= len(s) || s[j] != '#' {
		return 0
	}
	w := max(mWord(s, j+1), mBracketedWord(s, j+1))
	if w == 0 {
		return 0
	}
	return j + 1 + w - i
}

// mSetDirective: (" "|"\t")* ("#set" | "#{set}") (" ")* "("
func mSetDirective(s string, i int) int {
	j := i
	for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
		j++
	}
	switch {
	case lit(s, j, "#set") > 0:
		j += 4
	case lit(s, j, "#{set}") > 0:
		j += 6
	default:
		return 0
	}
	for j < len(s) && s[j] == ' ' {
		j++
	}
	if j < len(s) && s[j] == '(' {
		return j + 1 - i
	}
	return 0
}

// mText: (~["$", "#", "\\"])+
func mText(s string, i int) int {
	j := i
	for j < len(s) {
		c := s[j]
		if c == '$' || c == '#' || c == '\\' {
			break
		}
		j++
	}
	return j - i
}

// mEmptyIndex: "$[" | "$![" | "$\\![" | "$."
func mEmptyIndex(s string, i int) int {
	return max(lit(s, i, "$["), lit(s, i, "$!["), lit(s, i, `$\![`), lit(s, i, "$."))
}

// mLineDirective matches "end"/"else" and "{end}"/"{else}", each with
// the blanks and one line break after it: ( " " | "\t" )* ( "\n" | "\r" | "\r\n" ).
func mLineDirective(s string, i int, name string) int {
	n := lit(s, i, name)
	if n == 0 {
		n = lit(s, i, "{"+name+"}")
	}
	if n == 0 {
		return 0
	}
	j := i + n
	for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
		j++
	}
	if nl := mNewline(s, j); nl > 0 {
		return j + nl - i
	}
	return n
}

// mRParen: ")" ( ( " " | "\t" )* ( "\n" | "\r" | "\r\n" ) )?
func mRParen(s string, i int) int {
	if lit(s, i, ")") == 0 {
		return 0
	}
	j := i + 1
	for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
		j++
	}
	if nl := mNewline(s, j); nl > 0 {
		return j + nl - i
	}
	return 1
}

func mNewline(s string, i int) int {
	if lit(s, i, "\r\n") > 0 {
		return 2
	}
	if i < len(s) && (s[i] == '\n' || s[i] == '\r') {
		return 1
	}
	return 0
}

func mWhitespace(s string, i int) int {
	j := i
	for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r') {
		j++
	}
	return j - i
}

// mString is STRING_LITERAL: a quote, then characters other than that
// quote or the quote doubled, then the quote. The escapes the grammar
// lists are covered by "any character but the quote".
func mString(s string, i int) int {
	if i >= len(s) || (s[i] != '"' && s[i] != '\'') {
		return 0
	}
	q := s[i]
	best := 0
	j := i + 1
	for j < len(s) {
		if s[j] != q {
			j++
			continue
		}
		best = j + 1 - i // the quote may close here
		if j+1 < len(s) && s[j+1] == q {
			j += 2 // or the doubled quote continues the string
			continue
		}
		break
	}
	return best
}

// mInteger: ("-")? (<DIGIT>)+ ("..")?
func mInteger(s string, i int) int {
	j := i
	if j < len(s) && s[j] == '-' {
		j++
	}
	d := j
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	if j == d {
		return 0
	}
	if lit(s, j, "..") > 0 {
		j += 2
	}
	return j - i
}

// mFloat: ("-")? (<DIGIT>)+ "." (<DIGIT>)* (<EXPONENT>)? | ("-")? "." (<DIGIT>)+ (<EXPONENT>)? | ("-")? (<DIGIT>)+ <EXPONENT>
func mFloat(s string, i int) int {
	j := i
	if j < len(s) && s[j] == '-' {
		j++
	}
	d := j
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	intDigits := j - d
	best := 0
	if intDigits > 0 {
		if e := mExponent(s, j); e > 0 {
			best = j + e - i
		}
	}
	if j < len(s) && s[j] == '.' {
		k := j + 1
		f := k
		for k < len(s) && isDigit(s[k]) {
			k++
		}
		if intDigits > 0 || k > f {
			best = max(best, k+mExponent(s, k)-i)
		}
	}
	return best
}

func mExponent(s string, i int) int {
	if i >= len(s) || (s[i] != 'e' && s[i] != 'E') {
		return 0
	}
	j := i + 1
	if j < len(s) && (s[j] == '+' || s[j] == '-') {
		j++
	}
	d := j
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	if j == d {
		return 0
	}
	return j - i
}

func isDirectiveChar(c byte) bool {
	return isLetter(c) || isDigit(c) || c == '_' || c == '@'
}

// mWord: ( <LETTER> | ["_"] | ["@"]) (<DIRECTIVE_CHAR>)*
func mWord(s string, i int) int {
	if i >= len(s) || !(isLetter(s[i]) || s[i] == '_' || s[i] == '@') {
		return 0
	}
	j := i + 1
	for j < len(s) && isDirectiveChar(s[j]) {
		j++
	}
	return j - i
}

// mBracketedWord: "{" ( <LETTER> | ["_"]) (<DIRECTIVE_CHAR>)* "}"
func mBracketedWord(s string, i int) int {
	if lit(s, i, "{") == 0 || i+1 >= len(s) || !(isLetter(s[i+1]) || s[i+1] == '_') {
		return 0
	}
	j := i + 2
	for j < len(s) && isDirectiveChar(s[j]) {
		j++
	}
	if j < len(s) && s[j] == '}' {
		return j + 1 - i
	}
	return 0
}

// mIdentifier: ( <ALPHA_CHAR> | ["_"]) (<IDENTIFIER_CHAR>)*
func mIdentifier(s string, i int) int {
	if i >= len(s) || !(isLetter(s[i]) || s[i] == '_') {
		return 0
	}
	j := i + 1
	for j < len(s) && (isLetter(s[j]) || isDigit(s[j]) || s[j] == '-' || s[j] == '_') {
		j++
	}
	return j - i
}

// mDot: "." <ALPHA_CHAR>
func mDot(s string, i int) int {
	if i+1 < len(s) && s[i] == '.' && isLetter(s[i+1]) {
		return 2
	}
	return 0
}
