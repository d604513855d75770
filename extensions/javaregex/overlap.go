package javaregex

import (
	"errors"
	"strings"
	"time"
)

// witnessLimit caps how many candidate strings one AST node contributes.
const witnessLimit = 48

// witnessBytes caps the length of a candidate string: a pattern such as
// x{99999999} would otherwise make the search build strings of hundreds of
// megabytes. Overlaps that only longer strings show are not searched for.
const witnessBytes = 4096

// commonValues are integration results worth trying for any pair of
// patterns: status codes and typical Lambda error messages.
var commonValues = []string{"", "200", "201", "204", "400", "401", "403", "404", "409", "422", "429", "500", "502",
	"503", "504", "Error", "error", "Bad Request", "Not Found", "Internal Server Error", "Unauthorized", "Forbidden",
	"[BadRequest] invalid", "[NotFound] missing", "Task timed out after 3.00 seconds", "\n", "a\nb"}

// Overlap searches for a string that both patterns match and returns it;
// it is OverlapWithin without a budget.
func Overlap(a, b *Pattern) (example string, ok bool) {
	example, ok, _ = OverlapWithin(a, b, nil)
	return example, ok
}

// OverlapWithin searches for a string that both patterns match and returns it.
// Candidates are built from each pattern's AST (shortest witnesses, each
// alternative, repetition counts around the minimum, and characters of each
// class including line terminators and non-ASCII members), plus common
// status codes and error messages; each candidate is tested with Match
// against both patterns. It is a search, not a proof: ok false means no
// common string was found, not that none exists.
//
// The search's time, whichever engine matches, is taken from budget (nil is
// none): when it is spent, the search stops with ErrBudget and ok false.
func OverlapWithin(a, b *Pattern, budget *Budget) (example string, ok bool, err error) {
	if budget.spent() {
		return "", false, ErrBudget
	}
	start := time.Now()
	defer func() { budget.spend(time.Since(start)) }()
	wa, wb := witnesses(a.root), witnesses(b.root)
	var cands []string
	cands = append(cands, wa...)
	cands = append(cands, wb...)
	// Concatenations find strings such as "Error: Not Found" for two
	// patterns that each look for a substring.
	for _, x := range wa[:min(len(wa), 8)] {
		for _, y := range wb[:min(len(wb), 8)] {
			cands = append(cands, x+y, y+x)
		}
	}
	cands = append(cands, commonValues...)
	seen := map[string]bool{}
	for i, s := range cands {
		if seen[s] {
			continue
		}
		seen[s] = true
		if budget != nil && i%16 == 15 {
			// Charge what the search took so far, so that one long search
			// cannot overdraw the budget by much.
			now := time.Now()
			budget.spend(now.Sub(start))
			start = now
			if budget.spent() {
				return "", false, ErrBudget
			}
		}
		ma, _, errA := a.match(s, budget)
		if errors.Is(errA, ErrBudget) {
			return "", false, errA
		}
		if errA != nil || !ma {
			continue
		}
		mb, _, errB := b.match(s, budget)
		if errors.Is(errB, ErrBudget) {
			return "", false, errB
		}
		if errB == nil && mb {
			return s, true, nil
		}
	}
	return "", false, nil
}

// witnesses generates candidate strings that n may match, shortest first.
func witnesses(n *node) []string {
	switch n.kind {
	case kSet:
		var out []string
		for _, r := range samples(n.set) {
			out = append(out, string(r))
		}
		return out
	case kSeq:
		out := []string{""}
		for _, s := range n.subs {
			out = product(out, witnesses(s))
		}
		return out
	case kAlt:
		var out []string
		for _, s := range n.subs {
			out = append(out, witnesses(s)...)
		}
		return capList(out)
	case kGroup, kNonCap, kAtomic:
		return witnesses(n.subs[0])
	case kRepeat:
		sub := witnesses(n.subs[0])
		var out []string
		for k := n.min; k <= n.min+2 && (n.max < 0 || k <= n.max); k++ {
			if k > witnessLimit {
				// Long counts: one witness repeated keeps the search cheap.
				if len(sub) > 0 && len(sub[0]) <= witnessBytes/k {
					out = append(out, strings.Repeat(sub[0], k))
				}
				continue
			}
			rep := []string{""}
			for range k {
				rep = product(rep, sub)
			}
			out = append(out, rep...)
		}
		return capList(out)
	case kLinebreak:
		return []string{"\n", "\r\n"}
	case kGrapheme:
		return []string{"a", "e\u0301"}
	}
	return []string{""}
}

// samples picks representative members of a set: a printable one, a
// digit, a line terminator and a non-ASCII member when present.
func samples(s charSet) []rune {
	s = noSurrogates(s)
	var out []rune
	add := func(r rune) {
		for _, o := range out {
			if o == r {
				return
			}
		}
		out = append(out, r)
	}
	if r, ok := s.pick(); ok {
		add(r)
	}
	for _, probe := range []charSet{setDigitASCII, setLineTerm, span(0x80, maxRune)} {
		if x := s.intersect(probe); len(x) > 0 {
			add(x[0].lo)
		}
	}
	return out
}

func product(a, b []string) []string {
	var out []string
	for _, x := range a {
		for _, y := range b {
			if len(x)+len(y) > witnessBytes {
				continue
			}
			out = append(out, x+y)
			if len(out) >= witnessLimit {
				return out
			}
		}
	}
	return out
}

func capList(s []string) []string {
	if len(s) > witnessLimit {
		return s[:witnessLimit]
	}
	return s
}
