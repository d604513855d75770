// Command apigw checks, formats, converts and generates code from OpenAPI
// documents that carry Amazon API Gateway's x-amazon-apigateway-* extensions.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/apigw/apigw/extensions/source"
)

// Exit codes, the same for every command; README's table lists them and
// exitCode alone decides which one a run ends with.
const (
	exitOK       = 0 // clean
	exitFindings = 1 // the input has errors (or warnings under --fail-on warning)
	exitUsage    = 2 // bad flags or arguments, or an input that cannot be opened
	exitLimit    = 3 // input refused by a safety limit
	exitWrite    = 4 // output could not be written (a file, or standard output)
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

// exitCode is the one rule that turns a command's result into an exit code:
// a failed write to standard output is 4 whatever the command returned; a
// refusal by a safety limit is 3 wherever it was wrapped; then the code the
// command chose; anything cobra itself rejects (unknown flag, wrong number
// of arguments) is usage.
func exitCode(err error, stdout *outWriter) int {
	switch {
	case stdout.err != nil:
		return exitWrite
	case err == nil:
		return exitOK
	}
	var le *source.LimitError
	if errors.As(err, &le) {
		return exitLimit
	}
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	return exitUsage
}

// outWriter remembers the first failed write to standard output, so that a
// command cannot end as if its output had been delivered.
type outWriter struct {
	w   io.Writer
	err error
}

func (o *outWriter) Write(p []byte) (int, error) {
	if o.err != nil {
		return 0, o.err
	}
	n, err := o.w.Write(p)
	if err != nil {
		o.err = err
	}
	return n, err
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run executes the command line and returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	out := &outWriter{w: stdout}
	defer endHeapStart(0)
	root := newRootCmd()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(out)
	root.SetErr(stderr)
	err := root.Execute()
	code := exitCode(err, out)
	switch {
	case code == exitWrite && out.err != nil:
		fmt.Fprintln(stderr, "apigw: writing standard output:", out.err)
	case code == exitOK:
	case code == exitLimit:
		fmt.Fprintln(stderr, "apigw:", err)
		var le *source.LimitError
		var body *bodyTooLarge
		if errors.As(err, &le) && le.Limit == source.LimitSize && !errors.As(err, &body) {
			fmt.Fprintf(stderr, "apigw: --max-size (or %s) raises the size limit for a genuine file\n", maxSizeEnv)
		}
	default:
		var ee *exitError
		if !errors.As(err, &ee) {
			// Anything cobra itself rejects is usage.
			fmt.Fprintln(stderr, "apigw:", err)
			fmt.Fprintln(stderr, "Run 'apigw --help' for usage.")
		} else if ee.err != nil {
			fmt.Fprintln(stderr, "apigw:", ee.err)
		}
	}
	return code
}
