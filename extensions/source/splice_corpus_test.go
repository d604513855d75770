package source

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigw/apigw/internal/shared"
	"go.yaml.in/yaml/v4"
)

// lambdaURI stands in for the placeholder a pipeline substitutes.
const lambdaURI = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:Pets/invocations"

// A corpusEdit is one value to change in a corpus file.
type corpusEdit struct {
	ptr   string
	old   *yaml.Node
	key   *yaml.Node // the key of old, nil for a sequence item
	value *yaml.Node
}

// corpusEdits lists the changes made to a file: every integration's uri and
// timeoutInMillis, and a sample of every other value (each scalar replaced
// by a string, each collection by a mapping), at most limit of those.
func corpusEdits(root *yaml.Node, limit int) []corpusEdit {
	var out, sample []corpusEdit
	var walk func(n *yaml.Node, ptr string, inInteg bool)
	walk = func(n *yaml.Node, ptr string, inInteg bool) {
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				if k.Kind != yaml.ScalarNode || IsMergeKey(k) {
					continue
				}
				p := Pointer(ptr, k.Value)
				e := corpusEdit{ptr: p, old: v, key: k}
				switch {
				case inInteg && k.Value == "uri":
					e.value = &yaml.Node{Kind: yaml.ScalarNode, Tag: TagStr, Value: lambdaURI}
					out = append(out, e)
				case inInteg && k.Value == "timeoutInMillis":
					e.value = &yaml.Node{Kind: yaml.ScalarNode, Tag: TagInt, Value: "12345"}
					out = append(out, e)
				case v.Kind == yaml.ScalarNode:
					e.value = &yaml.Node{Kind: yaml.ScalarNode, Tag: TagStr, Value: v.Value + " changed"}
					sample = append(sample, e)
				case v.Kind == yaml.MappingNode || v.Kind == yaml.SequenceNode:
					e.value = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{
						{Kind: yaml.ScalarNode, Tag: TagStr, Value: "replaced"},
						{Kind: yaml.ScalarNode, Tag: TagBool, Value: "true"},
					}}
					sample = append(sample, e)
				}
				walk(v, p, k.Value == "x-amazon-apigateway-integration" || inInteg && k.Value != "responses" && k.Value != "requestTemplates")
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				p := PointerIndex(ptr, i)
				if c.Kind == yaml.ScalarNode {
					sample = append(sample, corpusEdit{ptr: p, old: c, value: &yaml.Node{Kind: yaml.ScalarNode, Tag: TagStr, Value: c.Value + " changed"}})
				}
				walk(c, p, false)
			}
		}
	}
	walk(root, "", false)
	if len(sample) > limit {
		step := len(sample) / limit
		var kept []corpusEdit
		for i := 0; i < len(sample); i += step {
			kept = append(kept, sample[i])
		}
		sample = kept
	}
	return append(out, sample...)
}

// TestSpliceCorpus changes values of every corpus document and checks that
// the text changes only on the lines of the changed value (and its key's),
// and that the result loads to the intended tree (Splice checks that).
func TestSpliceCorpus(t *testing.T) {
	files := shared.CorpusFiles(t, "specs", "bad")
	var edits, uris, files0 int
	for _, file := range files {
		ext := filepath.Ext(file)
		if ext != ".json" && ext != ".yaml" && ext != ".yml" {
			continue
		}
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		doc, format, err := Parse(file, src, Limits{})
		if err != nil {
			continue // a corpus file the loader refuses
		}
		l, err := newLayout(src, format, doc)
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(file), err)
			continue
		}
		files0++
		for _, e := range corpusEdits(doc.Content[0], 40) {
			out, err := Splice(src, Edit{e.ptr, e.value})
			if err != nil {
				t.Errorf("%s: %v", filepath.Base(file), err)
				continue
			}
			edits++
			if e.value.Value == lambdaURI {
				uris++
			}
			first := l.placeOf(e.old).start
			if e.key != nil {
				first = l.placeOf(e.key).start
			}
			from := l.lines[l.lineOf(first)-1]
			to := l.lineEnd(l.placeOf(e.old).end)
			if !bytes.HasPrefix(out, src[:from]) || !bytes.HasSuffix(out, src[to:]) {
				t.Errorf("%s: changing %s touched other lines:\n%s", filepath.Base(file), e.ptr, lineDiff(src, out))
			}
		}
	}
	t.Logf("%d files, %d values changed (%d integration uris)", files0, edits, uris)
}

// lineDiff shows the lines that differ between a and b, for failures.
func lineDiff(a, b []byte) string {
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	i := 0
	for i < len(al) && i < len(bl) && al[i] == bl[i] {
		i++
	}
	j := 0
	for j < len(al)-i && j < len(bl)-i && al[len(al)-1-j] == bl[len(bl)-1-j] {
		j++
	}
	var s strings.Builder
	for _, line := range al[i : len(al)-j] {
		fmt.Fprintf(&s, "-%s\n", line)
	}
	for _, line := range bl[i : len(bl)-j] {
		fmt.Fprintf(&s, "+%s\n", line)
	}
	return s.String()
}
