package main

import (
	"bytes"
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
