package simulate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// EvalJSONPath evaluates the subset of JSONPath that parameter mappings use
// on a JSON body: member names after dots ($.a.b, or a.b without the "$."
// prefix that mapping expressions omit), array indexes ([0], [-1] from the
// end) and quoted names (['a b'], ["a"]). It returns the selected value and
// whether the path selected anything. Wildcards, slices, filters and
// recursive descent are errors: API Gateway does not support them in
// mappings.
func EvalJSONPath(body []byte, path string) (any, bool, error) {
	steps, err := parsePath(path)
	if err != nil {
		return nil, false, err
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, false, nil // not JSON: nothing to select
	}
	for _, s := range steps {
		switch cur := v.(type) {
		case map[string]any:
			if s.isIndex {
				return nil, false, nil
			}
			next, ok := cur[s.name]
			if !ok {
				return nil, false, nil
			}
			v = next
		case []any:
			if !s.isIndex {
				return nil, false, nil
			}
			i := s.index
			if i < 0 {
				i += len(cur)
			}
			if i < 0 || i >= len(cur) {
				return nil, false, nil
			}
			v = cur[i]
		default:
			return nil, false, nil
		}
	}
	return v, true, nil
}

// JSONText renders a selected value as a mapping writes it into a header:
// strings without quotes, numbers and booleans as written, null as "null",
// objects and arrays as compact JSON.
func JSONText(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case json.Number:
		return x.String()
	case nil:
		return "null"
	}
	b, _ := json.Marshal(v)
	return string(b)
}

type step struct {
	name    string
	index   int
	isIndex bool
}

func parsePath(path string) ([]step, error) {
	p := strings.TrimPrefix(path, "$")
	var steps []step
	i := 0
	first := !strings.HasPrefix(path, "$")
	for i < len(p) {
		switch c := p[i]; {
		case c == '.' || first && c != '[':
			if c == '.' {
				i++
			}
			if i < len(p) && p[i] == '.' {
				return nil, fmt.Errorf("JSONPath %q: recursive descent (..) is not supported", path)
			}
			j := i
			for j < len(p) && p[j] != '.' && p[j] != '[' {
				j++
			}
			name := p[i:j]
			if name == "" {
				if j == len(p) && len(steps) == 0 && !first {
					return steps, nil // "$." selects the root
				}
				return nil, fmt.Errorf("JSONPath %q: empty member name at offset %d", path, i)
			}
			if name == "*" {
				return nil, fmt.Errorf("JSONPath %q: wildcards are not supported", path)
			}
			steps = append(steps, step{name: name})
			i = j
		case c == '[':
			end := strings.IndexByte(p[i:], ']')
			if end < 0 {
				return nil, fmt.Errorf("JSONPath %q: unterminated [", path)
			}
			inner := strings.TrimSpace(p[i+1 : i+end])
			if len(inner) >= 2 && (inner[0] == '\'' || inner[0] == '"') && inner[len(inner)-1] == inner[0] {
				steps = append(steps, step{name: inner[1 : len(inner)-1]})
			} else if n, err := strconv.Atoi(inner); err == nil {
				steps = append(steps, step{index: n, isIndex: true})
			} else {
				return nil, fmt.Errorf("JSONPath %q: [%s] is not supported: use [0] or ['name']", path, inner)
			}
			i += end + 1
		default:
			return nil, fmt.Errorf("JSONPath %q: unexpected %q at offset %d", path, c, i)
		}
		first = false
	}
	return steps, nil
}
