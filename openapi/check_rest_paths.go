package openapi

import (
	"slices"
	"strings"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
)

var restPathsCheck = &DocumentCheck{Name: "rest-paths", REST: true, Codes: []diag.Code{diag.PathSegment}, run: checkRESTPaths,
	Doc: "REST APIs: a resource's path part may hold only letters, digits and . _ - , : (documented limits of import), and a path parameter must be a whole segment ({id}, or {proxy+} as the last one). API Gateway cannot create such resources, and import warns and skips them. Each problem of a path is reported."}

func checkRESTPaths(p *pass) {
	for _, path := range p.doc.Paths() {
		if path == "/" || !strings.HasPrefix(path, "/") {
			continue // not a resource path, or OpenAPI validation's finding
		}
		ptr := p.doc.PointerTo(source.Pointer("/paths", path))
		for _, msg := range pathProblems(path) {
			p.Add(diag.PathSegment, p.keyAt(ptr), ptr, "path %q: %s", path, msg)
		}
	}
}

// pathProblems returns what is wrong with a REST resource path, each
// problem once.
func pathProblems(path string) []string {
	var out []string
	add := func(msg string) {
		if !slices.Contains(out, msg) {
			out = append(out, msg)
		}
	}
	segs := strings.Split(strings.TrimPrefix(path, "/"), "/")
	for i, seg := range segs {
		last := i == len(segs)-1
		switch {
		case seg == "":
			if !last { // a trailing slash is ignored
				add("an empty segment (//) cannot be a resource: remove the extra slash")
			}
		case strings.ContainsAny(seg, "{}"):
			if !strings.HasPrefix(seg, "{") || !strings.HasSuffix(seg, "}") || strings.Count(seg, "{") != 1 || strings.Count(seg, "}") != 1 {
				add("segment " + seg + " mixes a path parameter with text; a path parameter must be a whole segment: write /" + wholeParamHint(seg))
				continue
			}
			name := seg[1 : len(seg)-1]
			greedy := strings.HasSuffix(name, "+")
			name = strings.TrimSuffix(name, "+")
			if greedy && !last {
				add("the greedy parameter " + seg + " must be the last segment: move it to the end or write {" + name + "}")
			}
			if bad := badChars(name, "._-"); bad != "" {
				add("the path parameter name " + name + " has " + bad + ", which REST APIs do not allow: use letters, digits, '.', '_' and '-'")
			}
		default:
			if bad := badChars(seg, "._-,:"); bad != "" {
				add("segment " + seg + " has " + bad + ", which REST API resources do not allow: use letters, digits and . _ - , :")
			}
		}
	}
	return out
}

// wholeParamHint suggests a split of a segment such as "file{id}.json".
func wholeParamHint(seg string) string {
	i, j := strings.IndexByte(seg, '{'), strings.IndexByte(seg, '}')
	if i < 0 || j < i {
		return strings.NewReplacer("{", "", "}", "").Replace(seg)
	}
	var parts []string
	if i > 0 {
		parts = append(parts, seg[:i])
	}
	parts = append(parts, seg[i:j+1])
	if j+1 < len(seg) {
		parts = append(parts, seg[j+1:])
	}
	return strings.Join(parts, "/")
}

// badChars describes the characters of s outside letters, digits and extra.
func badChars(s, extra string) string {
	var bad []string
	for _, r := range s {
		if r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune(extra, r)) {
			continue
		}
		q := "'" + string(r) + "'"
		if r == ' ' {
			q = "a space"
		}
		if !slices.Contains(bad, q) {
			bad = append(bad, q)
		}
	}
	return strings.Join(bad, ", ")
}
