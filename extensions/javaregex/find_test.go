package javaregex

import (
	"bufio"
	"encoding/base64"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestFindJavaSemantics(t *testing.T) {
	cases := []struct {
		pattern, input, repl, want string
	}{
		// An empty match right after a non-empty one counts, as in Java.
		{`a*`, "baaac", "-", "-b--c-"},
		{`x*`, "abc", "-", "-a-b-c-"},
		{`(\w+)@(\w+)`, "me@host you@there", "$2 at $1", "host at me there at you"},
		{`(?<user>\w+)@`, "me@host", "${user} ", "me host"},
		{`a`, "aaa", `\$`, "$$$"},
		{`(a)(b)?`, "ab a", "[$2]", "[b] []"},
		{`(a)`, "a", "$11", "a1"},
		{`^`, "ab", "-", "-ab"},
		{`$`, "ab\n", "-", "ab-\n-"},
		{`(?m)^`, "a\nb", "-", "-a\n-b"},
		{`\b`, "ab cd", "|", "|ab| |cd|"},
		{`é`, "aébé", "E", "aEbE"},
	}
	for _, c := range cases {
		p := MustCompile(c.pattern)
		got, err := p.Replace(c.input, c.repl, -1)
		if err != nil || got != c.want {
			t.Errorf("%q.replaceAll(%q, %q) = %q, %v; want %q", c.input, c.pattern, c.repl, got, err, c.want)
		}
	}
	if _, err := MustCompile(`a`).Replace("a", "$2", -1); !errors.Is(err, ErrReplacement) {
		t.Errorf("$2 without a group 2: %v, want ErrReplacement", err)
	}
	if _, err := MustCompile(`a`).Replace("a", `x\`, -1); !errors.Is(err, ErrReplacement) {
		t.Errorf("trailing backslash: %v, want ErrReplacement", err)
	}
	if got, _ := MustCompile(`a`).Replace("aaa", "b", 1); got != "baa" {
		t.Errorf("replaceFirst = %q", got)
	}
	splits := []struct {
		pattern, input string
		limit          int
		want           []string
	}{
		{",", "a,b,,c,,", 0, []string{"a", "b", "", "c"}},
		{",", "a,b,,c,,", -1, []string{"a", "b", "", "c", "", ""}},
		{",", "a,b,c", 2, []string{"a", "b,c"}},
		{"", "abc", 0, []string{"a", "b", "c"}},
		{"x", "abc", 0, []string{"abc"}},
		{",", "", 0, []string{""}},
		{",", ",", 0, []string{}},
		{`\s+`, " a  b ", 0, []string{"", "a", "b"}},
	}
	for _, c := range splits {
		got, err := MustCompile(c.pattern).Split(c.input, c.limit)
		if err != nil || !slices.Equal(got, c.want) {
			t.Errorf("%q.split(%q, %d) = %q, %v; want %q", c.input, c.pattern, c.limit, got, err, c.want)
		}
	}
}

// findHarness prints, per line "pattern TAB input TAB replacement" (base64),
// replaceAll's result and split's pieces (base64), or "X" when Java throws.
const findHarness = `
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.util.*;
import java.util.regex.*;

public class FindHarness {
    public static void main(String[] args) throws Exception {
        Base64.Decoder d = Base64.getDecoder();
        Base64.Encoder e = Base64.getEncoder();
        BufferedReader in = new BufferedReader(new InputStreamReader(new FileInputStream(args[0]), StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(args[1]), StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] f = line.split("\t", -1);
            String p = new String(d.decode(f[0]), StandardCharsets.UTF_8);
            String s = new String(d.decode(f[1]), StandardCharsets.UTF_8);
            String r = new String(d.decode(f[2]), StandardCharsets.UTF_8);
            StringBuilder b = new StringBuilder();
            try { b.append(e.encodeToString(s.replaceAll(p, r).getBytes(StandardCharsets.UTF_8))); } catch (Exception ex) { b.append("X"); }
            try {
                b.append(" S");
                for (String x : s.split(p)) b.append(" ").append(e.encodeToString(("<" + x + ">").getBytes(StandardCharsets.UTF_8)));
            } catch (Exception ex) { b.append(" X"); }
            out.println(b);
        }
        out.close();
    }
}
`

// TestFindAgainstJava compares replaceAll and split with a real JVM.
func TestFindAgainstJava(t *testing.T) {
	java, err := exec.LookPath("java")
	if err != nil {
		t.Skip("java not installed")
	}
	patterns := []string{`a*`, `x*`, `,`, `\s*`, `\s+`, `(\w)(\w)?`, `^`, `$`, `(?m)^`, `(?m)$`, `\b`, `\B`, `(?<=a)`, `a|ab`,
		`.`, `(?s).`, `[aeiou]`, `(a)|b`, `\d+`, `(?i)A`, `"`, `\\`, `/`, `é`, `\R`, `(?=b)`, ``, `a{0,2}`, `a*?`}
	inputs := []string{"", "a", "abc", "baaac", "a,b,,c,,", "  a b  ", "ab\nba\n", "x\r\ny", "héllo wörld", "😀a😀", "a\"b\\c/d", "aaa"}
	repls := []string{"-", "[$0]", "<$1>", `\$`, "$"}
	type c struct{ p, s, r string }
	var cases []c
	for _, p := range patterns {
		for i, s := range inputs {
			cases = append(cases, c{p, s, repls[i%len(repls)]})
		}
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "FindHarness.java")
	if err := os.WriteFile(src, []byte(findHarness), 0o644); err != nil {
		t.Fatal(err)
	}
	enc := base64.StdEncoding
	var b strings.Builder
	for _, x := range cases {
		b.WriteString(enc.EncodeToString([]byte(x.p)) + "\t" + enc.EncodeToString([]byte(x.s)) + "\t" + enc.EncodeToString([]byte(x.r)) + "\n")
	}
	inFile, outFile := filepath.Join(dir, "in.txt"), filepath.Join(dir, "out.txt")
	if err := os.WriteFile(inFile, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(java, src, inFile, outFile).CombinedOutput(); err != nil {
		t.Fatalf("java: %v\n%s", err, out)
	}
	f, err := os.Open(outFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	i := 0
	for ; sc.Scan(); i++ {
		x := cases[i]
		p := MustCompile(x.p)
		if hasEmptyMatchInAstral(p, x.s) {
			continue // Java splits the surrogate pair; UTF-8 cannot hold half of one
		}
		var got strings.Builder
		if r, err := p.Replace(x.s, x.r, -1); err != nil {
			got.WriteString("X")
		} else {
			got.WriteString(enc.EncodeToString([]byte(r)))
		}
		got.WriteString(" S")
		parts, _ := p.Split(x.s, 0)
		for _, part := range parts {
			got.WriteString(" " + enc.EncodeToString([]byte("<"+part+">")))
		}
		if got.String() != sc.Text() {
			t.Errorf("pattern %q input %q replacement %q: got %q, Java %q", x.p, x.s, x.r, got.String(), sc.Text())
		}
	}
	if i != len(cases) {
		t.Fatalf("java answered %d of %d cases", i, len(cases))
	}
}

func hasEmptyMatchInAstral(p *Pattern, s string) bool {
	if !strings.ContainsFunc(s, func(r rune) bool { return r > 0xFFFF }) {
		return false
	}
	ms, _ := p.FindAll(s, -1)
	for _, m := range ms {
		if m[0] == m[1] {
			return true
		}
	}
	return false
}
