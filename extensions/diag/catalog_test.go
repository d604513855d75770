package diag

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// moduleRoot is the module's root folder, seen from this package's folder.
var moduleRoot = filepath.Join("..", "..")

// codeID matches a code id wherever it is written.
var codeID = regexp.MustCompile(`APIGW\d{3}`)

// codeLiteral matches a Go string literal that is a code, or that writes one
// the way a finding does.
var codeLiteral = regexp.MustCompile("^[\"`]APIGW\\d{3}[\"`]$|\\[APIGW\\d{3}\\]")

// catalogSource is what the catalog_*.go files declare: the Code constants
// (Go name → id, in source order) and the Code of every Entry literal.
type catalogSource struct {
	consts  map[string]string
	order   []string
	docs    map[string]string // Go name → the constant's doc comment
	entries []string          // Go names used as Code: in Entry literals
}

func parseCatalog(t *testing.T) catalogSource {
	t.Helper()
	files, err := filepath.Glob("catalog_*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("no catalog files: %v", err)
	}
	src := catalogSource{consts: map[string]string{}, docs: map[string]string{}}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				if typ, ok := vs.Type.(*ast.Ident); !ok || typ.Name != "Code" {
					continue
				}
				for i, n := range vs.Names {
					lit, ok := vs.Values[i].(*ast.BasicLit)
					if !ok || lit.Kind != token.STRING {
						t.Errorf("%s: %s is not a string literal", fset.Position(vs.Pos()), n.Name)
						continue
					}
					id, _ := strconv.Unquote(lit.Value)
					if _, dup := src.consts[n.Name]; dup {
						t.Errorf("%s: %s is declared twice", fset.Position(n.Pos()), n.Name)
					}
					src.consts[n.Name] = id
					src.order = append(src.order, n.Name)
					src.docs[n.Name] = strings.TrimSpace(vs.Doc.Text())
				}
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			cl, ok := n.(*ast.CompositeLit)
			if !ok {
				return true
			}
			at, ok := cl.Type.(*ast.ArrayType)
			if !ok {
				return true
			}
			if elt, isIdent := at.Elt.(*ast.Ident); !isIdent || elt.Name != "Entry" {
				return true
			}
			for _, elt := range cl.Elts {
				inner, ok := elt.(*ast.CompositeLit)
				if !ok {
					continue
				}
				for _, field := range inner.Elts {
					kv, ok := field.(*ast.KeyValueExpr)
					if !ok {
						continue
					}
					if k, ok := kv.Key.(*ast.Ident); !ok || k.Name != "Code" {
						continue
					}
					if v, ok := kv.Value.(*ast.Ident); ok {
						src.entries = append(src.entries, v.Name)
					} else {
						t.Errorf("%s: an entry's Code is not a constant of the catalog", fset.Position(kv.Pos()))
					}
				}
			}
			return false
		})
	}
	return src
}

// TestCatalogNamesAndEntries checks that every constant has one id of its
// own, one entry, and a doc comment that repeats its title, and that every
// entry belongs to a constant.
func TestCatalogNamesAndEntries(t *testing.T) {
	src := parseCatalog(t)
	byID := map[string]string{}
	for _, name := range src.order {
		id := src.consts[name]
		if !regexp.MustCompile(`^APIGW\d{3}$`).MatchString(id) {
			t.Errorf("%s = %q is not APIGW followed by three digits", name, id)
		}
		if other, dup := byID[id]; dup {
			t.Errorf("%s and %s share the id %s", other, name, id)
		}
		byID[id] = name
	}
	count := map[string]int{}
	for _, name := range src.entries {
		count[name]++
		if _, ok := src.consts[name]; !ok {
			t.Errorf("an entry names %s, which is no Code constant of the catalog", name)
		}
	}
	for _, name := range src.order {
		switch count[name] {
		case 0:
			t.Errorf("%s (%s) has no catalog entry", name, src.consts[name])
		case 1:
		default:
			t.Errorf("%s has %d catalog entries", name, count[name])
		}
		e, ok := Lookup(Code(src.consts[name]))
		if !ok {
			t.Errorf("%s (%s) is not in Catalog()", name, src.consts[name])
			continue
		}
		if want := name + ": " + e.Title + "."; src.docs[name] != want {
			t.Errorf("doc comment of %s is %q, want %q", name, src.docs[name], want)
		}
	}
	if len(Catalog()) != len(src.order) {
		t.Errorf("Catalog() has %d entries, the source declares %d codes", len(Catalog()), len(src.order))
	}
}

// evidenceKinds are the ways an entry's Evidence may start (see evidence.go).
var evidenceKinds = []string{"Recorded: ", "Documented: ", "Reported: ", "Judgement: ", "Tool contract: "}

// TestCatalogEntriesComplete checks each entry's title, documentation and
// evidence, and that no default rests on judgement alone above a warning.
func TestCatalogEntriesComplete(t *testing.T) {
	for _, e := range Catalog() {
		if e.Title == "" || e.Doc == "" || e.Evidence == "" {
			t.Errorf("%s: Title, Doc and Evidence are all needed: %+v", e.Code, e)
			continue
		}
		if strings.HasSuffix(e.Title, ".") || strings.TrimSpace(e.Title) != e.Title || strings.Contains(e.Title, "\n") {
			t.Errorf("%s: title %q: one line, no trailing period", e.Code, e.Title)
		}
		if !sentenceCase(e.Title) {
			t.Errorf("%s: title %q is not in sentence case", e.Code, e.Title)
		}
		if !strings.HasSuffix(e.Doc, ".") || !strings.HasSuffix(e.Evidence, ".") {
			t.Errorf("%s: Doc and Evidence are sentences ending with a period", e.Code)
		}
		kind := ""
		for _, k := range evidenceKinds {
			if strings.HasPrefix(e.Evidence, k) {
				kind = k
			}
		}
		if kind == "" {
			t.Errorf("%s: evidence %q does not start with one of %q", e.Code, e.Evidence, evidenceKinds)
		}
		if kind == "Judgement: " && e.Severity > Warning {
			t.Errorf("%s: an error resting on judgement alone; without evidence the default is at most a warning", e.Code)
		}
		if strings.Contains(e.Evidence, "Judgement") && kind != "Judgement: " && e.Severity == Error {
			t.Errorf("%s: the severity of an error rests on judgement: %s", e.Code, e.Evidence)
		}
		if e.EvidenceSummary() == "" {
			t.Errorf("%s: no evidence summary", e.Code)
		}
	}
}

// sentenceCase accepts a title whose words after the first are not
// capitalised, except names: identifiers (connectionType, $ref), acronyms
// (HTTP, REST, JSON) and the product and OpenAPI names the catalog uses.
func sentenceCase(title string) bool {
	names := []string{"API", "APIs", "Gateway", "Java", "Go", "JavaScript", "PCRE", "OpenAPI", "Swagger", "YAML", "JSON", "UTF-8",
		"HTTP", "REST", "IAM", "Cognito", "CORS", "Lambda", "POST", "Schema", "Simulation:"}
	for i, w := range strings.Fields(title) {
		r := []rune(strings.Trim(w, "\"(),"))
		if len(r) == 0 || i == 0 || !unicode.IsUpper(r[0]) {
			continue
		}
		if slices.Contains(names, string(r)) || strings.ContainsFunc(string(r[1:]), unicode.IsUpper) || strings.ContainsAny(string(r), "0123456789-") {
			continue
		}
		return false
	}
	r := []rune(title)
	first := strings.Fields(title)[0]
	return unicode.IsUpper(r[0]) || !unicode.IsLetter(r[0]) || strings.ContainsFunc(first, unicode.IsUpper) || strings.ContainsAny(first, ":.")
}

// TestNoCodeLiterals fails when a non-test Go file outside this package
// writes a code id in a string literal: emission goes through the constants,
// so that a code is always one the catalog holds.
func TestNoCodeLiterals(t *testing.T) {
	here, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	seen := 0
	err = filepath.WalkDir(moduleRoot, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if abs, _ := filepath.Abs(path); abs == here || path != moduleRoot && strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		seen++
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			// A literal that is a code, or cites one as a finding does
			// ("[APIGW401]"), bypasses the catalog; help text and messages
			// may name codes as examples.
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING && codeLiteral.MatchString(lit.Value) {
				t.Errorf("%s: code written as a string literal %s; use the constant of package diag", fset.Position(lit.Pos()), lit.Value)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen < 50 {
		t.Fatalf("only %d Go files found below %s", seen, moduleRoot)
	}
}

// TestEveryCodeIsTested fails when a catalog code appears in no test
// expectation: no *_test.go file outside this package, no golden file and no
// fixture names it, by id or as diag.Name.
func TestEveryCodeIsTested(t *testing.T) {
	src := parseCatalog(t)
	here, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	var corpus strings.Builder
	err = filepath.WalkDir(moduleRoot, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if abs, _ := filepath.Abs(path); abs == here || path != moduleRoot && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		rel, _ := filepath.Rel(moduleRoot, path)
		rel = filepath.ToSlash(rel)
		if !strings.HasSuffix(path, "_test.go") && !strings.HasPrefix(rel, "golden/") && !strings.HasPrefix(rel, "fixtures/") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		corpus.Write(data)
		corpus.WriteByte('\n')
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	text := corpus.String()
	for _, name := range src.order {
		id := src.consts[name]
		if !strings.Contains(text, id) && !regexp.MustCompile(`\bdiag\.`+name+`\b`).MatchString(text) {
			t.Errorf("%s (%s) appears in no test, golden file or fixture: add a test that makes it emitted", id, name)
		}
	}
}
