package vtl

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// evidenceCase is one line of localstack-evidence.jsonl.
type evidenceCase struct {
	ID             string          `json:"id"`
	Kind           string          `json:"kind"`
	Template       string          `json:"template"`
	Body           string          `json:"body"`
	Params         json.RawMessage `json:"params"`
	Context        json.RawMessage `json:"context"`
	StageVariables json.RawMessage `json:"stageVariables"`
	Chain          []struct {
		Template string  `json:"template"`
		Body     *string `json:"body"`
	} `json:"chain"`
	Mode   string          `json:"mode"`
	Expect json.RawMessage `json:"expect"`
}

// TestRecordedAWS renders the 49 template outputs recorded against real
// AWS (transcribed from LocalStack's snapshot tests) and compares each
// the way its source compared it ("mode"): exact text, or the parsed
// JSON, or the decoded records of a Kinesis request, or the order of an
// SQS message's keys.
func TestRecordedAWS(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(sharedVTL, "localstack-evidence.jsonl"))
	if err != nil {
		t.Skipf("%s is absent", sharedVTL)
	}
	n := 0
	for _, line := range bytes.Split(data, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var c evidenceCase
		if err := json.Unmarshal(line, &c); err != nil {
			t.Fatal(err)
		}
		if c.Kind != "aws-recorded" {
			continue
		}
		n++
		t.Run(c.ID, func(t *testing.T) {
			got, err := renderEvidence(c)
			if err != nil {
				t.Fatalf("render: %v", err)
			}
			if ok, shown := compareMode(t, c.Mode, got, c.Expect); !ok {
				t.Errorf("mode %s: got %s\nexpected %s", c.Mode, shown, c.Expect)
			}
		})
	}
	if n != 49 {
		t.Errorf("found %d aws-recorded cases, want 49", n)
	}
}

func renderEvidence(c evidenceCase) (string, error) {
	var params map[string]json.RawMessage
	_ = json.Unmarshal(c.Params, &params)
	in := Input{
		Body:           c.Body,
		Path:           orderedParams(params["path"]),
		Query:          orderedParams(params["querystring"]),
		Header:         orderedParams(params["header"]),
		StageVariables: orderedParams(c.StageVariables),
		Context:        &Context{m: orderedContext(c.Context)},
	}
	out, err := renderOne(c.Template, in)
	if err != nil {
		return "", err
	}
	for _, s := range c.Chain {
		step := in
		step.Body = out
		if s.Body != nil {
			step.Body = *s.Body
		}
		if out, err = renderOne(s.Template, step); err != nil {
			return "", err
		}
	}
	return out, nil
}

// orderedParams reads a JSON object of strings in document order.
func orderedParams(raw json.RawMessage) []Param {
	var out []Param
	walkObject(raw, func(k string, v json.RawMessage) {
		var s string
		_ = json.Unmarshal(v, &s)
		out = append(out, Param{k, s})
	})
	return out
}

// orderedContext builds $context from a JSON object in document order,
// as the reference renderer does (null stays null).
func orderedContext(raw json.RawMessage) *jMap {
	m := newMap(mContext)
	walkObject(raw, func(k string, v json.RawMessage) {
		switch t := bytes.TrimSpace(v); {
		case len(t) > 0 && t[0] == '{':
			m.put(k, orderedContext(v))
		case string(t) == "null":
			m.put(k, nil)
		case len(t) > 0 && t[0] == '"':
			var s string
			_ = json.Unmarshal(v, &s)
			m.put(k, s)
		default:
			v, _ := integerLiteral(string(t))
			m.put(k, v)
		}
	})
	return m
}

func walkObject(raw json.RawMessage, f func(string, json.RawMessage)) {
	if len(raw) == 0 {
		return
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return
	}
	for dec.More() {
		tok, _ := dec.Token()
		var v json.RawMessage
		_ = dec.Decode(&v)
		f(tok.(string), v)
	}
}

// compareMode is evidence.py's check.
func compareMode(t *testing.T, mode, out string, expect json.RawMessage) (bool, string) {
	var exp any
	_ = json.Unmarshal(expect, &exp)
	switch mode {
	case "exact":
		return out == exp, jstr(out)
	case "strip":
		s := strings.TrimSpace(out)
		return s == exp, jstr(s)
	case "json":
		var got any
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			return false, "not JSON: " + jstr(out)
		}
		return reflect.DeepEqual(got, exp), jstr(out)
	case "json-ws":
		var got any
		if err := json.Unmarshal([]byte(regexp.MustCompile(`\s+`).ReplaceAllString(out, " ")), &got); err != nil {
			return false, "not JSON: " + jstr(out)
		}
		return reflect.DeepEqual(got, exp), jstr(out)
	case "kinesis-records":
		var doc map[string]any
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			return false, "not JSON: " + jstr(out)
		}
		recs, ok := doc["Records"].([]any)
		if !ok {
			recs = []any{doc}
		}
		var got []any
		for _, r := range recs {
			rec := r.(map[string]any)
			data, _ := base64.StdEncoding.DecodeString(rec["Data"].(string))
			got = append(got, []any{string(data), rec["PartitionKey"]})
		}
		b, _ := json.Marshal(got)
		return reflect.DeepEqual(got, exp), string(b)
	case "sqs-messagebody-ordered":
		var doc map[string]any
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			return false, "not JSON: " + jstr(out)
		}
		body, _ := doc["MessageBody"].(string)
		got, err := orderedPairs([]byte(body))
		if err != nil {
			return false, "MessageBody not JSON: " + jstr(body)
		}
		want, _ := orderedPairs(expect)
		return reflect.DeepEqual(got, want), body
	}
	t.Fatalf("unknown mode %s", mode)
	return false, ""
}

// orderedPairs turns JSON objects into [key, value] lists, so that key
// order takes part in the comparison.
func orderedPairs(raw []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	v, err := readOrdered(dec)
	if err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, err
	}
	return v, nil
}

func readOrdered(dec *json.Decoder) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch tok {
	case json.Delim('{'):
		var pairs []any
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				return nil, err
			}
			v, err := readOrdered(dec)
			if err != nil {
				return nil, err
			}
			pairs = append(pairs, []any{k, v})
		}
		_, err := dec.Token()
		return pairs, err
	case json.Delim('['):
		var items []any
		for dec.More() {
			v, err := readOrdered(dec)
			if err != nil {
				return nil, err
			}
			items = append(items, v)
		}
		_, err := dec.Token()
		return items, err
	}
	return tok, nil
}
