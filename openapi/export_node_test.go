package openapi

import (
	"strconv"
	"testing"
)

// TestObjSetLarge holds that a mapping past indexFrom entries replaces a
// key set again in place, as a small one does, and keeps the order.
func TestObjSetLarge(t *testing.T) {
	o := newMap()
	n := 3 * indexFrom
	for i := range n {
		o.set("k"+strconv.Itoa(i), strScalar("a"))
	}
	for i := 0; i < n; i += 7 {
		o.set("k"+strconv.Itoa(i), strScalar("b"))
	}
	c := o.node().Content
	if len(c) != 2*n {
		t.Fatalf("%d entries, want %d", len(c)/2, n)
	}
	for i := range n {
		want := "a"
		if i%7 == 0 {
			want = "b"
		}
		if c[2*i].Value != "k"+strconv.Itoa(i) || c[2*i+1].Value != want {
			t.Errorf("entry %d is %s: %s, want k%d: %s", i, c[2*i].Value, c[2*i+1].Value, i, want)
		}
	}
}
