package source

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// aliasedString anchors one string of size bytes and repeats it n times by alias.
func aliasedString(size, n int) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "openapi: 3.0.1\nx-big: &big %s\nx-copies:\n", strings.Repeat("a", size))
	for range n {
		b.WriteString("  - *big\n")
	}
	return []byte(b.String())
}

// TestAliasLimitCountsBytes: a few nodes that repeat a long string expand
// to far more bytes than nodes; the limit is on the bytes.
func TestAliasLimitCountsBytes(t *testing.T) {
	start := time.Now()
	_, _, err := Parse("big.yaml", aliasedString(4<<20, 1000), Limits{})
	le := wantLimit(t, err, LimitAlias, "big.yaml")
	if !strings.Contains(le.Message, fmt.Sprintf("more than %d bytes", DefaultMaxBytes)) || le.Line != 11 { // the eighth copy passes 32 MiB
		t.Errorf("got %v", le)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %s", d)
	}
	// Seven copies of 4 MiB are 28 MiB: within the default limit.
	if _, _, err := Parse("ok.yaml", aliasedString(4<<20, 7), Limits{}); err != nil {
		t.Errorf("seven copies: %v", err)
	}
	// The limit follows the size limit unless set on its own.
	if _, _, err := Parse("ok.yaml", aliasedString(1000, 10), Limits{MaxBytes: 5000}); err == nil {
		t.Error("10,000 bytes of aliases passed a 5,000-byte size limit")
	}
	if _, _, err := Parse("ok.yaml", aliasedString(1000, 10), Limits{MaxBytes: 5000, MaxAliasBytes: 20000}); err != nil {
		t.Errorf("MaxAliasBytes 20,000: %v", err)
	}
}

// TestAliasLimitCountsNestedAliases: an anchor that itself holds aliases
// counts everything it expands to, keys included.
func TestAliasLimitCountsNestedAliases(t *testing.T) {
	src := "a: &a {k: " + strings.Repeat("v", 100) + "}\n" +
		"b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n" +
		"c: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
	// b expands a 10 times (about 1,040 bytes); c expands b 10 times.
	if _, _, err := Parse("n.yaml", []byte(src), Limits{MaxAliasBytes: 20000}); err != nil {
		t.Errorf("about 11,500 bytes under a 20,000-byte limit: %v", err)
	}
	_, _, err := Parse("n.yaml", []byte(src), Limits{MaxAliasBytes: 5000})
	wantLimit(t, err, LimitAlias, "n.yaml")
}
