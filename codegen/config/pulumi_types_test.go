package config

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/apimodel"
	"go.yaml.in/yaml/v4"
)

// TestCorpusPulumiTypes type-checks the Pulumi output for every corpus API
// against @pulumi/aws 7's own declarations: each resource of Pulumi.yaml
// becomes `new aws.<module>.<Type>(name, properties)` in TypeScript (an
// interpolation such as ${Api.id} is a string there, as Input<string>
// takes), and each provider function a variable invokes is looked up for
// the field it returns; tsc (from the registry, as the packages are)
// checks the property names and shapes (a list where a string is declared
// is an error, an unknown property too). The packages are fetched with
// npm pack into a temporary folder; without npm or the registry the test
// is skipped.
func TestCorpusPulumiTypes(t *testing.T) {
	if testing.Short() {
		t.Skip("fetches npm packages")
	}
	npm, err := exec.LookPath("npm")
	if err != nil {
		t.Skip("npm is not installed")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed")
	}
	outs := corpusOutputs(t)
	dir := t.TempDir()
	pack := exec.Command(npm, "pack", "--silent", "--pack-destination", dir, "@pulumi/aws@7", "@pulumi/pulumi@3", "typescript@5")
	pack.Dir = dir
	pack.Env = append(os.Environ(), "npm_config_cache="+filepath.Join(dir, "npm-cache"), "npm_config_update_notifier=false")
	if out, err := pack.CombinedOutput(); err != nil {
		t.Skipf("npm pack (the registry is needed): %v %s", err, out)
	}
	for pattern, into := range map[string]string{"pulumi-aws-*.tgz": "@pulumi/aws", "pulumi-pulumi-*.tgz": "@pulumi/pulumi", "typescript-*.tgz": "typescript"} {
		tgz, _ := filepath.Glob(filepath.Join(dir, pattern))
		if len(tgz) != 1 {
			t.Fatalf("npm pack gave %v for %s", tgz, pattern)
		}
		if err := untar(tgz[0], filepath.Join(dir, "node_modules", into)); err != nil {
			t.Fatal(err)
		}
	}
	var files []string
	bySlug := map[string]string{}
	for _, o := range outs {
		data, ok := o.files["pulumi"]
		if !ok {
			continue
		}
		ts, err := pulumiTS(data)
		if err != nil {
			t.Fatalf("%s: %v", o.name, err)
		}
		f := o.slug + ".ts"
		if err := os.WriteFile(filepath.Join(dir, f), []byte(ts), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
		bySlug[o.slug] = o.name
	}
	cfg, _ := json.Marshal(map[string]any{"compilerOptions": map[string]any{"strict": true, "noEmit": true, "skipLibCheck": true,
		"module": "commonjs", "target": "es2020", "moduleResolution": "node", "types": []string{}}, "files": files})
	if err := os.WriteFile(filepath.Join(dir, "tsconfig.json"), cfg, 0o644); err != nil {
		t.Fatal(err)
	}
	tsc := exec.Command(node, filepath.Join("node_modules", "typescript", "lib", "tsc.js"), "-p", "tsconfig.json")
	tsc.Dir = dir
	out, _ := tsc.CombinedOutput()
	errRE := regexp.MustCompile(`^(api\d+)\.ts\(\d+,\d+\): error`)
	for _, line := range strings.Split(string(out), "\n") {
		if m := errRE.FindStringSubmatch(line); m != nil {
			t.Errorf("%s: %s", bySlug[m[1]], line)
		} else if strings.Contains(line, "error TS") {
			t.Errorf("%s", line)
		}
	}
	t.Logf("tsc checked the Pulumi output of %d corpus APIs against @pulumi/aws 7", len(files))
}

// pulumiTS writes a Pulumi YAML program's resources as TypeScript against
// @pulumi/aws's declarations.
func pulumiTS(data []byte) (string, error) {
	var prog struct {
		Resources map[string]struct {
			Type       string
			Properties map[string]any
		}
		Variables map[string]map[string]map[string]any
	}
	if err := yaml.Unmarshal(data, &prog); err != nil {
		return "", err
	}
	var b strings.Builder
	modules := map[string]bool{}
	var body strings.Builder
	for _, name := range apimodel.SortedKeys(prog.Resources) {
		r := prog.Resources[name]
		parts := strings.Split(r.Type, ":") // aws:apigateway:RestApi
		if len(parts) != 3 || parts[0] != "aws" {
			return "", fmt.Errorf("resource %s: type %q", name, r.Type)
		}
		modules[parts[1]] = true
		props, err := json.Marshal(r.Properties)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(&body, "new %s.%s(%q, %s);\n", parts[1], parts[2], name, props)
	}
	for _, name := range apimodel.SortedKeys(prog.Variables) {
		inv := prog.Variables[name]["fn::invoke"]
		fn, _ := inv["function"].(string) // aws:getRegion, aws:cloudformation:getExport
		ret, _ := inv["return"].(string)
		parts := strings.Split(fn, ":")
		file := strings.Join(parts[1:], "/")
		typ := strings.ToUpper(parts[len(parts)-1][:1]) + parts[len(parts)-1][1:] + "Result"
		fmt.Fprintf(&body, "export type V%s = import(\"@pulumi/aws/%s\").%s[%q];\n", name, file, typ, ret)
	}
	for _, m := range apimodel.SortedKeys(modules) {
		fmt.Fprintf(&b, "import * as %s from \"@pulumi/aws/%s\";\n", m, m)
	}
	b.WriteString(body.String())
	return b.String(), nil
}

// untar extracts an npm package tarball (its files under package/) into dir.
func untar(path, dir string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return err
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		name, ok := strings.CutPrefix(filepath.ToSlash(h.Name), "package/")
		if !ok || h.Typeflag != tar.TypeReg || strings.Contains(name, "..") {
			continue
		}
		// Only declarations and the compiler are needed.
		if !strings.HasSuffix(name, ".d.ts") && !strings.HasSuffix(name, ".json") && !strings.HasPrefix(name, "lib/") {
			continue
		}
		target := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		var buf bytes.Buffer
		if _, err := io.Copy(&buf, io.LimitReader(tr, 64<<20)); err != nil {
			return err
		}
		if err := os.WriteFile(target, buf.Bytes(), 0o644); err != nil {
			return err
		}
	}
}
