package extensions

import (
	"strconv"
	"strings"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// ExtCORS is the name of the HTTP API CORS configuration.
const ExtCORS = "x-amazon-apigateway-cors"

// corsMethods are the methods an HTTP API CORS configuration may allow.
var corsMethods = []string{"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "*"}

// CORS is x-amazon-apigateway-cors: the CORS configuration of an HTTP API,
// answered by API Gateway itself for preflight requests.
type CORS struct {
	AllowOrigins     []Str `json:"allowOrigins,omitempty"`
	AllowCredentials *bool `json:"allowCredentials,omitempty"`
	ExposeHeaders    []Str `json:"exposeHeaders,omitempty"`
	// MaxAge is how long browsers cache preflight results, -1 to 86400 seconds.
	MaxAge       *int  `json:"maxAge,omitempty"`
	AllowMethods []Str `json:"allowMethods,omitempty"`
	AllowHeaders []Str `json:"allowHeaders,omitempty"`
	// Unknown holds keys API Gateway does not read, kept for writing back.
	Unknown Map[*yaml.Node] `json:"-"`
	src     *yaml.Node
}

func init() {
	register(&Spec{Name: ExtCORS, Places: AtRoot, HTTPOnly: true,
		Summary: "CORS configuration of an HTTP API.",
		decode:  func(d *decoder, n *yaml.Node, ptr string) Value { return d.cors(n, ptr) }})
}

// Extension implements Value.
func (*CORS) Extension() string { return ExtCORS }

// Node returns the node the value was decoded from, nil when built in Go.
func (c *CORS) Node() *yaml.Node { return c.src }

func (d *decoder) cors(n *yaml.Node, ptr string) *CORS {
	c := &CORS{src: n}
	if isIntrinsicObject(n) {
		return c
	}
	if !d.object(n, ptr, ExtCORS, []field{
		{"allowOrigins", func(v *yaml.Node, p string) { c.AllowOrigins = d.strList(v, p, "allowOrigins") }},
		{"allowCredentials", func(v *yaml.Node, p string) { c.AllowCredentials = d.boolean(v, p, "allowCredentials") }},
		{"exposeHeaders", func(v *yaml.Node, p string) { c.ExposeHeaders = d.strList(v, p, "exposeHeaders") }},
		{"maxAge", func(v *yaml.Node, p string) {
			c.MaxAge = d.integer(v, p, "maxAge", true)
			d.checkRange(v, p, "maxAge", c.MaxAge, -1, 86400)
		}},
		{"allowMethods", func(v *yaml.Node, p string) {
			c.AllowMethods = d.strList(v, p, "allowMethods")
			d.checkCORSMethods(v, p, c.AllowMethods)
		}},
		{"allowHeaders", func(v *yaml.Node, p string) { c.AllowHeaders = d.strList(v, p, "allowHeaders") }},
	}, &c.Unknown) {
		return c
	}
	if c.AllowCredentials != nil && *c.AllowCredentials {
		for i, o := range c.AllowOrigins {
			if o.IsLiteral() && o.Value == "*" {
				d.Add(diag.CORSCredentials, source.Resolve(source.Lookup(n, "allowOrigins")).Content[i], source.Pointer(source.Pointer(ptr, "allowOrigins"), strconv.Itoa(i)),
					"allowCredentials true cannot be combined with the wildcard origin \"*\"; list the allowed origins (https://example.com) or set allowCredentials false")
			}
		}
	}
	return c
}

// checkCORSMethods reports methods an HTTP API does not accept in allowMethods.
func (d *decoder) checkCORSMethods(n *yaml.Node, ptr string, ms []Str) {
	r := source.Resolve(n)
	for i, m := range ms {
		if !m.Known() || containsFold(corsMethods, m.Value) {
			continue
		}
		hint := ""
		if s := Suggest(m.Value, corsMethods); s != "" {
			hint = " (did you mean " + s + "?)"
		}
		d.Add(diag.UnknownValue, r.Content[i], source.Pointer(ptr, strconv.Itoa(i)), "allowMethods entry %q is not one of %s%s", m.Value, strings.Join(corsMethods, ", "), hint)
	}
}

// Encode implements Value.
func (c *CORS) Encode() *yaml.Node {
	if keepAsWritten(c.src) {
		return c.src
	}
	l := func(k string) *yaml.Node { return source.Lookup(c.src, k) }
	return encodeObject(c.src, []encField{
		{"allowOrigins", encStrList(l("allowOrigins"), c.AllowOrigins)},
		{"allowCredentials", encBool(l("allowCredentials"), c.AllowCredentials)},
		{"exposeHeaders", encStrList(l("exposeHeaders"), c.ExposeHeaders)},
		{"maxAge", encInt(l("maxAge"), c.MaxAge)},
		{"allowMethods", encStrList(l("allowMethods"), c.AllowMethods)},
		{"allowHeaders", encStrList(l("allowHeaders"), c.AllowHeaders)},
	}, c.Unknown)
}
