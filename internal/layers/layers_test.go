// Package layers holds the test that keeps the package layers of
// ../shared/DESIGN.md: data flows one way, and each library is imported only
// where it belongs.
package layers

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/apigw/apigw"

// forbidden lists, for packages under a prefix, import paths (prefixes) they must not depend on.
var forbidden = []struct {
	under string
	deps  []string
}{
	{module + "/extensions", []string{module + "/openapi", module + "/codegen", module + "/cmd",
		"github.com/getkin/kin-openapi", "github.com/dave/jennifer", "github.com/invopop/jsonschema"}},
	{module + "/openapi", []string{module + "/codegen", module + "/cmd", "github.com/dave/jennifer", "github.com/invopop/jsonschema"}},
	{module + "/codegen", []string{module + "/cmd"}},
	{module + "/internal", []string{module + "/cmd", module + "/codegen"}},
}

// standardOnly are packages at the bottom of the layers: besides the
// standard library they import only what is listed, so any package can use
// them (the code catalog, the mapping grammar, the source-tree layer).
var standardOnly = map[string][]string{
	module + "/extensions/diag":    nil,
	module + "/extensions/mapping": {module + "/extensions/diag"},
	module + "/extensions/source":  {module + "/extensions/diag", "go.yaml.in/yaml/v4"},
}

func TestLayers(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps=false", "-f", `{{.ImportPath}} {{join .Deps " "}}`, module+"/...").Output()
	if err != nil {
		t.Skipf("go list unavailable: %v", err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		pkg, deps := fields[0], fields[1:]
		if allowed, ok := standardOnly[pkg]; ok {
			for _, dep := range deps {
				if first, _, _ := strings.Cut(dep, "/"); strings.Contains(first, ".") && !slices.ContainsFunc(allowed, func(a string) bool { return dep == a || strings.HasPrefix(dep, a+"/") }) {
					t.Errorf("%s depends on %s; besides the standard library it may import only %v", pkg, dep, allowed)
				}
			}
		}
		for _, rule := range forbidden {
			if pkg != rule.under && !strings.HasPrefix(pkg, rule.under+"/") {
				continue
			}
			for _, dep := range deps {
				for _, bad := range rule.deps {
					if dep == bad || strings.HasPrefix(dep, bad+"/") {
						t.Errorf("%s depends on %s, which its layer must not use", pkg, dep)
					}
				}
			}
		}
	}
}

// allowedOnly lists packages that may import, of this module, only the
// packages named: they are meant to be used on their own.
var allowedOnly = map[string][]string{
	module + "/extensions/vtl": {module + "/extensions/javaregex", module + "/extensions/diag"},
}

func TestStandalonePackages(t *testing.T) {
	for pkg, allowed := range allowedOnly {
		out, err := exec.Command("go", "list", "-deps", pkg).Output()
		if err != nil {
			t.Skipf("go list unavailable: %v", err)
		}
		for _, dep := range strings.Fields(string(out)) {
			if dep == pkg || !strings.HasPrefix(dep, module+"/") {
				continue
			}
			ok := false
			for _, a := range allowed {
				ok = ok || dep == a || strings.HasPrefix(dep, a+"/")
			}
			if !ok {
				t.Errorf("%s depends on %s; it may use only %v of this module", pkg, dep, allowed)
			}
		}
	}
}
