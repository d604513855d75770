package schema

import (
	"os/exec"
	"strings"
	"testing"
)

// TestExtensionsStayAlone checks that package extensions does not depend on
// invopop/jsonschema: the schema customisations live here, not there.
func TestExtensionsStayAlone(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go tool not found")
	}
	out, err := exec.Command(goTool, "list", "-deps", "github.com/apigw/apigw/extensions").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		if strings.HasPrefix(dep, "github.com/invopop/") || strings.HasPrefix(dep, "github.com/apigw/apigw/codegen") {
			t.Errorf("package extensions depends on %s", dep)
		}
	}
}
