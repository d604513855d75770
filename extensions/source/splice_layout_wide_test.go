package source

import (
	"fmt"
	"slices"
	"testing"

	"github.com/apigw/apigw/internal/specgen"
	"go.yaml.in/yaml/v4"
)

// TestLayoutWideIsOneWalk lays out every input with the entries of its
// widest mapping walked in groups of one entry and more, on 2, 3 and 7
// processors, and compares every place, node and error with one walk.
func TestLayoutWideIsOneWalk(t *testing.T) {
	inputs := chunkInputs(t)
	inputs["specgen 60.yaml"] = specgen.YAML(60)
	grouped := 0
	for name, data := range inputs {
		tree, format, err := Parse(name, data, Limits{})
		if err != nil {
			continue
		}
		one, oneErr := newLayoutWide(data, format, tree, 1, 0, 1)
		for _, procs := range []int{2, 3, 7} {
			for _, entries := range []int{1, 4} {
				got, err := newLayoutWide(data, format, tree, procs, 0, entries)
				if fmt.Sprint(err) != fmt.Sprint(oneErr) {
					t.Fatalf("%s (%d, %d): error %v, one walk %v", name, procs, entries, err, oneErr)
				}
				if err != nil {
					continue
				}
				if !slices.Equal(got.places, one.places) || !slices.Equal(got.nodes, one.nodes) {
					t.Fatalf("%s (%d, %d): the places differ from one walk", name, procs, entries)
				}
				if got.groups.counts != nil {
					grouped++
				}
			}
		}
	}
	if grouped < 300 {
		t.Errorf("only %d layouts walked in groups", grouped)
	}
}

// TestLayoutWideEdges holds the cases a document read from text does not
// show: the widest mapping standing twice in a tree, and an error in a
// later group, which must be the one a single walk finds first.
func TestLayoutWideEdges(t *testing.T) {
	src := []byte("a:\n  k1: 1\n  k2:\n  k3: 3\n  k4: x\nb:\n  k1: 1\n  k2:\n  k3: 3\n  k4: x\n")
	doc := &yaml.Node{}
	if err := yaml.Unmarshal(src, doc); err != nil {
		t.Fatal(err)
	}
	root := doc.Content[0]
	root.Content[3] = root.Content[1] // b is a again: the same node twice
	one, err := newLayoutWide(src, YAML, doc, 1, 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	got, err := newLayoutWide(src, YAML, doc, 2, 0, 1)
	if err != nil || got.groups.counts == nil || !slices.Equal(got.places, one.places) || !slices.Equal(got.nodes, one.nodes) {
		t.Errorf("a mapping standing twice: %v, grouped %v, same places %v", err, got != nil && got.groups.counts != nil, got != nil && slices.Equal(got.places, one.places))
	}
	if err := yaml.Unmarshal(src, doc); err != nil {
		t.Fatal(err)
	}
	a := doc.Content[0].Content[1]
	a.Content[5].Line, a.Content[7].Line = 99, 98 // k3's and k4's values past the text
	_, oneErr := newLayoutWide(src, YAML, doc, 1, 0, 1)
	_, err = newLayoutWide(src, YAML, doc, 4, 0, 1)
	if oneErr == nil || fmt.Sprint(err) != fmt.Sprint(oneErr) {
		t.Errorf("an error in the later groups: %v, one walk %v", err, oneErr)
	}
}
