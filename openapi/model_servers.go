package openapi

import (
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// Info is the document's info object.
type Info struct {
	Title, Description, Version string
	Node                        *yaml.Node
}

// Server is one entry of OpenAPI 3's servers.
type Server struct {
	// URL is as written, with {variables}.
	URL string
	// Variables are the server variables with their defaults, in document order.
	Variables []ServerVariable
	Node      *yaml.Node
	Pointer   string
}

// ServerVariable is a server variable and its default.
type ServerVariable struct {
	Name, Default string
}

// serverVar matches a {variable} in a server URL.
var serverVar = regexp.MustCompile(`\{[^{}]*\}`)

// Expand returns the URL with every {variable} replaced by its default
// (an undefined variable becomes empty).
func (s *Server) Expand() string {
	return serverVar.ReplaceAllStringFunc(s.URL, func(m string) string {
		return s.Variable(m[1 : len(m)-1])
	})
}

// Variable returns the default of the variable name, or "".
func (s *Server) Variable(name string) string {
	for _, v := range s.Variables {
		if v.Name == name {
			return v.Default
		}
	}
	return ""
}

// resolveServers reads info, servers (OpenAPI 3) or host, basePath and
// schemes (Swagger 2.0).
func (d *Document) resolveServers() {
	info := source.Get(d.Root, "info")
	d.Info = Info{Title: scalarAt(info, "title"), Description: scalarAt(info, "description"), Version: scalarAt(info, "version"), Node: info}
	d.Servers = nil
	if d.Kind == Swagger2 {
		d.Host, d.BasePathAsWritten = scalarAt(d.Root, "host"), scalarAt(d.Root, "basePath")
		d.Schemes = scalarList(source.Get(d.Root, "schemes"))
		return
	}
	for i, s := range source.Items(source.Get(d.Root, "servers")) {
		srv := &Server{URL: scalarAt(s, "url"), Node: s, Pointer: source.PointerIndex(d.Pointer+"/servers", i)}
		source.Pairs(source.Get(s, "variables"), func(name string, v *yaml.Node) {
			srv.Variables = append(srv.Variables, ServerVariable{Name: name, Default: scalarAt(v, "default")})
		})
		d.Servers = append(d.Servers, srv)
	}
}

// BasePath returns the base path as API Gateway's import reads it:
// Swagger's basePath, or in OpenAPI 3 the first server's basePath variable,
// else its URL's path; "" or "/v1" (slashes trimmed). ok is false when the
// first server's URL cannot be parsed.
func (d *Document) BasePath() (path string, ok bool) {
	if d.Kind == Swagger2 {
		return cleanPath(d.BasePathAsWritten), true
	}
	if len(d.Servers) == 0 {
		return "", true
	}
	s := d.Servers[0]
	if slices.ContainsFunc(s.Variables, func(v ServerVariable) bool { return v.Name == "basePath" }) {
		return cleanPath(s.Variable("basePath")), true
	}
	u, err := url.Parse(s.Expand())
	if err != nil {
		return "", false
	}
	return cleanPath(u.Path), true
}

// ServerURL returns the URL clients call: Swagger's scheme (https unless
// only others are listed), host and basePath, or the first server's URL with
// its variables' defaults; "" when the document names none.
func (d *Document) ServerURL() string {
	if d.Kind == Swagger2 {
		if d.Host == "" {
			return ""
		}
		scheme := "https"
		if len(d.Schemes) > 0 && !slices.Contains(d.Schemes, "https") {
			scheme = d.Schemes[0]
		}
		return scheme + "://" + d.Host + d.BasePathAsWritten
	}
	if len(d.Servers) == 0 {
		return ""
	}
	return d.Servers[0].Expand()
}

// cleanPath trims slashes: "/base/part/" → "/base/part", "/" → "".
func cleanPath(p string) string {
	p = strings.Trim(p, "/")
	if p == "" {
		return ""
	}
	return "/" + p
}
