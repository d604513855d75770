package mapping

import "strings"

// suggest returns text with its leading dotted segments replaced by the
// nearest of the candidate forms (each written with a trailing "." when a
// name follows, e.g. "method.request.header."), or "" when none is close.
// Comparison ignores case, so a wrongly cased keyword is always found.
func suggest(text string, candidates []string) string {
	best, bestDist, bestRest := "", -1, ""
	for _, c := range candidates {
		head, rest := splitHead(text, strings.Count(strings.TrimSuffix(c, "."), ".")+1)
		want := strings.TrimSuffix(c, ".")
		d := distance(strings.ToLower(head), strings.ToLower(want))
		if d > max(2, len(want)/4) {
			continue
		}
		if bestDist < 0 || d < bestDist {
			best, bestDist, bestRest = c, d, rest
		}
	}
	if bestDist < 0 {
		return ""
	}
	if strings.HasSuffix(best, ".") {
		if bestRest == "" {
			return best + "NAME"
		}
		return best + bestRest
	}
	return best
}

// splitHead splits text after n dot-separated segments.
func splitHead(text string, n int) (head, rest string) {
	i := 0
	for seg := 0; seg < n; seg++ {
		j := strings.IndexByte(text[i:], '.')
		if j < 0 {
			return text, ""
		}
		if seg == n-1 {
			return text[:i+j], text[i+j+1:]
		}
		i += j + 1
	}
	return text, ""
}

// distance is the Levenshtein distance between a and b, in bytes.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
