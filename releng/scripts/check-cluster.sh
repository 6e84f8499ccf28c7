#!/usr/bin/env bash
# System test of pre-annotation on a Spark standalone cluster, through the product's command line:
#   cluster start: a real Master and two Workers (1 core, 1 GB each) on 127.0.0.1 from the server distribution;
#   bad input, each a clear error naming what to fix within seconds: an unreachable master, a master with no
#   worker able to give an executor, models the executors cannot read;
#   500 tasks pre-annotated through the cluster (models copied once to a model store) and the same tasks through a
#   single server: the same predictions, byte for byte; the command line killed (kill -9) during a run and a
#   worker killed during the rerun: the rerun resumes on the driver left behind and finishes, every task with
#   exactly one prediction of the version, the single server's; cluster stop: no process and no folder left.
# Needs the product and the server distribution (./mvnw verify). Exits non-zero on the first failure.
set -euo pipefail

root=$(cd -- "$(dirname -- "$(readlink -f -- "${BASH_SOURCE[0]}")")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/check-cluster.XXXXXX")
export LABELBENCH_HOME=$work/home
export LABELBENCH_VMARGS="-Dlabelbench.models.cache=$work/models -Dlabelbench.servers=$work/servers"
export LABELBENCH_HUB=$root/server-training/target/hub-mirror
tasks=500
cluster_dir=$LABELBENCH_HOME/cluster

lb() { "$root/labelbench" "$@"; }
say() { echo "check-cluster: $*"; }
pids_of() { cat "$@" 2>/dev/null | grep -o '"pid" *: *[0-9]*' | grep -o '[0-9]*$' || true; }
fail() {
	echo "check-cluster: FAIL: $*" >&2
	for log in "$work"/servers/*/server.log "$cluster_dir"/logs/*.log; do
		[ -f "$log" ] && { echo "--- $log" >&2; grep -v '^\s*at ' "$log" | tail -15 >&2; }
	done
	exit 1
}
cleanup() {
	[ -z "${llm:-}" ] || kill "$llm" 2>/dev/null || true
	for pid in $(pids_of "$work"/servers/*/server.json "$cluster_dir/cluster.json"); do
		kill -9 "$pid" 2>/dev/null || true
	done
	rm -rf -- "$work"
}
trap cleanup EXIT

[ -d "$LABELBENCH_HUB/public/models" ] || fail "no hub mirror in $LABELBENCH_HUB (build the server-training module first)"
tmp=${TMPDIR:-/tmp}
export TMPDIR=$work/tmp # what a killed command line leaves (its instance area) stays in here
mkdir -p "$TMPDIR"

a=$work/a
b=$work/b
"$root/releng/scripts/generate-tasks.sh" "$tasks" > "$work/tasks.jsonl"
lb import --project "$a" "$work/tasks.jsonl" >/dev/null 2>&1 || fail "import"
for model in ner_posology_labelbench classifierdl_domain_labelbench w2v_labelbench_100d; do
	lb hub download "$model" >/dev/null 2>&1 || fail "hub download $model"
done
cat > "$a/labeling-config.xml" <<'XML'
<View>
  <Text name="text" value="$text"/>
  <Labels name="label" toName="text">
    <Label value="DRUG" model="ner_posology_labelbench"/>
    <Label value="STRENGTH" model="ner_posology_labelbench"/>
    <Label value="ROUTE" model="ner_posology_labelbench"/>
    <Label value="FREQUENCY" model="ner_posology_labelbench"/>
    <Label value="DURATION"/>
  </Labels>
  <Relations>
    <Relation value="DRUG-STRENGTH"/>
  </Relations>
  <Choices name="domain" toName="text" choice="single">
    <Choice value="clinical" model="classifierdl_domain_labelbench"/>
    <Choice value="finance" model="classifierdl_domain_labelbench"/>
    <Choice value="legal" model="classifierdl_domain_labelbench"/>
  </Choices>
</View>
XML
mkdir -p "$a/rules"
cat > "$a/rules/followup.json" <<'JSON'
[{"name": "followup", "label": "DURATION", "type": "regex", "pattern": "\\d+ weeks"},
 {"name": "strength", "label": "DRUG-STRENGTH", "type": "relation", "fromLabel": "DRUG", "toLabel": "STRENGTH", "maxTokens": 6}]
JSON
cp -a "$a" "$b"
cp -a "$a" "$work/c"

started=$SECONDS
lb cluster start --workers 2 --cores 1 --memory 1g > "$work/out" 2> "$work/err" || fail "cluster start: $(cat "$work/err")"
master=$(sed -n 's/^master\t\(spark:[^\t]*\).*/\1/p' "$work/out")
[ -n "$master" ] || fail "cluster start printed no master URL: $(cat "$work/out")"
grep -q "web UI http://127.0.0.1:" "$work/out" || fail "no web UI address: $(cat "$work/out")"
grep -q "2 worker(s) alive" "$work/out" || fail "not two workers alive: $(cat "$work/out")"
lb cluster list | grep -q "^worker-2.*alive" || fail "cluster list: $(lb cluster list)"
say "cluster $master with 2 workers started in $((SECONDS - started)) s"

# bad input: each a one-line error naming what to fix, within seconds (not a hang)
bad() { # $1: what, $2: expected text, $3: seconds at most, rest: preannotate options
	local what=$1 expect=$2 limit=$3 t0=$SECONDS status=0
	shift 3
	lb preannotate --project "$a" "$@" > "$work/out" 2>&1 || status=$?
	[ "$status" -eq 2 ] || fail "$what: exit $status, expected 2: $(tail -5 "$work/out")"
	grep -q "$expect" "$work/out" || fail "$what: no '$expect' in: $(tail -5 "$work/out")"
	[ $((SECONDS - t0)) -le "$limit" ] || fail "$what: took $((SECONDS - t0)) s"
	say "$what: refused in $((SECONDS - t0)) s: $(grep -o "$expect.*" "$work/out" | head -1 | cut -c1-160)"
}
bad "an unreachable master" "cannot reach the Spark master spark://127.0.0.1:9" 60 --cluster spark://127.0.0.1:9
bad "no worker with 3 GB free" "no worker has 1 free core(s) and 3g of free memory" 90 --cluster "$master" \
	--executor-memory 3g
[ -z "$(ls "$work/servers" 2>/dev/null)" ] || fail "a refused run left a driver behind: $(ls "$work/servers")"

# 500 tasks through the cluster, the models copied once to a model store
started=$SECONDS
lb preannotate --project "$a" --cluster "$master" --executors 2 --model-store "$work/store" > "$work/out" 2>&1 ||
	fail "cluster run: $(tail -20 "$work/out")"
grep -q "^$tasks tasks done" "$work/out" || fail "cluster run: $(tail -5 "$work/out")"
grep -q "cluster driver .* ready after .* 2 executors" "$work/out" || fail "no start-up line with 2 executors: $(cat "$work/out")"
say "cluster: $(grep 'ready after' "$work/out" | cut -c1-120); $(grep 'tasks done' "$work/out")"
say "the driver stopped at the end of the run: $(ls "$work/servers" | wc -l) driver(s) left"
[ -z "$(ls "$work/servers")" ] || fail "the driver was not stopped after the run"

started=$SECONDS
lb preannotate --project "$b" --deploy > "$work/out" 2>&1 || fail "single server: $(tail -5 "$work/out")"
grep -q "^$tasks tasks done" "$work/out" || fail "single server: $(tail -5 "$work/out")"
for id in $(lb server list | cut -f1); do lb server stop "$id" >/dev/null; done
say "single server: $(grep 'tasks done' "$work/out")"

# the predictions' results, scores and model versions (not who wrote them, or when) are the same, byte for byte
predictions() { # the prediction part of every task file, without author, time and prediction id
	awk 'FNR == 1 { n = split(FILENAME, path, "/"); print "== " path[n]; p = 0 }
		/"predictions"/ { p = 1 }
		p && !/"created_username"|"created_ago"|"created_at"|"updated_at"|^ *"id" *: *[0-9]/' "$1"/tasks/*.json
}
predictions "$a" > "$work/a.txt"
predictions "$b" > "$work/b.txt"
grep -q '"DRUG"' "$work/a.txt" && grep -q '"relation"' "$work/a.txt" && grep -q '"DURATION"' "$work/a.txt" &&
	grep -q '"choices"' "$work/a.txt" || fail "the cluster's predictions lack entities, rules, relations or classes"
diff -q "$work/a.txt" "$work/b.txt" >/dev/null || fail "cluster and single server differ: $(diff "$work/a.txt" "$work/b.txt" | head -20)"
version=$(sed -n 's/.*"model_version" *: *"\([^"]*\)".*/\1/p' "$a/tasks/1.json" | head -1)
say "cluster and single server: identical predictions of $tasks tasks ($(wc -c < "$work/a.txt") bytes, $version)"

# prompts on the cluster: built-in prompts (the MiniLM model on ONNX Runtime, one session per executor JVM) and an
# LLM prompt (a stand-in endpoint on 127.0.0.1 that wants the key) beside a model and a rule: the predictions of a
# single server, byte for byte; the LLM key in the driver's and the executors' environment, in no file written
prompt_tasks=120
p=$work/p
head -n "$prompt_tasks" "$work/tasks.jsonl" > "$work/prompt-tasks.jsonl"
lb import --project "$p" "$work/prompt-tasks.jsonl" >/dev/null 2>&1 || fail "import of the prompt project"
cat > "$p/labeling-config.xml" <<'XML'
<View>
  <Text name="text" value="$text"/>
  <Labels name="label" toName="text">
    <Label value="DRUG" model="ner_posology_labelbench"/>
    <Label value="STRENGTH" model="ner_posology_labelbench"/>
    <Label value="SCHEDULE" prompt="schedule"/>
    <Label value="PATIENT" prompt="patient"/>
    <Label value="DURATION"/>
  </Labels>
  <Choices name="note" toName="text" choice="single">
    <Choice value="medication" prompt="medication"/>
  </Choices>
</View>
XML
mkdir -p "$p/prompts" "$p/rules"
cat > "$p/prompts/posology.json" <<'JSON'
[{"name": "schedule", "kind": "entity", "label": "SCHEDULE", "description": "how often a medicine is taken",
  "examples": ["twice daily", "once a day"], "threshold": 0.6},
 {"name": "medication", "kind": "classification", "label": "medication",
  "description": "a patient starts taking a medicine"},
 {"name": "patient", "kind": "entity", "label": "PATIENT", "engine": "llm", "description": "the person treated"}]
JSON
cat > "$p/rules/followup.json" <<'JSON'
[{"name": "followup", "label": "DURATION", "type": "regex", "pattern": "\\d+ weeks"}]
JSON
q=$work/q
cp -a "$p" "$q"
key="sk-check-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
LLM_STAND_IN_KEY=$key java "$root/releng/scripts/LlmStandIn.java" "$work/llm.port" "$work/llm.log" \
	> "$work/llm.out" 2>&1 &
llm=$!
for _ in $(seq 300); do [ -s "$work/llm.port" ] && break; kill -0 "$llm" 2>/dev/null || break; sleep 0.2; done
[ -s "$work/llm.port" ] || fail "the LLM stand-in did not start: $(cat "$work/llm.out")"
llm_env=(LABELBENCH_LLM_BASE_URL="http://127.0.0.1:$(cat "$work/llm.port")/v1" LABELBENCH_LLM_MODEL=stand-in
	LABELBENCH_LLM_API_KEY="$key")
has_key() { tr '\0' '\n' < "/proc/$1/environ" 2>/dev/null | grep -qxF "LABELBENCH_LLM_API_KEY=$key"; }
executors() { # this test's executor JVMs (their class path is in the test's folder)
	local pid
	for pid in $(pgrep -f CoarseGrainedExecutorBackend || true); do
		tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$work/" && echo "$pid"
	done
}
started=$SECONDS
env "${llm_env[@]}" "$root/labelbench" preannotate --project "$p" --cluster "$master" --executors 2 \
	--model-store "$work/store" > "$work/out" 2>&1 &
cli=$!
driver_key="" keyed="" # the driver and the executors seen with the key in their environment
while kill -0 "$cli" 2>/dev/null; do
	driver=$(pids_of "$work"/servers/*/server.json | head -1)
	if [ -n "$driver" ] && has_key "$driver"; then driver_key=$driver; fi
	for pid in $(executors); do
		case " $keyed " in *" $pid "*) ;; *) if has_key "$pid"; then keyed="$keyed $pid"; fi ;; esac
	done
	sleep 0.5
done
wait "$cli" || fail "prompt project on the cluster: $(tail -20 "$work/out")"
grep -q "^$prompt_tasks tasks done, 0 skipped, 0 failed" "$work/out" ||
	fail "prompt project on the cluster: $(tail -5 "$work/out")"
[ -n "$driver_key" ] || fail "the cluster driver's environment had no LABELBENCH_LLM_API_KEY"
[ "$(echo $keyed | wc -w)" -ge 2 ] || fail "not both executors had LABELBENCH_LLM_API_KEY in their environment:$keyed"
say "prompt project on the cluster in $((SECONDS - started)) s: $(grep 'tasks done' "$work/out"); the LLM key in the environment of the driver (pid $driver_key) and of the executors (pids$keyed)"
started=$SECONDS
env "${llm_env[@]}" "$root/labelbench" preannotate --project "$q" --deploy > "$work/out" 2>&1 ||
	fail "prompt project on a single server: $(tail -5 "$work/out")"
grep -q "^$prompt_tasks tasks done" "$work/out" || fail "prompt project on a single server: $(tail -5 "$work/out")"
for id in $(lb server list | cut -f1); do lb server stop "$id" >/dev/null; done
say "prompt project on a single server in $((SECONDS - started)) s: $(grep 'tasks done' "$work/out")"
kill "$llm"
wait "$llm" 2>/dev/null || true
llm=""
predictions "$p" > "$work/p.txt"
predictions "$q" > "$work/q.txt"
for label in '"DRUG"' '"SCHEDULE"' '"PATIENT"' '"DURATION"' '"medication"'; do
	grep -q "$label" "$work/p.txt" || fail "the cluster's predictions have no $label (model, prompts, rule)"
done
grep -q 'prompts@' "$work/p.txt" || fail "the cluster's model version names no prompts"
diff -q "$work/p.txt" "$work/q.txt" >/dev/null ||
	fail "prompts: cluster and single server differ: $(diff "$work/p.txt" "$work/q.txt" | head -20)"
requests=$(grep -c '^authorized$' "$work/llm.log" || true)
! grep -q unauthorized "$work/llm.log" || fail "the LLM stand-in got requests without the key"
# a request per task and run, and the executors' warm-up texts
[ "$requests" -ge $((2 * prompt_tasks)) ] || fail "$requests LLM requests with the key, expected $((2 * prompt_tasks))"
left=$(grep -rlF -- "$key" "$work" 2>/dev/null | head -3 || true)
[ -z "$left" ] || fail "the LLM key is written in: $left"
say "prompts: cluster and single server identical ($prompt_tasks tasks, $(wc -c < "$work/p.txt") bytes: $(grep -o '"SCHEDULE"' "$work/p.txt" | wc -l) SCHEDULE and $(grep -o '"PATIENT"' "$work/p.txt" | wc -l) PATIENT spans, $(grep -o '"medication"' "$work/p.txt" | wc -l) classes); $requests LLM requests, each with the key, which is in no file"

# kill -9 the command line during a run, then a worker during the rerun: the rerun takes up the driver the killed
# run left; Spark reruns the lost executor's partitions on the other one; every task ends with one prediction,
# the single server's
# the command line and its launcher, not the driver it started (a process of its own, which a killed client leaves)
descendants() {
	local child
	for child in $(pgrep -P "$1"); do [ "$child" = "$2" ] || { descendants "$child" "$2"; echo "$child"; }; done
}
c=$work/c
predicted() { grep -l -F "\"$version\"" "$c"/tasks/*.json 2>/dev/null | wc -l; }
lb preannotate --project "$c" --cluster "$master" --executors 2 --model-store "$work/store" --batch 50 \
	> "$work/out" 2>&1 &
cli=$!
for _ in $(seq 3000); do
	[ "$(predicted)" -ge 100 ] && break
	kill -0 "$cli" 2>/dev/null || fail "the run ended before it was killed: $(tail -5 "$work/out")"
	sleep 0.2
done
driver=$(pids_of "$work"/servers/*/server.json | head -1)
kill -9 $(descendants "$cli" "$driver") "$cli" 2>/dev/null || true
wait "$cli" 2>/dev/null || true
done_before=$(predicted)
say "command line killed after $done_before tasks"
lb preannotate --project "$c" --cluster "$master" --executors 2 --model-store "$work/store" --batch 50 \
	> "$work/out" 2>&1 &
cli=$!
for _ in $(seq 3000); do
	[ "$(predicted)" -ge $((done_before + 100)) ] && break
	kill -0 "$cli" 2>/dev/null || fail "the rerun ended before a worker was killed: $(tail -5 "$work/out")"
	sleep 0.2
done
worker=$(grep -o '"worker-1" *, *"pid" *: *[0-9]*' "$cluster_dir/cluster.json" | grep -o '[0-9]*$')
[ -n "$worker" ] || fail "no pid of worker-1 in $(cat "$cluster_dir/cluster.json")"
kill -9 "$worker"
say "worker-1 (pid $worker) killed during the rerun, after $(predicted) tasks"
wait "$cli" || fail "the rerun did not survive the lost worker: $(tail -10 "$work/out")"
grep -q "using the cluster driver" "$work/out" || fail "the rerun did not take up the driver: $(head -5 "$work/out")"
grep -q "^$((tasks - done_before)) tasks done, $done_before skipped, 0 failed" "$work/out" ||
	fail "the rerun did not resume after $done_before tasks: $(tail -3 "$work/out")"
twice=$(grep -c -F "\"$version\"" "$c"/tasks/*.json | grep -vc ':1$' || true)
[ "$twice" -eq 0 ] || fail "$twice tasks have more or fewer than one prediction of $version"
predictions "$c" > "$work/c.txt"
diff -q "$work/c.txt" "$work/b.txt" >/dev/null || fail "the resumed run's predictions differ: $(diff "$work/c.txt" "$work/b.txt" | head -10)"
say "the rerun resumed on the driver left behind and finished on the remaining worker: $(grep 'tasks done' "$work/out"); one prediction per task, the single server's"

# models the executors cannot read: a store whose copy lost its files (the driver takes the copy as complete)
rm -f "$work"/store/ner_posology_labelbench*/metadata/part-00000
bad "models the executors cannot read" "executors cannot read the models" 300 --cluster "$master" --executors 1 \
	--model-store "$work/store" --replace

# stop by pid: nothing left running, no folder, no TensorFlow temp folder
say "executors' temp folders in their work folders: $(find "$cluster_dir/work" -name '*_tf_vars*' | wc -l) TensorFlow leftovers there, removed with them"
pids=$(pids_of "$cluster_dir/cluster.json")
lb cluster stop > "$work/out" 2>&1 || fail "cluster stop: $(cat "$work/out")"
for pid in $pids; do
	kill -0 "$pid" 2>/dev/null && fail "process $pid still runs after cluster stop"
done
left=$(pgrep -f -- "$work" || true)
[ -z "$left" ] || fail "processes left behind: $(ps -o pid,args -p $left)"
[ ! -e "$cluster_dir" ] || fail "the cluster folder is left behind: $(ls "$cluster_dir")"
left=$(find "$tmp" -maxdepth 1 -name '*_tf_vars*' -newer "$work/tasks.jsonl" 2>/dev/null | head -3)
[ -z "$left" ] || fail "TensorFlow temp folders left in $tmp: $left"
lb cluster list | grep -q "no cluster runs here" || fail "cluster list after stop: $(lb cluster list)"
say "cluster stopped: $(cat "$work/out"); no process, folder or temp folder left"
say "all green"
