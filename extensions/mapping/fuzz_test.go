package mapping

import (
	"testing"

	"github.com/apigw/apigw/internal/shared"
)

// FuzzParse checks that no parser panics and that every problem points
// inside (or just past the end of) the string it is about. The seeds add
// every parameter mapping of the shared corpus.
func FuzzParse(f *testing.F) {
	seeds := [][2]string{
		{"integration.request.header.x", "method.request.body.a[0]['b'].c"},
		{"method.response.header.x", "integration.response.multivalueheader.y"},
		{"gatewayresponse.path.p", "'static"},
		{"append:header.x", "a ${request.header.y} ${"},
		{"overwrite:statuscode", "$response.body..x"},
		{"remove:querystring.q", "x"},
		{"", ""},
		{"integration.request.", "$context."},
	}
	seeds = append(seeds, shared.Entries(f, "requestParameters", "responseParameters", "RequestParameters", "ResponseParameters")...)
	for _, s := range seeds {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, key, value string) {
		for ctx := RESTRequest; ctx <= WebSocketRequest; ctx++ {
			m, ps := Parse(ctx, key, value)
			_ = m.MethodRequestParams()
			_, _ = m.ResponseHeader()
			_ = m.IsStatic()
			for _, p := range ps {
				n := len(value)
				if p.Field == Key {
					n = len(key)
				}
				if p.Offset < 0 || p.Offset > n {
					t.Fatalf("%v %q=%q: offset %d outside 0..%d: %v", ctx, key, value, p.Offset, n, p)
				}
				if p.Message == "" || p.Code == "" {
					t.Fatalf("empty message or code: %v", p)
				}
			}
		}
	})
}
