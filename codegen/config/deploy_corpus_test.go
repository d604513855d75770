package config

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"github.com/apigw/apigw/internal/golden"
	"github.com/apigw/apigw/openapi"
	"go.yaml.in/yaml/v4"
)

// corpusOutput is what each target makes of one corpus API.
type corpusOutput struct {
	name  string // file and resource, for messages
	slug  string // file-system name
	dump  *apimodel.Dump
	doc   *openapi.Document
	files map[string][]byte // target → file; absent when refused
	// refused says why a target wrote nothing (its errors).
	refused map[string][]diag.Diagnostic
	// warnings are CloudFormation's.
	warnings []diag.Diagnostic
}

// apiName returns the dump's API name.
func apiName(d *apimodel.Dump) string {
	if d.REST != nil {
		return d.REST.RestAPI.Name
	}
	return d.V2.API.Name
}

var corpusCache struct {
	once sync.Once
	outs []*corpusOutput
	err  error
}

// corpusOutputs renders every corpus document and template that imports
// without errors for CloudFormation, Terraform and Pulumi, once per test
// binary.
func corpusOutputs(t *testing.T) []*corpusOutput {
	t.Helper()
	specs, _ := filepath.Glob(filepath.Join(golden.Root(t), "..", "shared", "corpus", "specs", "*"))
	if len(specs) == 0 {
		t.Skip("no shared corpus")
	}
	// The fixtures the goldens render, and those with template properties
	// and intrinsic functions, are checked the same way.
	for _, f := range []string{"import/sam-properties.yaml", "config/sam-intrinsics.yaml", "apimodel/rest.json", "apimodel/http.json", "apimodel/websocket.json"} {
		specs = append(specs, golden.Fixture(t, f))
	}
	corpusCache.once.Do(func() { corpusCache.outs, corpusCache.err = renderCorpus(specs) })
	if corpusCache.err != nil {
		t.Fatal(corpusCache.err)
	}
	return corpusCache.outs
}

func renderCorpus(specs []string) ([]*corpusOutput, error) {
	var out []*corpusOutput
	for _, f := range specs {
		if strings.HasSuffix(f, ".json") && strings.Contains(filepath.ToSlash(f), "fixtures/apimodel/") {
			data, err := os.ReadFile(f)
			if err != nil {
				return nil, err
			}
			dump, _ := apimodel.Load(f, data)
			docs, _, _ := openapi.Load("x.yaml", []byte("openapi: 3.0.1\ninfo: {title: x, version: '1'}\npaths: {}\n"), openapi.LoadOptions{})
			docs[0].Model = dump
			out = append(out, renderOne(filepath.Base(f), len(out), dump, docs[0], Options{}))
			continue
		}
		for _, api := range importedAPIs([]string{f}, nil) {
			name := api.file
			if api.doc.Resource != "" {
				name += " " + api.doc.Resource
			}
			out = append(out, renderOne(name, len(out), api.dump, api.doc, Options{Template: templateOf(api.doc), Resource: api.doc.Resource}))
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no corpus API imported")
	}
	return out, nil
}

// renderOne renders one API for the three targets.
func renderOne(name string, i int, dump *apimodel.Dump, doc *openapi.Document, opts Options) *corpusOutput {
	o := &corpusOutput{name: name, slug: fmt.Sprintf("api%03d", i), dump: dump, doc: doc,
		files: map[string][]byte{}, refused: map[string][]diag.Diagnostic{}}
	for _, target := range []string{"cloudformation", "terraform", "pulumi"} {
		files, fdiags, err := Emit(target, dump, opts)
		if err != nil {
			panic(fmt.Sprintf("%s %s: %v", name, target, err))
		}
		if files == nil {
			o.refused[target] = fdiags
			continue
		}
		if target == "cloudformation" {
			o.warnings = fdiags
		}
		o.files[target] = files[0].Data
	}
	return o
}

// exportBytes writes an exported document as JSON.
func exportBytes(root *yaml.Node) ([]byte, error) { return source.WriteJSON(root) }

// TestCorpusRefusals: a target refuses an API only for an intrinsic
// function it has no counterpart for (APIGW580) or a value its provider
// rejects (APIGW583), never for another reason.
func TestCorpusRefusals(t *testing.T) {
	outs := corpusOutputs(t)
	counts := map[string]int{}
	for _, o := range outs {
		if _, ok := o.files["cloudformation"]; !ok {
			t.Errorf("%s: CloudFormation refused: %v", o.name, o.refused["cloudformation"])
		}
		for target, ds := range o.refused {
			counts[target]++
			for _, d := range ds {
				if d.Severity == diag.Error && d.Code != diag.ConfigIntrinsic && d.Code != diag.ConfigValue {
					t.Errorf("%s %s: %s", o.name, target, d)
				}
			}
			t.Logf("REFUSED %s %s: %s", target, o.name, firstMessage(ds))
		}
	}
	t.Logf("%d corpus APIs; refused: %v", len(outs), counts)
}

func firstMessage(ds []diag.Diagnostic) string {
	for _, d := range ds {
		if d.Severity == diag.Error {
			return d.Message
		}
	}
	return ""
}

// placeholderRE finds a placeholder an intrinsic function was once written
// as, in any output: "<Fn::GetAtt>", "<Ref>".
var placeholderRE = regexp.MustCompile(`<(Fn::[A-Za-z]+|Ref|Condition)>`)

// TestCorpusNoPlaceholders: no output holds a placeholder for an intrinsic
// function, and the Terraform and Pulumi outputs hold no CloudFormation
// function or pseudo parameter at all (each is translated or refused).
func TestCorpusNoPlaceholders(t *testing.T) {
	outs := corpusOutputs(t)
	checked := 0
	for _, o := range outs {
		for target, data := range o.files {
			checked++
			if m := placeholderRE.Find(data); m != nil {
				t.Errorf("%s %s: placeholder %s", o.name, target, m)
			}
			if target == "cloudformation" {
				continue
			}
			for _, bad := range []string{`"Fn::`, `"Ref"`, "${AWS::", "Fn::Sub", "Fn::GetAtt"} {
				if bytes.Contains(data, []byte(bad)) {
					t.Errorf("%s %s: holds %s", o.name, target, bad)
				}
			}
		}
	}
	t.Logf("%d outputs checked", checked)
}

// TestCorpusCloudFormationLint runs cfn-lint, once, over the CloudFormation
// written for every corpus API: no finding of level E.
func TestCorpusCloudFormationLint(t *testing.T) {
	lint, err := exec.LookPath("cfn-lint")
	if err != nil {
		t.Skip("cfn-lint is not installed")
	}
	outs := corpusOutputs(t)
	dir := t.TempDir()
	var files []string
	bySlug := map[string]string{}
	for _, o := range outs {
		data, ok := o.files["cloudformation"]
		if !ok {
			continue
		}
		f := filepath.Join(dir, o.slug+".json")
		if err := os.WriteFile(f, data, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
		bySlug[o.slug] = o.name
	}
	cmd := exec.Command(lint, append([]string{"--format", "parseable", "--"}, files...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	_ = cmd.Run() // cfn-lint exits non-zero with findings of any level
	levels := map[string]int{}
	for _, line := range strings.Split(stdout.String(), "\n") {
		parts := strings.SplitN(line, ":", 7)
		if len(parts) < 7 {
			continue
		}
		rule := parts[5]
		levels[rule[:1]]++
		if strings.HasPrefix(rule, "E") {
			slug := strings.TrimSuffix(filepath.Base(parts[0]), ".json")
			t.Errorf("%s: %s", bySlug[slug], line)
		}
	}
	if stdout.Len() == 0 && stderr.Len() > 0 {
		t.Fatalf("cfn-lint: %s", stderr.String())
	}
	t.Logf("cfn-lint over %d templates: findings by level %v", len(files), levels)
}

// tfPlugins is the folder holding the AWS provider (a registry.terraform.io
// mirror); APIGW_TF_PLUGINS names another.
func tfPlugins() string {
	if d := os.Getenv("APIGW_TF_PLUGINS"); d != "" {
		return d
	}
	return "/opt/tf-plugins"
}

// TestCorpusTerraformValidate runs terraform validate, once, over the
// Terraform written for every corpus API (each a module of one root, its
// variables given), with the AWS provider from the local mirror.
func TestCorpusTerraformValidate(t *testing.T) {
	tf, err := exec.LookPath("terraform")
	if err != nil {
		t.Skip("terraform is not installed")
	}
	if _, err := os.Stat(filepath.Join(tfPlugins(), "registry.terraform.io")); err != nil {
		t.Skip("no AWS provider mirror at " + tfPlugins())
	}
	outs := corpusOutputs(t)
	dir := t.TempDir()
	modules := map[string]any{}
	bySlug := map[string]string{}
	for _, o := range outs {
		data, ok := o.files["terraform"]
		if !ok {
			continue
		}
		if err := os.MkdirAll(filepath.Join(dir, o.slug), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, o.slug, "main.tf.json"), data, 0o644); err != nil {
			t.Fatal(err)
		}
		var main struct{ Variable map[string]any }
		if err := json.Unmarshal(data, &main); err != nil {
			t.Fatal(err)
		}
		mod := map[string]any{"source": "./" + o.slug}
		for v := range main.Variable {
			mod[v] = "x"
		}
		modules[o.slug] = mod
		bySlug[o.slug] = o.name
	}
	root, _ := json.MarshalIndent(map[string]any{"module": modules}, "", "  ")
	if err := os.WriteFile(filepath.Join(dir, "main.tf.json"), root, 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) []byte {
		cmd := exec.Command(tf, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1", "TF_CLI_CONFIG_FILE="+filepath.Join(dir, "none.tfrc"))
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		_ = cmd.Run()
		return append(out.Bytes(), errb.Bytes()...)
	}
	if out := run("init", "-backend=false", "-input=false", "-no-color", "-plugin-dir="+tfPlugins()); !bytes.Contains(out, []byte("successfully initialized")) {
		t.Fatalf("terraform init: %s", out)
	}
	if err := os.WriteFile(filepath.Join(dir, "none.tfrc"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	out := run("validate", "-json", "-no-color")
	var res struct {
		Valid       bool
		Diagnostics []struct {
			Severity, Summary, Detail string
			Range                     struct{ Filename string }
		}
	}
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("terraform validate: %v\n%s", err, out)
	}
	for _, d := range res.Diagnostics {
		slug := strings.Split(d.Range.Filename, "/")[0]
		if d.Severity == "error" {
			t.Errorf("%s (%s): %s: %s", bySlug[slug], d.Range.Filename, d.Summary, d.Detail)
		}
	}
	t.Logf("terraform validate over %d modules: valid %v, %d diagnostics", len(modules), res.Valid, len(res.Diagnostics))
}

// TestCorpusRoundTripThroughCloudFormation: OpenAPI → CloudFormation
// resources (this package) → the API read back from them → export →
// OpenAPI → import gives the API the document first imported to, for
// every corpus document that imports without errors. Left out of the
// comparison is what neither the resources nor a document can hold or
// what belongs to the import call: warnings, the version (no API Gateway
// resource has one), stages, tags and a name written as an intrinsic
// function (see comparableDump).
func TestCorpusRoundTripThroughCloudFormation(t *testing.T) {
	outs := corpusOutputs(t)
	checked := 0
	skipped := map[string]int{}
	for _, o := range outs {
		switch {
		case o.doc.Model != nil:
			skipped["an API written as resources (its CloudFormation is the input's kind)"]++
			continue
		case apiName(o.dump) == "":
			skipped["no API name: CloudFormation requires one, and config writes \"api\""]++
			continue
		case slices.ContainsFunc(o.warnings, func(d diag.Diagnostic) bool { return d.Code == diag.ConfigUnsupported }):
			skipped["a setting CloudFormation has no property for (APIGW581)"]++
			t.Logf("SKIPPED %s: %s", o.name, o.warnings[0].Message)
			continue
		}
		data := o.files["cloudformation"]
		docs, diags, err := openapi.Load(o.slug+".template.json", data, openapi.LoadOptions{})
		if err != nil || len(docs) != 1 || hasErrorDiag(diags) {
			t.Errorf("%s: the CloudFormation does not load as one API: %v %v", o.name, err, diags)
			continue
		}
		read, _ := openapi.Import(docs[0], openapi.ImportOptions{})
		kind := openapi.OpenAPI30
		if o.doc.Kind == openapi.Swagger2 {
			kind = openapi.Swagger2
		}
		root, _ := openapi.Export(read, openapi.ExportOptions{To: kind, Extensions: []string{"apigateway"}, Documentation: true})
		back, err := exportBytes(root)
		if err != nil {
			t.Fatal(err)
		}
		again, ldiags, err := openapi.Load(o.slug+".export.json", back, openapi.LoadOptions{API: o.doc.API})
		if err != nil || len(again) != 1 || hasErrorDiag(ldiags) {
			t.Errorf("%s: the export does not load: %v %v", o.name, err, ldiags)
			continue
		}
		second, _ := openapi.Import(again[0], openapi.ImportOptions{})
		a, b := comparableDump(t, o.dump), comparableDump(t, second)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: the API read back from its CloudFormation differs:\n%s", o.name, lineDiff(a, b))
			continue
		}
		checked++
	}
	t.Logf("%d corpus APIs came back the same through CloudFormation; skipped: %v", checked, skipped)
	if checked == 0 {
		t.Error("nothing round-tripped")
	}
}

// comparableDump is a dump without warnings, version, stages, deployments
// and tags, and with a name written as an intrinsic function as its text.
func comparableDump(t *testing.T, d *apimodel.Dump) []byte {
	t.Helper()
	c := *d
	if d.REST != nil {
		r := *d.REST
		api := *r.RestAPI
		api.Warnings, api.Version, api.Tags = nil, "", nil
		api.Intrinsics = dropKeys(api.Intrinsics, "name", "tags/")
		r.RestAPI, r.Stages, r.Deployments = &api, nil, nil
		c.REST = &r
	}
	if d.V2 != nil {
		v := *d.V2
		api := *v.API
		api.Warnings, api.ImportInfo, api.Tags = nil, nil, nil
		api.Intrinsics = dropKeys(api.Intrinsics, "Name", "Tags/")
		v.API, v.Stages = &api, nil
		c.V2 = &v
	}
	data, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func dropKeys(t apimodel.Intrinsics, keys ...string) apimodel.Intrinsics {
	out := apimodel.Intrinsics{}
	for k, v := range t {
		if !slices.ContainsFunc(keys, func(p string) bool { return k == p || strings.HasSuffix(p, "/") && strings.HasPrefix(k, p) }) {
			out[k] = v
		}
	}
	return out
}

// lineDiff shows the first differing line of two texts, with context.
func lineDiff(a, b []byte) string {
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := 0; i < max(len(al), len(bl)); i++ {
		x, y := "", ""
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			lo := max(0, i-4)
			return fmt.Sprintf("line %d:\n  first:  %s\n  second: %s", i+1, strings.Join(al[lo:min(i+1, len(al))], "\n          "), y)
		}
	}
	return ""
}
