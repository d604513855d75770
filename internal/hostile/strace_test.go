package hostile

import (
	"bufio"
	"bytes"
	"context"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// syscallLine reads the name of the system call of a line of strace -f
// output ("1234 connect(3, …) = 0", or "[pid 1234] …").
var syscallLine = regexp.MustCompile(`^(?:\[pid\s+\d+\]\s+|\d+\s+)?([a-z0-9_]+)\(`)

// traced lists the system calls (with their lines) that strace saw.
func traced(t *testing.T, file string) map[string][]string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if m := syscallLine.FindStringSubmatch(sc.Text()); m != nil {
			out[m[1]] = append(out[m[1]], sc.Text())
		}
	}
	return out
}

// straceArgs are what every traced run records: programs started and
// every call of the network family.
var straceArgs = []string{"-f", "-qq", "-e", "trace=execve,execveat,%network"}

// TestNoNetworkNoProcesses runs every command under strace: none starts a
// program (one execve: apigw itself) and none opens a socket, except the
// listening socket of serve, which connects nowhere. gen client type-checks
// with the standard library's export data, which the go command locates: it
// may start the go toolchain's own programs (with downloads off), and no
// process of the run opens a socket.
func TestNoNetworkNoProcesses(t *testing.T) {
	strace, err := exec.LookPath("strace")
	if err != nil {
		t.Skip("strace is not installed")
	}
	if testing.Short() {
		t.Skip("every command under strace: not under -short")
	}
	t.Parallel() // it measures no times: it runs beside the kill loop
	dir := t.TempDir()
	doc := write(t, dir, "api.yaml", []byte(mockDoc))
	dump, err := exec.Command(bin, "import", doc).Output()
	if err != nil {
		t.Fatal(err)
	}
	dumpFile := write(t, dir, "dump.json", dump)
	loose := write(t, dir, "loose.yaml", []byte(strings.Replace(mockDoc, "openapi: ", "openapi:   ", 1)))
	cmds := [][]string{
		{"version"}, {"--help"},
		{"check", doc}, {"check", "--format", "sarif", dir},
		{"fmt", doc}, {"fmt", "--to", "json", doc}, {"fmt", "-w", loose},
		{"convert", "--to", "swagger", doc},
		{"import", doc}, {"export", dumpFile},
		{"config", "--target", "terraform", "-o", filepath.Join(dir, "tf"), doc},
		{"simulate", doc, "--operation", "GET /a", "--format", "json"},
		{"gen", "schema", doc, "-o", filepath.Join(dir, "schemas")},
		{"gen", "schema", "--extensions", "--document"},
	}
	for i, args := range cmds {
		out := filepath.Join(dir, "trace-"+strconv.Itoa(i))
		c := exec.Command(strace, append(append(straceArgs, "-o", out, bin), args...)...)
		c.Dir = dir
		// The exit code is not the point here (check finds the dump in dir
		// no API definition): what the run called is.
		if msg, err := c.CombinedOutput(); err != nil && c.ProcessState == nil {
			t.Errorf("apigw %s under strace: %v\n%s", strings.Join(args, " "), err, excerpt(msg))
			continue
		}
		calls := traced(t, out)
		if n := len(calls["execve"]) + len(calls["execveat"]); n != 1 {
			t.Errorf("apigw %s started %d programs:\n%s", strings.Join(args, " "), n-1, strings.Join(append(calls["execve"], calls["execveat"]...), "\n"))
		}
		for name, lines := range calls {
			if name != "execve" && name != "execveat" {
				t.Errorf("apigw %s made network calls:\n%s", strings.Join(args, " "), strings.Join(lines, "\n"))
			}
		}
	}

	// gen client: only the go toolchain, and no network.
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err == nil {
		root := strings.TrimSpace(string(goroot))
		out := filepath.Join(dir, "trace-genclient")
		c := exec.Command(strace, append(append(straceArgs, "-o", out, bin), "gen", "client", "-package", "x", doc)...)
		c.Dir = dir
		c.Env = append(os.Environ(), "GOTOOLCHAIN=auto", "GOPROXY=https://proxy.golang.org")
		if msg, err := c.CombinedOutput(); err != nil {
			t.Errorf("gen client under strace: %v\n%s", err, excerpt(msg))
		}
		calls := traced(t, out)
		for _, line := range append(calls["execve"], calls["execveat"]...) {
			if !strings.Contains(line, `"`+bin+`"`) && !strings.Contains(line, `"`+root+"/") {
				t.Errorf("gen client started a program outside the go toolchain:\n%s", line)
			}
		}
		for name, lines := range calls {
			if name != "execve" && name != "execveat" {
				t.Errorf("gen client made network calls:\n%s", strings.Join(lines, "\n"))
			}
		}
	}

	// serve: its listening socket, and nothing that connects anywhere.
	out := filepath.Join(dir, "trace-serve")
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	c := exec.CommandContext(ctx, strace, append(append(straceArgs, "-o", out, bin), "serve", doc, "--addr", "127.0.0.1:0")...)
	stderr := &lockedBuffer{}
	c.Stderr = stderr
	c.WaitDelay = 2 * time.Second
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	var addr string
	for deadline := time.Now().Add(10 * time.Second); addr == "" && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		for _, line := range strings.Split(string(stderr.Bytes()), "\n") {
			if u, ok := strings.CutPrefix(line, "apigw serve: listening on "); ok {
				addr = u
			}
		}
	}
	if addr == "" {
		c.Process.Kill()
		t.Fatalf("serve did not start under strace: %s", stderr.Bytes())
	}
	if resp, err := http.Get(addr + "/a"); err == nil {
		resp.Body.Close()
	}
	// Stop apigw itself (strace, signalled, would let it go and leave).
	pid := tracedPID(t, out)
	syscall.Kill(pid, syscall.SIGTERM)
	c.Wait()
	calls := traced(t, out)
	if n := len(calls["execve"]); n != 1 {
		t.Errorf("serve started %d programs", n-1)
	}
	for _, name := range []string{"connect", "sendto", "sendmsg", "sendmmsg"} {
		for _, line := range calls[name] {
			// Writing a reply on an accepted connection names no address.
			if name != "connect" && !strings.Contains(line, "sa_family") {
				continue
			}
			t.Errorf("serve: %s", line)
		}
	}
	if len(calls["listen"]) != 1 {
		t.Errorf("serve listened %d times:\n%s", len(calls["listen"]), strings.Join(calls["listen"], "\n"))
	}
}

// tracedPID is the process id of the program strace started, from the
// first line of its output (the execve of apigw).
func tracedPID(t *testing.T, file string) int {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		data, _ := os.ReadFile(file)
		first, _, _ := strings.Cut(string(data), " ")
		if pid, err := strconv.Atoi(first); err == nil {
			t.Cleanup(func() { syscall.Kill(pid, syscall.SIGKILL) })
			return pid
		}
	}
	t.Fatal("no process id in the trace")
	return 0
}
