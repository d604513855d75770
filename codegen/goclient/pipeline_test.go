package goclient

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/apigw/apigw/openapi"
	"github.com/dave/jennifer/jen"
)

// TestFlushCutsLikeTheWholeList flushes after every declaration, as the
// generator does after every operation, and checks that the chunks hold the
// same declarations as when the whole list is flushed at the end.
func TestFlushCutsLikeTheWholeList(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 20 {
		n := 1 + rng.IntN(4*chunkSize)
		texts := rng.IntN(3) // 0: none, 1: a few runs, 2: many
		var decls []decl
		for i := range n {
			name := fmt.Sprintf("v%d", i)
			if texts > 0 && rng.IntN(10) < 2*texts {
				decls = append(decls, decl{names: []string{name}, text: "var " + name + " = " + fmt.Sprint(i)})
				continue
			}
			decls = append(decls, decl{names: []string{name}, code: []jen.Code{jen.Var().Id(name).Op("=").Lit(i)}})
		}
		each := &gen{opts: Options{Package: "x"}}
		for _, d := range decls {
			d.code = append([]jen.Code(nil), d.code...)
			each.out = append(each.out, d)
			each.flush(false)
		}
		// Only the last run can wait: a run of runtime declarations, or
		// fewer than chunkSize generated ones.
		last := len(decls) - 1
		for last > 0 && (decls[last-1].code == nil) == (decls[len(decls)-1].code == nil) {
			last--
		}
		if waiting := n - each.pipe.sent; waiting > n-last || (decls[n-1].code != nil && waiting >= chunkSize) {
			t.Fatalf("round %d: %d declarations wait for the end; the last run has %d", round, waiting, n-last)
		}
		whole := &gen{opts: Options{Package: "x"}, out: append([]decl(nil), decls...)}
		got, want := chunkNames(t, each), chunkNames(t, whole)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("round %d: flushing after each declaration cut\n%v\nthe whole list\n%v", round, got, want)
		}
		if len(want) < (n+chunkSize-1)/chunkSize {
			t.Fatalf("round %d: %d chunks for %d declarations", round, len(want), n)
		}
	}
}

var declaredName = regexp.MustCompile(`var (v\d+)`)

// chunkNames finishes g's pipeline and returns the variables each chunk
// declares, the runtime chunk left out.
func chunkNames(t *testing.T, g *gen) [][]string {
	t.Helper()
	chunks, _, err := g.finish()
	if err != nil {
		t.Fatal(err)
	}
	if err := g.pipe.wait(); err != nil {
		t.Fatal(err)
	}
	var out [][]string
	for _, c := range chunks[:len(chunks)-1] {
		var names []string
		for _, m := range declaredName.FindAllStringSubmatch(string(c.body), -1) {
			names = append(names, m[1])
		}
		out = append(out, names)
	}
	return out
}

// TestFailedRunStopsTheWorkers fails the generator after it has handed
// chunks to the pipeline and checks that abandoning it parses none of them
// and leaves no worker running.
func TestFailedRunStopsTheWorkers(t *testing.T) {
	var b strings.Builder
	b.WriteString("openapi: 3.0.1\ninfo: {title: T, version: \"1\"}\npaths:\n")
	for i := range 200 {
		fmt.Fprintf(&b, "  /p%d:\n    get:\n      operationId: op%d\n      responses: {\"200\": {description: ok}}\n", i, i)
	}
	b.WriteString("  /last:\n    get:\n      operationId: last\n      x-go-name: Op3\n      responses: {\"200\": {description: ok}}\n")
	docs, _, err := openapi.Load("doc.yaml", []byte(b.String()), openapi.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	std.once.Do(loadStd) // the importer's loader is not a worker
	before := runtime.NumGoroutine()
	g := newGen(docs[0], Options{Package: "x"})
	if err := g.run(); err == nil || !strings.Contains(err.Error(), "Op3") {
		t.Fatalf("run = %v, want the clash of x-go-name Op3", err)
	}
	g.pipe.abandon()
	if g.pipe == nil || len(g.pipe.chunks) < 2 {
		t.Fatal("the generator handed nothing to the pipeline before it failed")
	}
	for i, c := range g.pipe.chunks {
		if c.file != nil {
			t.Errorf("chunk %d was parsed after the generator failed", i)
		}
	}
	for deadline := time.Now().Add(5 * time.Second); runtime.NumGoroutine() > before; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("%d goroutines, %d before the run", runtime.NumGoroutine(), before)
		}
	}
}
