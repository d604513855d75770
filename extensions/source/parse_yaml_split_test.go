package source

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigw/apigw/internal/golden"
	"github.com/apigw/apigw/internal/specgen"
	"go.yaml.in/yaml/v4"
)

// sameNodes reports the first difference between two trees: kind, style,
// tag, value, anchor, comments, line and column of every node.
func sameNodes(a, b *yaml.Node, at string) error {
	if a.Kind != b.Kind || a.Style != b.Style || a.Tag != b.Tag || a.Value != b.Value || a.Anchor != b.Anchor ||
		a.HeadComment != b.HeadComment || a.LineComment != b.LineComment || a.FootComment != b.FootComment ||
		a.Line != b.Line || a.Column != b.Column || len(a.Content) != len(b.Content) || (a.Alias == nil) != (b.Alias == nil) {
		return fmt.Errorf("%s: %+v\nwant %+v", at, *a, *b)
	}
	for i := range a.Content {
		if err := sameNodes(a.Content[i], b.Content[i], fmt.Sprintf("%s/%d", at, i)); err != nil {
			return err
		}
	}
	return nil
}

// compareSplit reads data in pieces for procs processors and in one piece,
// and reports whether it was read in pieces.
func compareSplit(t *testing.T, name string, data []byte, procs int) bool {
	t.Helper()
	split, ok := parseYAMLSplit(data, procs, 0)
	if !ok {
		return false
	}
	whole, err := parseYAML(name, data)
	if err != nil {
		t.Errorf("%s: read in %d pieces, but in one: %v", name, procs, err)
		return true
	}
	if err := sameNodes(split, whole, name); err != nil {
		t.Errorf("%s (%d pieces): %v", name, procs, err)
	}
	return true
}

// TestYAMLSplitIsOneRead reads every YAML fixture, the corpus, the large
// documents of ../shared/bench and generated documents in pieces wherever they can be cut, for 2 to 16 processors, and
// compares every node with one read.
func TestYAMLSplitIsOneRead(t *testing.T) {
	inputs := chunkInputs(t)
	inputs["specgen 300.yaml"] = specgen.YAML(300)
	bench, _ := filepath.Glob(filepath.Join(golden.Root(t), "..", "shared", "bench", "*.yaml"))
	for _, f := range bench {
		if data, err := os.ReadFile(f); err == nil {
			inputs[f] = data
		}
	}
	split, read := 0, 0
	for name, data := range inputs {
		if DetectFormat(data) != YAML {
			continue
		}
		read++
		for _, procs := range []int{2, 3, 7, 16} {
			if compareSplit(t, name, data, procs) {
				split++
			} else if strings.HasPrefix(name, "specgen") {
				t.Errorf("%s: a generated document was not read in pieces", name)
			}
		}
	}
	t.Logf("%d of %d reads in pieces", split, 4*read)
	if split < read {
		t.Errorf("only %d of %d reads were in pieces", split, 4*read)
	}
}

// TestYAMLSplitRefuses checks texts around the places the cuts fall: each
// is read in pieces (must), or never, or may be (a cut inside a quoted
// scalar or a flow collection leaves a piece that yaml v4 refuses); read in
// pieces, the tree is always the one read whole.
func TestYAMLSplitRefuses(t *testing.T) {
	items := func(n int, item string) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, item, i)
		}
		return b.String()
	}
	const must, never, may = 1, 2, 3
	plain := "  /p%d:\n    get:\n      x: 1\n"
	cases := map[string]struct {
		text string
		want int
	}{
		"plain":               {"a: 1\npaths:\n" + items(20, plain) + "z: 2\n", must},
		"no tail":             {"paths:\n" + items(20, plain), must},
		"document start":      {"# c\n---\npaths:\n" + items(20, plain) + "z: 2\n", must},
		"deeper comments":     {"paths:\n" + items(20, "  /p%d:\n    # head\n    x: 1 # line\n    # foot\n    y: 2\n"), must},
		"anchors":             {"paths:\n" + items(20, "  /p%[1]d:\n    x: &a%[1]d 1\n"), must},
		"literal":             {"paths:\n" + items(20, "  /p%d:\n    x: |\n      #set($a = 1)\n      /q: b\n"), must},
		"comment before keys": {"paths:\n" + items(20, "  # c\n  /p%d:\n    x: 1\n"), never},
		"blank before keys":   {"paths:\n" + items(20, "\n  /p%d:\n    x: 1\n"), never},
		"outdented comment":   {"paths:\n" + items(20, "  /p%d:\n    x: 1\n# c\n    y: 2\n"), never},
		"alias":               {"a: &a 1\npaths:\n" + items(20, "  /p%d:\n    x: *a\n"), never},
		"alias before":        {"a: &a 1\nb: *a\npaths:\n" + items(20, plain), never},
		"crlf":                {strings.ReplaceAll("paths:\n"+items(20, plain), "\n", "\r\n"), never},
		"documents":           {"paths:\n" + items(20, plain) + "---\nb: 1\n", never},
		"directive":           {"%YAML 1.2\n---\npaths:\n" + items(20, plain), never},
		"trailing comment":    {"paths:\n" + items(20, plain) + "# end\n", never},
		"sequence":            {"paths:\n" + items(20, "  - p%d\n"), never},
		"flow mapping":        {"paths: {\n" + items(20, "  p%d: 1,\n") + "}\n", never},
		"error in a piece":    {"paths:\n" + items(20, plain) + "  /bad: [\n", never},
		"tail comment":        {"paths:\n" + items(20, plain) + "z: 2\n# end\n", may},
		"quoted across":       {"paths:\n" + items(20, "  /p%d:\n    x: \"a\n  /q: b\"\n"), may},
		"flow across":         {"paths:\n" + items(20, "  /p%d:\n    x: [a,\n  /q: b]\n"), may},
	}
	for name, c := range cases {
		for _, procs := range []int{2, 5} {
			got := compareSplit(t, name, []byte(c.text), procs)
			if got && c.want == never || !got && c.want == must {
				t.Errorf("%s: read in pieces %v", name, got)
			}
		}
	}
}

// TestYAMLSplitRandomTexts writes random trees (comments, anchors, quoted
// and literal scalars, flow collections) as the entries of a mapping under
// a top-level key, and reads each text in pieces and whole.
func TestYAMLSplitRandomTexts(t *testing.T) {
	g := randomTrees{r: rand.New(rand.NewPCG(3, 4)), odd: 1}
	split := 0
	const texts = 3000
	for i := range texts {
		big := &yaml.Node{Kind: yaml.MappingNode, Tag: TagMap}
		for j := range 5 + g.r.IntN(20) {
			big.Content = append(big.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: TagStr, Value: fmt.Sprintf("/p%d", j)}, g.node(1))
		}
		root := &yaml.Node{Kind: yaml.MappingNode, Tag: TagMap, Content: []*yaml.Node{
			g.scalar(), g.node(2),
			{Kind: yaml.ScalarNode, Tag: TagStr, Value: "paths"}, big,
			g.scalar(), g.node(2),
		}}
		text, err := dumpWhole(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}}, 2+i%3)
		if err != nil {
			continue
		}
		if compareSplit(t, "random text", text, 2+i%4) {
			split++
		}
		if t.Failed() {
			t.Logf("text:\n%s", text)
			break
		}
	}
	t.Logf("%d of %d texts read in pieces", split, texts)
	if split < texts/20 {
		t.Errorf("only %d of %d texts were read in pieces", split, texts)
	}
}
