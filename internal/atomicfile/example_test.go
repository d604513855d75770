package atomicfile_test

import (
	"fmt"
	"os"
	"path/filepath"

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
