package vtl

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// sharedVTL is the folder with the reference renderer and the recorded
// outputs, beside the repository.
const sharedVTL = "../../../shared/vtl"

// oracleCase is one (template, input) pair for the reference renderer.
type oracleCase struct {
	ID       string
	Template string
	In       Input
	// Chain renders more templates after the first with the same
	// $context; a step with a nil Body receives the previous output.
	Chain []chainStep
}

type chainStep struct {
	Template string
	Body     *string
}

type oracleResult struct {
	OK     bool   `json:"ok"`
	Output string `json:"output"`
	Error  string `json:"error"`
}

// oracleAvailable reports why the reference renderer cannot run, or "".
func oracleAvailable() string {
	if _, err := os.Stat(filepath.Join(sharedVTL, "run.sh")); err != nil {
		return sharedVTL + " is absent"
	}
	if _, err := exec.LookPath("java"); err != nil {
		return "java is not installed"
	}
	if _, err := os.Stat("/usr/share/java/velocity.jar"); err != nil {
		return "Velocity 1.7 (Debian package velocity) is not installed"
	}
	return ""
}

// runOracle renders all cases with the reference renderer in one JVM.
func runOracle(t testing.TB, cases []oracleCase) map[string]oracleResult {
	t.Helper()
	if why := oracleAvailable(); why != "" {
		t.Skip(why)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "cases.jsonl")
	var b strings.Builder
	for _, c := range cases {
		b.WriteString(caseJSON(c))
		b.WriteByte('\n')
	}
	if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(filepath.Join(sharedVTL, "run.sh"), file)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("reference renderer: %v\n%s", err, stderr.String())
	}
	res := map[string]oracleResult{}
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var line struct {
			Case string `json:"case"`
			oracleResult
		}
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatalf("reference renderer output %q: %v", sc.Text(), err)
		}
		res[line.Case] = line.oracleResult
	}
	if len(res) != len(cases) {
		t.Fatalf("reference renderer answered %d of %d cases", len(res), len(cases))
	}
	return res
}

// caseJSON writes a case in the reference renderer's format, keeping
// the order of names (it fills Java maps in that order).
func caseJSON(c oracleCase) string {
	var b strings.Builder
	b.WriteString(`{"id":` + jstr(c.ID) + `,"template":` + jstr(c.Template) + `,"body":` + jstr(c.In.Body))
	b.WriteString(`,"params":{"path":` + paramsJSON(c.In.Path) + `,"querystring":` + paramsJSON(c.In.Query) +
		`,"header":` + paramsJSON(c.In.Header) + `}`)
	ctx := c.In.Context
	if ctx == nil {
		ctx = NewContext()
	}
	b.WriteString(`,"context":` + contextJSON(ctx.m))
	b.WriteString(`,"stageVariables":` + paramsJSON(c.In.StageVariables))
	if len(c.Chain) > 0 {
		b.WriteString(`,"chain":[`)
		for i, s := range c.Chain {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`{"template":` + jstr(s.Template))
			if s.Body != nil {
				b.WriteString(`,"body":` + jstr(*s.Body))
			}
			b.WriteByte('}')
		}
		b.WriteByte(']')
	}
	b.WriteByte('}')
	return b.String()
}

func jstr(s string) string {
	out, _ := json.Marshal(s)
	return string(out)
}

func paramsJSON(ps []Param) string {
	var b strings.Builder
	b.WriteByte('{')
	for i, p := range ps {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(jstr(p.Name) + ":" + jstr(p.Value))
	}
	b.WriteByte('}')
	return b.String()
}

func contextJSON(m *jMap) string {
	var b strings.Builder
	b.WriteByte('{')
	for i, e := range m.entries {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(jstr(toString(e.key)) + ":")
		switch v := e.val.(type) {
		case *jMap:
			b.WriteString(contextJSON(v))
		case string:
			b.WriteString(jstr(v))
		default:
			b.WriteString(jstr(toString(v)))
		}
	}
	b.WriteByte('}')
	return b.String()
}

// renderCase renders a case with this package, chain included; errors
// come back as a result with OK false.
func renderCase(c oracleCase) oracleResult {
	ctx := c.In.Context
	if ctx == nil {
		ctx = NewContext()
	} else {
		ctx = &Context{m: cloneContext(ctx.m)}
	}
	in := c.In
	in.Context = ctx
	out, err := renderOne(c.Template, in)
	if err != nil {
		return oracleResult{Error: err.Error()}
	}
	for _, s := range c.Chain {
		step := in
		if s.Body != nil {
			step.Body = *s.Body
		} else {
			step.Body = out
		}
		if out, err = renderOne(s.Template, step); err != nil {
			return oracleResult{Error: err.Error()}
		}
	}
	return oracleResult{OK: true, Output: out}
}

func renderOne(src string, in Input) (string, error) {
	t, err := Parse("template", src)
	if err != nil {
		return "", err
	}
	out, err := t.Render(in, Options{})
	return out.Body, err
}

func cloneContext(m *jMap) *jMap {
	c := newMap(m.kind)
	for _, e := range m.entries {
		v := e.val
		if sub, ok := v.(*jMap); ok {
			v = cloneContext(sub)
		}
		c.put(e.key, v)
	}
	return c
}
