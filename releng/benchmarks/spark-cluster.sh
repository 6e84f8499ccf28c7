#!/usr/bin/env bash
# Bulk pre-annotation on a local Spark standalone cluster (2 workers x 1 core, 1 GB) against a single
# pre-annotation server on the same machine (its 2 cores), the same tasks and model, in the same run. Start-up
# (driver, executors, models, pipeline on every executor; for the server, deploy) is printed apart from the warm
# throughput of the bulk run; the warm ratio cluster/server is printed last. Target: >= 0.8.
#
#   releng/benchmarks/spark-cluster.sh [TASKS]       default 10,000 tasks; BATCH=N (default: the cluster's, 1000)
#   MEMORY=1 releng/benchmarks/spark-cluster.sh 100000
#       the cluster run alone (no server run), sampling the resident memory of the command line (-Xmx512m) every
#       2 s: prints it at the start, at 10 %, half-way and at the end of the run and its maximum; the ratio printed
#       last is end / 10 % (flat: about 1; the first 10 % are the JVM's warm-up).
# Needs the product and the server with its hub mirror (./mvnw verify).
set -euo pipefail
root=$(cd -- "$(dirname -- "$(readlink -f -- "${BASH_SOURCE[0]}")")/../.." && pwd)
tasks=${1:-10000}
batch=${BATCH:-}
work=$(mktemp -d "${TMPDIR:-/tmp}/bench-cluster.XXXXXX")
export LABELBENCH_HOME=$work/home
export LABELBENCH_VMARGS="-Dlabelbench.models.cache=$work/models -Dlabelbench.servers=$work/servers -Xmx512m"
export LABELBENCH_HUB=$root/server-training/target/hub-mirror
lb() { "$root/labelbench" "$@"; }
cleanup() {
	lb cluster stop >/dev/null 2>&1 || true
	for id in $(lb server list 2>/dev/null | cut -f1); do lb server stop "$id" >/dev/null 2>&1 || true; done
	rm -rf -- "$work"
}
trap cleanup EXIT

"$root/releng/scripts/generate-tasks.sh" "$tasks" > "$work/tasks.jsonl"
lb import --project "$work/c" "$work/tasks.jsonl" >/dev/null
for model in ner_posology_labelbench w2v_labelbench_100d; do lb hub download "$model" >/dev/null 2>&1; done
cat > "$work/c/labeling-config.xml" <<'XML'
<View>
  <Text name="text" value="$text"/>
  <Labels name="label" toName="text">
    <Label value="DRUG" model="ner_posology_labelbench"/><Label value="STRENGTH" model="ner_posology_labelbench"/>
    <Label value="ROUTE" model="ner_posology_labelbench"/><Label value="FREQUENCY" model="ner_posology_labelbench"/>
  </Labels>
</View>
XML
cp -a "$work/c" "$work/s"

t0=$SECONDS
master=$(lb cluster start --workers 2 --cores 1 --memory 1g 2>/dev/null | sed -n 's/^master\t\(spark:[^\t]*\).*/\1/p')
echo "cluster start (master + 2 workers): $((SECONDS - t0)) s, $master"

sample() { awk '/VmRSS/ { printf "%d\n", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || true; }
lb preannotate --project "$work/c" --cluster "$master" --executors 2 ${batch:+--batch "$batch"} > "$work/out" 2> "$work/err" &
cli=$!
: > "$work/rss"
if [ "${MEMORY:-0}" = 1 ]; then
	while kill -0 "$cli" 2>/dev/null; do
		java_pid=$(pgrep -f "io.labelbench.cli.app.*preannotate --project $work/c" | tail -1 || true)
		[ -n "$java_pid" ] && grep -q "ready after" "$work/err" && sample "$java_pid" >> "$work/rss"
		sleep 2
	done
fi
wait "$cli"
startup=$(sed -n 's/.*ready after \([0-9.]*\) s.*/\1/p' "$work/err")
cluster_rate=$(sed -n 's/.*(\([0-9.]*\) tasks\/s).*/\1/p' "$work/out")
echo "cluster: start-up $startup s (driver, 2 executors, models, pipeline); warm: $(cat "$work/out")"
grep "tasks/s, " "$work/err" | tail -3 | sed 's/^/  /'

if [ "${MEMORY:-0}" = 1 ]; then
	awk '{ v[NR] = $1; if ($1 > peak) peak = $1 } END {
		if (NR < 3) { print "client RSS: too few samples (" NR ")"; exit 1 }
		tenth = v[int(NR / 10) + 1]
		printf "client RSS (MB, -Xmx512m) over %d samples: start %d, at 10%% %d, half-way %d, end %d, max %d\n", NR, v[1], tenth, v[int(NR / 2) + 1], v[NR], peak
		printf "client RSS ratio end / 10%%: %.2f\n", v[NR] / tenth
	}' "$work/rss"
	exit
fi

deploy_out=$(lb preannotate --project "$work/s" --deploy --batch 256 2>&1 >"$work/out-s")
server_start=$(echo "$deploy_out" | sed -n 's/.*healthy after \([0-9.]*\) s.*/\1/p')
server_rate=$(sed -n 's/.*(\([0-9.]*\) tasks\/s).*/\1/p' "$work/out-s")
echo "single server: start-up $server_start s (deploy); warm: $(cat "$work/out-s")"

awk -v c="$cluster_rate" -v s="$server_rate" -v st="$startup" 'BEGIN {
	printf "per executor: %.0f tasks/s; start-up %.0f s\n", c / 2, st
	printf "warm ratio cluster/server: %.2f\n", c / s
}'
