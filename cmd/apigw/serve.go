package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"github.com/apigw/apigw/extensions/simulate"
	"github.com/spf13/cobra"
)

func init() { subcommands = append(subcommands, newServeCmd) }

// shutdownTimeout bounds the graceful shutdown after SIGINT or SIGTERM.
const shutdownTimeout = 5 * time.Second

func newServeCmd() *cobra.Command {
	var addr string
	var api apiFlag
	var stageVars []string
	var strict bool
	cmd := &cobra.Command{
		Use:   "serve FILE",
		Short: "Serve the MOCK integrations of an API locally",
		Long: `serve answers HTTP requests from FILE's MOCK integrations as API Gateway
would: the request template is rendered over the request, and the statusCode
it outputs selects the integration response, whose status, mapped headers and
rendered response template make the response ($context.responseOverride
applied). A template that fails answers 500 {"message": "Internal server
error"}, as API Gateway does. Other integrations answer 501 naming the
operation. One line per request is logged to standard error. SIGINT or
SIGTERM stops the server gracefully.

An operation whose MOCK integration has errors is left out (it answers 501),
with a warning naming it; errors in other operations and in parts serve does
not read are printed as warnings. --strict refuses the document on any error.`,
		Example: `  apigw serve api.yaml
  apigw serve api.yaml --addr 127.0.0.1:9000 --stage-var env=dev`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			vars, err := keyValues(stageVars, "stage-var")
			if err != nil {
				return withCode(exitUsage, err)
			}
			src, err := loadSimSource(args[0], &api)
			if err != nil {
				return withCode(exitFindings, err)
			}
			h, err := serveHandler(cmd.ErrOrStderr(), src, vars, strict)
			if err != nil {
				return err
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), syscall.SIGINT, syscall.SIGTERM)
			defer stop()
			return serve(ctx, addr, logRequests(h, cmd.ErrOrStderr()), cmd.ErrOrStderr())
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on")
	api.add(cmd)
	cmd.Flags().StringArrayVar(&stageVars, "stage-var", nil, "a stage variable name=value (repeatable)")
	addStrict(cmd, &strict)
	return cmd
}

// serveHandler returns the handler that serves src, leaving out the
// operations whose MOCK integrations have errors (see serveReads); it
// writes the warnings to w, and refuses a document whose errors serve
// cannot leave out.
func serveHandler(w io.Writer, src *simSource, vars map[string]string, strict bool) (http.Handler, error) {
	var leftOut []string
	if src.doc != nil {
		v := judge(reads(serveReads, strict), src.doc, src.diags)
		printNotes(w, v.Diagnostics)
		switch {
		case v.NothingLeft:
			return nil, withCode(exitFindings, errors.New("serve: every MOCK integration of the document has errors; fix them first"))
		case v.Refused():
			return nil, withCode(exitFindings, errors.New("serve: the document has errors in what serve reads; fix them first"))
		}
		for _, o := range v.LeftOut {
			leftOut = append(leftOut, o.Method+" "+o.ResourcePath())
		}
	}
	return simulate.Handler(src.dump, simulate.HandlerOptions{StageVariables: vars, LeftOut: leftOut}), nil
}

// serve listens on addr until ctx ends, then shuts down gracefully.
func serve(ctx context.Context, addr string, h http.Handler, log io.Writer) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return withCode(exitUsage, err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(log, "apigw serve: listening on http://%s\n", ln.Addr())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	fmt.Fprintln(log, "apigw serve: shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// statusRecorder remembers the status a handler wrote.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

// logRequests writes one line per request: method, path, status, duration.
func logRequests(h http.Handler, w io.Writer) http.Handler {
	var mu sync.Mutex
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: rw, status: http.StatusOK}
		h.ServeHTTP(rec, r)
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprintf(w, "%s %s %d %s\n", r.Method, r.URL.RequestURI(), rec.status, time.Since(start).Round(time.Microsecond))
	})
}
