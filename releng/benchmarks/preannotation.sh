#!/usr/bin/env bash
# Bulk pre-annotation end to end (task files -> server over HTTP -> predictions written atomically) against the
# bare Spark NLP LightPipeline on the same model and texts, measured in the same run; the ratio is printed last.
# Target: >= 0.8.
#
#   releng/benchmarks/preannotation.sh [TASKS]        default 10,000 tasks; BATCH=N (default 256, the product's)
#   MEMORY=1 releng/benchmarks/preannotation.sh 100000
#       also samples the resident memory of the command line (-Xmx512m) and of the server (-Xmx2g) every 2 s and
#       prints peak, first-quarter and last-quarter means of both: flat memory means the last quarter is not
#       above the first.
# Needs the product and the server with its hub mirror (./mvnw verify).
set -euo pipefail
root=$(cd -- "$(dirname -- "$(readlink -f -- "${BASH_SOURCE[0]}")")/../.." && pwd)
tasks=${1:-10000}
batch=${BATCH:-256}
work=$(mktemp -d "${TMPDIR:-/tmp}/bench-preannotation.XXXXXX")
export LABELBENCH_VMARGS="-Dlabelbench.models.cache=$work/models -Dlabelbench.servers=$work/servers -Xmx512m"
export LABELBENCH_HUB=$root/server-training/target/hub-mirror
dist=$root/server/target/labelbench-server/labelbench-server
lb() { "$root/labelbench" "$@"; }
cleanup() {
	for id in $(lb server list 2>/dev/null | cut -f1); do lb server stop "$id" >/dev/null 2>&1 || true; done
	rm -rf -- "$work"
}
trap cleanup EXIT

"$root/releng/scripts/generate-tasks.sh" "$tasks" > "$work/tasks.jsonl"
lb import --project "$work/p" "$work/tasks.jsonl" >/dev/null
for model in ner_posology_labelbench w2v_labelbench_100d; do lb hub download "$model" >/dev/null 2>&1; done
cat > "$work/p/labeling-config.xml" <<'XML'
<View>
  <Text name="text" value="$text"/>
  <Labels name="label" toName="text">
    <Label value="DRUG" model="ner_posology_labelbench"/><Label value="STRENGTH" model="ner_posology_labelbench"/>
    <Label value="ROUTE" model="ner_posology_labelbench"/><Label value="FREQUENCY" model="ner_posology_labelbench"/>
  </Labels>
</View>
XML
server=$(lb server deploy --project "$work/p" --heap 2048 2>/dev/null | cut -f1)
pid=$(sed -n 's/.*"pid":\([0-9]*\).*/\1/p' "$work/servers/$server/server.json")

# the same texts, one a line, for the baseline (the JSON strings decoded: \r\n -> a space)
sed -e 's/^{"data":{"text":"//' -e 's/"}}$//' -e 's/\\r\\n/ /' "$work/tasks.jsonl" > "$work/texts.txt"
raw=$(JAVA="${JAVA:-java}" LABELBENCH_SERVER_HEAP=2g "$dist/bin/labelbench-server" raw "$work/servers/$server/spec.json" \
	"$work/texts.txt" "$batch" 2>/dev/null | grep '^RAW')
echo "$raw"

sample() { # pid -> RSS in MB
	awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo 0
}
lb preannotate --project "$work/p" --server "$server" --batch "$batch" > "$work/out" 2> "$work/err" &
cli=$!
: > "$work/rss"
if [ "${MEMORY:-0}" = 1 ]; then
	while kill -0 "$cli" 2>/dev/null; do
		java_pid=$(pgrep -f "io.labelbench.cli.app.*preannotate --project $work/p" | tail -1 || true)
		[ -n "$java_pid" ] && echo "$(sample "$java_pid") $(sample "$pid")" >> "$work/rss"
		sleep 2
	done
fi
wait "$cli"
cat "$work/out"
if [ -s "$work/rss" ]; then
	awk '{ c[NR] = $1; s[NR] = $2 } END {
		q = int(NR / 4); if (q < 1) q = 1;
		for (i = 1; i <= NR; i++) { if (c[i] > pc) pc = c[i]; if (s[i] > ps) ps = s[i] }
		for (i = 1; i <= q; i++) { c1 += c[i]; s1 += s[i] } for (i = NR - q + 1; i <= NR; i++) { c4 += c[i]; s4 += s[i] }
		printf "RSS client (-Xmx512m): peak %d MB, first quarter %d MB, last quarter %d MB (%d samples)\n", pc, c1 / q, c4 / q, NR;
		printf "RSS server (-Xmx2g):   peak %d MB, first quarter %d MB, last quarter %d MB\n", ps, s1 / q, s4 / q }' "$work/rss"
fi
e2e=$(sed -n 's/.*(\([0-9.]*\) tasks\/s).*/\1/p' "$work/out")
rawrate=$(echo "$raw" | sed -n 's/^RAW \([0-9.]*\) docs\/s.*/\1/p')
awk -v e="$e2e" -v r="$rawrate" 'BEGIN { printf "ratio end-to-end / raw LightPipeline: %.2f (target >= 0.8)\n", e / r }'
