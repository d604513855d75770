package vtl

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// benchTemplate is a typical response template: 30 lines reading a
// payload with $input.path, $input.json, $util and $context.
const benchTemplate = `#set($root = $input.path('$'))
#set($count = 0)
{
  "requestId": "$context.requestId",
  "source": "$context.identity.sourceIp",
  "stage": "$stageVariables.env",
  "total": $root.items.size(),
  "items": [
#foreach($item in $root.items)
#if($item.active)
#set($count = $count + 1)
    {
      "id": "$item.id",
      "name": "$util.escapeJavaScript($item.name)",
      "price": $item.price,
      "discounted": #if($item.price > 50)true#{else}false#end,
      "tags": $input.json("$.items[$foreach.index].tags"),
      "owner": "$item.owner.name.toUpperCase()",
      "link": "https://example.com/items/$util.urlEncode($item.id)"
    }#if($foreach.hasNext),#end

#end
#end
  ],
  "active": $count,
  "next": "$util.base64Encode($root.next)",
  "query": "$input.params('q')"
}
`

// benchBody is a JSON payload of about 100 KB.
func benchBody() string {
	var b strings.Builder
	b.WriteString(`{"next": "cursor-0042", "items": [`)
	for i := 0; b.Len() < 100_000; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, `{"id": "item-%04d", "name": "Item %d \"special\" édition", "price": %d.%02d, "active": %t, `+
			`"tags": ["t%d", "shared", "ü"], "owner": {"name": "owner %d", "email": "o%d@example.com"}, "notes": "line one\nline two"}`,
			i, i, i%97, i%100, i%3 != 0, i%7, i%11, i%11)
	}
	b.WriteString(`]}`)
	return b.String()
}

func benchInput(body string) Input {
	return Input{
		Body:           body,
		Query:          []Param{{"q", "search"}},
		Context:        NewContext(Param{"requestId", "r-1"}, Param{"identity.sourceIp", "203.0.113.7"}),
		StageVariables: []Param{{"env", "prod"}},
	}
}

// BenchmarkRender renders the template, parsed once, over the 100 KB body.
func BenchmarkRender(b *testing.B) {
	t, err := Parse("bench.vm", benchTemplate)
	if err != nil {
		b.Fatal(err)
	}
	body := benchBody()
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := t.Render(benchInput(body), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParse parses the template alone: checking a document parses
// every template it holds.
func BenchmarkParse(b *testing.B) {
	b.SetBytes(int64(len(benchTemplate)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("bench.vm", benchTemplate); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseAndRender parses and renders on every iteration, as the
// reference renderer does for each case.
func BenchmarkParseAndRender(b *testing.B) {
	body := benchBody()
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		t, err := Parse("bench.vm", benchTemplate)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := t.Render(benchInput(body), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReferenceRenderer times the Java engine (../shared/vtl's
// reference renderer: Velocity 1.7 in one JVM) on the same case. run.sh
// renders a file of cases in one JVM, building a fresh engine and parsing
// the template for each case. It is run with 1 case and with 101 identical
// cases; the difference divided by 100 is the time per render, reported
// as java-ns/render (JVM start-up and compilation cancel out; the JIT
// warms up over the 100 renders). It skips without java and Velocity.
func BenchmarkReferenceRenderer(b *testing.B) {
	if why := oracleAvailable(); why != "" {
		b.Skip(why)
	}
	c := oracleCase{ID: "bench", Template: benchTemplate, In: benchInput(benchBody())}
	line := caseJSON(c) + "\n"
	dir := b.TempDir()
	run := func(n int) time.Duration {
		file := filepath.Join(dir, fmt.Sprintf("cases-%d.jsonl", n))
		if err := os.WriteFile(file, []byte(strings.Repeat(line, n)), 0o644); err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		out, err := exec.Command(filepath.Join(sharedVTL, "run.sh"), file).Output()
		if err != nil || strings.Count(string(out), `"ok":true`) != n {
			b.Fatalf("reference renderer: %v %.200s", err, out)
		}
		return time.Since(start)
	}
	run(1) // compile the renderer
	one := run(1)
	many := run(101)
	per := (many - one) / 100
	want := renderCase(c)
	if !want.OK {
		b.Fatal(want.Error)
	}
	for b.Loop() {
	}
	// After the loop: b.Loop's first call deletes reported metrics.
	b.ReportMetric(float64(per.Nanoseconds()), "java-ns/render")
	b.ReportMetric(float64(one.Milliseconds()), "jvm-ms/batch-of-1")
}
