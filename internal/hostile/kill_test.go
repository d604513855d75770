package hostile

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/apigw/apigw/internal/specgen"
)

// temps lists the temporary files of fmt -w beside name.
func temps(t *testing.T, dir, name string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Error(err) // not Fatal: the kill loops call it from goroutines
		return nil
	}
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "."+name+".apigw-") {
			out = append(out, e.Name())
		}
	}
	return out
}

// TestKillDuringFmtWrite kills fmt -w with SIGKILL 40 times while it
// rewrites a 15 MB file: half at a random moment of the whole run, half
// just after it starts writing. Every time the file is either the original
// or the complete new content, and the run after each kill leaves no
// temporary file behind. Two copies are worked on at once, 20 kills each.
func TestKillDuringFmtWrite(t *testing.T) {
	if testing.Short() {
		t.Skip("40 runs on a 15 MB file: not under -short")
	}
	t.Parallel() // it measures no times: it runs beside the trace test
	var compact bytes.Buffer
	if err := json.Compact(&compact, specgen.JSON(3000)); err != nil {
		t.Fatal(err)
	}
	original := compact.Bytes()
	counts := make([]killCounts, 2)
	var wg sync.WaitGroup
	for w := range counts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			counts[w] = killLoop(t, original, 20, uint64(w))
		}()
	}
	wg.Wait()
	var total killCounts
	for _, c := range counts {
		total.intact += c.intact
		total.replaced += c.replaced
		total.whileWriting += c.whileWriting
	}
	t.Logf("40 kills during fmt -w of %d bytes (a run takes %s, %s of it writing): %d left the original, %d the new content; %d killed while writing",
		len(original), counts[0].full.Round(time.Millisecond), counts[0].write.Round(time.Millisecond), total.intact, total.replaced, total.whileWriting)
	if total.whileWriting < 15 {
		t.Errorf("only %d runs were killed while writing", total.whileWriting)
	}
	killSummary = []int{total.intact, total.replaced, total.whileWriting}
}

// killCounts is what one kill loop saw.
type killCounts struct {
	intact, replaced, whileWriting int
	full, write                    time.Duration
}

// killLoop kills fmt -w runs times on a copy of original of its own (it
// reports through t.Error, safe from any goroutine).
func killLoop(t *testing.T, original []byte, runs int, seed uint64) killCounts {
	dir := t.TempDir()
	const name = "api.json"
	path := filepath.Join(dir, name)
	restore := func() bool {
		if err := os.WriteFile(path, original, 0o644); err != nil {
			t.Error(err)
			return false
		}
		return true
	}
	fmtW := func() *exec.Cmd {
		c := exec.Command(bin, "fmt", "-w", name)
		c.Dir = dir
		return c
	}
	var k killCounts
	// One complete run: the new content, how long a run takes, and how long
	// it writes (from its temporary file's appearance to its end).
	if !restore() {
		return k
	}
	start := time.Now()
	first := fmtW()
	if err := first.Start(); err != nil {
		t.Error(err)
		return k
	}
	exited := make(chan struct{})
	go func() { first.Wait(); close(exited) }()
	var writing time.Time
	for done := false; !done; {
		if writing.IsZero() && len(temps(t, dir, name)) > 0 {
			writing = time.Now()
		}
		select {
		case <-exited:
			done = true
		case <-time.After(500 * time.Microsecond):
		}
	}
	k.full, k.write = time.Since(start), time.Since(writing)
	formatted, _ := os.ReadFile(path)
	if writing.IsZero() || !first.ProcessState.Success() || bytes.Equal(formatted, original) || len(original) < 14<<20 {
		t.Errorf("the first run did not rewrite the %d-byte input through a temporary file: %v", len(original), first.ProcessState)
		return k
	}

	rng := rand.New(rand.NewPCG(15, 40+seed))
	changed := true
	for i := range runs {
		if changed && !restore() {
			return k
		}
		c := fmtW()
		if err := c.Start(); err != nil {
			t.Error(err)
			return k
		}
		var own string
		if i%2 == 0 {
			time.Sleep(time.Duration(rng.Int64N(int64(k.full))))
		} else {
			// Wait for this run's temporary file, then kill it while it
			// writes, syncs or renames.
			for deadline := time.Now().Add(3 * k.full); time.Now().Before(deadline) && own == ""; {
				for _, tmp := range temps(t, dir, name) {
					if strings.Contains(tmp, ".apigw-"+strconv.Itoa(c.Process.Pid)+"-") {
						own = tmp
					}
				}
				if own == "" {
					time.Sleep(500 * time.Microsecond)
				}
			}
			time.Sleep(time.Duration(rng.Int64N(int64(k.write + k.write/2 + time.Millisecond))))
		}
		c.Process.Kill()
		c.Wait()
		now, err := os.ReadFile(path)
		switch {
		case err != nil:
			t.Errorf("run %d: %v", i, err)
			return k
		case bytes.Equal(now, original):
			k.intact++
			changed = false
		case bytes.Equal(now, formatted):
			k.replaced++
			changed = true
		default:
			t.Errorf("run %d: the file is neither the original nor the new content (%d bytes)", i, len(now))
			return k
		}
		if own != "" {
			k.whileWriting++
			// This run got as far as writing: it removed what earlier
			// killed runs left, so only its own file may remain.
			for _, tmp := range temps(t, dir, name) {
				if tmp != own {
					t.Errorf("run %d: %s, left by an earlier run, is still there", i, tmp)
				}
			}
		}
		if i%8 == 7 || i == runs-1 {
			// The next complete run leaves no temporary file at all.
			if !restore() {
				return k
			}
			if out, err := fmtW().CombinedOutput(); err != nil {
				t.Errorf("fmt -w: %v %s", err, out)
			}
			if left := temps(t, dir, name); len(left) > 0 {
				t.Errorf("after run %d and a complete run: %v left", i, left)
			}
			changed = true
		}
	}
	return k
}

// killSummary holds the loop's counts for the summary.
var killSummary []int
