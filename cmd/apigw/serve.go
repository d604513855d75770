package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	stdlog "log"
	"net"
	"net/http"
	"os/signal"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/apigw/apigw/extensions/simulate"
	"github.com/spf13/cobra"
)

func init() { subcommands = append(subcommands, newServeCmd) }

// Bounds on what clients can hold: a client that sends nothing, or sends
// slowly, or keeps a connection open without using it, is cut off; past
// maxConnections, idle connections make room for new ones.
const (
	// shutdownGrace bounds the graceful shutdown after SIGINT or SIGTERM:
	// requests in flight get this long to finish (a mock answers at once),
	// then the remaining connections are closed.
	shutdownGrace = time.Second
	// readHeaderTimeout bounds the time to send a request's headers.
	readHeaderTimeout = 5 * time.Second
	// readTimeout and writeTimeout bound a whole request and its response.
	readTimeout  = 30 * time.Second
	writeTimeout = 30 * time.Second
	// idleTimeout closes a keep-alive connection that sends no new request.
	idleTimeout = 30 * time.Second
	// maxHeaderBytes bounds a request's headers.
	maxHeaderBytes = 64 << 10
	// defaultMaxConnections is how many connections are open at once.
	defaultMaxConnections = 256
)

func newServeCmd() *cobra.Command {
	var addr string
	var api apiFlag
	var stageVars []string
	var strict bool
	var maxConns int
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
SIGTERM stops the server: requests in flight get a second to finish, then
every connection is closed and serve exits 0.

Clients are bounded: headers must arrive within 5 s, a request and its
response take at most 30 s each, an idle keep-alive connection is closed
after 30 s, and at most --max-connections are open at once (past that,
idle connections are closed to make room, and new ones wait).

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
			if maxConns < 1 {
				return withCode(exitUsage, fmt.Errorf("--max-connections %d: write at least 1", maxConns))
			}
			src, err := loadSimSource(cmd, args[0], &api)
			if err != nil {
				return err
			}
			h, err := serveHandler(cmd.ErrOrStderr(), src, vars, strict)
			if err != nil {
				return err
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), syscall.SIGINT, syscall.SIGTERM)
			defer stop()
			logged, flush := logRequests(h, cmd.ErrOrStderr())
			defer flush()
			return serve(ctx, addr, maxConns, logged, cmd.ErrOrStderr())
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on")
	api.add(cmd)
	cmd.Flags().StringArrayVar(&stageVars, "stage-var", nil, "a stage variable name=value (repeatable)")
	addStrict(cmd, &strict)
	cmd.Flags().IntVar(&maxConns, "max-connections", defaultMaxConnections, "connections open at once")
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

// serve listens on addr until ctx ends, then shuts down: requests in
// flight get shutdownGrace to finish, then the connections left (a client
// halfway through sending a request, say) are closed. Either way it
// returns nil.
func serve(ctx context.Context, addr string, maxConns int, h http.Handler, log io.Writer) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return withCode(exitUsage, err)
	}
	lim := newConnLimiter(ln, maxConns)
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		ConnState:         lim.track,
		ErrorLog:          stdlog.New(io.Discard, "", 0),
	}
	fmt.Fprintf(log, "apigw serve: listening on http://%s\n", ln.Addr())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(lim) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	fmt.Fprintln(log, "apigw serve: shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
		fmt.Fprintf(log, "apigw serve: closed the connections still open after %s\n", shutdownGrace)
	}
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// connLimiter is a listener that keeps at most max connections open. When
// all are taken, it closes the connection that has been waiting longest
// without a request in progress (idle between requests, or never having
// sent a byte), so that clients holding connections open cannot lock
// others out; with none such, Accept waits for a connection to close.
type connLimiter struct {
	net.Listener
	slots chan struct{}
	mu    sync.Mutex
	open  map[*limitedConn]bool // the connections open
}

func newConnLimiter(ln net.Listener, max int) *connLimiter {
	return &connLimiter{Listener: ln, slots: make(chan struct{}, max), open: map[*limitedConn]bool{}}
}

// Accept takes a slot, evicting a waiting connection when none is free.
func (l *connLimiter) Accept() (net.Conn, error) {
	select {
	case l.slots <- struct{}{}:
	default:
		l.evict()
		l.slots <- struct{}{}
	}
	c, err := l.Listener.Accept()
	if err != nil {
		<-l.slots
		return nil, err
	}
	lc := &limitedConn{Conn: c, release: func() { <-l.slots }}
	lc.waiting.Store(time.Now().UnixNano())
	l.mu.Lock()
	l.open[lc] = true
	l.mu.Unlock()
	return lc, nil
}

// evict closes the connection that has waited longest, if any.
func (l *connLimiter) evict() {
	l.mu.Lock()
	var oldest *limitedConn
	var since int64
	for c := range l.open {
		if t := c.waiting.Load(); t != 0 && (oldest == nil || t < since) {
			oldest, since = c, t
		}
	}
	delete(l.open, oldest)
	l.mu.Unlock()
	if oldest != nil {
		oldest.Close()
	}
}

// track follows the server's view of each connection
// (http.Server.ConnState): a request in progress or not, and since when.
func (l *connLimiter) track(c net.Conn, state http.ConnState) {
	lc, ok := c.(*limitedConn)
	if !ok {
		return
	}
	switch state {
	case http.StateIdle:
		lc.waiting.Store(time.Now().UnixNano())
	case http.StateActive:
		lc.waiting.Store(0)
	case http.StateHijacked, http.StateClosed:
		lc.waiting.Store(0)
		l.mu.Lock()
		delete(l.open, lc)
		l.mu.Unlock()
	}
}

// limitedConn gives its slot back once, when closed. waiting is when it
// started waiting without a request in progress (Unix nanoseconds), 0
// while a request is in progress.
type limitedConn struct {
	net.Conn
	once    sync.Once
	release func()
	waiting atomic.Int64
}

func (c *limitedConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(c.release)
	return err
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

// logRequests writes one line per request to w: method, path, status,
// duration. flush writes the lines not yet written; call it when the
// server has stopped.
func logRequests(h http.Handler, w io.Writer) (handler http.Handler, flush func()) {
	l := &requestLog{w: w, wake: make(chan struct{}, 1), done: make(chan struct{})}
	go l.run()
	recorders := sync.Pool{New: func() any { return new(statusRecorder) }}
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := recorders.Get().(*statusRecorder)
		rec.ResponseWriter, rec.status = rw, http.StatusOK
		h.ServeHTTP(rec, r)
		status := rec.status
		rec.ResponseWriter = nil
		recorders.Put(rec)
		var buf [128]byte
		line := append(buf[:0], r.Method...)
		line = append(line, ' ')
		line = append(line, r.URL.RequestURI()...)
		line = append(line, ' ')
		line = strconv.AppendInt(line, int64(status), 10)
		line = append(line, ' ')
		line = append(line, time.Since(start).Round(time.Microsecond).String()...)
		l.add(append(line, '\n'))
	}), l.close
}

// requestLog writes request lines from one goroutine: a request adds its
// line and goes on, and the lines that arrive within logBatchDelay of it,
// or while a write is in progress, are written together. An idle server
// writes each line within logBatchDelay; a busy one makes a write per batch
// rather than per request.
type requestLog struct {
	w      io.Writer
	mu     sync.Mutex
	buf    []byte
	closed bool
	wake   chan struct{}
	done   chan struct{}
}

func (l *requestLog) add(line []byte) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		l.w.Write(slices.Clone(line))
		return
	}
	l.buf = append(l.buf, line...)
	select {
	case l.wake <- struct{}{}:
	default: // a write is due already
	}
}

// logBatchDelay is how long a request line may wait for others to be
// written with it: too short for a person watching the log to notice.
const logBatchDelay = 2 * time.Millisecond

func (l *requestLog) run() {
	defer close(l.done)
	var out []byte
	for range l.wake {
		// Lines that arrive meanwhile join this write: a busy server makes
		// at most one write, and one wake-up of this goroutine, per
		// logBatchDelay.
		time.Sleep(logBatchDelay)
		l.mu.Lock()
		out, l.buf = l.buf, out[:0]
		l.mu.Unlock()
		if len(out) > 0 {
			l.w.Write(out)
		}
	}
}

// close writes what is left; later lines are written at once.
func (l *requestLog) close() {
	l.mu.Lock()
	if l.closed {
		l.mu.Unlock()
		return
	}
	l.closed = true
	close(l.wake)
	l.mu.Unlock()
	<-l.done
	l.mu.Lock()
	defer l.mu.Unlock()
	l.w.Write(l.buf)
	l.buf = nil
}
