package source

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v4"
)

// Short names of the YAML 1.2 core-schema tags that the writers convert.
const (
	TagStr       = "!!str"
	TagInt       = "!!int"
	TagFloat     = "!!float"
	TagBool      = "!!bool"
	TagNull      = "!!null"
	TagTimestamp = "!!timestamp"
	TagBinary    = "!!binary"
	TagMerge     = "!!merge"
	TagMap       = "!!map"
	TagSeq       = "!!seq"
)

// ScalarTag returns the short tag of a scalar node. Nodes loaded by yaml v4
// carry their resolved tag; nodes built by hand may leave Tag empty, and
// then a plain scalar resolves the way yaml v4's loader would resolve it.
//
// A number written plain in a file but too large (or too small) for 64-bit
// floats, such as 1e400, is a float here although yaml v4 (and the JSON
// reader, which follows it) tags it !!str: JSON and YAML 1.2 both read it as
// a number, so writers keep it one. Quoted or explicitly tagged it stays a
// string, and so does a node built by hand (no line) tagged !!str.
func ScalarTag(n *yaml.Node) string {
	if n.Tag != "" && n.Tag != "!" {
		t := n.ShortTag()
		if t == TagStr && n.Kind == yaml.ScalarNode && n.Line > 0 && n.Style&notPlain == 0 && beyondFloat64(n.Value) {
			return TagFloat
		}
		return t
	}
	if n.Style&(yaml.SingleQuotedStyle|yaml.DoubleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		return TagStr
	}
	return resolvePlain(n.Value)
}

// yamlFloat is yaml v4's pattern for floats written without a special form.
var yamlFloat = regexp.MustCompile(`^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$`)

// beyondFloat64 tells whether v is written as a float but out of the range
// of 64-bit floats (yaml v4 then resolves it as a string).
func beyondFloat64(v string) bool {
	plain := strings.ReplaceAll(v, "_", "")
	if !yamlFloat.MatchString(plain) {
		return false
	}
	_, err := strconv.ParseFloat(plain, 64)
	return err != nil
}

// notPlain are the styles of a scalar written other than plain, or tagged.
const notPlain = yaml.TaggedStyle | yaml.SingleQuotedStyle | yaml.DoubleQuotedStyle | yaml.LiteralStyle | yaml.FoldedStyle

// resolvePlain mirrors yaml v4's resolution of an untagged plain scalar, so
// that hand-built trees convert the same way as loaded ones; it departs
// from yaml v4 in one place: a number beyond the range of 64-bit floats
// (1e400) is a float, not a string.
func resolvePlain(v string) string {
	switch v {
	case "true", "True", "TRUE", "false", "False", "FALSE":
		return TagBool
	case "", "~", "null", "Null", "NULL":
		return TagNull
	case ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF",
		"-.inf", "-.Inf", "-.INF", "-0", "-0.0":
		return TagFloat
	case "<<":
		return TagMerge
	}
	if v[0] == '.' {
		if yamlFloat.MatchString(v) {
			return TagFloat
		}
		return TagStr
	}
	if v[0] != '+' && v[0] != '-' && (v[0] < '0' || v[0] > '9') {
		return TagStr
	}
	if isTimestamp(v) {
		return TagTimestamp
	}
	plain := strings.ReplaceAll(v, "_", "")
	if _, err := strconv.ParseInt(plain, 0, 64); err == nil {
		return TagInt
	}
	if _, err := strconv.ParseUint(strings.TrimPrefix(plain, "+"), 0, 64); err == nil {
		return TagInt
	}
	if yamlFloat.MatchString(plain) {
		return TagFloat // however large: ParseFloat fails only on range
	}
	return TagStr
}

// timestampLayouts are the layouts yaml v4 accepts as !!timestamp.
var timestampLayouts = []string{
	"2006-1-2T15:4:5.999999999Z07:00",
	"2006-1-2t15:4:5.999999999Z07:00",
	"2006-1-2 15:4:5.999999999",
	"2006-1-2",
}

// isTimestamp mirrors yaml v4: a quick digit check, then the layouts.
func isTimestamp(s string) bool {
	i := 0
	for ; i < len(s); i++ {
		if c := s[i]; c < '0' || c > '9' {
			break
		}
	}
	if i != 4 || i == len(s) || s[i] != '-' {
		return false
	}
	for _, layout := range timestampLayouts {
		if _, err := time.Parse(layout, s); err == nil {
			return true
		}
	}
	return false
}
