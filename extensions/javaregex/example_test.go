package javaregex_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/apigw/apigw/extensions/javaregex"
)

func ExampleCompile() {
	_, err := javaregex.Compile(`{"error":.*}`)
	var e *javaregex.Error
	if errors.As(err, &e) {
		fmt.Println(e.Code, e.Offset, e.Message)
	}
	// Output: APIGW350 1 Illegal repetition
}

func ExamplePattern_Match() {
	p := javaregex.MustCompile(`.*Error.*`)
	for _, s := range []string{"Internal Error", "Error\nat line 2"} {
		m, approx, _ := p.Match(s)
		fmt.Println(m, approx)
	}
	// Output:
	// true false
	// false false
}

func ExamplePattern_RE2() {
	re, ok := javaregex.MustCompile(`(?i)[a-c&&[^b]]`).RE2()
	fmt.Println(re, ok)
	_, ok = javaregex.MustCompile(`(\d)\1`).RE2()
	fmt.Println(ok)
	// Output:
	// \A(?:[ACac])\z true
	// false
}

func ExamplePattern_Constructs() {
	for _, c := range javaregex.MustCompile(`\d++(?=x)`).Constructs() {
		fmt.Println(c.Name, c.Approximate)
	}
	// Output:
	// possessive quantifier true
	// lookahead true
}

func ExamplePattern_WithTimeout() {
	// a*+ takes every a and gives none back, so the final a never matches.
	p := javaregex.MustCompile(`a*+a`).WithTimeout(50 * time.Millisecond)
	m, approx, err := p.Match("aaa")
	fmt.Println(m, approx, err)
	// Output: false true <nil>
}

func ExampleOverlap() {
	a := javaregex.MustCompile(`4\d{2}`)
	b := javaregex.MustCompile(`40[0-4]`)
	ex, ok := javaregex.Overlap(a, b)
	fmt.Printf("%q %v\n", ex, ok)
	// Output: "400" true
}

func ExampleIsDefault() {
	fmt.Println(javaregex.IsDefault("default"), javaregex.IsDefault(".*"))
	// Output: true false
}

func ExampleMustCompile() {
	m, _, _ := javaregex.MustCompile(`(?iu)straße`).Match("STRASSE")
	fmt.Println(m)
	// Output: false
}

func ExampleOverlapWithin() {
	// One budget for all the patterns of a document.
	budget := javaregex.NewBudget(javaregex.DefaultBudget)
	a := javaregex.MustCompile(`.*\[NotFound\].*`)
	b := javaregex.MustCompile(`(?!.*Timeout).*Found.*`)
	example, ok, err := javaregex.OverlapWithin(a, b, budget)
	fmt.Printf("%q %v %v\n", example, ok, err)
	// Output:
	// "[NotFound]" true <nil>
}
