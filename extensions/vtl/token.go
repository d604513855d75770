package vtl

// tokKind numbers the tokens as Velocity 1.7's grammar (Parser.jjt)
// declares them. The numbers matter: when two tokens match the same
// length, the lexer picks the one declared first, as JavaCC does.
type tokKind int

const (
	tEOF              tokKind = 0
	tIndexLBracket    tokKind = 1
	tIndexRBracket    tokKind = 2
	tLBracket         tokKind = 3
	tRBracket         tokKind = 4
	tComma            tokKind = 5
	tDoubleDot        tokKind = 6
	tColon            tokKind = 7
	tLeftCurley       tokKind = 8
	tRightCurley      tokKind = 9
	tLParen           tokKind = 10
	tRParen           tokKind = 11
	tRefmod2RParen    tokKind = 12
	tEscapeDirective  tokKind = 13
	tSetDirective     tokKind = 14
	tDollar           tokKind = 15 // MORE
	tDollarBang       tokKind = 16 // MORE
	tTextblockStart   tokKind = 17 // MORE "#[["
	tFormalStart      tokKind = 18 // MORE "#**" ~["#"]
	tCommentStart     tokKind = 19 // MORE "#*"
	tHash             tokKind = 20 // MORE
	tLineCommentStart tokKind = 21
	tDoubleEscape     tokKind = 22
	tEscape           tokKind = 23
	tText             tokKind = 24
	tLineComment      tokKind = 25
	tFormalComment    tokKind = 26
	tMultiLineComment tokKind = 27
	tTextblock        tokKind = 28
	tCommentSkip      tokKind = 29 // SKIP
	tTextblockMore    tokKind = 30 // MORE
	tWhitespace       tokKind = 31
	tStringLiteral    tokKind = 32
	tTrue             tokKind = 33
	tFalse            tokKind = 34
	tNewline          tokKind = 35
	tMinus            tokKind = 36
	tPlus             tokKind = 37
	tMultiply         tokKind = 38
	tDivide           tokKind = 39
	tModulus          tokKind = 40
	tAnd              tokKind = 41
	tOr               tokKind = 42
	tLT               tokKind = 43
	tLE               tokKind = 44
	tGT               tokKind = 45
	tGE               tokKind = 46
	tEQ               tokKind = 47
	tNE               tokKind = 48
	tNot              tokKind = 49
	tEquals           tokKind = 50
	tEnd              tokKind = 51
	tIf               tokKind = 52
	tElseIf           tokKind = 53
	tElse             tokKind = 54
	tInteger          tokKind = 56
	tFloat            tokKind = 57
	tWord             tokKind = 61
	tBracketedWord    tokKind = 62
	tIdentifier       tokKind = 66
	tDot              tokKind = 67
	tLCurly           tokKind = 68
	tRCurly           tokKind = 69
	tRefTerminator    tokKind = 70 // SPECIAL
	tDirTerminator    tokKind = 71 // SPECIAL
	tEmptyIndex       tokKind = 72
	tNone             tokKind = 1 << 30
)

// token is one token of the template, as JavaCC's Token: its image
// includes any MORE prefix (the "$" of "$foo", the "#" of "#if").
type token struct {
	kind    tokKind
	image   string
	begin   int      // byte offset of the first character
	end     int      // byte offset after the last character
	special []*token // special tokens (terminators) just before this one
	next    *token
}

// describe names a token for messages.
func (t *token) describe() string {
	switch t.kind {
	case tEOF:
		return "the end of the template"
	case tWhitespace:
		return "white space"
	}
	img := t.image
	if len(img) > 24 {
		img = img[:24] + "…"
	}
	return quoteText(img)
}
