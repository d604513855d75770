package javaregex

// kind is the type of an AST node.
type kind uint8

const (
	kSet       kind = iota // one code point from set
	kSeq                   // subs in order
	kAlt                   // one of subs
	kGroup                 // capturing group index (name optional)
	kNonCap                // (?:…) or flag group
	kRepeat                // sub repeated min..max (max -1: unbounded)
	kLook                  // lookahead / lookbehind
	kAtomic                // (?>…)
	kBackref               // \n or \k<name>
	kAssert                // zero-width assertion
	kLinebreak             // \R
	kGrapheme              // \X
)

// quant is the kind of a quantifier.
type quant uint8

const (
	greedy quant = iota
	lazy
	possessive
)

// assertion kinds.
type assertion uint8

const (
	aBegin           assertion = iota // ^ without MULTILINE, \A
	aEnd                              // \z
	aDollar                           // $ without MULTILINE, \Z
	aDollarMulti                      // $ with MULTILINE
	aUnixDollar                       // $ or \Z with UNIX_LINES
	aUnixDollarMulti                  // $ with UNIX_LINES and MULTILINE
	aCaret                            // ^ with MULTILINE
	aUnixCaret                        // ^ with MULTILINE and UNIX_LINES
	aBound                            // \b
	aNotBound                         // \B
	aLastMatch                        // \G
	aGraphemeBound                    // \b{g}
)

// node is one element of the parsed pattern. Flags are already applied:
// case-insensitive literals and classes carry their folded sets.
type node struct {
	kind     kind
	set      charSet
	subs     []*node
	min, max int
	quant    quant
	behind   bool // kLook
	neg      bool // kLook
	index    int  // kGroup, kBackref
	ci, uc   bool // kBackref: case-insensitive, Unicode case
	unicode  bool // kAssert bounds: (?U) word characters
	assert   assertion
	offset   int // byte offset in the pattern
}
