package vtl

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// ERR marks a template whose render fails.
const ERR = "\x00error"

func unitInput() Input {
	return Input{
		Body:           `{"name": "Zoë", "n": 3, "items": [{"id": 1}, {"id": 2}], "none": null}`,
		Path:           []Param{{"id", "7"}},
		Query:          []Param{{"q", "x y"}},
		Header:         []Param{{"Accept", "*/*"}},
		Context:        NewContext(Param{"requestId", "r1"}, Param{"identity.sourceIp", "1.2.3.4"}),
		StageVariables: []Param{{"env", "dev"}},
	}
}

// TestConstructs checks each construct with outputs of Velocity 1.7 and
// the reference renderer (TestDifferential covers many more).
func TestConstructs(t *testing.T) {
	cases := []struct{ name, tpl, want string }{
		// references
		{"plain", "$input.params('id')", "7"},
		{"formal", "${input.body}x", "{\"name\": \"Zo\u00eb\", \"n\": 3, \"items\": [{\"id\": 1}, {\"id\": 2}], \"none\": null}x"},
		{"quiet", "$!nothing|$!{nothing}", "|"},
		{"undefined is empty", "[$nothing][$nothing.foo][$nothing.foo()][${nothing}]", "[][][][]"},
		{"missing property", "#set($m = {})[$m.a][$m.a.b]", "[][]"},
		{"dash in name", "#set($a-b = 1)$a-b $a - b", "1  - b"},
		{"no name", "$ 1 $. $[ \\$ x", "$ 1 $. $[ \\$ x"},
		{"method chain", "#set($s = 'ab')$s.toUpperCase().substring(1).length()", "1"},
		{"index", "#set($l = ['a', 'b'])$l[0]$l[-1] #set($m = {'k': 'v'})$m['k']", "abv"},
		{"bean getter", "#set($m = {'b': 1})$m.keySet() $m.entrySet().iterator().next().key $m.class.simpleName", "[b] b LinkedHashMap"},
		{"boolean property", "#set($l = [])$l.empty #set($s = '')$s.empty", "truetrue"},
		// escapes
		{"defined", "#set($a = 1)\\$a|\\\\$a|\\\\\\$a", "$a|\\1|\\$a"},
		{"undefined", "\\$b|\\\\$b|\\\\\\$b", "$b|\\|\\$b"},
		{"directives", "\\#if \\#end \\#set \\#foreach \\#foo \\\\#if(true)x#end", "#if #end #set #foreach \\#foo \\x"},
		{"macro names", "#macro(m)M#end\\#m()", "#m()"},
		// set
		{"value", "#set($a = 'x')#set($b = $a)#set($a = 'y')$b", "x"},
		{"null leaves the value", "#set($a = 1)#set($a = 1 / 0)$a", "1"},
		{"undefined sets empty", "#set($a = 1)#set($a = $nothing)[$a]", "[]"},
		{"property and index", "#set($m = {})#set($m.a = 1)#set($m['b'] = 2)$m #set($l = [0])#set($l[0] = 9)$l", "{a=1, b=2}[9]"},
		{"eats the line", "a\n  #set($x = 1)\nb\n#if(true)\n  #set($y = 2)\n#end\nc", "a\n  b\nc"},
		// if
		{"branches", "#foreach($x in [1, 2, 3])#if($x == 1)one#elseif($x == 2)two#{else}other#end;#end", "one;two;other;"},
		{"truthiness", "#if($nothing)u#end#if('s')s#end#if(0)z#end#if(true)t#end#if(!false)n#end", "utn"},
		{"null compares equal to empty", "#if($nothing == '')e#end#if($nothing == $null)n#end", "en"},
		{"mixed types", "#if(1 == 1.0)a#end#if('1' == 1)b#end#if(1 < 'x')c#end", "ab"},
		{"word operators", "#if(1 lt 2 and not false or false)w#end", "w"},
		// foreach
		{"variables", "#foreach($i in ['a', 'b'])$foreach.index$foreach.count$velocityCount$foreach.hasNext$velocityHasNext$foreach.first$foreach.last,#end", "011truetruetruefalse,122falsefalsefalsetrue,"},
		{"ranges", "#foreach($i in [3..1])$i#end #foreach($i in [$input.path('$.n')..5])$i#end", "321 345"},
		{"map values", "#foreach($v in {'a': 1, 'b': 2})$v#end", "12"},
		{"json array", "#foreach($it in $input.path('$.items'))$it.id#end", "12"},
		{"break", "#foreach($i in [1..5])$i#if($i == 2)#break#end#end", "12"},
		{"break outer", "#foreach($i in [1..3])#foreach($j in [1..3])$i$j,#break($foreach.parent)#end#end", "11,"},
		{"nested scopes", "#foreach($i in [1..2])#foreach($j in [1..2])$foreach.parent.count$foreach.count #end#end", "11 12 21 22 "},
		{"restores the variable", "#set($i = 'x')#foreach($i in [1])$i#end$i", "1x"},
		{"not iterable", "#foreach($i in 'text')x#end#foreach($i in $nothing)y#end.", "."},
		// stop
		{"stop", "a#stop b", "a"},
		{"stop in loop", "#foreach($i in [1..3])$i#if($i == 2)#stop#end#end c", "12"},
		// define
		{"lazy", "#define($d)[$x]#end#set($x = 1)$d#set($x = 2)$d", "[1][2]"},
		{"recursion stops", "#define($d)x$d#end$d", "xx$d"},
		// macro
		{"args", "#macro(pair $a $b)($a,$b)#end#pair(1 'two')#pair(1)", "(1,two)(1,)"},
		{"by name", "#macro(twice $v)$v$v#end#set($i = 0)#twice(\"$i\")", "00"},
		{"sets the caller's variable", "#macro(s $v)#set($out = $v)#end#s('o')$out", "o"},
		{"undefined call prints", "#nomacro(1) #nomacro", "#nomacro(1) #nomacro"},
		{"block macro", "#macro(tag $n)<$n>$bodyContent</$n>#end#@tag('b')bold#end", "<b>bold</b>"},
		{"depth limit", "#macro(r)#r()#end#r()", ERR},
		// comments
		{"line and block", "a## x\nb#* y *#c#** z *#d", "abcd"},
		{"literal block", "#[[ $x #if ]]#", " $x #if "},
		{"hash at end", "x##", "x"},
		// strings
		{"interpolation", "#set($a = 'A')#set($s = \"[$a ${a} $!b]\")$s", "[A A ]"},
		{"single quotes are literal", "#set($a = 'A')#set($s = '$a')$s", "$a"},
		{"doubled quotes", "#set($s = \"a\"\"b\")$s #set($t = 'c''d')$t", "a\"bc'd"},
		{"unicode escape", "#set($s = \"\\u00e9\\n\")$s", "\u00e9\\n"},
		{"directives inside", "#set($s = \"#if(true)yes#end\")$s", "yes"},
		// arithmetic
		{"integers", "#set($a = 7 / 2)$a #set($b = 7 % 3)$b #set($c = -7 / 2)$c", "31-3"},
		{"overflow", "#set($a = 2147483647 + 1)$a #set($b = 9223372036854775807 + 1)$b", "21474836489223372036854775808"},
		{"doubles", "#set($a = 0.1 + 0.2)$a #set($b = 1.0 / 3)$b #set($c = 1e10)$c #set($d = 100.0)$d #set($e = 0.00001)$e", "0.300000000000000040.33333333333333331.0E10100.01.0E-5"},
		{"division by zero", "#set($a = 5)#set($a = $a / 0)$a", "5"},
		{"string concatenation", "#set($a = 'x' + 1 + 2)$a #set($b = 1 + 2 + 'x')$b", "x123x"},
		{"json numbers", "#set($p = $input.path('$.n') * 1.5)$p", "4.5"},
		// string methods
		{"basic", "#set($s = ' Hello ')[$s.trim()] $s.length() $s.indexOf('l') $s.toLowerCase() $s.contains('ell')", "[Hello] 7 3  hello  true"},
		{"utf-16", "#set($s = 'a😀b')$s.length() $s.indexOf('b') $s.substring(3)", "4 3 b"},
		{"regex", "#set($s = 'a1b22')$s.replaceAll('[0-9]+', '#') $s.matches('[a-z0-9]+') $s.replaceFirst('(\\d)', '<$1>')", "a#b# true a<1>b22"},
		{"split", "#set($s = 'a,b,,c,,')#foreach($p in $s.split(','))[$p]#end $s.split(',').size()", "[a][b][][c] 4"},
		{"exception", "#set($s = 'abc')$s.substring(5)", ERR},
		// collections
		{"list", "#set($l = [1, 'b'])$l $l.size() $l.add(3) $l $l.contains('b') $l.get(0)", "[1, b] 2 true [1, b, 3] true 1"},
		{"map", "#set($m = {'b': 1, 'a': 2})$m $m.keySet() $m.put('c', 3) $m.containsKey('a') $m.remove('b') $m", "{b=1, a=2} [b, a]  true 1 {a=2, c=3}"},
		{"toString forms", "#set($m = {'l': [1, 2.5, true, 'x'], 'm': {}})$m", "{l=[1, 2.5, true, x], m={}}"},
		// input
		{"body", "$input.body", "{\"name\": \"Zo\u00eb\", \"n\": 3, \"items\": [{\"id\": 1}, {\"id\": 2}], \"none\": null}"},
		{"path", "$input.path('$.name') $input.path('$.items') $input.path('$.items[0]') $input.path('$.missing') $input.path('$.none')", "Zo\u00eb [{\"id\":1},{\"id\":2}] {id=1}  "},
		{"json", "$input.json('$.name') $input.json('$.items[0]') $input.json('$.missing')", "\"Zo\u00eb\" {\"id\":1} \"\""},
		{"params", "$input.params('id') $input.params('q') $input.params('accept') $input.params('nope') $input.params()", "7 x y */*  {path={id=7}, header={Accept=*/*}, querystring={q=x y}}"},
		// util
		{"escapeJavaScript", `$util.escapeJavaScript("it's ""q"" / \u00e9")`, `it\'s \"q\" \/ \u00E9`},
		{"url", "$util.urlEncode('a b&\u00e9') $util.urlDecode('a+b%26%C3%A9')", "a+b%26%C3%A9 a b&\u00e9"},
		{"base64", "$util.base64Encode('\u00e9') $util.base64Decode('w6k=')", "w6k= \u00e9"},
		{"parseJson", "#set($o = $util.parseJson('{\"a\": [1, {\"b\": null}]}'))$o $o.a[1]", "{a=[1,{\"b\":null}]} {b=null}"},
		// context
		{"variables", "$context.requestId $context.identity.sourceIp [$context.identity] [$context.nothing]", "r1 1.2.3.4 [] []"},
		{"overrides", "#set($context.responseOverride.status = 404)#set($context.responseOverride.header.X-Why = 'gone')$context.responseOverride.status", "404"},
		// stageVariables
		{"variables", "$stageVariables.env [$stageVariables.nothing] $stageVariables", "dev [] {env=dev}"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tpl, err := Parse("t.vm", c.tpl)
			if err != nil {
				if c.want != ERR {
					t.Fatalf("Parse(%q): %v", c.tpl, err)
				}
				return
			}
			out, err := tpl.Render(unitInput(), Options{})
			switch {
			case c.want == ERR && err == nil:
				t.Fatalf("Render(%q) = %q, want an error", c.tpl, out.Body)
			case c.want != ERR && err != nil:
				t.Fatalf("Render(%q): %v", c.tpl, err)
			case c.want != ERR && out.Body != c.want:
				t.Errorf("Render(%q)\n got %q\nwant %q", c.tpl, out.Body, c.want)
			}
		})
	}
}

func TestWhitespaceRules(t *testing.T) {
	cases := []struct{ name, tpl, want string }{
		{"closing parenthesis takes the line break", "#if(true)\nA\n#end\nB", "A\nB"},
		{"#end and #else take trailing blanks and the line break", "#if(false)x#else  \nY#end  \nZ", "YZ"},
		{"only one line break", "#if(true)\n\nA#end", "\nA"},
		{"blanks before a directive stay", "  #if(true)A#end", "  A"},
		{"#set takes the blanks before it at the start of a line", "#if(true)\n    #set($a = 1)\n$a#end", "1"},
		{"but not after text on the same line", "x  #set($a = 1)$a", "x  1"},
		{"nor after a line of text", "x\n  #set($a = 1)$a", "x\n  1"},
		{"after a reference it does", "#set($a = 1)$a #set($b = 2)$b", "12"},
		{"no line break to take", "#if(true)A#end B", "A B"},
		{"CR LF", "#if(true)\r\nA\r\n#end\r\nB", "A\r\nB"},
		{"comment takes its line", "A## note\nB", "AB"},
		{"block comment does not", "A#* x *#\nB", "A\nB"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := mustRender(t, c.tpl, Input{})
			if got != c.want {
				t.Errorf("%q renders %q, want %q", c.tpl, got, c.want)
			}
		})
	}
}

func mustRender(t *testing.T, src string, in Input) string {
	t.Helper()
	tpl, err := Parse("t.vm", src)
	if err != nil {
		t.Fatalf("Parse(%q): %v", src, err)
	}
	out, err := tpl.Render(in, Options{})
	if err != nil {
		t.Fatalf("Render(%q): %v", src, err)
	}
	return out.Body
}

func TestParseErrors(t *testing.T) {
	cases := []struct {
		src       string
		line, col int
		msg       string
	}{
		{"#if(true)\nno end", 1, 1, "#if is never closed: add #end"},
		{"a\n#end", 2, 1, "#end without an open #if"},
		{"#foreach($i in [1..2])\n  #else\n#end", 2, 3, "#else belongs to #if"},
		{"#set($a = )", 1, 11, `unexpected ")"`},
		{"#set(a = 1)", 1, 6, "#set needs a reference"},
		{"x\n  $a.b(1 + 2)", 2, 10, "cannot appear in method arguments"},
		{"price$", 1, 6, `the template ends with "$"`},
		{"#[[ open", 1, 9, "#[[ is never closed"},
		{"#macro()#end", 1, 1, "#macro needs a name"},
		{"#macro('m')#end", 1, 8, "must be the macro's name"},
		{"#foreach(foo in $l)x#end", 1, 10, `"foo" is not a valid argument of #foreach`},
		{"#define($a $b)x#end", 1, 1, "#define takes one reference"},
		{`#set($s = "\uZZ")`, 1, 11, `a \u escape in a string needs four hexadecimal digits`},
		{"é#if(", 1, 6, "write a value"},
		{strings.Repeat("#if(true)", 600), 1, 4487, "more than 500 deep"},
		{"#set($x = " + strings.Repeat("(", 1000) + "1" + strings.Repeat(")", 1000) + ")", 1, 260, "more than 500 deep"},
	}
	for _, c := range cases {
		_, err := Parse("bad.vm", c.src)
		var e *Error
		short := c.src
		if len(short) > 60 {
			short = short[:60] + "…"
		}
		if !errors.As(err, &e) {
			t.Errorf("Parse(%q) = %v, want a *vtl.Error", short, err)
			continue
		}
		if e.Line != c.line || e.Column != c.col || !strings.Contains(e.Message, c.msg) {
			t.Errorf("Parse(%q) = %d:%d %q, want %d:%d containing %q", short, e.Line, e.Column, e.Message, c.line, c.col, c.msg)
		}
		if want := "bad.vm:"; !strings.HasPrefix(e.Error(), want) {
			t.Errorf("Error() = %q, want the name first", e.Error())
		}
	}
}

func TestRenderErrors(t *testing.T) {
	tpl, err := Parse("r.vm", "ok\n  $input.path('$.name').substring(10)")
	if err != nil {
		t.Fatal(err)
	}
	_, err = tpl.Render(Input{Body: `{"name": "abc"}`}, Options{})
	var e *Error
	if !errors.As(err, &e) || e.Line != 2 || !strings.Contains(e.Message, "StringIndexOutOfBoundsException") {
		t.Fatalf("got %v, want a StringIndexOutOfBoundsException at line 2", err)
	}
	if errors.Is(err, ErrLimit) {
		t.Error("a Java exception is not a limit")
	}
}

func TestLimits(t *testing.T) {
	cases := []struct {
		name string
		src  string
		opts Options
	}{
		{"steps", "#foreach($i in [1..100000])#set($x = $i)#end", Options{MaxSteps: 10000}},
		{"iterations", "#foreach($i in [1..10])x#end", Options{MaxIterations: 5}},
		{"range size", "#set($r = [1..2000000000])", Options{}},
		{"output", "#foreach($i in [1..100])0123456789#end", Options{MaxOutput: 500}},
		{"string growth", "#set($s = 'x')#foreach($i in [1..40])#set($s = \"$s$s\")#end", Options{}},
		{"repeat", "#set($s = 'x')$s.repeat(2000000000)", Options{}},
		{"macro nesting", "#macro(r $n)#if($n > 0)#set($m = $n - 1)#r($m)#end#end#r(15)", Options{MaxDepth: 10}},
		{"evaluate recursion", "#set($s = '#evaluate($s)')#evaluate($s)", Options{}},
		{"a list inside itself, printed", "#set($a = [])#set($b = [$a])#set($x = $a.add($b))$a", Options{}},
		{"a map inside itself, hashed", "#set($a = {})#set($b = {'a': $a})#set($x = $a.put('a', $b))$a.hashCode()", Options{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tpl, err := Parse("l.vm", c.src)
			if err != nil {
				t.Fatal(err)
			}
			_, err = tpl.Render(Input{}, c.opts)
			if !errors.Is(err, ErrLimit) {
				t.Fatalf("got %v, want ErrLimit", err)
			}
		})
	}
}

func TestOverridesAndSharedContext(t *testing.T) {
	ctx := NewContext(Param{"requestId", "r-1"})
	req, err := Parse("request.vm", `#set($context.requestOverride.header.X-Trace = $context.requestId)`+
		`#set($context.requestOverride.querystring.page = 2)#set($context.requestOverride.path.id = "a b")`+
		`{"statusCode": 200}`)
	if err != nil {
		t.Fatal(err)
	}
	out, err := req.Render(Input{Context: ctx}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if out.Body != `{"statusCode": 200}` {
		t.Errorf("body %q", out.Body)
	}
	if !slices.Equal(out.RequestHeaders, []Param{{"X-Trace", "r-1"}}) || !slices.Equal(out.RequestQuery, []Param{{"page", "2"}}) ||
		!slices.Equal(out.RequestPath, []Param{{"id", "a b"}}) {
		t.Errorf("request overrides %v %v %v", out.RequestHeaders, out.RequestQuery, out.RequestPath)
	}
	resp, err := Parse("response.vm", `#set($context.responseOverride.status = 404)`+
		`#set($context.responseOverride.header.Retry-After = "30")#set($context.responseOverride.header.X-Trace = "$context.requestOverride.header.X-Trace")gone`)
	if err != nil {
		t.Fatal(err)
	}
	out, err = resp.Render(Input{Context: ctx}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if out.Status != "404" || out.Body != "gone" {
		t.Errorf("status %q body %q", out.Status, out.Body)
	}
	if !slices.Equal(out.Headers, []Param{{"X-Trace", "r-1"}, {"Retry-After", "30"}}) {
		t.Errorf("headers %v (Java's HashMap order)", out.Headers)
	}
	if got := ctx.Get("responseOverride.status"); got != "404" {
		t.Errorf("Context.Get = %q", got)
	}
	plain, _ := Parse("p.vm", "x")
	if out, _ := plain.Render(Input{}, Options{}); out.Status != "" || out.Headers != nil {
		t.Errorf("no override set, got %+v", out)
	}
}

func TestReads(t *testing.T) {
	tpl, err := Parse("r.vm", `#set($root = $input.path('$'))$input.json("$.a") $input.params('id') $input.params()`+
		`$context.identity.sourceIp.length() $context.requestOverride.header.put('a', 1) $stageVariables.env`+
		`$stageVariables['url'] $util.escapeJavaScript($input.body) #set($s = "$context.requestId") $root.x $input.path('$')`+
		`#macro(m)$context.stage#end`)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"$input.path('$')", `$input.json("$.a")`, "$input.params('id')", "$input.params()",
		"$context.identity.sourceIp", "$context.requestOverride.header", "$stageVariables.env", "$stageVariables['url']",
		"$util.escapeJavaScript", "$input.body", "$context.requestId", "$context.stage"}
	if got := tpl.Reads(); !slices.Equal(got, want) {
		t.Errorf("Reads() =\n%q\nwant\n%q", got, want)
	}
}

func TestHeadersAreCaseInsensitive(t *testing.T) {
	got := mustRender(t, "$input.params('content-type')|$input.params().header.get('CONTENT-TYPE')|$input.params().header",
		Input{Header: []Param{{"Content-Type", "a"}, {"X-B", "b"}, {"content-type", "c"}}})
	if want := "c|c|{Content-Type=c, X-B=b}"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestConcurrentRenders(t *testing.T) {
	tpl, err := Parse("c.vm", "#foreach($i in $input.path('$'))#set($x = $i * 2)$x,#end")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan string)
	for i := 0; i < 8; i++ {
		go func() {
			out, _ := tpl.Render(Input{Body: "[1, 2, 3]"}, Options{})
			done <- out.Body
		}()
	}
	for i := 0; i < 8; i++ {
		if got := <-done; got != "2,4,6," {
			t.Errorf("got %q", got)
		}
	}
}

// TestContextCloneIsNewContext: a clone with values set renders $context
// exactly as a context built with those values, iteration order included,
// for contexts large enough to be indexed and resized, and past the size
// from which clone looks entries up in a map.
func TestContextCloneIsNewContext(t *testing.T) {
	var base, want []Param
	for i := range 100 {
		name := fmt.Sprintf("k%02d", i)
		if i%5 == 0 {
			name = fmt.Sprintf("identity.k%02d", i)
		}
		base = append(base, Param{Name: name, Value: "base"})
		want = append(want, Param{Name: name, Value: fmt.Sprintf("v%d", i)})
	}
	c := NewContext(base...).Clone()
	for _, p := range want {
		c.Set(p.Name, p.Value)
	}
	tpl, err := Parse("t.vm", `#foreach($k in $context.keySet())$k=$context.get($k);#end|#foreach($k in $context.identity.keySet())$k=$context.identity.get($k);#end`)
	if err != nil {
		t.Fatal(err)
	}
	got, err := tpl.Render(Input{Context: c}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	exp, _ := tpl.Render(Input{Context: NewContext(want...)}, Options{})
	if got.Body != exp.Body {
		t.Errorf("clone renders\n%s\nfresh context\n%s", got.Body, exp.Body)
	}
}
