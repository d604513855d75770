// Command apigw checks, formats, converts and generates code from OpenAPI
// documents that carry Amazon API Gateway's x-amazon-apigateway-* extensions.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// Exit codes, the same for every command.
const (
	exitOK       = 0 // clean
	exitFindings = 1 // the input has errors (or warnings under --fail-on warning)
	exitUsage    = 2 // bad flags or arguments
	exitLimit    = 3 // input refused by a safety limit
	exitWrite    = 4 // output could not be written
)

// exitError carries an exit code; a nil err means nothing more to print.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// withCode wraps err so that the command exits with code.
func withCode(code int, err error) error { return &exitError{code: code, err: err} }

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run executes the command line and returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRootCmd()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintln(stderr, "apigw:", ee.err)
		}
		return ee.code
	}
	// Anything cobra itself rejects (unknown flag, wrong argument count) is usage.
	fmt.Fprintln(stderr, "apigw:", err)
	fmt.Fprintln(stderr, "Run 'apigw --help' for usage.")
	return exitUsage
}
