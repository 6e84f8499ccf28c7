#!/usr/bin/env bash
# Pre-annotating one project while another project trains: TASKS generated tasks (default 10,000) through a real
# server, alone and then while `labelbench train` fits NER on a generated project of 300 annotated notes in its own
# JVM. Both must finish (the trained model published, every task pre-annotated); the ratio printed last is the
# pre-annotation throughput beside the training over that alone (the mean of a pass before and one after, so that
# warm-up and order fall on both sides).
#
#   releng/benchmarks/preannotation-beside-training.sh [TASKS]     EPOCHS=N (default 12) keeps the training busy
#                                                                  for the whole pre-annotation pass
# Needs the product and the server with its hub mirror (./mvnw verify).
set -euo pipefail
root=$(cd -- "$(dirname -- "$(readlink -f -- "${BASH_SOURCE[0]}")")/../.." && pwd)
tasks=${1:-10000}
epochs=${EPOCHS:-12}
work=$(mktemp -d "${TMPDIR:-/tmp}/bench-beside-training.XXXXXX")
export LABELBENCH_VMARGS="-Dlabelbench.models.cache=$work/models -Dlabelbench.servers=$work/servers -Xmx512m"
export LABELBENCH_HUB=$root/server-training/target/hub-mirror
lb() { "$root/labelbench" "$@"; }
trainer=
cleanup() {
	[ -n "$trainer" ] && kill "$trainer" 2>/dev/null
	for id in $(lb server list 2>/dev/null | cut -f1); do lb server stop "$id" >/dev/null 2>&1 || true; done
	rm -rf -- "$work"
}
trap cleanup EXIT

# the project to pre-annotate, and its server
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

# the project that trains: generated notes with submitted completions, 60 of them tagged "test"
classes=$root/server-training/target/classes:$root/server-training/target/test-classes
repo=${MAVEN_REPO:-$HOME/.m2/repository}
for jar in "$repo"/com/fasterxml/jackson/core/jackson-{core,databind,annotations}/2.15.2/*-2.15.2.jar; do
	classes="$classes:$jar"
done
java -cp "$classes" io.labelbench.server.train.GeneratedProject "$work/t" 300 60 42

rate() { # the tasks/s of a preannotate summary line
	sed -n 's/.*done, 0 skipped, 0 failed in .* (\([0-9.]*\) tasks\/s)$/\1/p' "$1"
}
pass() { # name -> pre-annotates every task again, prints the summary, fails unless every task was done
	lb preannotate --project "$work/p" --server "$server" --replace > "$work/$1.out" 2>/dev/null
	grep -q "^$tasks tasks done, 0 skipped, 0 failed" "$work/$1.out" || { cat "$work/$1.out" >&2; exit 1; }
	echo "$1: $(cat "$work/$1.out")"
}

pass alone-before

started=$SECONDS
lb train --project "$work/t" --type ner --epochs "$epochs" > "$work/train.out" 2> "$work/train.err" &
trainer=$!
until compgen -G "$work/models/.training/*/pid" >/dev/null; do
	kill -0 "$trainer" 2>/dev/null || { cat "$work/train.err" >&2; exit 1; }
	sleep 0.5
done
pass beside-training
overlapped=yes
kill -0 "$trainer" 2>/dev/null || overlapped="no: the training ended before the pass did"
wait "$trainer" || { cat "$work/train.err" >&2; exit 1; }
trainer=
grep '^published' "$work/train.out"
echo "training: $((SECONDS - started)) s wall, $(grep -c '^epoch' "$work/train.err") epochs; the whole pass beside it: $overlapped"

pass alone-after

awk -v b="$(rate "$work/alone-before.out")" -v s="$(rate "$work/beside-training.out")" \
	-v a="$(rate "$work/alone-after.out")" 'BEGIN {
	printf "pre-annotation alone %.1f tasks/s (mean of %.1f and %.1f), beside a training %.1f tasks/s\n", (b + a) / 2, b, a, s;
	printf "ratio beside training / alone: %.2f\n", s / ((b + a) / 2) }'
