package source_test

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/apigw/apigw/extensions/source"
)

func ExampleReadFile() {
	dir, _ := os.MkdirTemp("", "example")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "api.yaml")
	os.WriteFile(path, []byte("openapi: 3.0.1\n"), 0o644)

	data, err := source.ReadFile(path, source.Limits{})
	fmt.Printf("%q %v\n", data, err)

	_, err = source.ReadFile(path, source.Limits{MaxBytes: 8})
	var le *source.LimitError
	if errors.As(err, &le) {
		fmt.Println(le.Limit, le.Code)
	}
	// Output:
	// "openapi: 3.0.1\n" <nil>
	// size APIGW010
}

func ExampleReadAll() {
	// Standard input, say, that goes on and on: reading stops at the limit.
	endless := strings.NewReader(strings.Repeat("x", 1<<20))
	_, err := source.ReadAll("standard input", endless, source.Limits{MaxBytes: 1024})
	fmt.Println(err)
	// Output:
	// standard input:0:0: the input is larger than the limit of 1024 bytes; the input is refused (raise the size limit if the file is genuine) [APIGW010]
}

func ExampleFileKind() {
	fmt.Println(source.FileKind(fs.ModeNamedPipe), "/", source.FileKind(fs.ModeDevice|fs.ModeCharDevice))
	// Output:
	// a named pipe (FIFO) / a character device
}
