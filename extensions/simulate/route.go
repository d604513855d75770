package simulate

import (
	"strings"
	"sync"

	"github.com/apigw/apigw/extensions/vtl"
)

// route is one method of a resource, matched by method and path template.
type route struct {
	method string // upper case, or ANY
	path   string // template as written, "/pets/{id}"
	segs   []string
	name   string // "GET /pets/{id}"
	op     any    // what the route serves
	order  int    // position in the API, which breaks ties
	// static routes answer the same for the same Content-Type and Accept
	// (see staticMock); answers keeps what they answered.
	static  bool
	answers answers
	// vars is the route's $context as its first request built it, which
	// later requests copy (see templateContext).
	varsOnce sync.Once
	vars     *vtl.Context
}

// templateContext returns $context for a request of the route whose
// variables are vars: a copy of the route's, with those that vary between
// its requests set. handler.context gives every request the same variables,
// so the copy is the context TemplateContext(vars) would build, at a
// fraction of the cost.
func (rt *route) templateContext(vars, varying map[string]string) *vtl.Context {
	rt.varsOnce.Do(func() { rt.vars = TemplateContext(vars) })
	c := rt.vars.Clone()
	for k, v := range varying {
		c.Set(k, v)
	}
	return c
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

// router finds routes through a tree of path segments built once, so that
// a lookup costs the depth of the path, not the number of routes.
type router struct {
	root node
}

// node is one segment position: literal children by text, one child for
// {param} segments, and the routes a greedy {name+} or the path ending
// here serves.
type node struct {
	literal map[string]*node
	param   *node
	greedy  []*route // templates ending in {name+} at this position
	end     []*route // templates ending exactly here
}

// newRouter indexes routes; their order in the slice breaks ties.
func newRouter(routes []*route) *router {
	r := &router{}
	for i, rt := range routes {
		rt.order = i
		if greedyInside(rt.segs) {
			continue // {name+} must be the last segment; such a template matches nothing
		}
		n := &r.root
		for j, s := range rt.segs {
			if isGreedy(s) && j == len(rt.segs)-1 {
				n.greedy = append(n.greedy, rt)
				n = nil
				break
			}
			if isParam(s) {
				if n.param == nil {
					n.param = &node{}
				}
				n = n.param
				continue
			}
			if n.literal == nil {
				n.literal = map[string]*node{}
			}
			c := n.literal[s]
			if c == nil {
				c = &node{}
				n.literal[s] = c
			}
			n = c
		}
		if n != nil {
			n.end = append(n.end, rt)
		}
	}
	return r
}

// greedyInside tells whether a {name+} segment stands before the last one.
func greedyInside(segs []string) bool {
	for _, s := range segs[:max(len(segs)-1, 0)] {
		if isGreedy(s) {
			return true
		}
	}
	return false
}

func isGreedy(s string) bool { return strings.HasPrefix(s, "{") && strings.HasSuffix(s, "+}") }

func isParam(s string) bool { return strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}") }

// find picks the route for a method and path, as API Gateway prefers the
// most specific resource: literal segments count most, then single
// parameters; a greedy {name+} counts least and needs at least one
// segment. Among equally specific paths an exact method beats ANY, then the
// route that comes first. It returns nil when no route fits, else the route
// and the path's segments, from which the route's params reads the path
// parameters.
func (r *router) find(method, path string) (*route, []string) {
	in := splitPath(path)
	s := search{method: strings.ToUpper(method), in: in, score: -1}
	s.walk(&r.root, 0, 0)
	if s.best == nil {
		return nil, nil
	}
	return s.best, in
}

// search is one lookup's state: the best route so far and its score.
type search struct {
	method string
	in     []string
	best   *route
	score  int
}

// walk visits every node the request path can reach; points is the score
// of the segments matched so far (1000 a literal, 1 a parameter).
func (s *search) walk(n *node, i, points int) {
	if i == len(s.in) {
		s.offer(n.end, points+1)
		return
	}
	s.offer(n.greedy, points)
	if c := n.literal[s.in[i]]; c != nil {
		s.walk(c, i+1, points+1000)
	}
	if n.param != nil {
		s.walk(n.param, i+1, points+1)
	}
}

// offer considers routes whose path fits with the given points.
func (s *search) offer(routes []*route, points int) {
	for _, rt := range routes {
		if rt.method != "ANY" && rt.method != s.method {
			continue
		}
		score := points * 2
		if rt.method != "ANY" {
			score++
		}
		if score > s.score || score == s.score && rt.order < s.best.order {
			s.best, s.score = rt, score
		}
	}
}

// params reads the route's path parameters from the request's segments.
func (rt *route) params(in []string) map[string]string {
	params := map[string]string{}
	for i, s := range rt.segs {
		switch {
		case isGreedy(s) && i == len(rt.segs)-1:
			params[s[1:len(s)-2]] = strings.Join(in[i:], "/")
		case isParam(s):
			params[s[1:len(s)-1]] = in[i]
		}
	}
	return params
}

// Router finds which of a list of route keys ("GET /pets/{id}", "ANY
// /{proxy+}") a request fits, the way API Gateway routes it: the most
// specific path, then an exact method over ANY, then the first key.
type Router struct{ r *router }

// NewRouter indexes keys; a key without a space is taken as "ANY /key".
func NewRouter(keys []string) *Router {
	routes := make([]*route, len(keys))
	for i, k := range keys {
		method, path, ok := strings.Cut(k, " ")
		if !ok {
			method, path = "ANY", "/"+k
		}
		routes[i] = newRoute(method, path, i)
	}
	return &Router{newRouter(routes)}
}

// Match returns the index of the key a request for method and path fits,
// with its path parameters; -1 when none fits.
func (r *Router) Match(method, path string) (int, map[string]string) {
	rt, in := r.r.find(method, path)
	if rt == nil {
		return -1, nil
	}
	return rt.op.(int), rt.params(in)
}
