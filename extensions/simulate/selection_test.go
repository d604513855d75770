package simulate

import (
	"strings"
	"testing"
	"time"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/javaregex"
)

// TestChooseTimeout checks that a pattern whose evaluation runs out of time
// counts as not matching and leaves a note, and that the next pattern is
// still tried.
func TestChooseTimeout(t *testing.T) {
	slow := javaregex.MustCompile(`(?=(x+x+)+y).*`).WithTimeout(time.Millisecond)
	cs := []candidate{
		{key: "(?=(x+x+)+y).*", pattern: "(?=(x+x+)+y).*", status: "400", p: slow},
		{key: "x+", pattern: "x+", status: "200", p: javaregex.MustCompile(`x+`)},
	}
	attempts, winner, notes := choose(cs, strings.Repeat("x", 40))
	if winner != 1 || attempts[0].Matched || attempts[0].Error == "" {
		t.Errorf("winner %d, attempts %+v: want the slow pattern not matching and the second one chosen", winner, attempts)
	}
	found := false
	for _, n := range notes {
		if n.Code == diag.SimTimeout && strings.Contains(n.Message, "time limit") {
			found = true
		}
	}
	if !found {
		t.Errorf("notes %v: want a %s note", notes, diag.SimTimeout)
	}
}
