package main

import (
	"bytes"
	"runtime/debug"
	"strings"
	"testing"
)

func TestVersionAndUsage(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"version"}, nil, &out, &errb); code != exitOK || !strings.HasPrefix(out.String(), "apigw ") {
		t.Fatalf("version: code %d, out %q, err %q", code, out.String(), errb.String())
	}
	out.Reset()
	errb.Reset()
	if code := run([]string{"no-such-command"}, nil, &out, &errb); code != exitUsage {
		t.Fatalf("unknown command: code %d, want %d", code, exitUsage)
	}
}

func TestDashDashVersion(t *testing.T) {
	var a, b, errb bytes.Buffer
	run([]string{"version"}, nil, &a, &errb)
	if code := run([]string{"--version"}, nil, &b, &errb); code != exitOK || a.String() != b.String() {
		t.Errorf("--version printed %q (exit %d), version printed %q", b.String(), code, a.String())
	}
}

func TestVersionFromBuildInfo(t *testing.T) {
	zero := "v0.0.0-00010101000000-000000000000"
	for _, c := range []struct {
		name string
		bi   debug.BuildInfo
		want string
	}{
		{"installed at a version", debug.BuildInfo{Main: debug.Module{Path: modulePath, Version: "v1.2.3"}}, "v1.2.3"},
		{"checkout with VCS", debug.BuildInfo{Main: debug.Module{Path: modulePath, Version: "(devel)"},
			Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.modified", Value: "true"}}}, "devel-0123456789ab-dirty"},
		{"tool required at a version", debug.BuildInfo{Main: debug.Module{Path: "example.com/down", Version: "(devel)"},
			Deps: []*debug.Module{{Path: modulePath, Version: "v0.4.0"}}}, "v0.4.0"},
		{"tool replaced by a folder", debug.BuildInfo{Main: debug.Module{Path: "example.com/down", Version: "(devel)"},
			Deps:     []*debug.Module{{Path: modulePath, Version: zero, Replace: &debug.Module{Path: "../apigw"}}},
			Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "ffff"}}}, "devel"},
		{"tool replaced by a version", debug.BuildInfo{Main: debug.Module{Path: "example.com/down"},
			Deps: []*debug.Module{{Path: modulePath, Version: zero, Replace: &debug.Module{Path: "example.com/fork", Version: "v1.0.1"}}}}, "v1.0.1"},
	} {
		if got := versionFrom(&c.bi); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}
