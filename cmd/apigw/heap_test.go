package main

import (
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"testing"

	"github.com/apigw/apigw/internal/specgen"
)

// gcSetting reads the GOGC in force and the heap the next collection waits for.
func gcSetting() (gogc, goal uint64) {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}, {Name: "/gc/heap/goal:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64(), s[1].Value.Uint64()
}

func TestGrowHeapForRaisesTheFirstGoalUntilACollection(t *testing.T) {
	t.Setenv("GOGC", "")
	runtime.GC()
	before, _ := gcSetting()
	const input = 40 << 20
	growHeapFor(input)
	defer endHeapStart(0)
	gogc, goal := gcSetting()
	want := uint64(input * heapPerInputByte)
	if gogc <= before || goal < want*4/5 || goal > want*5/4 {
		t.Fatalf("after growHeapFor(%d): GOGC %d (was %d), heap goal %d; want a raised GOGC and a goal near %d", input, gogc, before, goal, want)
	}
	// The next collection ends the raise, through the sentinel's cleanup.
	for i := 0; i < 1000; i++ {
		runtime.GC()
		runtime.Gosched()
		if gogc, _ = gcSetting(); gogc == before {
			return
		}
	}
	t.Fatalf("GOGC is still %d after collections; want %d back", gogc, before)
}

func TestGrowHeapForLeavesAGOGCSetInTheEnvironment(t *testing.T) {
	t.Setenv("GOGC", "100")
	before, goal := gcSetting()
	growHeapFor(40 << 20)
	defer endHeapStart(0)
	if gogc, g := gcSetting(); gogc != before || g > goal*2 {
		t.Fatalf("GOGC %d, goal %d after growHeapFor with GOGC set; want %d, about %d", gogc, g, before, goal)
	}
}

func TestGrowHeapForIgnoresSmallInputs(t *testing.T) {
	t.Setenv("GOGC", "")
	runtime.GC()
	before, _ := gcSetting()
	growHeapFor(1000) // a goal below the collector's own
	defer endHeapStart(0)
	if gogc, _ := gcSetting(); gogc != before {
		t.Fatalf("GOGC %d after a 1,000-byte input; want %d", gogc, before)
	}
}

func TestEndHeapStartOfAnEarlierRaiseLeavesALaterOne(t *testing.T) {
	t.Setenv("GOGC", "")
	runtime.GC()
	before, _ := gcSetting()
	growHeapFor(40 << 20)
	first := heapStart.gen
	endHeapStart(0)
	if gogc, _ := gcSetting(); gogc != before {
		t.Fatalf("GOGC %d after endHeapStart(0); want %d", gogc, before)
	}
	runtime.GC()
	growHeapFor(40 << 20)
	defer endHeapStart(0)
	endHeapStart(first) // a late cleanup of the first raise
	if gogc, _ := gcSetting(); gogc == before {
		t.Fatal("the cleanup of an earlier raise ended the current one")
	}
	endHeapStart(heapStart.gen)
	if gogc, _ := gcSetting(); gogc != before {
		t.Fatalf("GOGC %d after the current raise ended; want %d", gogc, before)
	}
}

// A command raises GOGC for its input and puts it back when it returns,
// whether or not a collection ran meanwhile.
func TestCommandsPutGOGCBack(t *testing.T) {
	t.Setenv("GOGC", "")
	dir := t.TempDir()
	doc := filepath.Join(dir, "api.json")
	if err := os.WriteFile(doc, specgen.JSON(300), 0o644); err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	before, _ := gcSetting()
	for _, args := range [][]string{{"check", doc}, {"convert", "--to", "oas31", doc}, {"import", doc}} {
		if code := run(args, nil, io.Discard, io.Discard); code > exitFindings {
			t.Fatalf("%v: exit %d", args, code)
		}
		if gogc, _ := gcSetting(); gogc != before {
			t.Fatalf("%v: GOGC %d after the command; want %d", args, gogc, before)
		}
	}
}
