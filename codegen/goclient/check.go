package goclient

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
)

// stdPackages are the packages generated clients import.
var stdPackages = []string{"bytes", "context", "encoding/json", "fmt", "io", "net/http", "net/url", "strconv", "strings"}

// std is the standard library as the type checker sees it, shared by every
// Generate call of the process. The export data of the packages is located
// with one "go list -export" (importer.Default runs one per package); without
// a go command the packages are type-checked from source.
var std struct {
	once sync.Once
	mu   sync.Mutex
	imp  types.Importer
}

// startImporter starts loading the standard library in the background.
func startImporter() {
	go std.once.Do(loadStd)
}

// goCommand returns the go command run with args where it can neither
// reach the network nor be steered by the caller's module: in a new empty
// folder (no go.mod asking for another toolchain), with GOTOOLCHAIN=local,
// GOPROXY=off, no cgo (no C compiler started) and no GOFLAGS, GOWORK or go
// env file. Only the standard library is listed, which needs none of them.
// cleanup removes the folder.
func goCommand(args ...string) (cmd *exec.Cmd, cleanup func(), err error) {
	dir, err := os.MkdirTemp("", "apigw-golist-")
	if err != nil {
		return nil, nil, err
	}
	cmd = exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = goEnv()
	return cmd, func() { os.RemoveAll(dir) }, nil
}

// goEnv is the environment goCommand runs the go command in.
func goEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		switch k, _, _ := strings.Cut(kv, "="); k {
		case "GOTOOLCHAIN", "GOPROXY", "GOFLAGS", "GOWORK", "GOENV", "GONOSUMDB", "GOPRIVATE", "CGO_ENABLED":
		default:
			env = append(env, kv)
		}
	}
	return append(env, "GOTOOLCHAIN=local", "GOPROXY=off", "GOWORK=off", "GOENV=off", "CGO_ENABLED=0")
}

// goOutput runs the go command (see goCommand) and returns its output.
func goOutput(args ...string) ([]byte, error) {
	cmd, cleanup, err := goCommand(args...)
	if err != nil {
		return nil, err
	}
	defer cleanup()
	return cmd.Output()
}

func loadStd() {
	fset := token.NewFileSet()
	exports, err := stdExports(stdCacheFile(), goKey(), listStd)
	if err != nil {
		std.imp = importer.ForCompiler(fset, "source", nil)
		return
	}
	std.imp = importer.ForCompiler(fset, "gc", func(path string) (io.ReadCloser, error) {
		if f, ok := exports[path]; ok {
			return os.Open(f)
		}
		out, err := goOutput("list", "-export", "-f", "{{.Export}}", path)
		if err != nil {
			return nil, fmt.Errorf("locating %s: %w", path, err)
		}
		return os.Open(strings.TrimSpace(string(out)))
	})
	std.mu.Lock()
	defer std.mu.Unlock()
	for _, p := range stdPackages {
		std.imp.Import(p) // errors come back again when the checker asks
	}
}

type lockedImporter struct{}

func (lockedImporter) Import(path string) (*types.Package, error) {
	std.once.Do(loadStd)
	std.mu.Lock()
	defer std.mu.Unlock()
	return std.imp.Import(path)
}

// typeCheck type-checks the parsed chunks as one package. An error names the operation or schema whose declaration is
// wrong.
func (g *gen) typeCheck(fset *token.FileSet, chunks []*chunk) error {
	var files []*ast.File
	for _, c := range chunks {
		// Only file is read: the printer fills the other fields of the
		// chunks meanwhile. finish has reported any parse error.
		if c.file != nil {
			files = append(files, c.file)
		}
	}
	// The runtime file (the last chunk) goes first: its Client.do is then
	// the first of Client's methods, which every operation's call to it
	// finds at once rather than after the thousands of operations.
	if len(files) > 1 && chunks[len(chunks)-1].file == files[len(files)-1] {
		files = append(files[len(files)-1:], files[:len(files)-1]...)
	}
	var first error
	conf := types.Config{Importer: lockedImporter{}, Error: func(err error) {
		if first == nil {
			first = err
		}
	}}
	conf.Check(g.opts.Package, fset, files, nil)
	if first == nil {
		return nil
	}
	te, ok := first.(types.Error)
	if !ok {
		return &Error{Message: "the generated code does not type-check: " + first.Error()}
	}
	e := g.sourceOf(files, te.Pos)
	e.Message = fmt.Sprintf("the generated code does not type-check (%s); report this with the document", te.Msg)
	return e
}

// sourceOf finds the declaration around pos and the operation or schema it
// was generated for.
func (g *gen) sourceOf(files []*ast.File, pos token.Pos) *Error {
	name := ""
	for _, file := range files {
		for _, d := range file.Decls {
			if pos < d.Pos() || pos > d.End() {
				continue
			}
			name = declName(d)
		}
	}
	for _, d := range g.out {
		for _, n := range d.names {
			if n == name && d.src != nil {
				return &Error{Operation: d.src.Operation, Pointer: d.src.Pointer}
			}
		}
	}
	return &Error{}
}

// declName is the name of a top-level declaration; a method's is its
// receiver type's, except for Client's methods (the operations).
func declName(d ast.Decl) string {
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv != nil && len(d.Recv.List) > 0 {
			t := d.Recv.List[0].Type
			if s, ok := t.(*ast.StarExpr); ok {
				t = s.X
			}
			if id, ok := t.(*ast.Ident); ok && id.Name != "Client" {
				return id.Name
			}
		}
		return d.Name.Name
	case *ast.GenDecl:
		for _, s := range d.Specs {
			switch s := s.(type) {
			case *ast.TypeSpec:
				return s.Name.Name
			case *ast.ValueSpec:
				if len(s.Names) > 0 {
					return s.Names[0].Name
				}
			}
		}
	}
	return ""
}
