//go:build !unix

package source

// openFlags: nothing to add where named pipes do not block open.
const openFlags = 0
