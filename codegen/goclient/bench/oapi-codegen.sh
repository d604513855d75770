#!/bin/sh
# Times "apigw gen client" against oapi-codegen v2.8.2 (-generate types,client)
# on the synthetic documents of internal/specgen (1,000 and 3,000 operations):
# the median wall time and peak memory of RUNS alternating runs of each, the
# time ratio (oapi-codegen / apigw) and the memory ratio (apigw / oapi-codegen).
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

# measure FILE CMD... runs the command once and appends its wall time (s)
# and peak resident memory (KB) to FILE, as /usr/bin/time reports them.
measure() {
	f=$1
	shift
	/usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; echo "failed: $*" >&2; return 1; }
	cat "$work/time" >>"$f"
}

# median FILE COLUMN prints the median of a column of FILE.
median() {
	sort -n -k"$2" "$1" | awk -v c="$2" '{v[NR]=$c} END {print v[int((NR+1)/2)]}'
}

if [ ! -x /usr/bin/time ]; then
	echo "/usr/bin/time is needed (apt-get install time)" >&2
	exit 1
fi
printf '%-6s %10s %10s %8s %12s %12s %8s\n' ops apigw oapi time apigw-MB oapi-MB memory
for n in 1000 3000; do
	: >"$work/a" && : >"$work/o"
	i=0
	while [ "$i" -lt "$runs" ]; do # alternate, so that both see the same machine
		measure "$work/a" "$work/apigw" gen client -package x -o "$work/apigw_$n.go" "$work/$n.json" || exit 1
		measure "$work/o" "$work/oapi-codegen" -generate types,client -package x -o "$work/oapi_$n.go" "$work/$n.json" || exit 1
		i=$((i + 1))
	done
	at=$(median "$work/a" 1) am=$(median "$work/a" 2)
	ot=$(median "$work/o" 1) om=$(median "$work/o" 2)
	echo "$n $at $ot $am $om" | awk '{printf "%-6s %9.2fs %9.2fs %7.1fx %12.0f %12.0f %7.2fx\n", $1, $2, $3, $3/$2, $4/1024, $5/1024, $4/$5}'
done
