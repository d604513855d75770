package main

import (
	"cmp"
	"fmt"
	"slices"
	"time"
)

// measured collects one command's runs at one size.
type measured struct {
	walls  []time.Duration
	peaks  []int64
	ratios []float64 // wall over the paired decode's wall
}

func (m *measured) add(wall time.Duration, peak int64, ratio float64) {
	m.walls, m.peaks, m.ratios = append(m.walls, wall), append(m.peaks, peak), append(m.ratios, ratio)
}

// print writes the medians as one row of mem's table.
func (m *measured) print(name string, n, size int) {
	peak, wall, ratio := median(m.peaks), median(m.walls), median(m.ratios)
	fmt.Printf("%-22s %6d %9.1f %9.1f %6.1f× %9.2f %8.2f×\n", name, n, float64(size)/1e6, float64(peak)/1e6,
		float64(peak)/float64(size), wall.Seconds(), ratio)
}

func median[T cmp.Ordered](s []T) T {
	s = slices.Clone(s)
	slices.Sort(s)
	return s[len(s)/2]
}
