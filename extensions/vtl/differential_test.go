package vtl

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"
)

// TestDifferential renders (template, input) pairs with this package and
// with the reference renderer (real Velocity 1.7, ../shared/vtl) in one
// JVM run, and compares every output byte for byte (for a template that
// fails, both must fail). The pairs: every construct (testdata/
// constructs.txt), generated whitespace, expression, method and
// $input/$util cases, and every request and response template of
// ../shared/corpus/specs with bodies that exercise it.
func TestDifferential(t *testing.T) {
	if why := oracleAvailable(); why != "" {
		t.Skip(why)
	}
	var cases []oracleCase
	cases = append(cases, constructCases(t)...)
	cases = append(cases, whitespaceCases()...)
	cases = append(cases, expressionCases()...)
	cases = append(cases, methodCases()...)
	cases = append(cases, inputCases()...)
	cases = append(cases, soupCases()...)
	cases = append(cases, hashMapCases()...)
	cases = append(cases, corpusCases(t)...)
	want := runOracle(t, cases)
	agree, hashOnly := 0, 0
	bySource := map[string][3]int{}
	for _, c := range cases {
		got, w := renderCase(c), want[c.ID]
		src := c.ID[:strings.IndexByte(c.ID, '/')]
		n := bySource[src]
		n[1]++
		same := got.OK == w.OK && (!got.OK || got.Output == w.Output)
		if same {
			agree++
			n[0]++
			if !w.OK {
				n[2]++
			}
		} else if got.OK && w.OK && javaIdentityHash.ReplaceAllString(got.Output, "@HASH") == javaIdentityHash.ReplaceAllString(w.Output, "@HASH") {
			// Object.toString of arrays (and other objects without one)
			// prints an identity hash that changes from run to run.
			hashOnly++
			t.Logf("%s differs only in Java's identity hash: %q", c.ID, w.Output)
		} else if cause, known := knownDifferences[c.ID]; known {
			t.Logf("known difference %s (%s)", c.ID, cause)
		} else {
			t.Errorf("%s: template %q body %q\n reference: ok=%v %q %s\n vtl:       ok=%v %q %s",
				c.ID, c.Template, c.In.Body, w.OK, w.Output, w.Error, got.OK, got.Output, got.Error)
		}
		bySource[src] = n
	}
	var srcs []string
	for s := range bySource {
		srcs = append(srcs, s)
	}
	sort.Strings(srcs)
	for _, s := range srcs {
		n := bySource[s]
		t.Logf("%-12s %d/%d agree (%d of them fail in both)", s, n[0], n[1], n[2])
	}
	t.Logf("differential: %d pairs, %d agree byte for byte, %d differ only in Java's identity hash", len(cases), agree, hashOnly)
	if len(cases) < 1000 {
		t.Errorf("only %d pairs; the differential test needs at least 1000", len(cases))
	}
}

var javaIdentityHash = regexp.MustCompile(`@[0-9a-f]{1,8}\b`)

// knownDifferences lists pairs where this package knowingly differs from
// the reference renderer, with the cause.
var knownDifferences = map[string]string{}

// richInput is the request the construct cases render with: unicode,
// quotes, control characters, null, big numbers, nested objects.
func richInput() Input {
	return Input{
		Body: `{"name": "Zoë \"Z\" O'Brien", "id": 42, "price": 19.99, "big": 12345678901234, ` +
			`"huge": 123456789012345678901234567890, "precise": 3.14159265358979323846264, "flag": true, "none": null, ` +
			`"tags": ["a", "b/c", "ü"], "items": [{"id": 1, "name": "one", "qty": 2}, {"id": 2, "name": "two\nlines", "qty": 0}, ` +
			`{"id": 3, "name": "😀", "qty": -1}], "nested": {"deep": {"x": "y"}, "empty": {}, "list": []}, ` +
			`"html": "<a href=\"/x\">&amp;</a>", "ctrl": "tab\there\u0001\u2028end", "num_str": "123"}`,
		Path:   []Param{{"id", "42"}, {"proxy", "a/b c"}},
		Query:  []Param{{"q", "hello world"}, {"Signature", "x"}, {"empty", ""}},
		Header: []Param{{"Content-Type", "application/json"}, {"X-Custom", "Value é"}, {"accept", "*/*"}},
		Context: NewContext(Param{"requestId", "abc-123"}, Param{"identity.sourceIp", "203.0.113.1"},
			Param{"identity.userAgent", "curl/8"}, Param{"authorizer.principalId", "user1"},
			Param{"authorizer.claims.email", "a@b.c"}, Param{"stage", "prod"}, Param{"httpMethod", "POST"},
			Param{"resourcePath", "/items/{id}"}),
		StageVariables: []Param{{"env", "dev"}, {"url", "https://x.example/y?z=1"}, {"empty", ""}},
	}
}

// constructCases reads testdata/constructs.txt: sections "%% name", one
// template per line, except sections whose name starts with whitespace
// or crlf, which are one template each (crlf with CR LF line breaks).
func constructCases(t *testing.T) []oracleCase {
	data, err := os.ReadFile("testdata/constructs.txt")
	if err != nil {
		t.Fatal(err)
	}
	var cases []oracleCase
	section := ""
	var block []string
	flush := func() {
		if section == "" {
			return
		}
		if strings.HasPrefix(section, "whitespace") || strings.HasPrefix(section, "crlf") {
			tpl := strings.Join(block, "\n") + "\n"
			if strings.HasPrefix(section, "crlf") {
				tpl = strings.ReplaceAll(tpl, "\n", "\r\n")
			}
			cases = append(cases, oracleCase{ID: fmt.Sprintf("construct/%s", section), Template: tpl, In: richInput()})
		} else {
			for i, l := range block {
				if l == "" {
					continue
				}
				cases = append(cases, oracleCase{ID: fmt.Sprintf("construct/%s-%d", section, i), Template: l, In: richInput()})
			}
		}
		block = nil
	}
	for _, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		if strings.HasPrefix(line, "%% ") {
			flush()
			section = strings.TrimPrefix(line, "%% ")
			continue
		}
		block = append(block, line)
	}
	flush()
	// Two templates of one request share $context.
	chain := []string{
		"#set($context.responseOverride.status = 444)#set($context.responseOverride.header.foo = \"bar\")#set($context.requestOverride.path.p = $input.params('id'))ok",
		"$context.responseOverride.status|$context.responseOverride.header.foo|$context.requestOverride.path.p|$input.body",
	}
	cases = append(cases, oracleCase{ID: "construct/chain-0", Template: chain[0], In: richInput(), Chain: []chainStep{{Template: chain[1]}}})
	body := `{"b": 2}`
	cases = append(cases, oracleCase{ID: "construct/chain-1", Template: chain[0], In: richInput(), Chain: []chainStep{{Template: chain[1], Body: &body}}})
	return cases
}

// whitespaceCases combine directives with the blanks, text and line
// breaks around them, where Velocity 1.7 keeps or removes them.
func whitespaceCases() []oracleCase {
	rnd := rand.New(rand.NewPCG(1, 2))
	pre := []string{"", " ", "  ", "\t", "x", "x ", "\n", " \n ", "$v"}
	post := []string{"", " ", "\n", " \n", "\t\n", "\r\n", "\r", "x", " x\n", "\n\n"}
	pick := func(l []string) string { return l[rnd.IntN(len(l))] }
	forms := []func() string{
		func() string {
			return pick(pre) + "#if(true)" + pick(post) + "A" + pick(pre) + "#else" + pick(post) + "B" + pick(pre) + "#end" + pick(post) + "C"
		},
		func() string {
			return pick(pre) + "#if(false)" + pick(post) + "A" + pick(pre) + "#elseif(true)" + pick(post) + "B" + pick(pre) + "#{else}" + pick(post) + "C" + pick(pre) + "#{end}" + pick(post)
		},
		func() string {
			return "T" + pick(post) + pick(pre) + "#set($v = 1)" + pick(post) + pick(pre) + "#set( $w = 2 )" + pick(post) + "$v$w"
		},
		func() string {
			return pick(pre) + "#foreach($i in [1..2])" + pick(post) + pick(pre) + "$i" + pick(post) + pick(pre) + "#end" + pick(post) + "Z"
		},
		func() string {
			return pick(pre) + "#macro(mx $a)" + pick(post) + "<$a>" + pick(pre) + "#end" + pick(post) + pick(pre) + "#mx(1)" + pick(post) + "#mx( 2 )" + pick(post)
		},
		func() string {
			return "a" + pick(pre) + "## comment" + pick(post) + pick(pre) + "#* c *#" + pick(post) + pick(pre) + "#set($q = 1)" + pick(post) + "$q"
		},
		func() string {
			return pick(pre) + "#if(true)#set($x = 1)" + pick(post) + pick(pre) + "#set($y = 2)" + pick(post) + "#end" + pick(post) + "$x$y"
		},
		func() string {
			return pick(pre) + "#define($d)" + pick(post) + "D" + pick(post) + "#end" + pick(post) + pick(pre) + "$d" + pick(post)
		},
		func() string {
			return "#set($v = 'V')" + pick(pre) + "$v" + pick(post) + pick(pre) + "${v}" + pick(post) + pick(pre) + "$!v.length()" + pick(post)
		},
		func() string {
			return pick(pre) + "#if(true)" + pick(post) + pick(pre) + "#if(false)" + pick(post) + "n" + pick(pre) + "#end" + pick(post) + pick(pre) + "#end" + pick(post)
		},
	}
	var cases []oracleCase
	for i := 0; i < 400; i++ {
		tpl := forms[i%len(forms)]()
		cases = append(cases, oracleCase{ID: fmt.Sprintf("whitespace/%d", i), Template: tpl, In: Input{Body: `{"a": 1}`}})
	}
	return cases
}

// expressionCases evaluate generated expressions in #set and #if.
func expressionCases() []oracleCase {
	rnd := rand.New(rand.NewPCG(3, 4))
	atoms := []string{"1", "2", "0", "-3", "2.5", "0.0", "1e3", "\"s\"", "'q'", "\"\"", "true", "false", "$n", "$s", "$d",
		"$undefined", "[1, 2]", "{\"a\": 1}", "$l", "2147483647", "9223372036854775807", "$big", "$dec", "$neg", "$zero", "\"5\"", "$nul"}
	ops := []string{"+", "-", "*", "/", "%", "==", "!=", "<", ">", "<=", ">=", "&&", "||"}
	setup := "#set($n = 5)#set($s = \"str\")#set($d = 2.0)#set($l = [1, 2, 3])#set($big = $input.path('$.big'))" +
		"#set($dec = $input.path('$.dec'))#set($neg = -7)#set($zero = 0)#set($nul = $input.path('$.nul'))"
	body := `{"big": 123456789012345678901234567890, "dec": 1.2345678901234567890123, "nul": null}`
	var cases []oracleCase
	for i := 0; i < 500; i++ {
		a, b, op := atoms[rnd.IntN(len(atoms))], atoms[rnd.IntN(len(atoms))], ops[rnd.IntN(len(ops))]
		expr := a + " " + op + " " + b
		if i%5 == 0 {
			c := atoms[rnd.IntN(len(atoms))]
			expr = "(" + expr + ") " + ops[rnd.IntN(len(ops))] + " " + c
		}
		if i%7 == 0 {
			expr = "!" + a + " " + op + " " + b
		}
		var tpl string
		if i%2 == 0 {
			tpl = setup + "#set($r = " + expr + ")[$r]"
		} else {
			tpl = setup + "#if(" + expr + ")T#{else}F#end"
		}
		cases = append(cases, oracleCase{ID: fmt.Sprintf("expression/%d", i), Template: tpl, In: Input{Body: body}})
	}
	return cases
}

// methodCases call the Java methods templates use on strings, numbers,
// lists and maps, with arguments of several types.
func methodCases() []oracleCase {
	rnd := rand.New(rand.NewPCG(5, 6))
	recv := []string{"\"Hello, Wörld\"", "\"\"", "\"a,b,,c\"", "\"  x  \"", "\"😀a😀\"", "\"ABC\"", "\"123\"",
		"[1, \"b\", 3]", "[]", "{\"k\": \"v\", \"n\": 1}", "{}", "42", "2.5", "true", "$input.path('$.obj')", "$input.path('$.arr')"}
	calls := []string{"length()", "size()", "isEmpty()", "toString()", "hashCode()", "substring(1)", "substring(1, 3)",
		"substring(-1)", "indexOf(\"b\")", "indexOf(\",\", 2)", "lastIndexOf(\"o\")", "charAt(0)", "charAt(99)", "contains(\"a\")",
		"startsWith(\"H\")", "endsWith(\"d\")", "toUpperCase()", "toLowerCase()", "trim()", "replace(\",\", \";\")",
		"replaceAll(\"[aeiou]\", \"*\")", "replaceFirst(\"l+\", \"L\")", "matches(\"[A-Z]+\")", "split(\",\")", "split(\",\").size()",
		"equals(\"ABC\")", "equalsIgnoreCase(\"abc\")", "get(0)", "get(\"k\")", "get(5)", "contains(1)", "containsKey(\"k\")",
		"keySet()", "values()", "entrySet()", "add(\"z\")", "put(\"z\", 1)", "remove(0)", "remove(\"k\")", "intValue()",
		"doubleValue()", "longValue()", "compareTo(\"B\")", "compareTo(41)", "class", "class.name", "empty", "k", "n",
		"concat(\"!\")", "repeat(2)", "isBlank()", "strip()", "subList(0, 1)", "indexOf(1)", "toArray()", "iterator().next()",
		"getClass().getSimpleName()", "booleanValue()", "parseInt(\"7\")", "valueOf(3)", "join(\"+\", [1, 2])"}
	body := `{"obj": {"k": "v", "n": 1, "list": [1, 2]}, "arr": ["x", {"y": 1}, null]}`
	var cases []oracleCase
	for i := 0; i < 500; i++ {
		r, c := recv[rnd.IntN(len(recv))], calls[rnd.IntN(len(calls))]
		tpl := "#set($o = " + r + ")$o." + c + "|$o"
		cases = append(cases, oracleCase{ID: fmt.Sprintf("method/%d", i), Template: tpl, In: Input{Body: body}})
	}
	return cases
}

// inputCases exercise $input and $util over bodies and values with
// unicode, quotes, line breaks, control characters and null.
func inputCases() []oracleCase {
	bodies := []string{
		``, `{}`, `[]`, `null`, `"just a string"`, `not json`, `{"a": "x"`, `  {"a" : 1 }  `,
		`{"s": "Zoë \"q\" 'a' \\ / \n\t\r \u0000 \u001f \u007f \u2028 😀 \ud83d\ude00", "n": null, "t": true}`,
		`{"a": {"b": [{"c": 1}, {"c": 2.50}, {"c": -0.0}], "d": 1E3, "e": 1e-7, "f": 12345678901234567890, "g": -9007199254740993}}`,
		`{"list": [1, "two", null, [3], {"four": 4}], "empty": [], "obj": {}}`,
		`{"unicode": "日本語", "emoji": "🎉", "mixed": "a\u00e9b", "esc": "\/slash"}`,
		`{"dup": 1, "dup": 2, "x": {"dup": 3}}`,
		`{"deep": {"a": {"b": {"c": {"d": "e"}}}}}`,
		`[{"id": 1}, {"id": 2}]`,
	}
	exprs := []string{
		"$input.body", "$input.json('$')", "$input.path('$')", "$input.json('$.s')", "$input.path('$.s')",
		"$input.json('$.a.b')", "$input.path('$.a.b[1].c')", "$input.path('$.a.b[*].c')", "$input.json('$..c')",
		"$input.path('$.list')", "$input.json('$.list[4]')", "$input.path('$.list.length()')", "$input.json('$.n')",
		"$input.path('$.n')", "$input.path('$.missing.deeper')", "$input.json('$.a.d')", "$input.path('$.a.e')",
		"$input.path('$.a.f')", "$input.path('$.a.g')", "$input.json('$.unicode')", "$input.path('$.esc')",
		"$input.path('$.dup')", "$input.json('$.x')", "$input.path('$.deep.a.b.c.d')", "$input.path('$[0].id')",
		"$input.json('$[*].id')", "$input.path('$[-1]')", "$input.json(\"$['s','t']\")", "$input.path('$.obj.keySet()')",
		"$util.escapeJavaScript($input.body)", "$util.escapeJavaScript($input.path('$.s'))", "$util.urlEncode($input.body)",
		"$util.urlEncode($input.path('$.s'))", "$util.base64Encode($input.body)", "$util.base64Decode($util.base64Encode($input.path('$.unicode')))",
		"$util.parseJson($input.json('$'))", "$util.parseJson($input.body).size()", "$util.escapeJavaScript($input.json('$.list'))",
		"$util.urlDecode($util.urlEncode($input.body))", "$input.path('$').keySet()", "$input.path('$').entrySet()",
	}
	var cases []oracleCase
	for bi, b := range bodies {
		for ei, e := range exprs {
			if (bi+ei)%2 == 1 {
				continue
			}
			cases = append(cases, oracleCase{ID: fmt.Sprintf("input/%d-%d", bi, ei), Template: "[" + e + "]", In: Input{Body: b}})
		}
	}
	// Parameters, headers and stage variables with special characters.
	in := Input{
		Path:           []Param{{"id", "a/b c"}, {"q", "path wins"}},
		Query:          []Param{{"q", "query"}, {"x", "é \"quoted\" 'single'"}, {"x", "second"}},
		Header:         []Param{{"X-Header", "h1"}, {"x-header", "h2"}, {"Accept", "text/*"}, {"q", "header"}},
		StageVariables: []Param{{"b", "2"}, {"a", "1"}, {"url", "http://e/x?y=%20"}},
		Context:        NewContext(Param{"identity.sourceIp", "1.2.3.4"}, Param{"authorizer.claims.sub", "é"}, Param{"z", "last"}, Param{"a", "first"}),
	}
	for i, e := range []string{"$input.params('q')", "$input.params('id')", "$input.params('x')", "$input.params('X-HEADER')",
		"$input.params('accept')", "$input.params()", "$input.params().header.keySet()", "$input.params().querystring",
		"$stageVariables", "$stageVariables.keySet()", "$stageVariables.url", "$util.urlDecode($stageVariables.url)",
		"$context.keySet()", "$context.identity.sourceIp", "$context.authorizer.claims.sub", "$context.authorizer.claims.keySet()",
		"#foreach($k in $input.params().keySet())$k=#foreach($n in $input.params().get($k).keySet())$n:$input.params().get($k).get($n);#end#end",
		"#foreach($k in $context.keySet())$k,#end", "$util.escapeJavaScript($input.params('x'))"} {
		cases = append(cases, oracleCase{ID: fmt.Sprintf("input/params-%d", i), Template: e, In: in})
	}
	return cases
}

// corpusCases render every request and response template of the corpus
// with several bodies built from the paths, parameters and variables the
// template reads.
func corpusCases(t *testing.T) []oracleCase {
	dir := filepath.Join("..", "..", "..", "shared", "corpus", "specs")
	tpls := corpusTemplates(t, dir)
	var cases []oracleCase
	for i, tpl := range tpls {
		for j, in := range corpusInputs(tpl) {
			cases = append(cases, oracleCase{ID: fmt.Sprintf("corpus/%d-%d", i, j), Template: tpl, In: in})
		}
	}
	return cases
}

// corpusTemplates returns the distinct requestTemplates and
// responseTemplates values (OpenAPI extensions and CloudFormation
// properties alike), sorted.
func corpusTemplates(t testing.TB, dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Logf("corpus absent: %v", err)
		return nil
	}
	seen := map[string]bool{}
	for _, e := range entries {
		name := e.Name()
		if !(strings.HasSuffix(name, ".json") || strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml")) {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		var doc yaml.Node
		if yaml.Unmarshal(data, &doc) != nil {
			continue
		}
		collectTemplates(&doc, seen)
	}
	out := make([]string, 0, len(seen))
	for s := range seen {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

func collectTemplates(n *yaml.Node, seen map[string]bool) {
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			switch strings.ToLower(k.Value) {
			case "requesttemplates", "responsetemplates":
				if v.Kind == yaml.MappingNode {
					for j := 1; j < len(v.Content); j += 2 {
						s := v.Content[j]
						if s.Kind == yaml.ScalarNode && (s.Tag == "!!str" || s.Tag == "") && s.Style&yaml.TaggedStyle == 0 {
							seen[s.Value] = true
						}
					}
				}
			}
		}
	}
	for _, c := range n.Content {
		collectTemplates(c, seen)
	}
}

var (
	pathArg   = regexp.MustCompile(`\$input\.(?:path|json)\(\s*['"]([^'"]*)['"]\s*\)`)
	paramArg  = regexp.MustCompile(`\$input\.params\(\s*['"]([^'"]*)['"]\s*\)`)
	ctxVar    = regexp.MustCompile(`\$!?\{?context((?:\.[A-Za-z][A-Za-z0-9_-]*)+)`)
	stageVar  = regexp.MustCompile(`\$!?\{?stageVariables\.([A-Za-z][A-Za-z0-9_-]*)`)
	fieldName = regexp.MustCompile(`\.([A-Za-z_][A-Za-z0-9_]*)`)
)

// corpusInputs builds inputs for a template: an empty body, a non-JSON
// body, and JSON bodies holding every path it reads, with strings (with
// unicode, quotes and line breaks), numbers, null, and lists of objects
// carrying every field name the template mentions.
func corpusInputs(tpl string) []Input {
	var paths []string
	for _, m := range pathArg.FindAllStringSubmatch(tpl, -1) {
		paths = append(paths, m[1])
	}
	var fields []string
	for _, m := range fieldName.FindAllStringSubmatch(tpl, -1) {
		fields = append(fields, m[1])
	}
	leafs := []func(string) any{
		func(f string) any { return "v-" + f + " é \"q\" 'a'\n😀" },
		func(f string) any { return len(f) * 7 },
		func(f string) any { return nil },
		func(f string) any {
			var items []any
			for k := 0; k < 2; k++ {
				obj := map[string]any{}
				for _, fn := range fields {
					obj[fn] = fmt.Sprintf("%s%d", fn, k)
				}
				items = append(items, obj)
			}
			return items
		},
	}
	var ins []Input
	base := func() Input {
		var ps []Param
		for _, m := range paramArg.FindAllStringSubmatch(tpl, -1) {
			ps = append(ps, Param{m[1], m[1] + "-value/é"})
		}
		var ctx []Param
		for _, m := range ctxVar.FindAllStringSubmatch(tpl, -1) {
			ctx = append(ctx, Param{strings.TrimPrefix(m[1], "."), "ctx" + m[1]})
		}
		var sv []Param
		for _, m := range stageVar.FindAllStringSubmatch(tpl, -1) {
			sv = append(sv, Param{m[1], "stage-" + m[1]})
		}
		return Input{Query: ps, Header: ps, Context: NewContext(ctx...), StageVariables: sv}
	}
	for _, b := range []string{"", "not json"} {
		in := base()
		in.Body = b
		ins = append(ins, in)
	}
	for _, leaf := range leafs {
		in := base()
		doc := map[string]any{}
		for _, p := range paths {
			setPath(doc, p, leaf)
		}
		in.Body = orderedJSON(doc)
		ins = append(ins, in)
	}
	return ins
}

// setPath puts a leaf at a simple JSONPath ($.a.b[0].c) into doc.
func setPath(doc map[string]any, path string, leaf func(string) any) {
	path = strings.TrimPrefix(strings.TrimPrefix(path, "$"), ".")
	if path == "" {
		return
	}
	var names []string
	for _, part := range strings.Split(path, ".") {
		part, _, _ = strings.Cut(part, "[")
		if part == "" || strings.ContainsAny(part, "*$'\"()") {
			return
		}
		names = append(names, part)
	}
	m := doc
	for _, n := range names[:len(names)-1] {
		sub, ok := m[n].(map[string]any)
		if !ok {
			sub = map[string]any{}
			m[n] = sub
		}
		m = sub
	}
	last := names[len(names)-1]
	if _, exists := m[last]; !exists {
		m[last] = leaf(last)
	}
}

// orderedJSON writes a document with sorted keys (deterministic).
func orderedJSON(v any) string {
	switch x := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var b strings.Builder
		b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(jstr(k) + ": " + orderedJSON(x[k]))
		}
		b.WriteByte('}')
		return b.String()
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = orderedJSON(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case string:
		return jstr(x)
	case nil:
		return "null"
	}
	return fmt.Sprint(v)
}

// soupCases are random sequences of template fragments: they exercise
// the lexer's states, escapes and error paths in combinations nobody
// writes by hand.
func soupCases() []oracleCase {
	rnd := rand.New(rand.NewPCG(7, 8))
	frags := []string{"$", "#", "\\", "\\\\", "$a", "$!a", "${a}", "$!{a}", "$a.b", "$a.b()", "$a[0]", "$a.b(1, 'x')",
		"#if(", "#if($a)", ")", "#end", "#else", "#elseif(true)", "#set($a = 1)", "#set($a = [1, 2])", " ", "  ", "\n", "\t",
		"(", ")", "[", "]", "{", "}", "\"", "'", "##", "#*", "*#", "#[[", "]]#", ".", "x", "y.z", "#foreach($i in [1..2])",
		"#macro(m $p)", "#m()", "#m($a)", "!", "-", "1", "1.5", "#{if}(true)", "#{end}", "#{else}", "#set(", "=", ",", ":",
		"#break", "#stop", "#define($d)", "$d", "#@m()", "$foreach.index", "$velocityCount", "\\$a", "\\#if", "\\#end",
		"$$", "##\n", "#* c *#", "a#b", "$.", "$[", "$1", "#1", "#-", "true", "#set($b = \"s$a\")", "$b"}
	var cases []oracleCase
	for i := 0; i < 600; i++ {
		n := 2 + rnd.IntN(9)
		var b strings.Builder
		for j := 0; j < n; j++ {
			b.WriteString(frags[rnd.IntN(len(frags))])
		}
		tpl := strings.NewReplacer(`\n`, "\n", `\t`, "\t").Replace(b.String())
		cases = append(cases, oracleCase{ID: fmt.Sprintf("soup/%d", i), Template: tpl, In: Input{Body: `{"b": 1}`}})
	}
	return cases
}

// hashMapCases print HashMaps of many keys, colliding ones included
// ("Aa" and "BB" share a hash code), whose order Java decides.
func hashMapCases() []oracleCase {
	var cases []oracleCase
	for _, n := range []int{1, 3, 7, 12, 13, 25, 49, 97} {
		var sv, ctx []Param
		for i := 0; i < n; i++ {
			sv = append(sv, Param{fmt.Sprintf("var%d", i*7919%1000), fmt.Sprint(i)})
			ctx = append(ctx, Param{fmt.Sprintf("key_%c%d", 'a'+rune(i%26), i), fmt.Sprint(i)})
		}
		sv = append(sv, Param{"Aa", "x"}, Param{"BB", "y"}, Param{"AaAa", "z"}, Param{"BBBB", "w"}, Param{"AaBB", "v"})
		in := Input{StageVariables: sv, Context: NewContext(ctx...), Query: sv, Path: sv[:n/2]}
		for j, tpl := range []string{"$stageVariables", "$stageVariables.keySet()", "$context.keySet()",
			"$input.params().querystring", "$input.params().path.keySet()",
			"#set($m = {})#foreach($p in $stageVariables.keySet())#set($_ = $m.put($p, 1))#end$m",
			"#set($h = $stageVariables)$h.remove('Aa')$h.put('Ab', 1)$h"} {
			cases = append(cases, oracleCase{ID: fmt.Sprintf("hashmap/%d-%d", n, j), Template: tpl, In: in})
		}
	}
	return cases
}
