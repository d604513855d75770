package extensions

// Pair is one entry of a Map.
type Pair[V any] struct {
	Key   string
	Value V
}

// Map is a mapping that keeps its keys in document order, so that writing a
// document back never reorders what the user wrote.
type Map[V any] []Pair[V]

// Get returns the value stored under key.
func (m Map[V]) Get(key string) (V, bool) {
	for _, p := range m {
		if p.Key == key {
			return p.Value, true
		}
	}
	var zero V
	return zero, false
}

// Has tells whether key is present.
func (m Map[V]) Has(key string) bool {
	_, ok := m.Get(key)
	return ok
}

// Set replaces the value under key, or appends key when it is new.
func (m *Map[V]) Set(key string, v V) {
	for i := range *m {
		if (*m)[i].Key == key {
			(*m)[i].Value = v
			return
		}
	}
	*m = append(*m, Pair[V]{key, v})
}

// Delete removes key, keeping the order of the others.
func (m *Map[V]) Delete(key string) {
	for i := range *m {
		if (*m)[i].Key == key {
			*m = append((*m)[:i:i], (*m)[i+1:]...)
			return
		}
	}
}

// Keys returns the keys in order.
func (m Map[V]) Keys() []string {
	ks := make([]string, len(m))
	for i, p := range m {
		ks[i] = p.Key
	}
	return ks
}
