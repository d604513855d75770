package javaregex

import (
	"errors"
	"fmt"
	"testing"
	"time"
)

func TestBudgetBoundsManyPatterns(t *testing.T) {
	var ps []*Pattern
	for i := range 200 {
		// \b makes each pattern need the backtracking engine, and compiling
		// it takes milliseconds.
		ps = append(ps, MustCompile(fmt.Sprintf(`(?!x)E%d\b.*`, i)))
	}
	budget := NewBudget(200 * time.Millisecond)
	start := time.Now()
	var spent error
	pairs := 0
	for j := 1; j < len(ps) && spent == nil; j++ {
		for i := 0; i < j; i++ {
			if _, _, err := OverlapWithin(ps[i], ps[j], budget); err != nil {
				spent = err
				break
			}
			pairs++
		}
	}
	if !errors.Is(spent, ErrBudget) || !errors.Is(spent, ErrTimeout) {
		t.Fatalf("after %d pairs: %v, want ErrBudget", pairs, spent)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("a 200ms budget took %s", d)
	}
	if !budget.Spent() || !budget.Announce() || budget.Announce() {
		t.Error("Announce must say true once, after the budget is spent")
	}
	// Spent: nothing more is evaluated, not even compiled.
	fresh := MustCompile(`(?<=a)b.*`)
	if _, approx, err := fresh.MatchWithin("b", budget); !errors.Is(err, ErrBudget) || !approx {
		t.Errorf("MatchWithin on a spent budget: %v", err)
	}
	if fresh.net.re != nil {
		t.Error("compiled although the budget was spent")
	}
	// RE2 patterns cost nothing and always answer.
	if m, _, err := MustCompile(`E1.*`).MatchWithin("E1 x", budget); !m || err != nil {
		t.Errorf("RE2 pattern on a spent budget: %v %v", m, err)
	}
	// No budget: as Match.
	if m, _, err := ps[3].MatchWithin("E3 boom", nil); !m || err != nil {
		t.Errorf("nil budget: %v %v", m, err)
	}
	if budget.Announce() {
		t.Error("announced twice")
	}
	var none *Budget
	if none.Spent() || none.Announce() {
		t.Error("a nil budget is never spent")
	}
}

func TestBudgetCapsOneEvaluation(t *testing.T) {
	// A pattern that backtracks for ever is cut at what is left of the
	// budget, below its own limit.
	p := MustCompile(`(?=(x+x+)+y).*`).WithTimeout(5 * time.Second)
	budget := NewBudget(100 * time.Millisecond)
	start := time.Now()
	_, _, err := p.MatchWithin("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", budget)
	if !errors.Is(err, ErrBudget) {
		t.Errorf("error %v, want ErrBudget", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %s", d)
	}
}

// TestOverlapOfHugeCounts: a counted repetition of millions builds no
// candidate strings of that length (found by FuzzCompileMatch).
func TestOverlapOfHugeCounts(t *testing.T) {
	for _, src := range []string{`x{99499999}`, `(x{4000}){40}`, `((ab){40}){40}c{5000}`} {
		p := MustCompile(src)
		start := time.Now()
		OverlapWithin(p, p, NewBudget(time.Second))
		if d := time.Since(start); d > 1500*time.Millisecond {
			t.Errorf("%s: %s", src, d)
		}
	}
}
