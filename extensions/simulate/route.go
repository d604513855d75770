package simulate

import (
	"strings"
)

// route is one method of a resource, matched by method and path template.
type route struct {
	method string // upper case, or ANY
	path   string // template as written, "/pets/{id}"
	segs   []string
	name   string // "GET /pets/{id}"
	op     any    // what the route serves
}

func newRoute(method, path string, op any) *route {
	return &route{method: strings.ToUpper(method), path: path, segs: splitPath(path), name: strings.ToUpper(method) + " " + path, op: op}
}

func splitPath(p string) []string {
	p = strings.Trim(p, "/")
	if p == "" {
		return nil
	}
	return strings.Split(p, "/")
}

// match reports whether the request path fits the template, returning the
// path parameters and a score: literal segments count most, then single
// parameters; a greedy {name+} counts least. API Gateway prefers the most
// specific resource, so the highest score wins.
func (r *route) match(path string) (params map[string]string, score int, ok bool) {
	in := splitPath(path)
	params = map[string]string{}
	for i, s := range r.segs {
		if strings.HasPrefix(s, "{") && strings.HasSuffix(s, "+}") {
			if i >= len(in) || i != len(r.segs)-1 {
				return nil, 0, false
			}
			params[s[1:len(s)-2]] = strings.Join(in[i:], "/")
			return params, score, true
		}
		if i >= len(in) {
			return nil, 0, false
		}
		switch {
		case strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}"):
			params[s[1:len(s)-1]] = in[i]
			score += 1
		case s == in[i]:
			score += 1000
		default:
			return nil, 0, false
		}
	}
	if len(in) != len(r.segs) {
		return nil, 0, false
	}
	return params, score + 1, true
}

// find picks the route for a method and path: the most specific path
// first, then an exact method over ANY. It returns nil when no route fits.
func find(routes []*route, method, path string) (*route, map[string]string) {
	var best *route
	var bestParams map[string]string
	bestScore := -1
	for _, r := range routes {
		if r.method != "ANY" && r.method != strings.ToUpper(method) {
			continue
		}
		params, score, ok := r.match(path)
		if !ok {
			continue
		}
		score *= 2
		if r.method != "ANY" {
			score++
		}
		if score > bestScore {
			best, bestParams, bestScore = r, params, score
		}
	}
	return best, bestParams
}
