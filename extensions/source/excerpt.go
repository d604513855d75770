package source

import (
	"fmt"
	"strconv"
	"unicode/utf8"
)

// Excerpt quotes s for a message, cut to its first max characters when it
// is longer (the rest counted in bytes), so that a diagnostic about a value
// never repeats a whole file.
func Excerpt(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return strconv.Quote(s)
	}
	cut, n := 0, 0
	for i := range s {
		if n == max {
			cut = i
			break
		}
		n++
	}
	return fmt.Sprintf("%s… (%d bytes)", strconv.Quote(s[:cut]), len(s))
}
