#!/usr/bin/env bash
# Training from completions: NER through `labelbench train` (export, training JVM, test predictions, scoring,
# publishing) against the same NerDLApproach fitted directly on the same exported CoNLL (`train --export`), in the
# same run (direct, Labelbench, direct again: the ratio uses the mean of the direct runs); then the exact-span F1
# that `labelbench evaluate` reports for the trained model (deployed with --deploy, pre-annotated by a server) against
# a direct Spark NLP evaluation of the same model on the same test sentences (a bare LightPipeline, F1 counted
# there). Targets: Labelbench >= 0.9x the direct speed (the ratio, printed last); F1 within 0.01.
#
#   releng/benchmarks/training.sh [TRAIN] [TEST] [EPOCHS]    default 300 training tasks, 100 test tasks, 5 epochs
# Needs the product, the server distribution and the hub mirror (./mvnw verify).
set -euo pipefail
root=$(cd -- "$(dirname -- "$(readlink -f -- "${BASH_SOURCE[0]}")")/../.." && pwd)
train=${1:-300}
test=${2:-100}
epochs=${3:-5}
dist=$root/server/target/labelbench-server/labelbench-server
[ -d "$root/server-training/target/test-classes" ] || { echo "no server-training test classes (./mvnw install -pl server-training -am)" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/bench-training.XXXXXX")
export LABELBENCH_VMARGS="-Dlabelbench.models.cache=$work/models -Dlabelbench.servers=$work/servers -Xmx512m"
export LABELBENCH_HUB=$root/server-training/target/hub-mirror
lb() { "$root/labelbench" "$@"; }
bench() { # the direct side, in the server distribution with the same heap as the training JVM
	JAVA="${JAVA:-java}" LABELBENCH_SERVER_HEAP=2048m \
		LABELBENCH_SERVER_CLASSPATH="$root/server-training/target/classes:$root/server-training/target/test-classes" \
		"$dist/bin/labelbench-server" run io.labelbench.server.train.TrainingBench "$@"
}
cleanup() {
	for id in $(lb server list 2>/dev/null | cut -f1); do lb server stop "$id" >/dev/null 2>&1 || true; done
	rm -rf -- "$work"
}
trap cleanup EXIT
now() { date +%s.%N; }

bench tasks "$work/tasks.jsonl" "$train" "$test" 2>/dev/null
lb import --project "$work/bench" "$work/tasks.jsonl" >/dev/null 2>&1
cat > "$work/bench/labeling-config.xml" <<'XML'
<View>
  <Labels name="label" toName="text">
    <Label value="DRUG"/><Label value="DOSAGE"/><Label value="FREQUENCY"/><Label value="ROUTE"/>
    <Label value="FORM"/><Label value="STRENGTH"/><Label value="DURATION"/>
  </Labels>
  <Text name="text" value="$text"/>
</View>
XML
lb hub download w2v_labelbench_100d >/dev/null 2>&1
embeddings=$(ls -d "$work"/models/w2v_labelbench_100d_* | tail -1)
lb train --project "$work/bench" --type ner --export "$work/data"

t0=$(now)
bench fit "$work/data" "$embeddings" "$epochs" 2>/dev/null | grep DIRECT_FIT
t1=$(now)
lb train --project "$work/bench" --type ner --epochs "$epochs" --deploy > "$work/train.out"
t2=$(now)
bench fit "$work/data" "$embeddings" "$epochs" 2>/dev/null | grep DIRECT_FIT
t3=$(now)
cat "$work/train.out"

server=$(lb server deploy --project "$work/bench" --heap 2048 2>/dev/null | cut -f1)
lb preannotate --project "$work/bench" --server "$server" >/dev/null 2>&1
lb evaluate --project "$work/bench" --model bench_ner --out "$work/evaluation.json" >/dev/null 2>&1
evaluate_f1=$(python3 -c 'import json,sys; print("%.4f" % json.load(open(sys.argv[1]))["spans"]["exact"]["micro"]["f1"])' \
	"$work/evaluation.json")
model=$(ls -d "$work"/models/bench_ner_* | tail -1)
direct_f1=$(bench evaluate "$model" "$embeddings" "$test" 2>/dev/null | grep DIRECT_F1)
echo "EVALUATE_F1 $evaluate_f1"
echo "$direct_f1"
awk -v a="$evaluate_f1" -v b="$(echo "$direct_f1" | cut -d' ' -f2)" \
	'BEGIN { d = a - b; if (d < 0) d = -d; printf "F1 difference %.4f (target <= 0.01): %s\n", d, d <= 0.01 ? "agrees" : "DISAGREES" }'
awk -v t0="$t0" -v t1="$t1" -v t2="$t2" -v t3="$t3" \
	'BEGIN { d1 = t1 - t0; l = t2 - t1; d2 = t3 - t2; d = (d1 + d2) / 2; printf "direct fit %.1f s and %.1f s (JVMs, wall-clock), labelbench train %.1f s\n", d1, d2, l;
	         printf "ratio (direct / labelbench, target >= 0.9): %.2f\n", d / l }'
