package hostile

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// The promises every run is held to.
const (
	maxWall   = 3 * time.Second
	maxRSSMB  = 300
	timeout   = 15 * time.Second // a run still going after this is killed
	memCapMiB = 1024             // the cap that stops a runaway before the machine does
)

// bin is the apigw binary built for the suite; capMode says how memory is
// capped ("cgroup", "rlimit" or "none").
var (
	bin     string
	capMode string
	cgroup  string // the cgroup folder runs join, in cgroup mode
)

func TestMain(m *testing.M) {
	if os.Getenv(launchEnv) != "" {
		os.Exit(launch())
	}
	code, err := setup()
	if err != nil {
		fmt.Fprintln(os.Stderr, "hostile:", err)
		os.Exit(1)
	}
	if code >= 0 {
		os.Exit(code)
	}
	code = m.Run()
	teardown()
	printSummary()
	os.Exit(code)
}

// setup builds the binary and prepares the memory cap; a code >= 0 ends
// the run at once (no go command to build with).
func setup() (int, error) {
	root, err := moduleRoot()
	if err != nil {
		return 0, err
	}
	dir, err := os.MkdirTemp("", "apigw-hostile-")
	if err != nil {
		return 0, err
	}
	bin = filepath.Join(dir, "apigw")
	goCmd := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := os.Stat(goCmd); err != nil {
		if goCmd, err = exec.LookPath("go"); err != nil {
			fmt.Println("hostile: no go command to build apigw with; skipped")
			return 0, nil
		}
	}
	build := exec.Command(goCmd, "build", "-o", bin, "./cmd/apigw")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		return 0, fmt.Errorf("building apigw: %v\n%s", err, out)
	}
	capMode = "rlimit (4 GiB of address space)"
	if runtime.GOOS != "linux" {
		capMode = "none"
	} else if cg := makeCgroup(); cg != "" {
		capMode, cgroup = fmt.Sprintf("cgroup (%d MiB)", memCapMiB), cg
	}
	return -1, nil
}

func teardown() {
	os.RemoveAll(filepath.Dir(bin))
	if cgroup != "" {
		os.Remove(cgroup)
	}
}

func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}

// makeCgroup makes a memory cgroup with the cap (v1 or v2), or returns ""
// when this process may not.
func makeCgroup() string {
	name := fmt.Sprintf("apigw-hostile-%d", os.Getpid())
	limit := []byte(fmt.Sprint(memCapMiB << 20))
	makeIn := func(root, limitFile string) string {
		dir := filepath.Join(root, name)
		if os.Mkdir(dir, 0o755) != nil {
			return ""
		}
		if os.WriteFile(filepath.Join(dir, limitFile), limit, 0) != nil {
			os.Remove(dir)
			return ""
		}
		return dir
	}
	if _, err := os.Stat("/sys/fs/cgroup/memory/memory.limit_in_bytes"); err == nil {
		return makeIn("/sys/fs/cgroup/memory", "memory.limit_in_bytes")
	}
	if ctl, err := os.ReadFile("/sys/fs/cgroup/cgroup.subtree_control"); err == nil && bytes.Contains(ctl, []byte("memory")) {
		return makeIn("/sys/fs/cgroup", "memory.max")
	}
	return ""
}

// spec is one run of the binary.
type spec struct {
	args  []string
	dir   string    // working folder; a new one when empty
	stdin io.Reader // nil: /dev/null
	env   []string  // added to the environment
}

// result is what one run did.
type result struct {
	args           []string
	code           int // -1 when killed by a signal
	signal         string
	wall, cpu      time.Duration
	rssMB          float64
	stdout, stderr []byte
}

func (r result) String() string {
	s := fmt.Sprintf("apigw %s: exit %d in %s (cpu %s), %.0f MB", strings.Join(r.args, " "), r.code,
		r.wall.Round(time.Millisecond), r.cpu.Round(time.Millisecond), r.rssMB)
	if r.signal != "" {
		s += ", killed by " + r.signal
	}
	return s + "\nstderr: " + excerpt(r.stderr)
}

func excerpt(b []byte) string {
	if len(b) > 600 {
		return string(b[:600]) + fmt.Sprintf("… (%d bytes)", len(b))
	}
	return string(b)
}

// launchEnv makes the test binary a launcher: it joins the cgroup (or
// lowers its address-space limit), starts apigw with the arguments it was
// given, forwards SIGINT and SIGTERM, and reports apigw's exit status and
// resource use on file descriptor 3. A process started by this test
// process would count the test process's own peak memory as its own (the
// child shares the parent's memory until it executes); one started by the
// small launcher does not.
const launchEnv = "APIGW_HOSTILE_LAUNCH"

// launch is the launcher's main.
func launch() int {
	report := os.NewFile(3, "report")
	switch {
	case os.Getenv("APIGW_HOSTILE_CGROUP") != "":
		if err := os.WriteFile(filepath.Join(os.Getenv("APIGW_HOSTILE_CGROUP"), "cgroup.procs"), []byte(fmt.Sprint(os.Getpid())), 0); err != nil {
			fmt.Fprintln(os.Stderr, "hostile launcher:", err)
			return 125
		}
	case runtime.GOOS == "linux":
		// Go's runtime reserves address space generously: the limit is a
		// safety net far above the memory asserted.
		lim := &syscall.Rlimit{Cur: 4 << 30, Max: 4 << 30}
		syscall.Setrlimit(syscall.RLIMIT_AS, lim)
	}
	c := exec.Command(os.Args[1], os.Args[2:]...)
	c.Stdin, c.Stdout, c.Stderr = os.Stdin, os.Stdout, os.Stderr
	c.SysProcAttr = pdeathsig()
	start := time.Now()
	if err := c.Start(); err != nil {
		fmt.Fprintln(os.Stderr, "hostile launcher:", err)
		return 125
	}
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM)
	go func() {
		for sig := range sigs {
			c.Process.Signal(sig)
		}
	}()
	c.Wait()
	r := measure(nil, c, start)
	fmt.Fprintf(report, "%d %q %d %d %f\n", r.code, r.signal, r.wall, r.cpu, r.rssMB)
	report.Close()
	if r.code < 0 {
		return 128 + 9
	}
	return r.code
}

// capped returns an exec.Cmd that runs apigw with s.args through the
// launcher, and a function that reads the launcher's report once the
// command has ended.
func capped(ctx context.Context, s spec) (*exec.Cmd, func(args []string, start time.Time) result) {
	self, err := os.Executable()
	if err != nil {
		self = os.Args[0]
	}
	c := exec.CommandContext(ctx, self, append([]string{bin}, s.args...)...)
	c.Dir = s.dir
	c.Env = append(os.Environ(), append(s.env, launchEnv+"=1", "APIGW_HOSTILE_CGROUP="+cgroup)...)
	c.Stdin = s.stdin
	c.WaitDelay = time.Second
	pr, pw, err := os.Pipe()
	if err != nil {
		panic(err)
	}
	c.ExtraFiles = []*os.File{pw}
	return c, func(args []string, start time.Time) result {
		pw.Close()
		data, _ := io.ReadAll(pr)
		pr.Close()
		r := result{args: args, code: -1, wall: time.Since(start)}
		var wall, cpu int64
		if _, err := fmt.Sscanf(string(data), "%d %q %d %d %f", &r.code, &r.signal, &wall, &cpu, &r.rssMB); err != nil {
			// The launcher itself was killed (the timeout).
			r.signal = "killed (timeout " + timeout.String() + ")"
			return r
		}
		r.wall, r.cpu = time.Duration(wall), time.Duration(cpu)
		return r
	}
}

// run runs the binary once and measures it.
func run(t *testing.T, s spec) result {
	t.Helper()
	if s.dir == "" {
		s.dir = t.TempDir()
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	c, report := capped(ctx, s)
	var out, errb bytes.Buffer
	c.Stdout, c.Stderr = &out, &errb
	start := time.Now()
	if err := c.Start(); err != nil {
		t.Fatalf("apigw %s: %v", strings.Join(s.args, " "), err)
	}
	c.Wait()
	r := report(s.args, start)
	r.stdout, r.stderr = out.Bytes(), errb.Bytes()
	return r
}

// measure reads the exit status and resource use of a finished command.
func measure(args []string, c *exec.Cmd, start time.Time) result {
	r := result{args: args, wall: time.Since(start), code: c.ProcessState.ExitCode()}
	if ws, ok := c.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		r.signal = ws.Signal().String()
	}
	if ru, ok := c.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		r.rssMB = float64(ru.Maxrss) / 1024 // kilobytes on Linux
		if runtime.GOOS == "darwin" {
			r.rssMB = float64(ru.Maxrss) / (1 << 20)
		}
	}
	return r
}

// expect runs s and holds it to the promises: the exit code, the time, the
// memory, and no change to the files of its folder (other than those in
// changes). A run over the time limit whose CPU time is within it is run
// again, since other tests share the machine.
func expect(t *testing.T, class string, code int, s spec, changes ...string) result {
	t.Helper()
	if s.dir == "" {
		s.dir = t.TempDir()
	}
	var r result
	for attempt := range 3 {
		before := snapshot(t, s.dir)
		full := deviceState()
		if attempt > 0 && s.stdin != nil {
			if seeker, ok := s.stdin.(io.Seeker); ok {
				seeker.Seek(0, io.SeekStart)
			}
		}
		r = run(t, s)
		after := snapshot(t, s.dir)
		for _, p := range changed(before, after) {
			if !slices.Contains(changes, p) {
				t.Errorf("%s\nchanged %s", r, p)
			}
		}
		if now := deviceState(); now != full {
			t.Errorf("%s\n/dev/full changed: %s, was %s", r, now, full)
		}
		if r.wall < maxWall || r.cpu >= maxWall {
			break
		}
	}
	record(class, r)
	if r.code != code {
		t.Errorf("%s\nwant exit %d", r, code)
	}
	if r.wall >= maxWall {
		t.Errorf("%s\ntook %s, over %s", r, r.wall, maxWall)
	}
	if r.rssMB >= maxRSSMB {
		t.Errorf("%s\npeak memory %.0f MB, over %d MB", r, r.rssMB, maxRSSMB)
	}
	return r
}

// fileState is what a snapshot keeps of a file.
type fileState struct {
	mode fs.FileMode
	uid  uint32
	size int64
	sum  [32]byte
}

// snapshot records every entry below dir (links not followed; named pipes
// and devices by their mode only).
func snapshot(t *testing.T, dir string) map[string]fileState {
	t.Helper()
	out := map[string]fileState{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		info, err := os.Lstat(p)
		if err != nil {
			return nil
		}
		st := fileState{mode: info.Mode(), size: info.Size()}
		sys, _ := info.Sys().(*syscall.Stat_t)
		if sys != nil {
			st.uid = sys.Uid
		}
		switch {
		case info.Mode().IsRegular() && info.Size() > 1<<20 && sys != nil:
			// Large inputs: any write or rename changes the inode's change
			// time, so that (with size, modification time and inode) stands
			// for the content without reading megabytes twice a run.
			st.sum = sha256.Sum256(fmt.Appendf(nil, "%d %d %d %d", sys.Ino, info.ModTime().UnixNano(), sys.Ctim.Sec, sys.Ctim.Nsec))
		case info.Mode().IsRegular():
			if data, err := os.ReadFile(p); err == nil {
				st.sum = sha256.Sum256(data)
			}
		case info.Mode()&fs.ModeSymlink != 0:
			target, _ := os.Readlink(p)
			st.sum = sha256.Sum256([]byte(target))
		}
		rel, _ := filepath.Rel(dir, p)
		out[rel] = st
		return nil
	})
	return out
}

// changed lists the paths that differ between two snapshots.
func changed(before, after map[string]fileState) []string {
	var out []string
	for p, b := range before {
		if a, ok := after[p]; !ok || a != b {
			out = append(out, p)
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

// deviceState describes /dev/full, which a careless writer as root turns
// into a regular file.
func deviceState() string {
	info, err := os.Lstat("/dev/full")
	if err != nil {
		return "absent"
	}
	return info.Mode().String()
}

// The measurements, per class, for the summary.
var (
	mu      sync.Mutex
	results = map[string][]result{}
	classes []string
)

func record(class string, r result) {
	mu.Lock()
	defer mu.Unlock()
	if _, ok := results[class]; !ok {
		classes = append(classes, class)
	}
	results[class] = append(results[class], r)
}

// printSummary prints, per class, the runs, the exit codes seen, and the
// worst time and memory (shown by go test -v).
func printSummary() {
	if len(classes) == 0 {
		return
	}
	fmt.Printf("\n%-22s %5s  %-12s %10s %10s %9s\n", "class", "runs", "exit codes", "worst wall", "worst cpu", "worst MB")
	for _, c := range classes {
		var wall, cpu time.Duration
		var rss float64
		codes := map[int]bool{}
		for _, r := range results[c] {
			wall, cpu, rss = max(wall, r.wall), max(cpu, r.cpu), max(rss, r.rssMB)
			codes[r.code] = true
		}
		var list []string
		for code := range codes {
			list = append(list, fmt.Sprint(code))
		}
		slices.Sort(list)
		fmt.Printf("%-22s %5d  %-12s %10s %10s %9.0f\n", c, len(results[c]), strings.Join(list, ","),
			wall.Round(time.Millisecond), cpu.Round(time.Millisecond), rss)
	}
	fmt.Printf("memory cap: %s\n", capMode)
	if len(killSummary) == 3 {
		fmt.Printf("kill -9 during fmt -w, 40 runs: %d left the original, %d the new content (%d killed while writing); no other state seen\n",
			killSummary[0], killSummary[1], killSummary[2])
	}
}
