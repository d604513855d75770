package javaregex

import (
	"bufio"
	"encoding/base64"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// harnessJava reads lines "base64(pattern) TAB base64(input)" ("-" for no
// input) and prints, per line, "E index base64(description)" when
// Pattern.compile throws, "M 0|1" for Matcher.matches(), or "X name" when
// matching throws.
const harnessJava = `
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.util.*;
import java.util.regex.*;

public class Harness {
    public static void main(String[] args) throws Exception {
        Base64.Decoder d = Base64.getDecoder();
        Base64.Encoder e = Base64.getEncoder();
        BufferedReader in = new BufferedReader(new InputStreamReader(new FileInputStream(args[0]), StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(new FileOutputStream(args[1]), StandardCharsets.UTF_8)));
        Map<String, Object> cache = new HashMap<>();
        String line;
        while ((line = in.readLine()) != null) {
            String[] f = line.split("\t", -1);
            String pat = new String(d.decode(f[0]), StandardCharsets.UTF_8);
            Object c = cache.get(pat);
            if (c == null) {
                try {
                    c = Pattern.compile(pat);
                } catch (PatternSyntaxException ex) {
                    c = "E " + ex.getIndex() + " " + e.encodeToString(ex.getDescription().getBytes(StandardCharsets.UTF_8));
                } catch (Throwable ex) {
                    c = "X " + ex.getClass().getSimpleName();
                }
                cache.put(pat, c);
            }
            if (c instanceof String) {
                out.println((String) c);
                continue;
            }
            if (f[1].equals("-")) {
                out.println("M -");
                continue;
            }
            String s = new String(d.decode(f[1]), StandardCharsets.UTF_8);
            try {
                out.println(((Pattern) c).matcher(s).matches() ? "M 1" : "M 0");
            } catch (Throwable ex) {
                out.println("X " + ex.getClass().getSimpleName());
            }
        }
        out.close();
    }
}
`

// javaResult is what the JVM said about one (pattern, input) pair.
type javaResult struct {
	compileErr bool
	index      int
	desc       string
	matched    bool
	exception  string
}

// runJava evaluates pairs with the installed JVM; it skips the test when
// java is absent. An empty input with noInput true only compiles.
func runJava(t *testing.T, pairs []pair) []javaResult {
	t.Helper()
	java, err := exec.LookPath("java")
	if err != nil {
		t.Skip("java not installed")
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "Harness.java")
	if err := os.WriteFile(src, []byte(harnessJava), 0o644); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	enc := base64.StdEncoding
	for _, p := range pairs {
		in := "-"
		if !p.noInput {
			in = enc.EncodeToString([]byte(p.input))
		}
		b.WriteString(enc.EncodeToString([]byte(p.pattern)) + "\t" + in + "\n")
	}
	inFile, outFile := filepath.Join(dir, "in.txt"), filepath.Join(dir, "out.txt")
	if err := os.WriteFile(inFile, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(java, "-Xss16m", src, inFile, outFile)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("java: %v\n%s", err, out)
	}
	f, err := os.Open(outFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var res []javaResult
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		switch fs[0] {
		case "E":
			idx, _ := strconv.Atoi(fs[1])
			desc := ""
			if len(fs) > 2 {
				d, _ := enc.DecodeString(fs[2])
				desc = string(d)
			}
			res = append(res, javaResult{compileErr: true, index: idx, desc: desc})
		case "M":
			res = append(res, javaResult{matched: fs[1] == "1"})
		default:
			res = append(res, javaResult{exception: strings.Join(fs[1:], " ")})
		}
	}
	if len(res) != len(pairs) {
		t.Fatalf("java answered %d of %d pairs", len(res), len(pairs))
	}
	return res
}

// pair is one differential test case.
type pair struct {
	pattern, input string
	noInput        bool
}
