package schema

import (
	"runtime"
	"sync"

	"github.com/invopop/jsonschema"
)

// marshaller writes the operations' schemas and index entries to JSON on
// worker goroutines while ForAPI converts the operations that follow.
type marshaller struct {
	out  []marshalled
	work chan marshalJob
	wg   sync.WaitGroup
}

// marshalJob is the i-th file's schema and index entry.
type marshalJob struct {
	i     int
	s     *jsonschema.Schema
	entry IndexEntry
}

// marshalled is a schema and its index entry written to JSON.
type marshalled struct {
	data  []byte // the schema file
	entry []byte // the entry as marshalEntry writes it
	err   error
}

// newMarshaller starts the workers for at most n files: one per processor
// but the one ForAPI converts on, and at least one.
func newMarshaller(n int) *marshaller {
	m := &marshaller{out: make([]marshalled, n), work: make(chan marshalJob, 64)}
	for range max(1, runtime.GOMAXPROCS(0)-1) {
		m.wg.Add(1)
		go func() {
			defer m.wg.Done()
			for j := range m.work {
				o := &m.out[j.i]
				if o.data, o.err = marshalSchema(j.s); o.err == nil {
					o.entry, o.err = marshalEntry(j.entry)
				}
			}
		}()
	}
	return m
}

// add hands the i-th file's schema and entry to a worker; neither may
// change afterwards.
func (m *marshaller) add(i int, s *jsonschema.Schema, entry IndexEntry) {
	m.work <- marshalJob{i, s, entry}
}

// wait waits for the workers and returns the files written, by index.
func (m *marshaller) wait() []marshalled {
	close(m.work)
	m.wg.Wait()
	return m.out
}
