// Package readme holds the tests that run the examples of README.md: the
// quick start and the library example, so that they cannot drift from the
// code. (The go generate section is run by cmd/apigw's
// TestGoToolInDownstreamModule.)
package readme
