package main

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// version is set at link time (-ldflags "-X main.version=v1.2.3"); otherwise
// it is read from the build information.
var version = ""

// modulePath is the module apigw is built from.
const modulePath = "github.com/apigw/apigw"

// Version returns the version printed by "apigw version" and written into generated files.
func Version() string {
	if version != "" {
		return version
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	return versionFrom(bi)
}

// versionFrom reads apigw's version from build information: the module's
// version when it was built at one (go install …@v1.2.3, a go.mod
// requirement), else "devel" with the VCS revision when it is known (a
// build in the checkout). A module replaced by a folder has the zero
// pseudo-version, which says nothing, so it is "devel" too.
func versionFrom(bi *debug.BuildInfo) string {
	m := &bi.Main
	if m.Path != modulePath {
		m = nil
		for _, d := range bi.Deps {
			if d.Path == modulePath {
				m = d
			}
		}
	}
	if m != nil {
		if m.Replace != nil {
			m = m.Replace
		}
		if v := m.Version; v != "" && v != "(devel)" && !strings.HasPrefix(v, "v0.0.0-00010101000000-") {
			return v
		}
	}
	v := "devel"
	var rev, dirty string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "-dirty"
			}
		}
	}
	if rev != "" && bi.Main.Path == modulePath {
		v += "-" + rev[:min(12, len(rev))] + dirty
	}
	return v
}

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   "Print the apigw version",
		Example: "  apigw version\n  apigw --version",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprintln(cmd.OutOrStdout(), "apigw", Version())
			return err
		},
	}
}
