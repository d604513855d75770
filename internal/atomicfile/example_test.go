package atomicfile_test

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/apigw/apigw/internal/atomicfile"
)

func ExampleWriteAll() {
	dir, _ := os.MkdirTemp("", "example")
	defer os.RemoveAll(dir)
	err := atomicfile.WriteAll([]atomicfile.File{
		{Path: filepath.Join(dir, "api.yaml"), Data: []byte("openapi: 3.0.1\n"), Perm: 0o644},
		{Path: filepath.Join(dir, "api.json"), Data: []byte("{\"openapi\": \"3.0.1\"}\n"), Perm: 0o644},
	})
	data, _ := os.ReadFile(filepath.Join(dir, "api.yaml"))
	fmt.Print(string(data), err)
	// Output:
	// openapi: 3.0.1
	// <nil>
}

func ExampleWrite() {
	dir, _ := os.MkdirTemp("", "example")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "out.json")
	err := atomicfile.Write(path, []byte("{}\n"), 0o644)
	data, _ := os.ReadFile(path)
	fmt.Print(string(data), err)
	// Output:
	// {}
	// <nil>
}

func ExampleRemoveStale() {
	dir, _ := os.MkdirTemp("", "example")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "api.yaml")
	os.WriteFile(path, []byte("openapi: 3.0.1\n"), 0o644)
	// A temporary file that an interrupted write left, long ago.
	stale := filepath.Join(dir, ".api.yaml.apigw-1-x.tmp")
	os.WriteFile(stale, []byte("openapi: 3."), 0o600)
	old := time.Now().Add(-48 * time.Hour)
	os.Chtimes(stale, old, old)
	atomicfile.RemoveStale(path)
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		fmt.Println(e.Name())
	}
	// Output:
	// api.yaml
}
