package vtl

import (
	"math"
	"math/big"
	"slices"
	"unicode"
)

// mapKind is the Java class a map value stands for; it decides iteration
// order and how the map prints.
type mapKind uint8

const (
	mLinked  mapKind = iota // java.util.LinkedHashMap: insertion order (JSON objects, map literals)
	mHash                   // java.util.HashMap: Java's bucket order
	mContext                // the reference renderer's $context maps: a HashMap that prints as ""
	mTreeCI                 // TreeMap(String.CASE_INSENSITIVE_ORDER): $input.params().header
)

type mapEntry struct {
	key, val any
}

// jMap is a Java map. Entries are kept in insertion order; HashMap order
// is computed by simulating java.util.HashMap's table (see hashSim).
type jMap struct {
	kind    mapKind
	entries []*mapEntry
	index   map[any]*mapEntry // not used by mTreeCI
	sim     *hashSim          // mHash and mContext
}

func newMap(kind mapKind) *jMap { return newMapCap(kind, 0) }

// newMapCap makes a map; for HashMaps, initialCap > 0 sets the table
// size a copy constructor (new HashMap(m)) would choose.
func newMapCap(kind mapKind, initialCap int) *jMap {
	m := &jMap{kind: kind}
	if kind == mHash || kind == mContext {
		m.sim = &hashSim{threshold: initialCap}
	}
	return m
}

// copyCapacity is the table size new HashMap(Map m) chooses for n entries.
func copyCapacity(n int) int {
	if n == 0 {
		return 0
	}
	ft := float32(n)/0.75 + 1
	return tableSizeFor(int(ft))
}

func tableSizeFor(c int) int {
	n := 1
	for n < c {
		n <<= 1
	}
	return n
}

func (m *jMap) size() int { return len(m.entries) }

func (m *jMap) find(k any) *mapEntry {
	if m.kind == mTreeCI {
		ks, ok := k.(string)
		if !ok {
			return nil
		}
		for _, e := range m.entries {
			if compareCI(e.key.(string), ks) == 0 {
				return e
			}
		}
		return nil
	}
	if m.index == nil {
		// Small maps are searched in order; they get an index when they grow.
		mk := mapKey(k)
		for _, e := range m.entries {
			if e.key == k || mapKey(e.key) == mk {
				return e
			}
		}
		return nil
	}
	return m.index[mapKey(k)]
}

const indexAt = 8

func (m *jMap) addIndex(e *mapEntry) {
	if m.kind == mTreeCI {
		return
	}
	if m.index == nil {
		if len(m.entries) <= indexAt {
			return
		}
		m.index = make(map[any]*mapEntry, len(m.entries))
		for _, x := range m.entries {
			m.index[mapKey(x.key)] = x
		}
		return
	}
	m.index[mapKey(e.key)] = e
}

func (m *jMap) get(k any) any {
	if e := m.find(k); e != nil {
		return e.val
	}
	return nil
}

func (m *jMap) containsKey(k any) bool { return m.find(k) != nil }

// put stores v under k and returns the previous value. ok is false where
// Java throws (a non-string key in a case-insensitive TreeMap).
func (m *jMap) put(k, v any) (prev any, ok bool) {
	if e := m.find(k); e != nil {
		prev, e.val = e.val, v
		return prev, true
	}
	if m.kind == mTreeCI {
		ks, isStr := k.(string)
		if !isStr {
			return nil, false
		}
		e := &mapEntry{ks, v}
		i, _ := slices.BinarySearchFunc(m.entries, ks, func(e *mapEntry, t string) int { return compareCI(e.key.(string), t) })
		m.entries = slices.Insert(m.entries, i, e)
		return nil, true
	}
	e := &mapEntry{k, v}
	m.entries = append(m.entries, e)
	m.addIndex(e)
	if m.sim != nil {
		m.sim.add(e, javaHashCode(k))
	}
	return nil, true
}

func (m *jMap) remove(k any) (any, bool) {
	e := m.find(k)
	if e == nil {
		return nil, false
	}
	i := slices.Index(m.entries, e)
	m.entries = slices.Delete(m.entries, i, i+1)
	if m.index != nil {
		delete(m.index, mapKey(k))
	}
	if m.sim != nil {
		m.sim.remove(e)
	}
	return e.val, true
}

func (m *jMap) clear() {
	m.entries = nil
	m.index = nil
	if m.sim != nil {
		m.sim.clear()
	}
}

// ordered returns the entries in Java's iteration order.
func (m *jMap) ordered() []*mapEntry {
	if m.sim != nil {
		return m.sim.order()
	}
	return m.entries
}

// mapKey turns a key into a Go map key with Java's equals: values of
// different boxed types differ; big numbers compare by value.
func mapKey(k any) any {
	switch v := k.(type) {
	case *big.Int:
		return bigKey{v.String()}
	case *bigDec:
		return decKey{v.unscaled.String(), v.scale}
	case float64:
		if math.IsNaN(v) {
			return nanKey{}
		}
	}
	return k
}

type bigKey struct{ s string }
type decKey struct {
	s     string
	scale int32
}
type nanKey struct{}

// compareCI is String.CASE_INSENSITIVE_ORDER.
func compareCI(a, b string) int {
	ua, ub := toUTF16(a), toUTF16(b)
	n := min(len(ua), len(ub))
	for i := 0; i < n; i++ {
		c1, c2 := rune(ua[i]), rune(ub[i])
		if c1 != c2 {
			c1, c2 = upperChar(c1), upperChar(c2)
			if c1 != c2 {
				c1, c2 = lowerChar(c1), lowerChar(c2)
				if c1 != c2 {
					return int(c1) - int(c2)
				}
			}
		}
	}
	return len(ua) - len(ub)
}

func upperChar(r rune) rune { return unicode.ToUpper(r) }

func lowerChar(r rune) rune { return unicode.ToLower(r) }

// hashSim reproduces java.util.HashMap's iteration order: a table of
// buckets whose size doubles past 3/4 load, entries appended to their
// bucket, buckets split in order on resize. (Tree bins, used only when
// nine keys share one bucket of a table of 64 or more, are not modelled.)
type hashSim struct {
	table     [][]*simEntry
	size      int
	threshold int
}

type simEntry struct {
	e    *mapEntry
	hash int32
}

func spread(h int32) int32 { return h ^ int32(uint32(h)>>16) }

func (s *hashSim) resize() {
	oldCap := len(s.table)
	var newCap, newThr int
	switch {
	case oldCap > 0:
		newCap = oldCap * 2
		if oldCap >= 16 {
			newThr = s.threshold * 2
		} else {
			newThr = int(float32(newCap) * 0.75)
		}
	case s.threshold > 0:
		newCap = s.threshold
		newThr = int(float32(newCap) * 0.75)
	default:
		newCap, newThr = 16, 12
	}
	nt := make([][]*simEntry, newCap)
	for j, b := range s.table {
		for _, e := range b {
			if int(e.hash)&oldCap == 0 {
				nt[j] = append(nt[j], e)
			} else {
				nt[j+oldCap] = append(nt[j+oldCap], e)
			}
		}
	}
	s.table, s.threshold = nt, newThr
}

func (s *hashSim) add(e *mapEntry, hashCode int32) {
	if s.table == nil {
		s.resize()
	}
	h := spread(hashCode)
	i := int(h) & (len(s.table) - 1)
	binCount := len(s.table[i])
	s.table[i] = append(s.table[i], &simEntry{e, h})
	if binCount >= 8 && len(s.table) < 64 {
		s.resize() // treeifyBin on a small table resizes instead
	}
	s.size++
	if s.size > s.threshold {
		s.resize()
	}
}

func (s *hashSim) remove(e *mapEntry) {
	for i, b := range s.table {
		for j, x := range b {
			if x.e == e {
				s.table[i] = slices.Delete(b, j, j+1)
				s.size--
				return
			}
		}
	}
}

func (s *hashSim) clear() {
	for i := range s.table {
		s.table[i] = nil
	}
	s.size = 0
}

func (s *hashSim) order() []*mapEntry {
	out := make([]*mapEntry, 0, s.size)
	for _, b := range s.table {
		for _, x := range b {
			out = append(out, x.e)
		}
	}
	return out
}

// listKind is the Java class a list value stands for.
type listKind uint8

const (
	lArrayList listKind = iota // java.util.ArrayList: [a, b]
	lJSON                      // a parsed JSON array: prints as compact JSON
	lArray                     // a Java array (String[] from split): no readable toString
	lKeySet                    // keySet() of a map
	lValues                    // values() of a map
	lEntrySet                  // entrySet() of a map
)

// jList is a Java list, array or collection view (a snapshot).
type jList struct {
	kind    listKind
	elems   []any
	owner   mapKind // for views: the kind of map they came from
	objects bool    // for arrays: Object[] rather than String[]
}

func newList(kind listKind, elems []any) *jList { return &jList{kind: kind, elems: elems} }

// clone copies m and the maps nested in it; other values are shared, as
// a $context built from text holds only maps, strings and nulls.
func (m *jMap) clone() *jMap {
	c := &jMap{kind: m.kind, entries: make([]*mapEntry, len(m.entries))}
	block := make([]mapEntry, len(m.entries))
	for i, e := range m.entries {
		block[i] = mapEntry{e.key, e.val}
		if sub, ok := e.val.(*jMap); ok {
			block[i].val = sub.clone()
		}
		c.entries[i] = &block[i]
	}
	// copied finds the copy of an entry of m by its place in m.entries:
	// searched in small maps such as $context's, looked up in larger ones.
	copied := func(e *mapEntry) *mapEntry { return c.entries[slices.Index(m.entries, e)] }
	if len(m.entries) > 64 {
		at := make(map[*mapEntry]*mapEntry, len(m.entries))
		for i, e := range m.entries {
			at[e] = c.entries[i]
		}
		copied = func(e *mapEntry) *mapEntry { return at[e] }
	}
	if m.index != nil {
		c.index = make(map[any]*mapEntry, len(m.index))
		for k, e := range m.index {
			c.index[k] = copied(e)
		}
	}
	if s := m.sim; s != nil {
		c.sim = &hashSim{size: s.size, threshold: s.threshold, table: make([][]*simEntry, len(s.table))}
		sims := make([]simEntry, 0, s.size)
		for i, b := range s.table {
			if len(b) == 0 {
				continue
			}
			nb := make([]*simEntry, len(b))
			for j, x := range b {
				sims = append(sims, simEntry{copied(x.e), x.hash})
				nb[j] = &sims[len(sims)-1]
			}
			c.sim.table[i] = nb
		}
	}
	return c
}
