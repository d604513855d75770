package openapi

import (
	"strings"

	"github.com/apigw/apigw/extensions/diag"
	"github.com/apigw/apigw/extensions/source"
	"go.yaml.in/yaml/v4"
)

// checkRESTPaths: a REST API resource's path part may hold only letters,
// digits and . _ - , : (documented limits of import), and a path parameter
// must be a whole segment ({id}, or {proxy+} as the last one). API Gateway
// cannot create such resources, and import warns and skips them.
func checkRESTPaths(c *checker) {
	if !c.rest() {
		return
	}
	k, paths := mapGet(c.doc.Root, "paths")
	if k == nil {
		return
	}
	pairs(paths, func(pk, _ *yaml.Node) {
		path := pk.Value
		if isExtKey(path) || path == "/" || !strings.HasPrefix(path, "/") {
			return // not a path, or OpenAPI validation's finding
		}
		if msg := pathProblem(path); msg != "" {
			c.Add(diag.PathSegment, pk, c.doc.PointerTo(source.Pointer("/paths", path)),
				"path %q: %s", path, msg)
		}
	})
}

// pathProblem returns what is wrong with a REST resource path, or "".
func pathProblem(path string) string {
	segs := strings.Split(strings.TrimPrefix(path, "/"), "/")
	for i, seg := range segs {
		last := i == len(segs)-1
		switch {
		case seg == "":
			if last {
				return "" // a trailing slash is ignored
			}
			return "an empty segment (//) cannot be a resource: remove the extra slash"
		case strings.ContainsAny(seg, "{}"):
			if !strings.HasPrefix(seg, "{") || !strings.HasSuffix(seg, "}") || strings.Count(seg, "{") != 1 || strings.Count(seg, "}") != 1 {
				return "segment " + seg + " mixes a path parameter with text; a path parameter must be a whole segment: write /" + wholeParamHint(seg)
			}
			name := seg[1 : len(seg)-1]
			greedy := strings.HasSuffix(name, "+")
			name = strings.TrimSuffix(name, "+")
			if greedy && !last {
				return "the greedy parameter " + seg + " must be the last segment: move it to the end or write {" + name + "}"
			}
			if bad := badChars(name, "._-"); bad != "" {
				return "the path parameter name " + name + " has " + bad + ", which REST APIs do not allow: use letters, digits, '.', '_' and '-'"
			}
		default:
			if bad := badChars(seg, "._-,:"); bad != "" {
				return "segment " + seg + " has " + bad + ", which REST API resources do not allow: use letters, digits and . _ - , :"
			}
		}
	}
	return ""
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
		if !contains(bad, q) {
			bad = append(bad, q)
		}
	}
	return strings.Join(bad, ", ")
}
