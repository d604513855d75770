package main

// Reading inputs: every file a command reads comes through readInput, under
// the limits of --max-size (or APIGW_MAX_SIZE) and the source package's
// defaults.

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"syscall"

	"github.com/apigw/apigw/extensions/source"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// maxSizeEnv names the environment variable that raises (or lowers) the
// size limit when --max-size is not given.
const maxSizeEnv = "APIGW_MAX_SIZE"

// addMaxSize registers --max-size on the root command, for every command.
func addMaxSize(root *cobra.Command) {
	root.PersistentFlags().String("max-size", "", "the largest input read, e.g. 64MiB or 100000000 (default 32MiB, or $"+maxSizeEnv+"); YAML aliases may expand to as much")
}

// inputLimits returns the limits inputs are read under: --max-size, else
// $APIGW_MAX_SIZE, else the defaults. A value that is not a size is a usage error.
func inputLimits(cmd *cobra.Command) (source.Limits, error) {
	value, from := os.Getenv(maxSizeEnv), maxSizeEnv
	if f := cmd.Flags().Lookup("max-size"); f != nil && f.Changed {
		value, from = f.Value.String(), "--max-size"
	} else if f := cmd.InheritedFlags().Lookup("max-size"); f != nil && f.Changed {
		value, from = f.Value.String(), "--max-size"
	}
	if value == "" {
		return source.Limits{}, nil
	}
	n, err := parseSize(value)
	if err != nil {
		return source.Limits{}, withCode(exitUsage, fmt.Errorf("%s %q: %w", from, value, err))
	}
	return source.Limits{MaxBytes: n}, nil
}

// sizeUnits are the suffixes parseSize accepts, longest first.
var sizeUnits = []struct {
	suffix string
	factor int64
}{
	{"kib", 1 << 10}, {"mib", 1 << 20}, {"gib", 1 << 30},
	{"kb", 1e3}, {"mb", 1e6}, {"gb", 1e9},
	{"k", 1 << 10}, {"m", 1 << 20}, {"g", 1 << 30},
	{"b", 1},
}

// parseSize reads a byte count: digits with an optional unit (B; KiB, MiB,
// GiB or K, M, G in powers of 1024; KB, MB, GB in powers of 1000).
func parseSize(s string) (int64, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	factor := int64(1)
	for _, u := range sizeUnits {
		if num, ok := strings.CutSuffix(t, u.suffix); ok {
			t, factor = strings.TrimSpace(num), u.factor
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 || n > (1<<62)/factor {
		return 0, errors.New("write a positive size such as 64MiB, 100MB or 100000000")
	}
	return n * factor, nil
}

// stdinPath is the path that names standard input.
const stdinPath = "-"

// addStdinFilename registers --stdin-filename on the root command.
func addStdinFilename(root *cobra.Command) {
	root.PersistentFlags().String("stdin-filename", "", "the file name a document read from standard input (-) is reported under (default <stdin>); its ending says YAML or JSON and .tpl, as a file's does")
}

// inputName is how an input is named in diagnostics: its path, or for
// standard input --stdin-filename, else "<stdin>".
func inputName(cmd *cobra.Command, path string) string {
	if path != stdinPath {
		return path
	}
	for _, fs := range []interface{ Lookup(string) *pflag.Flag }{cmd.Flags(), cmd.InheritedFlags()} {
		if f := fs.Lookup("stdin-filename"); f != nil && f.Value.String() != "" {
			return f.Value.String()
		}
	}
	return "<stdin>"
}

// readInput reads the file a command was given, or standard input for
// "-", and returns it with the name diagnostics use (see inputName). A
// refusal by a limit is returned as is (exit code 3); a file that cannot be
// opened or read (missing, a folder, no permission) is a usage error (exit
// code 2).
func readInput(cmd *cobra.Command, path string, lim source.Limits) (string, []byte, error) {
	name := inputName(cmd, path)
	var data []byte
	var err error
	if path == stdinPath {
		data, err = source.ReadAll(name, cmd.InOrStdin(), lim)
	} else {
		data, err = source.ReadFile(path, lim)
	}
	if err == nil {
		growHeapFor(len(data))
		return name, data, nil
	}
	var le *source.LimitError
	if errors.As(err, &le) {
		return name, nil, err
	}
	return name, nil, withCode(exitUsage, inputError(name, err))
}

// inputError says why path cannot be read, in a user's words.
func inputError(path string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s: no such file", path)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("%s: permission denied", path)
	case errors.Is(err, syscall.EISDIR):
		return fmt.Errorf("%s: is a folder; name a file", path)
	}
	return fmt.Errorf("%s: %w", path, err)
}
