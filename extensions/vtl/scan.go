package vtl

// scanner evaluates JavaCC syntactic lookahead: it walks the token chain
// (lexing more when needed) and succeeds when la tokens have matched or
// the expansion completes. Each method returns true when the expansion
// does NOT match, as the generated jj_3 routines do; the routines below
// follow Parser.java's jj_3 code for Velocity 1.7.
type scanner struct {
	p         *parser
	pos, last *token
	la        int
	// done is set once la tokens have matched: JavaCC throws
	// LookaheadSuccess there; here every later step matches without
	// scanning, so the routines unwind to a match at once.
	done bool
}

// lookahead runs f as JavaCC's jj_2_x(la) does.
func (p *parser) lookahead(la int, f func(*scanner) bool) bool {
	s := &scanner{p: p, pos: p.tok, last: p.tok, la: la}
	return !f(s) || s.done
}

const infinite = 1 << 30

func (s *scanner) t(k tokKind) bool {
	if s.done {
		return false
	}
	if s.pos == s.last {
		s.la--
		s.pos = s.p.after(s.pos)
		s.last = s.pos
	} else {
		s.pos = s.pos.next
	}
	if s.pos.kind != k {
		return true
	}
	if s.la == 0 && s.pos == s.last {
		s.done = true
	}
	return false
}

// opt scans an optional single token.
func (s *scanner) opt(k tokKind) {
	x := s.pos
	if s.t(k) {
		s.pos = x
	}
}

// alt tries alternatives in order, restoring the position after each failure.
func (s *scanner) alt(fs ...func() bool) bool {
	if s.done {
		return false
	}
	x := s.pos
	for _, f := range fs {
		if !f() {
			return false
		}
		s.pos = x
	}
	return true
}

func (s *scanner) tk(k tokKind) func() bool { return func() bool { return s.t(k) } }

// star repeats f until it fails.
func (s *scanner) star(f func() bool) {
	for !s.done {
		x := s.pos
		if f() {
			s.pos = x
			return
		}
	}
}

// reference is jj_3R_24.
func (s *scanner) reference() bool {
	return s.alt(func() bool {
		if s.t(tIdentifier) {
			return true
		}
		s.star(s.index)
		s.star(s.dotPart)
		return false
	}, func() bool {
		if s.t(tLCurly) || s.t(tIdentifier) {
			return true
		}
		s.star(s.index)
		s.star(s.dotPart)
		return s.t(tRCurly)
	})
}

// index is jj_3R_73.
func (s *scanner) index() bool {
	if s.t(tIndexLBracket) {
		return true
	}
	s.opt(tWhitespace)
	if s.alt(s.tk(tStringLiteral), s.tk(tInteger), s.tk(tTrue), s.tk(tFalse), s.reference) {
		return true
	}
	s.opt(tWhitespace)
	return s.t(tIndexRBracket)
}

// dotPart is jj_3_7 / jj_3_9.
func (s *scanner) dotPart() bool {
	if s.t(tDot) {
		return true
	}
	if s.alt(s.method, s.tk(tIdentifier)) {
		return true
	}
	s.star(s.index)
	return false
}

// method is jj_3R_33.
func (s *scanner) method() bool {
	if s.t(tIdentifier) || s.t(tLParen) {
		return true
	}
	x := s.pos
	if s.parameter() {
		s.pos = x
	} else {
		s.star(func() bool { return s.t(tComma) || s.parameter() })
	}
	return s.t(tRefmod2RParen)
}

// parameter is jj_3R_29.
func (s *scanner) parameter() bool {
	s.opt(tWhitespace)
	if s.alt(s.tk(tStringLiteral), s.tk(tInteger), s.intRange, s.mapLit, s.list,
		s.tk(tTrue), s.tk(tFalse), s.reference, s.tk(tFloat)) {
		return true
	}
	s.opt(tWhitespace)
	return false
}

// intRange is jj_3R_66.
func (s *scanner) intRange() bool {
	if s.rangeStart() {
		return true
	}
	s.opt(tWhitespace)
	if s.alt(s.reference, s.tk(tInteger)) {
		return true
	}
	s.opt(tWhitespace)
	return s.t(tRBracket)
}

// rangeStart is jj_3_3 / jj_3_6 / jj_3_12: "[" [ws] (ref|int) [ws] "..".
func (s *scanner) rangeStart() bool {
	if s.t(tLBracket) {
		return true
	}
	s.opt(tWhitespace)
	if s.alt(s.reference, s.tk(tInteger)) {
		return true
	}
	s.opt(tWhitespace)
	return s.t(tDoubleDot)
}

// mapLit is jj_3R_68.
func (s *scanner) mapLit() bool {
	if s.t(tLeftCurley) {
		return true
	}
	if s.alt(s.mapEntries, func() bool { s.opt(tWhitespace); return false }) {
		return true
	}
	return s.alt(s.tk(tRightCurley), s.tk(tRCurly))
}

// mapEntries is jj_3_5.
func (s *scanner) mapEntries() bool {
	if s.parameter() || s.t(tColon) || s.parameter() {
		return true
	}
	s.star(func() bool {
		return s.t(tComma) || s.parameter() || s.t(tColon) || s.parameter()
	})
	return false
}

// list is jj_3R_69.
func (s *scanner) list() bool {
	if s.t(tLBracket) {
		return true
	}
	x := s.pos
	if s.parameter() {
		s.pos = x
	} else {
		s.star(func() bool { return s.t(tComma) || s.parameter() })
	}
	return s.t(tRBracket)
}

// directiveArgs is jj_3_4.
func (s *scanner) directiveArgs() bool {
	s.opt(tWhitespace)
	x := s.pos
	if s.t(tComma) {
		s.pos = x
	} else {
		s.opt(tWhitespace)
	}
	return s.alt(s.reference, s.tk(tWord), s.tk(tStringLiteral), s.tk(tInteger), s.intRange,
		s.tk(tFloat), s.mapLit, s.list, s.tk(tTrue), s.tk(tFalse))
}

// notExpr is jj_3_11.
func (s *scanner) notExpr() bool {
	s.opt(tWhitespace)
	if s.t(tNot) {
		return true
	}
	return s.alt(s.notExpr, s.primary)
}

// primary is jj_3R_72 (JavaCC keeps only the first token of "(" Expression ")").
func (s *scanner) primary() bool {
	s.opt(tWhitespace)
	return s.alt(s.tk(tStringLiteral), s.reference, s.tk(tInteger), s.intRange, s.tk(tFloat),
		s.mapLit, s.list, s.tk(tTrue), s.tk(tFalse), s.tk(tLParen))
}
