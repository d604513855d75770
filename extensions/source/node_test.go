package source

import (
	"testing"

	"github.com/apigw/apigw/internal/tree"
)

// TestDuplicateKeyReadsLastValue: every reader takes the last value of a key
// written twice, as API Gateway's import keeps it.
func TestDuplicateKeyReadsLastValue(t *testing.T) {
	root := tree.Load(t, "a: first\nb: {c: 1}\na: last\n")
	if got := Scalar(Get(root, "a")); got != "last" {
		t.Errorf("Get: %q", got)
	}
	if k, v := Entry(root, "a"); k == nil || k.Line != 3 || Scalar(v) != "last" {
		t.Errorf("Entry: %v %v", k, v)
	}
	if got := Scalar(NodeAt(root, "/a")); got != "last" {
		t.Errorf("NodeAt: %q", got)
	}
}
