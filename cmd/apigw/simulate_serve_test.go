package main

import (
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/apigw/apigw/extensions/apimodel"
	"github.com/apigw/apigw/extensions/simulate"
	"github.com/apigw/apigw/internal/shared"
	"github.com/spf13/cobra"
)

// unrendered finds VTL left in a body: a template returned as written.
var unrendered = regexp.MustCompile(`\$!?\{?(?:input|context|util|stageVariables)\.|#(?:set|if|foreach|end)\b`)

// TestServeCorpusMocks serves every MOCK integration of the corpus (REST
// APIs imported as API Gateway imports them) with a request to a concrete
// path, and checks that each answers from its integration responses with
// rendered templates: no 403 or 501, no VTL left in a body, and the body
// the simulation of the same request gives.
func TestServeCorpusMocks(t *testing.T) {
	files := shared.CorpusFiles(t, "specs")
	param := regexp.MustCompile(`\{[^}/]+\}`)
	var served, rendered, failed int
	apis := map[string]bool{}
	for _, file := range files {
		src, err := loadSimSource(&cobra.Command{}, file, &apiFlag{})
		if err != nil || src.dump == nil || src.dump.REST == nil {
			continue
		}
		h := simulate.Handler(src.dump, simulate.HandlerOptions{})
		for _, res := range src.dump.REST.Resources {
			for _, method := range apimodel.SortedMethods(res) {
				m := res.ResourceMethods[method]
				if m == nil || m.MethodIntegration == nil || !strings.EqualFold(m.MethodIntegration.Type, "MOCK") {
					continue
				}
				path := strings.ReplaceAll(res.Path, "+}", "}/b")
				path = param.ReplaceAllString(path, "a")
				if method == "ANY" {
					method = "GET"
				}
				name := filepath.Base(file) + ": " + method + " " + res.Path
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, httptest.NewRequest(method, path, nil))
				served++
				apis[file] = true
				body := rec.Body.String()
				if rec.Code == 403 || rec.Code == 501 {
					t.Errorf("%s: %d %s", name, rec.Code, body)
					continue
				}
				if loc := unrendered.FindStringIndex(body); loc != nil {
					t.Errorf("%s: VTL left in the body at %d: %s", name, loc[0], body)
				}
				o, err := simulate.REST(m, src.binary, simulate.Result{}, simulate.Request{Context: simulate.DefaultContext(method, res.Path)})
				if err != nil {
					t.Errorf("%s: %v", name, err)
					continue
				}
				switch {
				case o.Failed:
					failed++
					t.Logf("%s: %s %s (%s)", name, o.StatusCode, o.Body, o.Notes[len(o.Notes)-1].Message)
				case o.Template != nil:
					rendered++
				}
				if o.Failed && rec.Code != 500 && rec.Code != 415 {
					t.Errorf("%s: served %d, the simulation fails: %v", name, rec.Code, o.Notes)
				}
			}
		}
	}
	t.Logf("served %d MOCK integrations of %d APIs: %d with a rendered response template, %d answering API Gateway's error", served, len(apis), rendered, failed)
	if served == 0 {
		t.Error("no MOCK integration found in the corpus")
	}
}
