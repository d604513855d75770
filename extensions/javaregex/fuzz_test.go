package javaregex

import (
	"testing"
	"time"

	"github.com/apigw/apigw/internal/shared"
)

// FuzzCompileMatch checks that Compile and Match never panic, and that an
// RE2 translation, when offered, always compiles; the seeds add the keys
// of every responses object of the shared corpus (selection patterns). Evaluations share a budget, so
// that no input takes more than a moment.
func FuzzCompileMatch(f *testing.F) {
	for _, s := range constructPatterns {
		f.Add(s, "a\r\nb")
	}
	for _, s := range badPatterns {
		f.Add(s, "")
	}
	for _, e := range shared.Entries(f, "responses") {
		f.Add(e[0], "[NotFound] no such item")
	}
	f.Fuzz(func(t *testing.T, pattern, input string) {
		p, err := Compile(pattern)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("%q: error %T", pattern, err)
			}
			return
		}
		budget := NewBudget(200 * time.Millisecond)
		p.MatchWithin(input, budget)
		OverlapWithin(p, p, budget)
	})
}
