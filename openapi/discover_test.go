package openapi

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/internal/golden"
	"github.com/apigw/apigw/internal/specgen"
)

func TestExtensionPlaces(t *testing.T) {
	docs, diags, err := LoadFile(golden.Fixture(t, "load/places.yaml"), LoadOptions{})
	if err != nil || len(docs) != 1 {
		t.Fatal(err, diags)
	}
	d := docs[0]
	var warned []string
	for _, l := range diagLines(diags) {
		if strings.Contains(l, string(diag.MisplacedExtension)) {
			warned = append(warned, l)
		}
	}
	want := []string{
		"5:3 warning APIGW040 /info/x-amazon-apigateway-request-validator",
		"12:5 warning APIGW040 /paths/~1pets~1{id}/x-amazon-apigateway-request-validator",
		"15:7 warning APIGW040 /paths/~1pets~1{id}/get/x-amazon-apigateway-request-validators",
		"19:11 warning APIGW040 /paths/~1pets~1{id}/get/responses/200/x-amazon-apigateway-request-validator",
		"37:7 warning APIGW040 /components/securitySchemes/key/x-amazon-apigateway-request-validator",
	}
	if strings.Join(warned, "\n") != strings.Join(want, "\n") {
		t.Errorf("misplaced warnings:\n%s\nwant:\n%s", strings.Join(warned, "\n"), strings.Join(want, "\n"))
	}
	for _, dg := range diags {
		if dg.Code == diag.MisplacedExtension && strings.HasSuffix(dg.Pointer, "/x-amazon-apigateway-request-validator") &&
			!strings.Contains(dg.Message, "which reads it at the document root or in an operation: move it there") {
			t.Errorf("message does not say where it belongs: %s", dg.Message)
		}
	}
	// Only the extensions where API Gateway reads them are kept.
	var got []string
	for _, e := range d.Extensions() {
		got = append(got, e.Pointer)
	}
	wantExt := []string{
		"/x-amazon-apigateway-request-validators",
		"/x-amazon-apigateway-request-validator",
		"/paths/~1pets~1{id}/get/x-amazon-apigateway-request-validator",
		"/paths/~1pets~1{id}/x-amazon-apigateway-any-method/x-amazon-apigateway-request-validator",
	}
	if strings.Join(got, "\n") != strings.Join(wantExt, "\n") {
		t.Errorf("extensions:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantExt, "\n"))
	}
	// Accessors.
	ops := d.Operations()
	if len(ops) != 3 || ops[0].Method != "GET" || ops[1].Method != "PUT" || ops[2].Method != "ANY" || ops[2].Key != anyMethod {
		t.Fatalf("operations: %+v", ops)
	}
	name := func(v extensions.Value) string {
		if n, ok := v.(*extensions.RequestValidatorName); ok {
			return n.Name
		}
		return "<none>"
	}
	if got := name(d.Operation("/pets/{id}", "get").Effective(extensions.ExtRequestValidator)); got != "all" {
		t.Errorf("GET validator %q, want its own (all)", got)
	}
	if got := name(d.Operation("/pets/{id}", "PUT").Effective(extensions.ExtRequestValidator)); got != "body" {
		t.Errorf("PUT validator %q, want the root's (body)", got)
	}
	if got := name(d.Operation("/pets/{id}", "PUT").Extension(extensions.ExtRequestValidator)); got != "<none>" {
		t.Errorf("PUT has no validator of its own, got %q", got)
	}
	if d.Operation("/pets/{id}", "post") != nil {
		t.Error("found an operation that does not exist")
	}
	vs, ok := d.Extension(extensions.ExtRequestValidators).(*extensions.RequestValidators)
	if !ok || len(vs.Validators) != 2 {
		t.Errorf("root validators: %#v", d.Extension(extensions.ExtRequestValidators))
	}
	if n := len(d.ExtensionsNamed(extensions.ExtRequestValidator)); n != 3 {
		t.Errorf("ExtensionsNamed found %d, want 3", n)
	}
	e := d.Extensions()[2]
	if e.Place != extensions.AtOperation || e.Path != "/pets/{id}" || e.Method != "GET" || e.Key.Line != 14 || e.Node.Value != "all" {
		t.Errorf("operation extension record: %+v", e)
	}
}

func TestUnknownAndMiscapitalisedExtensions(t *testing.T) {
	src := "openapi: 3.0.1\nx-amazon-apigateway-request-validatorz: all\npaths:\n  /a:\n    get:\n      X-Amazon-Apigateway-Request-Validator: all\n"
	_, diags, err := Load("u.yaml", []byte(src), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"2:41 warning APIGW105 /x-amazon-apigateway-request-validatorz",
		"6:46 warning APIGW105 /paths/~1a/get/X-Amazon-Apigateway-Request-Validator",
	} {
		if !hasDiag(diags, want) {
			t.Errorf("missing %s in %v", want, diagLines(diags))
		}
	}
}

func TestSecuritySchemeExtensionsSwagger(t *testing.T) {
	src := `{"swagger": "2.0", "securityDefinitions": {"key": {"type": "apiKey", "x-amazon-apigateway-request-validator": "x"}}, "components": {"x-amazon-apigateway-request-validator": "ignored: Swagger has no components"}}`
	docs, diags, err := Load("s.json", []byte(src), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !hasDiag(diags, "1:70 warning APIGW040 /securityDefinitions/key/x-amazon-apigateway-request-validator") ||
		!hasDiag(diags, "1:133 warning APIGW040 /components/x-amazon-apigateway-request-validator") {
		t.Errorf("diagnostics %v", diagLines(diags))
	}
	if docs[0].SecuritySchemeExtension("key", extensions.ExtRequestValidator) != nil {
		t.Error("a misplaced extension was kept")
	}
}

func TestAPIKindOfPlainDocuments(t *testing.T) {
	cases := []struct {
		src  string
		http bool
	}{
		{"openapi: 3.0.1\npaths: {}\n", false},
		{"openapi: 3.0.1\nx-amazon-apigateway-importexport-version: \"1.0\"\n", true},
		{"openapi: 3.0.1\nx-amazon-apigateway-cors: {allowOrigins: ['*']}\n", true},
		{"openapi: 3.0.1\ncomponents:\n  x-amazon-apigateway-integrations: {}\n", true},
		{"openapi: 3.0.1\npaths:\n  /a:\n    get:\n      x-amazon-apigateway-integration: {payloadFormatVersion: '2.0'}\n", true},
		{"openapi: 3.0.1\npaths:\n  /a:\n    x-amazon-apigateway-any-method:\n      x-amazon-apigateway-integration: {integrationSubtype: SQS-SendMessage}\n", true},
		{"openapi: 3.0.1\npaths:\n  /a:\n    get:\n      x-amazon-apigateway-integration: {type: aws_proxy}\n", false},
	}
	for _, c := range cases {
		docs, _, err := Load("h.yaml", []byte(c.src), LoadOptions{})
		if err != nil || len(docs) != 1 {
			t.Fatal(err)
		}
		if docs[0].HTTPAPI() != c.http {
			t.Errorf("%q: HTTPAPI = %v, want %v", c.src, docs[0].HTTPAPI(), c.http)
		}
	}
}

// TestDiscoverSideBySide: a paths object walked in runs side by side, and
// its operations resolved side by side, give what one walk gives: the same
// extensions, operations (with their own extensions, parameters and
// responses) and findings, in the same order.
func TestDiscoverSideBySide(t *testing.T) {
	var b strings.Builder
	b.WriteString("openapi: 3.0.1\ninfo: {title: T, version: \"1\"}\npaths:\n")
	for i := range 3 * pathsPerWorker {
		fmt.Fprintf(&b, "  /p%d:\n", i)
		if i%3 == 0 {
			fmt.Fprintf(&b, "    x-amazon-apigateway-request-validator: v%d\n", i) // misplaced
		}
		fmt.Fprintf(&b, "    get:\n      x-amazon-apigateway-request-validator: v%d\n", i)
		if i%2 == 0 {
			b.WriteString("      x-amazon-apigateway-integration: {type: mock, responses: {default: {statusCode: \"200\"}}}\n")
		}
		b.WriteString("      responses: {\"200\": {description: ok, x-amazon-apigateway-integration: {}}}\n")
		if i%5 == 0 {
			b.WriteString("    post:\n      responses: {\"200\": {description: ok}}\n")
		}
	}
	docs := map[string][]byte{"generated.yaml": []byte(b.String()), "specgen.json": specgen.JSON(300)}
	for _, name := range []string{"github-api.json", "stripe-spec3.json", "k8s-swagger.json"} {
		if data, err := os.ReadFile(filepath.Join(sharedDir(t), "bench", name)); err == nil {
			docs[name] = data
		}
	}
	walk := func(name string, data []byte, procs int) string {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		ds, diags, err := Load(name, data, LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		var out strings.Builder
		for _, d := range ds {
			for _, e := range d.Extensions() {
				fmt.Fprintln(&out, "ext", e.Place, e.Pointer)
			}
			for _, o := range slices.Concat(d.Operations(), d.branchOps) {
				fmt.Fprintln(&out, "op", o.Method, o.Path, o.Pointer, o.ID, o.Tags, o.HasSecurity, o.Consumes, o.Produces, o.Body != nil)
				for _, p := range o.Parameters {
					fmt.Fprintln(&out, "  param", p.In, p.Name, p.Pointer, p.At, p.Required)
				}
				for _, r := range o.Responses {
					fmt.Fprintln(&out, "  response", r.Status, r.Pointer, len(r.Headers), len(r.Content))
				}
				for _, e := range o.Extensions() {
					fmt.Fprintln(&out, "  ext", e.Pointer)
				}
			}
		}
		for _, dg := range diags {
			fmt.Fprintf(&out, "%+v\n", dg)
		}
		return out.String()
	}
	for name, data := range docs {
		one, side := walk(name, data, 1), walk(name, data, 4)
		if one != side {
			t.Errorf("%s: walked side by side:\n%s\nin one walk:\n%s", name, side, one)
		}
		if strings.Count(one, "\nop ") < 2*pathsPerWorker {
			t.Errorf("%s: %d operations, too few to be walked side by side", name, strings.Count(one, "\nop "))
		}
	}
}
