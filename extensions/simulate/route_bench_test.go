package simulate

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/apigw/apigw/extensions/apimodel"
)

// routedDump is a REST API with n resources /r{i}/items/{id}, each a GET
// with a MOCK integration, like the generated benchmark documents; the
// response template reads nothing.
func routedDump(n int) *apimodel.Dump { return routedDumpWith(n, `{"ok": true}`) }

// routedDumpWith is routedDump with the response template given.
func routedDumpWith(n int, template string) *apimodel.Dump {
	rest := &apimodel.RestDump{RestAPI: &apimodel.RestAPI{ID: "api", Name: "bench"}}
	rest.Resources = append(rest.Resources, &apimodel.Resource{ID: "root", Path: "/"})
	for i := range n {
		m := &apimodel.Method{HTTPMethod: "GET", MethodIntegration: &apimodel.Integration{Type: "MOCK",
			RequestTemplates:     map[string]string{"application/json": `{"statusCode": 200}`},
			IntegrationResponses: map[string]*apimodel.IntegrationResponse{"200": {StatusCode: "200", ResponseTemplates: map[string]string{"application/json": template}}}},
			MethodResponses: map[string]*apimodel.MethodResponse{"200": {StatusCode: "200"}}}
		rest.Resources = append(rest.Resources, &apimodel.Resource{ID: fmt.Sprint("r", i), Path: fmt.Sprintf("/r%d/items/{id}", i),
			ResourceMethods: map[string]*apimodel.Method{"GET": m}})
	}
	return &apimodel.Dump{REST: rest}
}

// BenchmarkRouteLookup finds the route of the last resource among 1, 1,000
// and 10,000: the cost must not grow with the number of routes.
func BenchmarkRouteLookup(b *testing.B) {
	for _, n := range []int{1, 1000, 10000} {
		h := Handler(routedDump(n), HandlerOptions{}).(*handler)
		path := fmt.Sprintf("/r%d/items/42", n-1)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if rt, _ := h.router.find("GET", path); rt == nil {
					b.Fatal("no route")
				}
			}
		})
	}
}

// BenchmarkServe answers a MOCK request through the whole handler, with
// 1, 1,000 and 10,000 routes, beside a bare net/http handler that writes
// the same body, and with a template that reads the request.
func BenchmarkServe(b *testing.B) {
	body := []byte(`{"ok": true}`)
	bare := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(body)
	})
	cases := []struct {
		name string
		h    http.Handler
		n    int
	}{{"bare", bare, 1}}
	for _, n := range []int{1, 1000, 10000} {
		cases = append(cases, struct {
			name string
			h    http.Handler
			n    int
		}{fmt.Sprint(n), Handler(routedDump(n), HandlerOptions{}), n})
	}
	// A response template that reads the request is rendered every time.
	cases = append(cases, struct {
		name string
		h    http.Handler
		n    int
	}{"reads-request", Handler(routedDumpWith(1000, `{"ok": true, "id": "$input.params('id')", "requestId": "$context.requestId"}`), HandlerOptions{}), 1000})
	for _, c := range cases {
		req := httptest.NewRequest("GET", fmt.Sprintf("/r%d/items/42", c.n-1), nil)
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				w := httptest.NewRecorder()
				c.h.ServeHTTP(w, req)
				if w.Code != 200 {
					b.Fatalf("status %d", w.Code)
				}
			}
		})
	}
}
