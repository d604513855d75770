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
	cmd := &cobra.Command{
		Use:   "serve FILE",
		Short: "Serve the MOCK integrations of an API locally",
		Long: `serve answers HTTP requests from FILE's MOCK integrations as API Gateway
would: the request template's statusCode selects the integration response,
whose status, mapped headers and response template (returned as written,
not rendered) make the response. Other integrations answer 501 naming the
operation. One line per request is logged to standard error. SIGINT or
SIGTERM stops the server gracefully.`,
		Example: `  apigw serve api.yaml
  apigw serve api.yaml --addr 127.0.0.1:9000 --stage-var env=dev`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			vars, err := keyValues(stageVars, "stage-var")
			if err != nil {
				return withCode(exitUsage, err)
			}
			src, err := loadSimSource(cmd, args[0], &api)
			if err != nil {
				return err
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), syscall.SIGINT, syscall.SIGTERM)
			defer stop()
			h := simulate.Handler(src.dump, simulate.HandlerOptions{StageVariables: vars})
			return serve(ctx, addr, logRequests(h, cmd.ErrOrStderr()), cmd.ErrOrStderr())
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on")
	api.add(cmd)
	cmd.Flags().StringArrayVar(&stageVars, "stage-var", nil, "a stage variable name=value (repeatable)")
	return cmd
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
