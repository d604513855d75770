package schema

import "bytes"

// entryPrefix is the indentation of an index entry in index.json: the
// entries stand in the array "operations" of the top-level object.
const entryPrefix = "    "

// marshalEntry writes one index entry as it stands in index.json (see
// indexJSON), so that the entries can be written side by side.
func marshalEntry(e IndexEntry) ([]byte, error) {
	return marshalIndentAt(e, entryPrefix)
}

// indexJSON writes index.json from index's ID and title and its entries
// written by marshalEntry: the bytes marshalIndent gives for the index
// holding those entries, without writing the entries' JSON again.
func indexJSON(index Index, entries [][]byte) ([]byte, error) {
	if len(entries) == 0 {
		return marshalIndent(index)
	}
	head, err := marshalIndent(Index{ID: index.ID, Title: index.Title, Operations: []IndexEntry{}})
	if err != nil {
		return nil, err
	}
	// head ends in `"operations": []` and the object's close.
	cut := bytes.LastIndex(head, []byte("[]"))
	n := len(head) + len(entries)*(len(entryPrefix)+2)
	for _, e := range entries {
		n += len(e)
	}
	b := make([]byte, 0, n+8)
	b = append(b, head[:cut+1]...)
	for i, e := range entries {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '\n')
		b = append(b, entryPrefix...)
		b = append(b, e...)
	}
	b = append(b, "\n  "...)
	return append(b, head[cut+1:]...), nil
}
