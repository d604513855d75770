// Package hostile holds the suite that holds apigw to its promises under
// hostile input and faults. Its tests build the real binary once and run
// every command on generated inputs of each class of attack (endless and
// blocking inputs, alias and $ref bombs, oversized and malformed dumps,
// hostile output targets, clients that hold connections, crafted patterns),
// each under a memory cap and a timeout, asserting the exit code, the time
// (under 3 s), the peak memory (under 300 MB) and that no existing file
// changed. It also kills fmt -w again and again while it rewrites a large
// file, and traces every command for sockets and child processes.
//
// The package has no code of its own: run it with
//
//	go test -v ./internal/hostile
//
// to see the measurements of each class.
package hostile
