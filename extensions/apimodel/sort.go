package apimodel

import (
	"cmp"
	"slices"
)

// sortedKeys returns the keys of m in ascending order, so nothing ranges over a map.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// SortedKeys returns the keys of m in ascending order. Emitters use it
// instead of ranging over a map, so output never depends on map order.
func SortedKeys[V any](m map[string]V) []string { return sortedKeys(m) }

// SortedMethods returns the HTTP methods of a resource in a fixed order:
// ANY, GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE, then any others sorted.
func SortedMethods(r *Resource) []string {
	keys := sortedKeys(r.ResourceMethods)
	rank := func(m string) int {
		if i := slices.Index(HTTPMethods, m); i >= 0 {
			return i
		}
		return len(HTTPMethods)
	}
	slices.SortStableFunc(keys, func(a, b string) int { return cmp.Or(cmp.Compare(rank(a), rank(b)), cmp.Compare(a, b)) })
	return keys
}
