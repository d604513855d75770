package openapi

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/apimodel"
)

// The strict comparison of apigw's import and export with outputs recorded
// against real API Gateway (LocalStack's AWS-validated snapshots). Every
// recorded field counts once: a field apigw leaves out, a field apigw adds
// and a value that differs are each a miss. LocalStack's placeholders
// ("<rest-id:1>", "<region>", "datetime", …) match any value of the right
// shape, and within one recorded test the same placeholder must stand for
// the same value and different placeholders for different values, as the
// recording's transformers guarantee.

// snapshotFile is the name of a LocalStack snapshot in the corpus.
func snapshotFile(suite string) string {
	return "localstack__localstack__tests__aws__services__apigateway__test_apigateway_" + suite + ".snapshot.json"
}

// loadSnapshot reads a snapshot: recorded outputs by test name (the part
// after "::"), skipping the test when the corpus is absent.
func loadSnapshot(t *testing.T, suite string) map[string]map[string]any {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(sharedDir(t), "corpus", "specs", snapshotFile(suite)))
	if err != nil {
		t.Skipf("%s snapshot not present", suite)
	}
	var snap map[string]struct {
		Recorded map[string]any `json:"recorded-content"`
	}
	if err := json.Unmarshal(data, &snap); err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]any{}
	for k, v := range snap {
		out[k[strings.LastIndex(k, "::")+2:]] = v.Recorded
	}
	return out
}

// tally counts the recorded fields of one or more outputs: compared is
// every field the recording holds plus every field apigw adds; matched is
// the recorded fields apigw reproduces exactly.
type tally struct {
	matched, compared int
	// misses lists each miss as "path: what".
	misses []string
	// bound maps a placeholder to the value it stands for, and back.
	bound, boundBy map[string]string
	// sortRequired sorts "required" lists as the recording did (SortingTransformer).
	sortRequired bool
}

func newTally() *tally { return &tally{bound: map[string]string{}, boundBy: map[string]string{}} }

// add merges the counts of o into t.
func (t *tally) add(o *tally) {
	t.matched += o.matched
	t.compared += o.compared
	t.misses = append(t.misses, o.misses...)
}

// percent returns matched/compared in percent.
func (t *tally) percent() float64 {
	if t.compared == 0 {
		return 100
	}
	return 100 * float64(t.matched) / float64(t.compared)
}

// transportKeys belong to the recording or the HTTP exchange, not to the API.
var transportKeys = map[string]bool{"ResponseMetadata": true}

// leaves counts the fields of v: a scalar, an empty object and an empty list are one field each.
func leaves(v any) int {
	switch x := v.(type) {
	case map[string]any:
		n := 0
		for k, e := range x {
			if !transportKeys[k] {
				n += leaves(e)
			}
		}
		return max(n, 1)
	case []any:
		n := 0
		for _, e := range x {
			n += leaves(e)
		}
		return max(n, 1)
	}
	return 1
}

func (t *tally) miss(path string, n int, format string, args ...any) {
	t.compared += n
	t.misses = append(t.misses, path+": "+fmt.Sprintf(format, args...))
}

// compare counts got against the recorded want; path names the place.
func (t *tally) compare(path string, got, want any) {
	if s, ok := got.(string); ok {
		if _, isStr := want.(string); !isStr && want != nil {
			// API Gateway returns templates, schemas and policies as JSON
			// text; the recording parsed them.
			var parsed any
			if json.Unmarshal([]byte(s), &parsed) == nil {
				got = parsed
			}
		}
	}
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			t.miss(path, leaves(w), "got %s, recorded an object", brief(got))
			return
		}
		if len(w) == 0 {
			t.empty(path, len(g) == 0, got, "{}")
		}
		for _, k := range apimodel.SortedKeys(w) {
			if transportKeys[k] {
				continue
			}
			gv, has := g[k]
			if !has {
				t.miss(path+"/"+k, leaves(w[k]), "missing, recorded %s", brief(w[k]))
				continue
			}
			t.compare(path+"/"+k, gv, w[k])
		}
		for _, k := range apimodel.SortedKeys(g) {
			if _, has := w[k]; !has && !transportKeys[k] {
				t.miss(path+"/"+k, leaves(g[k]), "got %s, not recorded", brief(g[k]))
			}
		}
	case []any:
		g, ok := got.([]any)
		if !ok {
			t.miss(path, leaves(w), "got %s, recorded a list", brief(got))
			return
		}
		if t.sortRequired && strings.HasSuffix(path, "/required") {
			g = slices.Clone(g)
			sort.Slice(g, func(a, b int) bool { return fmt.Sprint(g[a]) < fmt.Sprint(g[b]) })
		}
		if len(w) == 0 {
			t.empty(path, len(g) == 0, got, "[]")
		}
		for i := range w {
			if i >= len(g) {
				t.miss(fmt.Sprintf("%s/%d", path, i), leaves(w[i]), "missing, recorded %s", brief(w[i]))
				continue
			}
			t.compare(fmt.Sprintf("%s/%d", path, i), g[i], w[i])
		}
		for i := len(w); i < len(g); i++ {
			t.miss(fmt.Sprintf("%s/%d", path, i), leaves(g[i]), "got %s, not recorded", brief(g[i]))
		}
	case string:
		t.compared++
		g, ok := got.(string)
		if ok && t.matchString(w, g) {
			t.matched++
			return
		}
		t.misses = append(t.misses, fmt.Sprintf("%s: got %s, recorded %q", path, brief(got), w))
	default:
		t.compared++
		if got != nil && fmt.Sprint(got) == fmt.Sprint(want) {
			t.matched++
			return
		}
		t.misses = append(t.misses, fmt.Sprintf("%s: got %s, recorded %v", path, brief(got), want))
	}
}

// empty counts a recorded empty object or list (recorded), matched when got is empty too.
func (t *tally) empty(path string, isEmpty bool, got any, recorded string) {
	t.compared++
	if isEmpty {
		t.matched++
		return
	}
	t.misses = append(t.misses, path+": got "+brief(got)+", recorded "+recorded)
}

// brief renders v for a message.
func brief(v any) string {
	if v == nil {
		return "nothing"
	}
	b, _ := json.Marshal(v)
	if len(b) > 120 {
		return string(b[:117]) + "..."
	}
	return string(b)
}

// placeholderRE finds LocalStack placeholders in a recorded string: the
// numbered ones ("<rest-id:1>") and the few fixed ones; "<html>" in a
// template is text.
var placeholderRE = regexp.MustCompile(`<[a-z][a-z0-9-]*:\d+>|<(?:region|partition|account-id|model-base-url)>`)

// shapes are the values a placeholder may stand for, by its name.
var shapes = []struct {
	name  *regexp.Regexp
	value string
}{
	{regexp.MustCompile(`^(region)$`), `[a-z]{2}(?:-[a-z]+)+-\d`},
	{regexp.MustCompile(`^(partition)$`), `aws(?:-cn|-us-gov|-iso[a-z]*)?`},
	{regexp.MustCompile(`^(account-id)$`), `\d{12}`},
	{regexp.MustCompile(`^(model-base-url)$`), `https://apigateway(?:\.[a-z0-9-]+)*\.amazonaws\.com(?:\.cn)?`},
	{regexp.MustCompile(`(^|-)(id|cache-namespace)$`), `[a-z0-9]{6,10}`},
	{regexp.MustCompile(`(uri|credentials)$`), `(?:arn:|https?://)[^\s]+`},
	{regexp.MustCompile(`^name$`), `[^\n]+`},
}

// dateRE is a date as the CLI prints it (ISO 8601) or as epoch seconds.
var dateRE = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?|\d{9,10}(\.\d+)?)$`)

// matchString tells whether got matches the recorded want, binding placeholders.
func (t *tally) matchString(want, got string) bool {
	if want == "datetime" || want == "date" {
		// the recording's stand-in for any date
		return dateRE.MatchString(got)
	}
	if want == got && !placeholderRE.MatchString(want) {
		return true
	}
	locs := placeholderRE.FindAllStringIndex(want, -1)
	if len(locs) == 0 {
		return false
	}
	var re strings.Builder
	re.WriteString("^")
	var names []string
	last := 0
	for _, l := range locs {
		re.WriteString(regexp.QuoteMeta(want[last:l[0]]))
		ph := want[l[0]:l[1]]
		name := strings.Trim(ph, "<>")
		name, _, _ = strings.Cut(name, ":")
		shape := `.+?`
		for _, s := range shapes {
			if s.name.MatchString(name) {
				shape = s.value
				break
			}
		}
		re.WriteString("(" + shape + ")")
		names = append(names, ph)
		last = l[1]
	}
	re.WriteString(regexp.QuoteMeta(want[last:]) + "$")
	m := regexp.MustCompile(re.String()).FindStringSubmatch(got)
	if m == nil {
		return false
	}
	for i, ph := range names {
		v := m[i+1]
		if !strings.Contains(ph, ":") {
			continue // "<region>" and the like are not numbered: any value of the shape
		}
		if b, ok := t.bound[ph]; ok && b != v {
			return false
		}
		if b, ok := t.boundBy[v]; ok && b != ph {
			return false
		}
		t.bound[ph], t.boundBy[v] = v, ph
	}
	return true
}

// plain turns v into plain JSON values (maps, lists, strings, numbers).
func plain(v any) any {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		panic(err)
	}
	return out
}

func TestStrictComparison(t *testing.T) {
	for _, c := range []struct {
		got, want     string
		matched, cmpd int
	}{
		{`{"a":1,"b":[]}`, `{"a":1,"b":[]}`, 2, 2},
		{`{"a":1}`, `{"a":1,"b":[]}`, 1, 2},
		{`{"a":1,"c":{"d":"x","e":"y"}}`, `{"a":1}`, 1, 3},
		{`{"a":"abcdefghij","b":"abcdefghij"}`, `{"a":"<id:1>","b":"<id:1>"}`, 2, 2},
		{`{"a":"abcdefghij","b":"bbcdefghij"}`, `{"a":"<id:1>","b":"<id:1>"}`, 1, 2},
		{`{"a":"abcdefghij","b":"abcdefghij"}`, `{"a":"<id:1>","b":"<id:2>"}`, 1, 2},
		{`{"a":"not an id!"}`, `{"a":"<rest-id:1>"}`, 0, 1},
		{`{"r":"arn:aws:execute-api:eu-west-1:123456789012:abcdefghij/*"}`, `{"r":"arn:<partition>:execute-api:<region>:<account-id>:<id:1>/*"}`, 1, 1},
		{`{"d":"1970-01-01T00:00:00Z"}`, `{"d":"datetime"}`, 1, 1},
		{`{"d":"yesterday"}`, `{"d":"datetime"}`, 0, 1},
		{`{"t":"{\"statusCode\": 200}"}`, `{"t":{"statusCode":200}}`, 1, 1},
		{`{"l":[1,2,3]}`, `{"l":[1,2]}`, 2, 3},
		{`{"t":"<p>x</p>"}`, `{"t":"<p>y</p>"}`, 0, 1},
	} {
		var got, want any
		_ = json.Unmarshal([]byte(c.got), &got)
		_ = json.Unmarshal([]byte(c.want), &want)
		tl := newTally()
		tl.compare("", got, want)
		if tl.matched != c.matched || tl.compared != c.cmpd {
			t.Errorf("%s vs %s: %d/%d, want %d/%d (%v)", c.got, c.want, tl.matched, tl.compared, c.matched, c.cmpd, tl.misses)
		}
	}
}
