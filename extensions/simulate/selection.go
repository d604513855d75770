package simulate

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/javaregex"
)

// Attempt is one selection pattern tried against the backend's value.
type Attempt struct {
	// Key is the responses key as written (REST selection pattern, or a
	// WebSocket /regex/ key).
	Key string `json:"key"`
	// Pattern is the Java regular expression matched against the value.
	Pattern string `json:"pattern"`
	// StatusCode is the method response status of the integration response
	// (REST); empty for WebSocket.
	StatusCode string `json:"statusCode,omitempty"`
	// Matched tells whether the whole value matched.
	Matched bool `json:"matched"`
	// Approximate is true when the pattern needed the backtracking engine.
	Approximate bool `json:"approximate"`
	// Error is set when evaluation timed out (the pattern then counts as not matching).
	Error string `json:"error,omitempty"`
}

// PatternError is a selection pattern that Java's Pattern.compile rejects.
type PatternError struct {
	// Key is the responses key the pattern comes from.
	Key string
	// Offset is the byte offset in the pattern where Java stops.
	Offset int
	// Err is the parser's description.
	Err *javaregex.Error
}

// Error names the pattern, the offset and what Java says.
func (e *PatternError) Error() string {
	return fmt.Sprintf("selection pattern %q is not a valid Java regular expression (offset %d): %s: %s [%s]",
		e.Key, e.Offset, e.Err.Message, e.Err.Hint, diag.SimInvalidPattern)
}

// Unwrap returns the javaregex error.
func (e *PatternError) Unwrap() error { return e.Err }

// candidate is one non-default response in the order it is tried.
type candidate struct {
	key, pattern, status string
	p                    *javaregex.Pattern
}

// compileAll compiles every pattern, failing on the first Java rejects.
func compileAll(cs []candidate) error {
	for i := range cs {
		p, err := extensions.CompileSelectionPattern(cs[i].pattern)
		if err != nil {
			var je *javaregex.Error
			if errors.As(err, &je) {
				return &PatternError{Key: cs[i].key, Offset: je.Offset, Err: je}
			}
			return fmt.Errorf("selection pattern %q: %w", cs[i].key, err)
		}
		cs[i].p = p
	}
	return nil
}

// choose tries every candidate against value in order and returns the
// attempts and the index of the first match (-1 for none). Every pattern
// is evaluated so that the trace shows ambiguities; the patterns that need
// the backtracking engine share javaregex.DefaultBudget, past which they
// count as not matching.
func choose(cs []candidate, value string) (attempts []Attempt, winner int, notes []Note) {
	winner = -1
	var also []string
	budget := javaregex.NewBudget(javaregex.DefaultBudget)
	for i, c := range cs {
		a := Attempt{Key: c.key, Pattern: c.pattern, StatusCode: c.status}
		m, approx, err := c.p.MatchWithin(value, budget)
		a.Matched, a.Approximate = m, approx
		switch {
		case errors.Is(err, javaregex.ErrBudget):
			a.Error = err.Error()
			a.Matched = false
			if budget.Announce() {
				notes = append(notes, Note{diag.SimTimeout, fmt.Sprintf("the patterns took all the time allowed (%s) before %q; it and the patterns after it that need the backtracking engine are counted as not matching", javaregex.DefaultBudget, c.key)})
			}
		case err != nil:
			a.Error = err.Error()
			a.Matched = false
			notes = append(notes, Note{diag.SimTimeout, fmt.Sprintf("evaluating %q took longer than the time limit; it is counted as not matching", c.key)})
		}
		if a.Matched {
			if winner < 0 {
				winner = i
			} else {
				also = append(also, strconv.Quote(c.key))
			}
		}
		if approx {
			notes = append(notes, Note{diag.SimApproximate, fmt.Sprintf("%q uses %s, which only a backtracking engine evaluates: the result is approximate", c.key, approxName(c.p))})
		}
		attempts = append(attempts, a)
	}
	if len(also) > 0 {
		notes = append(notes, Note{diag.SimAmbiguous, fmt.Sprintf("%q was tried first and wins, but %s also matched: make the patterns exclusive (apigw check reports this as %s)",
			cs[winner].key, strings.Join(also, ", "), diag.PatternOverlap)})
	}
	return attempts, winner, notes
}

func approxName(p *javaregex.Pattern) string {
	for _, c := range p.Constructs() {
		if c.Approximate {
			return c.Name
		}
	}
	return "a construct RE2 cannot express"
}
