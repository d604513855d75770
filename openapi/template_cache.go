package openapi

import (
	"container/list"
	"errors"
	"sync"

	"github.com/apigw/apigw/extensions/vtl"
)

// templateCacheText bounds the template text whose parse trees the cache
// keeps for recent use. A parse tree takes about 60 times its text: a
// document's thousands of distinct templates, all kept, held as much memory
// as its source tree (47 MB for the 1,000-operation benchmark document).
// The templates of the operation being checked, which the checks read more
// than once, fit many times over.
const templateCacheText = 128 << 10

// templateCache parses each mapping template once while it is in use. It
// keeps the most recently used parse trees, up to templateCacheText bytes of
// their text (and at least the last one), and for good the trees of
// templates it had to parse a second time: a document that repeats a
// template across operations far apart would otherwise parse it at every
// use. A parsed template is safe for concurrent use, and so is the cache.
type templateCache struct {
	mu     sync.Mutex
	parsed map[templateKey]*list.Element // values are *cachedTemplate
	recent list.List                     // most recently used first
	text   int                           // the text of the templates in recent, in bytes
	limit  int                           // the text kept in recent at most; 0 is templateCacheText
	kept   map[templateKey]*cachedTemplate
	seen   map[templateKey]bool // the templates parsed so far
}

type templateKey struct{ mediaType, text string }

type cachedTemplate struct {
	key templateKey
	t   *vtl.Template
	err *vtl.Error
}

// parse returns the template parsed with vtl.Parse, or its syntax error.
func (c *templateCache) parse(mediaType, text string) (*vtl.Template, *vtl.Error) {
	k := templateKey{mediaType, text}
	c.mu.Lock()
	p := c.lookup(k)
	c.mu.Unlock()
	if p == nil {
		p = &cachedTemplate{key: k}
		var err error
		if p.t, err = vtl.Parse(mediaType, text); err != nil {
			errors.As(err, &p.err)
		}
		c.mu.Lock()
		c.store(p)
		c.mu.Unlock()
	}
	return p.t, p.err
}

// lookup returns the tree the cache has for k, or nil; c.mu is held.
func (c *templateCache) lookup(k templateKey) *cachedTemplate {
	if p, ok := c.kept[k]; ok {
		return p
	}
	if e, ok := c.parsed[k]; ok {
		c.recent.MoveToFront(e)
		return e.Value.(*cachedTemplate)
	}
	return nil
}

// store keeps p: for good when its template was parsed before, otherwise
// as the most recent, dropping the oldest beyond the limit; c.mu is held.
func (c *templateCache) store(p *cachedTemplate) {
	k := p.key
	switch {
	case c.kept[k] != nil || c.parsed[k] != nil:
		// parsed meanwhile by another caller
	case c.seen[k]:
		if c.kept == nil {
			c.kept = map[templateKey]*cachedTemplate{}
		}
		c.kept[k] = p
	default:
		if c.seen == nil {
			c.seen = map[templateKey]bool{}
		}
		if c.parsed == nil {
			c.parsed = map[templateKey]*list.Element{}
		}
		c.seen[k] = true
		c.parsed[k] = c.recent.PushFront(p)
		c.text += len(k.text)
		limit := c.limit
		if limit == 0 {
			limit = templateCacheText
		}
		for c.text > limit && c.recent.Len() > 1 {
			old := c.recent.Remove(c.recent.Back()).(*cachedTemplate)
			delete(c.parsed, old.key)
			c.text -= len(old.key.text)
		}
	}
}

// len is how many parse trees the cache keeps.
func (c *templateCache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.recent.Len() + len(c.kept)
}
