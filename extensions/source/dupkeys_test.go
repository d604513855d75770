package source

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// TestDuplicateKeysWide compares the findings of walking the widest
// mapping's entries in groups with one walk, on every input and on a
// document with duplicates in every group, at every depth and in the
// widest mapping itself.
func TestDuplicateKeysWide(t *testing.T) {
	var b strings.Builder
	b.WriteString("top: 1\npaths:\n")
	for i := range 40 {
		fmt.Fprintf(&b, "  /p%d:\n    get: {a: 1, a: 2}\n    list: [{x: 1, x: 2}]\n", i%37)
	}
	b.WriteString("top: 2\n")
	inputs := chunkInputs(t)
	inputs["duplicates.yaml"] = []byte(b.String())
	grouped := 0
	for name, data := range inputs {
		tree, _, err := Parse(name, data, Limits{})
		if err != nil {
			continue
		}
		one := duplicateKeys(tree, "/base", 1, 1)
		for _, procs := range []int{2, 3, 7} {
			if got := duplicateKeys(tree, "/base", procs, 1); !reflect.DeepEqual(got, one) {
				t.Fatalf("%s on %d processors:\n%v\none walk:\n%v", name, procs, got, one)
			}
		}
		if name == "duplicates.yaml" && len(one) != 2*40+3+1 {
			t.Errorf("%s: %d findings, want %d", name, len(one), 2*40+3+1)
		}
		grouped++
	}
	if grouped < 100 {
		t.Errorf("only %d inputs compared", grouped)
	}
}
