// Command bench measures what Go benchmarks cannot: the peak memory and
// wall time of the apigw binary running each command on the generated
// documents, as multiples of the input size and of a process decoding the
// same file with encoding/json, and the requests per second apigw serve
// answers under wrk, beside a bare net/http handler writing the same body
// (static templates; and templates that read the request).
//
//	go run ./cmd/apigw/bench mem [-ops 100,1000,3000,10000] [-runs 3]
//	go run ./cmd/apigw/bench serve [-routes 1,10000] [-duration 10s]
//	go run ./cmd/apigw/bench specs -o DIR [-ops 1000]
//	go run ./cmd/apigw/bench decode FILE
//
// mem and serve build apigw first (or use -apigw); every document is
// generated into a temporary folder and removed afterwards. serve needs
// wrk on PATH; the load generator, the server and (in turn) the bare
// handler share the machine.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/apigw/apigw/internal/specgen"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	var err error
	switch os.Args[1] {
	case "mem":
		err = memCmd(os.Args[2:])
	case "serve":
		err = serveCmd(os.Args[2:])
	case "specs":
		err = specsCmd(os.Args[2:])
	case "decode":
		err = decodeCmd(os.Args[2:])
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: bench mem|serve|specs|decode [flags]")
	os.Exit(2)
}

// sizes parses a comma-separated list of counts.
func sizes(s string) ([]int, error) {
	var out []int
	for f := range strings.SplitSeq(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("%q is not a count", f)
		}
		out = append(out, n)
	}
	return out, nil
}

// workdir makes the temporary folder the documents go into and builds
// apigw there, unless *bin names a binary already.
func workdir(bin *string) (string, error) {
	dir, err := os.MkdirTemp("", "apigw-bench-")
	if err != nil || *bin != "" {
		return dir, err
	}
	*bin = filepath.Join(dir, "apigw")
	cmd := exec.Command("go", "build", "-o", *bin, "github.com/apigw/apigw/cmd/apigw")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		os.RemoveAll(dir)
		return "", err
	}
	return dir, nil
}

// writeSpecs writes n.json and n.yaml into dir.
func writeSpecs(dir string, n int) error {
	err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%d.json", n)), specgen.JSON(n), 0o644)
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, fmt.Sprintf("%d.yaml", n)), specgen.YAML(n), 0o644)
	}
	return err
}

func specsCmd(args []string) error {
	fs := flag.NewFlagSet("specs", flag.ExitOnError)
	out := fs.String("o", "", "folder to write N.json and N.yaml into")
	ops := fs.String("ops", "1000", "operation counts, comma-separated")
	fs.Parse(args)
	if *out == "" {
		return errors.New("specs: -o DIR is required")
	}
	ns, err := sizes(*ops)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	for _, n := range ns {
		if err := writeSpecs(*out, n); err != nil {
			return err
		}
	}
	return nil
}

// run runs bin with args, output discarded, and returns its wall time and
// peak resident set size in bytes.
func run(bin string, args []string) (time.Duration, int64, error) {
	cmd := exec.Command(bin, args...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	var exit *exec.ExitError
	if errors.As(err, &exit) && exit.ExitCode() == 1 {
		err = nil // findings, not a failure
	}
	if err != nil {
		return 0, 0, fmt.Errorf("%s: %v: %s", strings.Join(args, " "), err, stderr.String())
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		return wall, 0, nil
	}
	return wall, int64(ru.Maxrss) * 1024, nil // Linux reports KiB
}

func memCmd(args []string) error {
	fs := flag.NewFlagSet("mem", flag.ExitOnError)
	ops := fs.String("ops", "100,1000,3000,10000", "operation counts, comma-separated")
	runs := fs.Int("runs", 3, "runs per command; the median is shown")
	bin := fs.String("apigw", "", "apigw binary (default: build it)")
	only := fs.String("run", "", "only commands whose name contains this")
	fs.Parse(args)
	ns, err := sizes(*ops)
	if err != nil {
		return err
	}
	dir, err := workdir(bin)
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	fmt.Printf("%-22s %6s %9s %9s %7s %9s %9s\n", "command", "ops", "input MB", "peak MB", "peak/in", "wall s", "x decode")
	self, err := os.Executable()
	if err != nil {
		return err
	}
	for _, n := range ns {
		// Another process writes the documents: a child's peak includes
		// its parent's memory at the fork (Linux counts the mm it leaves
		// at exec), so this process stays small.
		gen := exec.Command(self, "specs", "-o", dir, "-ops", strconv.Itoa(n))
		gen.Stderr = os.Stderr
		if err := gen.Run(); err != nil {
			return err
		}
		doc := filepath.Join(dir, fmt.Sprintf("%d.json", n))
		yamlDoc := filepath.Join(dir, fmt.Sprintf("%d.yaml", n))
		info, err := os.Stat(doc)
		if err != nil {
			return err
		}
		size := int(info.Size())
		limit := []string{"--max-size", strconv.Itoa(4 * size)}
		dump := filepath.Join(dir, fmt.Sprintf("%d.dump.json", n))
		if _, _, err := run(*bin, append([]string{"import", doc, "-o", dump}, limit...)); err != nil {
			return err
		}
		decode := []string{"decode", doc}
		var m measured
		for range *runs {
			wall, peak, err := run(self, decode)
			if err != nil {
				return err
			}
			m.add(wall, peak, 1)
		}
		m.print("json-decode", n, size)
		out := filepath.Join(dir, "out")
		for _, c := range specgen.Commands(doc, yamlDoc, dump, out) {
			if !strings.Contains(c.Name, *only) {
				continue
			}
			if c.Again {
				if _, _, err := run(*bin, append(c.Args, limit...)); err != nil { // the output it writes over
					return err
				}
			}
			var m measured
			for range *runs {
				if !c.Again {
					os.RemoveAll(out)
				}
				// Each run is paired with a decode just before it, so
				// the machine's load moves both alike.
				ref, _, err := run(self, decode)
				if err != nil {
					return err
				}
				wall, peak, err := run(*bin, append(c.Args, limit...))
				if err != nil {
					return err
				}
				m.add(wall, peak, float64(wall)/float64(ref))
			}
			m.print(c.Name, n, size)
		}
		os.Remove(doc)
		os.Remove(yamlDoc)
		os.Remove(dump)
	}
	return nil
}

func serveCmd(args []string) error {
	fs := flag.NewFlagSet("serve", flag.ExitOnError)
	routes := fs.String("routes", "1,10000", "route counts, comma-separated")
	duration := fs.Duration("duration", 10*time.Second, "how long wrk runs each time")
	conns := fs.Int("connections", 32, "wrk connections")
	threads := fs.Int("threads", 1, "wrk threads")
	runs := fs.Int("runs", 3, "runs per server; the median is shown")
	bin := fs.String("apigw", "", "apigw binary (default: build it)")
	fs.Parse(args)
	ns, err := sizes(*routes)
	if err != nil {
		return err
	}
	if _, err := exec.LookPath("wrk"); err != nil {
		return errors.New("serve: wrk is not on PATH (apt-get install wrk)")
	}
	dir, err := workdir(bin)
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	wrk := func(url string) (float64, error) {
		var rates []float64
		for range *runs {
			r, err := wrkRate(url, *duration, *conns, *threads)
			if err != nil {
				return 0, err
			}
			rates = append(rates, r)
		}
		slices.Sort(rates)
		return rates[len(rates)/2], nil
	}
	bare, err := wrkBare(wrk)
	if err != nil {
		return err
	}
	fmt.Printf("%-44s %12s %8s\n", "server", "requests/s", "of bare")
	fmt.Printf("%-44s %12.0f %7.0f%%\n", "bare net/http handler", bare, 100.0)
	for _, t := range []struct{ name, template string }{{"static", specgen.MockBody}, {"reads request", specgen.MockRequestTemplate}} {
		for _, n := range ns {
			doc := filepath.Join(dir, fmt.Sprintf("mock%d.json", n))
			if err := os.WriteFile(doc, specgen.Mock(n, t.template), 0o644); err != nil {
				return err
			}
			rate, err := wrkServe(*bin, doc, fmt.Sprintf("/r%d/items/42", n-1), t.template == specgen.MockBody, wrk)
			if err != nil {
				return err
			}
			fmt.Printf("%-44s %12.0f %7.0f%%\n", fmt.Sprintf("apigw serve, %d routes, %s", n, t.name), rate, 100*rate/bare)
		}
	}
	return nil
}

// wrkBare measures a bare net/http handler answering MockBody, in this
// process.
func wrkBare(wrk func(string) (float64, error)) (float64, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	body := []byte(specgen.MockBody)
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(body)
	})}
	go srv.Serve(ln)
	defer srv.Shutdown(context.Background())
	return wrk("http://" + ln.Addr().String() + "/r0/items/42")
}

var listening = regexp.MustCompile(`listening on (http://\S+)`)

// wrkServe starts apigw serve on doc and measures requests to path. Its
// request log goes to a file, as to a terminal: one write per request.
func wrkServe(bin, doc, path string, static bool, wrk func(string) (float64, error)) (float64, error) {
	log, err := os.CreateTemp(filepath.Dir(doc), "serve-*.log")
	if err != nil {
		return 0, err
	}
	defer os.Remove(log.Name())
	defer log.Close()
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--max-size", "1000000000", doc)
	cmd.Stderr = log
	if err := cmd.Start(); err != nil {
		return 0, err
	}
	defer func() {
		cmd.Process.Signal(syscall.SIGTERM)
		cmd.Wait()
	}()
	var base string
	for deadline := time.Now().Add(time.Minute); base == "" && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		text, _ := os.ReadFile(log.Name())
		if m := listening.FindSubmatch(text); m != nil {
			base = string(m[1])
		}
	}
	if base == "" {
		return 0, fmt.Errorf("apigw serve %s did not start", doc)
	}
	resp, err := http.Get(base + path)
	if err != nil {
		return 0, err
	}
	got, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || static && string(got) != specgen.MockBody {
		return 0, fmt.Errorf("apigw serve answered %d %q to %s, want 200 %s", resp.StatusCode, got, path, specgen.MockBody)
	}
	return wrk(base + path)
}

var requestsPerSec = regexp.MustCompile(`Requests/sec:\s+([0-9.]+)`)

// wrkRate runs wrk once against url and returns its requests per second.
func wrkRate(url string, d time.Duration, conns, threads int) (float64, error) {
	out, err := exec.Command("wrk", "-t", strconv.Itoa(threads), "-c", strconv.Itoa(conns),
		"-d", strconv.Itoa(int(d.Seconds()))+"s", url).CombinedOutput()
	if err != nil {
		return 0, fmt.Errorf("wrk: %v: %s", err, out)
	}
	m := requestsPerSec.FindSubmatch(out)
	if m == nil {
		return 0, fmt.Errorf("wrk printed no Requests/sec: %s", out)
	}
	return strconv.ParseFloat(string(m[1]), 64)
}
