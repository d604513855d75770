package goclient

import (
	"os"
	"slices"
	"testing"
)

// TestGoCommandIsConfined: the go command that locates the standard library
// runs in a folder of its own, where no go.mod can ask for a newer
// toolchain, with downloads off, whatever the caller's environment says.
func TestGoCommandIsConfined(t *testing.T) {
	t.Setenv("GOTOOLCHAIN", "auto")
	t.Setenv("GOPROXY", "https://proxy.golang.org")
	t.Setenv("GOFLAGS", "-mod=vendor")
	wd, _ := os.Getwd()
	cmd, cleanup, err := goCommand("env", "GOTOOLCHAIN", "GOPROXY", "GOFLAGS")
	if err != nil {
		t.Fatal(err)
	}
	defer cleanup()
	if cmd.Dir == "" || cmd.Dir == wd {
		t.Errorf("runs in %q, the caller's folder", cmd.Dir)
	}
	for _, want := range []string{"GOTOOLCHAIN=local", "GOPROXY=off", "GOWORK=off", "GOENV=off"} {
		if !slices.Contains(cmd.Env, want) {
			t.Errorf("environment lacks %s", want)
		}
	}
	for _, bad := range []string{"GOTOOLCHAIN=auto", "GOFLAGS=-mod=vendor", "GOPROXY=https://proxy.golang.org"} {
		if slices.Contains(cmd.Env, bad) {
			t.Errorf("environment keeps %s", bad)
		}
	}
	if _, err := os.Stat(cmd.Dir); err != nil {
		t.Fatal(err)
	}
	out, err := cmd.Output()
	if err != nil {
		t.Skipf("go command unavailable: %v", err)
	}
	if string(out) != "local\noff\n\n" {
		t.Errorf("go env says %q", out)
	}
}
