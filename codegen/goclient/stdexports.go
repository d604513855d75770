package goclient

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/apigw/apigw/internal/atomicfile"
)

// The type check reads the standard library's export data, which "go list
// -export" locates in the build cache: about 0.15 s, most of the time a
// small client takes. Where the files are is kept in the user's cache
// folder, for the go command and environment that listed them. The build
// cache names a file by its content, so a listed file that is still there
// still holds what was listed; one that is gone (go clean -cache) makes the
// listing run again.

// stdExports returns the export data file of each of stdPackages: from the
// cache file when it was written for key and every file it names is still
// there, else from list (go list's output, one "path=file" line a package),
// whose answer is then cached. An empty key or cache path turns the cache
// off.
func stdExports(cache, key string, list func() ([]byte, error)) (map[string]string, error) {
	if cache != "" && key != "" {
		if data, err := os.ReadFile(cache); err == nil {
			if k, rest, ok := strings.Cut(string(data), "\n"); ok && k == key {
				if exports := parseExports(rest); complete(exports) {
					return exports, nil
				}
			}
		}
	}
	out, err := list()
	if err != nil {
		return nil, err
	}
	exports := parseExports(string(out))
	if cache != "" && key != "" && complete(exports) {
		var b bytes.Buffer
		b.WriteString(key + "\n")
		for _, p := range stdPackages {
			b.WriteString(p + "=" + exports[p] + "\n")
		}
		// The cache is an aid (atomicfile makes its folder): one that
		// cannot be written only costs the listing next time.
		atomicfile.Write(cache, b.Bytes(), 0o644)
	}
	return exports, nil
}

// parseExports reads "path=file" lines.
func parseExports(text string) map[string]string {
	exports := map[string]string{}
	for line := range strings.SplitSeq(strings.TrimSpace(text), "\n") {
		if path, file, ok := strings.Cut(line, "="); ok && file != "" {
			exports[path] = file
		}
	}
	return exports
}

// complete tells whether exports names a file for every one of
// stdPackages, each a non-empty regular file.
func complete(exports map[string]string) bool {
	return !slices.ContainsFunc(stdPackages, func(p string) bool {
		info, err := os.Stat(exports[p])
		return err != nil || !info.Mode().IsRegular() || info.Size() == 0
	})
}

// listStd runs go list for the export data of stdPackages.
func listStd() ([]byte, error) {
	return goOutput(append([]string{"list", "-export", "-f", "{{.ImportPath}}={{.Export}}"}, stdPackages...)...)
}

// stdCacheFile is where stdExports keeps the listing, "" when the user has
// no cache folder.
func stdCacheFile() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "apigw", "goclient-std-exports")
}

// goKey identifies the go command that goCommand runs and what steers it:
// the command's path, size and modification time, the packages listed and
// the environment it is given. "" when there is no go command.
func goKey() string {
	path, err := exec.LookPath("go")
	if err != nil {
		return ""
	}
	info, err := os.Stat(path)
	if err != nil {
		return ""
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%d\x00%d\x00%s\x00", path, info.Size(), info.ModTime().UnixNano(), strings.Join(stdPackages, ","))
	env := goEnv()
	slices.Sort(env)
	for _, kv := range env {
		if strings.HasPrefix(kv, "GO") || strings.HasPrefix(kv, "CGO_") || strings.HasPrefix(kv, "HOME=") || strings.HasPrefix(kv, "XDG_CACHE_HOME=") {
			fmt.Fprintf(h, "%s\x00", kv)
		}
	}
	return "apigw goclient std exports " + hex.EncodeToString(h.Sum(nil))
}
