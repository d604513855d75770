package javaregex

import (
	"fmt"
	"sync/atomic"
	"time"
)

// DefaultBudget is the time a document's patterns may take together in
// the backtracking engine and in overlap searches (see Budget): one second,
// far more than real documents need (their patterns take microseconds),
// and a bound on what hundreds of crafted patterns can cost.
const DefaultBudget = time.Second

// ErrBudget is returned when a Budget is spent: the pattern was not
// evaluated, or the search stopped. It wraps ErrTimeout.
var ErrBudget = fmt.Errorf("%w: the time budget for patterns that need the backtracking engine is spent", ErrTimeout)

// Budget is time shared by many evaluations: the backtracking engine's
// compiling and matching (MatchWithin) and overlap searches
// (OverlapWithin) take from it, so that the work one document (or one
// simulation) causes is bounded however many patterns it holds, where the
// per-evaluation time limit (DefaultTimeout) bounds each one alone. It is
// safe for concurrent use; a nil *Budget is unlimited.
type Budget struct {
	ns        atomic.Int64 // nanoseconds left
	announced atomic.Bool
}

// NewBudget returns a budget of d.
func NewBudget(d time.Duration) *Budget {
	b := &Budget{}
	b.ns.Store(int64(d))
	return b
}

// Spent tells whether nothing is left.
func (b *Budget) Spent() bool { return b.spent() }

func (b *Budget) spent() bool {
	return b != nil && b.ns.Load() <= 0
}

// left returns the time left, and false for no budget.
func (b *Budget) left() (time.Duration, bool) {
	if b == nil {
		return 0, false
	}
	return time.Duration(b.ns.Load()), true
}

// spend takes d from the budget.
func (b *Budget) spend(d time.Duration) {
	if b != nil {
		b.ns.Add(-int64(d))
	}
}

// Announce tells the first caller after the budget is spent that it is
// the first, so that running out is reported once per budget; it returns
// false before the budget is spent and to every later caller.
func (b *Budget) Announce() bool {
	return b.spent() && b.announced.CompareAndSwap(false, true)
}
