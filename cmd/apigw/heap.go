package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// Go's collector first runs when the heap reaches 4 MB, and then each time
// it doubles what was live. Every command holds the input's source tree and
// models to its end, so on the way up it collects five or six times, each
// cycle marking everything read so far (with no collection at all, check
// takes a third less time at 1,000 operations). Once the input's size is
// known, growHeapFor raises GOGC so that the first cycle runs when the heap
// reaches heapPerInputByte times the input, less than any command holds at
// its peak, and that cycle puts GOGC back: the collections on the way up
// are saved, and the collector paces the rest as usual. The Go compiler does
// the same (cmd/compile's AdjustStartingHeap). A GOGC set in the
// environment is left alone.

// heapPerInputByte is the heap the first collection waits for, per byte of
// input: the source tree alone is about 5.6 times a JSON input, and no
// command peaks below 11 times.
const heapPerInputByte = 10

// heapStart is the state of the raised GOGC. gen counts the raises, so that
// the cleanup of an earlier raise does not end a later one.
var heapStart struct {
	mu     sync.Mutex
	raised bool
	gogc   int    // the GOGC to put back
	goal   uint64 // the heap the first collection waits for
	gen    int
}

// growHeapFor lets the heap grow to heapPerInputByte times n, the size of
// an input, before the collector runs at its usual pace.
func growHeapFor(n int) {
	if n <= 0 || os.Getenv("GOGC") != "" {
		return
	}
	goal := uint64(n) * heapPerInputByte
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}, {Name: "/gc/heap/goal:bytes"}, {Name: "/gc/heap/live:bytes"}, {Name: "/gc/cycles/total:gc-cycles"}}
	heapStart.mu.Lock()
	defer heapStart.mu.Unlock()
	if goal <= heapStart.goal {
		return
	}
	metrics.Read(s)
	now, cur, live := s[0].Value.Uint64(), s[1].Value.Uint64(), s[2].Value.Uint64()
	gogc := now
	if heapStart.raised {
		gogc = uint64(heapStart.gogc)
	}
	if gogc == 0 || cur == 0 || goal <= cur {
		return
	}
	// Before the first cycle the goal is a minimum that scales with GOGC;
	// after one, the larger of that minimum and what was live times
	// 1+GOGC/100: the second guess corrects the first by the goal it gave.
	percent := now * goal / cur
	if s[3].Value.Uint64() > 0 && live > 0 {
		if live >= goal {
			return
		}
		percent = 100 * (goal - live) / live
	}
	if percent <= gogc {
		return
	}
	if !heapStart.raised {
		heapStart.raised, heapStart.gogc = true, int(gogc)
		heapStart.gen++
		gen := heapStart.gen
		// The first collection from now on finds the sentinel unreachable
		// (32 bytes: the tiny allocator would batch a smaller one).
		runtime.AddCleanup(new([4]uint64), func(gen int) { endHeapStart(gen) }, gen)
	}
	heapStart.goal = goal
	debug.SetGCPercent(int(percent))
	metrics.Read(s[1:2])
	if got := s[1].Value.Uint64(); got > goal+goal/8 {
		percent = percent * goal / got
		debug.SetGCPercent(int(max(percent, gogc)))
		metrics.Read(s[1:2])
	}
	if s[1].Value.Uint64() > goal+goal/4 { // the collector paces otherwise than assumed
		putGOGCBack()
	}
}

// endHeapStart puts GOGC back when raise gen is still in force. Zero
// ends any raise, as a command does when it returns.
func endHeapStart(gen int) {
	heapStart.mu.Lock()
	defer heapStart.mu.Unlock()
	if heapStart.raised && (gen == 0 || gen == heapStart.gen) {
		putGOGCBack()
	}
}

// putGOGCBack ends the raise; heapStart.mu is held.
func putGOGCBack() {
	heapStart.raised, heapStart.goal = false, 0
	debug.SetGCPercent(heapStart.gogc)
}
