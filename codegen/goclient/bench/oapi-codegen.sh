#!/bin/sh
# Times "apigw gen client" against oapi-codegen v2.8.2 (-generate types,client)
# on the synthetic documents of internal/specgen (1,000 and 3,000 operations).
# Both binaries are built first, so compile time is not counted.
#
#   codegen/goclient/bench/oapi-codegen.sh [RUNS]
set -eu
runs=${1:-3}
root=$(cd "$(dirname "$0")/../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"

go test ./codegen/goclient -run '^TestWriteSpecs$' -count=1 -write-specs "$work" >/dev/null
go build -o "$work/apigw" ./cmd/apigw
if ! GOBIN="$work" GOFLAGS=-mod=mod go install github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen@v2.8.2; then
	echo "oapi-codegen v2.8.2 could not be fetched or built" >&2
	exit 1
fi

now() { date +%s.%N; }

# best RUNS... prints the fastest wall time of the command, in seconds.
best() {
	b=""
	i=0
	while [ "$i" -lt "$runs" ]; do
		s=$(now)
		"$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; echo "failed: $*" >&2; echo "fail"; return; }
		e=$(now)
		t=$(echo "$s $e" | awk '{printf "%.3f", $2 - $1}')
		if [ -z "$b" ] || [ "$(echo "$t $b" | awk '{print ($1 < $2)}')" = 1 ]; then b=$t; fi
		i=$((i + 1))
	done
	echo "$b"
}

printf '%-6s %12s %14s %8s\n' ops apigw oapi-codegen ratio
for n in 1000 3000; do
	a=$(best "$work/apigw" gen client -package x -o "$work/apigw_$n.go" "$work/$n.json")
	o=$(best "$work/oapi-codegen" -generate types,client -package x -o "$work/oapi_$n.go" "$work/$n.json")
	if [ "$a" = fail ] || [ "$o" = fail ]; then
		printf '%-6s %12s %14s %8s\n' "$n" "$a" "$o" "-"
		continue
	fi
	r=$(echo "$a $o" | awk '{printf "%.1fx", $2 / $1}')
	printf '%-6s %11ss %13ss %8s\n' "$n" "$a" "$o" "$r"
done
