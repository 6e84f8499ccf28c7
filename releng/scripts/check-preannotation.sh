#!/usr/bin/env bash
# System test of pre-annotation through the product's command line, a real server JVM and the models the build
# published in server-training/target/hub-mirror:
#   download the models from the hub mirror; six models in the config refuse deploy with the limit; deploy;
#   pre-annotate a few tasks; kill -9 the server in the middle of a run (the run stops and says so) and rerun
#   (it resumes: no task without, none with two predictions of the model version); kill -9 the command line in
#   the middle of a run and rerun; every region's offsets slice the task text (labelbench check); a clinical
#   project with assertion and relation models gets statuses and relations that check; a prompt project (built-in
#   and LLM prompts) gets exactly the expected spans and choices, server info lists its prompts, the LLM key is in no
#   file, and a PDF page gets one box around the entity; stop.
# Needs the product and the server distribution (./mvnw verify). Exits non-zero on the first failure.
set -euo pipefail

root=$(cd -- "$(dirname -- "$(readlink -f -- "${BASH_SOURCE[0]}")")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/check-preannotation.XXXXXX")
export LABELBENCH_VMARGS="-Dlabelbench.models.cache=$work/models -Dlabelbench.servers=$work/servers"
export LABELBENCH_HUB=$root/server-training/target/hub-mirror
project=$work/project
tasks=2000

lb() { "$root/labelbench" "$@"; }
say() { echo "check-preannotation: $*"; }
fail() {
	echo "check-preannotation: FAIL: $*" >&2
	for log in "$work"/servers/*/server.log; do [ -f "$log" ] && { echo "--- $log" >&2; tail -20 "$log" >&2; }; done
	exit 1
}
cleanup() {
	[ -z "${llm:-}" ] || kill "$llm" 2>/dev/null || true
	for f in "$work"/servers/*/server.json; do
		[ -f "$f" ] || continue
		pid=$(sed -n 's/.*"pid":\([0-9]*\).*/\1/p' "$f")
		[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
	done
	rm -rf -- "$work"
}
trap cleanup EXIT

[ -d "$LABELBENCH_HUB/public/models" ] || fail "no hub mirror in $LABELBENCH_HUB (build the server-training module first)"

"$root/releng/scripts/generate-tasks.sh" "$tasks" > "$work/tasks.jsonl"
lb import --project "$project" "$work/tasks.jsonl" >/dev/null 2>&1 || fail "import"

for model in ner_posology_labelbench classifierdl_domain_labelbench w2v_labelbench_100d; do
	lb hub download "$model" >/dev/null 2>&1 || fail "hub download $model"
done

# more models than a server runs: deploy is refused with the reason
{
	echo '<View><Text name="text" value="$text"/><Labels name="label" toName="text">'
	for m in ner_posology_labelbench ner_a ner_b ner_c ner_d ner_e; do echo "<Label value=\"L_$m\" model=\"$m\"/>"; done
	echo '</Labels></View>'
} > "$project/labeling-config.xml"
if lb server deploy --project "$project" > "$work/out" 2> "$work/err"; then
	fail "deploy with six models was not refused"
fi
grep -q "at most 5" "$work/err" || fail "six models: no word of the limit in: $(cat "$work/err")"
say "six models: deploy refused: $(grep -m1 'at most 5' "$work/err")"

cat > "$project/labeling-config.xml" <<'XML'
<View>
  <Text name="text" value="$text"/>
  <Labels name="label" toName="text">
    <Label value="DRUG" model="ner_posology_labelbench" background="#E91E63"/>
    <Label value="STRENGTH" model="ner_posology_labelbench" background="#FF9800"/>
    <Label value="ROUTE" model="ner_posology_labelbench" background="#009688"/>
    <Label value="FREQUENCY" model="ner_posology_labelbench" background="#3F51B5"/>
  </Labels>
  <Choices name="domain" toName="text" choice="single">
    <Choice value="clinical" model="classifierdl_domain_labelbench"/>
    <Choice value="finance" model="classifierdl_domain_labelbench"/>
    <Choice value="legal" model="classifierdl_domain_labelbench"/>
  </Choices>
</View>
XML

started=$SECONDS
server=$(lb server deploy --project "$project" --heap 1536 2> "$work/err" | cut -f1) || fail "deploy: $(cat "$work/err")"
say "deployed $server in $((SECONDS - started)) s"
lb server list | grep -q "^$server.*idle" || fail "server list does not show $server idle: $(lb server list)"

lb preannotate --project "$project" --server "$server" --tasks 1,2,3 > "$work/out" 2>&1 || fail "preannotate 3 tasks: $(cat "$work/out")"
grep -q "^3 tasks done" "$work/out" || fail "3 tasks: $(cat "$work/out")"
version=$(sed -n 's/.*"model_version" *: *"\([^"]*\)".*/\1/p' "$project/tasks/1.json" | head -1)
[ -n "$version" ] || fail "task 1 has no model_version: $(cat "$project/tasks/1.json")"
grep -q '"DRUG"' "$project/tasks/1.json" || fail "task 1 has no DRUG region"
say "3 tasks pre-annotated with $version"

predicted() { grep -l -F "\"$version\"" "$project"/tasks/*.json 2>/dev/null | wc -l; }
wait_for_predictions() { # $1: at least this many tasks with a prediction, $2: pid that must stay alive
	for _ in $(seq 600); do
		[ "$(predicted)" -ge "$1" ] && return 0
		kill -0 "$2" 2>/dev/null || return 1
		sleep 0.2
	done
	return 1
}

# kill -9 the server in the middle of a run: the run stops and says why; a rerun completes
lb preannotate --project "$project" --server "$server" --batch 32 > "$work/out" 2>&1 &
cli=$!
wait_for_predictions 300 "$cli" || fail "the run did not get going: $(cat "$work/out")"
pid=$(sed -n 's/.*"pid":\([0-9]*\).*/\1/p' "$work/servers/$server/server.json")
kill -9 "$pid"
status=0
wait "$cli" || status=$?
[ "$status" -ne 0 ] || fail "the run went on after the server was killed: $(cat "$work/out")"
grep -q "stopped: .*not running\|stopped: .*broke the connection" "$work/out" || fail "no reason given: $(cat "$work/out")"
say "server killed after $(predicted) tasks; the run said: $(grep -o 'stopped: .*' "$work/out" | head -1)"
lb server list | grep -q "^$server.*failed" || fail "the killed server is not shown as failed: $(lb server list)"
lb server stop "$server" >/dev/null || fail "forgetting the killed server"

# kill -9 the command line in the middle of the rerun; the next rerun completes
lb preannotate --project "$project" --deploy --batch 32 > "$work/out" 2>&1 &
cli=$!
before=$(predicted)
wait_for_predictions $((before + 200)) "$cli" || fail "the rerun did not get going: $(cat "$work/out")"
pkill -9 -f "io.labelbench.cli.app.*preannotate --project $project" || fail "no command line to kill"
wait "$cli" 2>/dev/null || true
say "command line killed after $(predicted) tasks"
lb preannotate --project "$project" --deploy --batch 32 > "$work/out" 2>&1 || fail "the last rerun: $(cat "$work/out")"
say "rerun: $(grep 'tasks done' "$work/out")"

[ "$(predicted)" -eq "$tasks" ] || fail "$(predicted) of $tasks tasks have a prediction of $version"
twice=$(grep -c -F "\"$version\"" "$project"/tasks/*.json | grep -vc ':1$' || true)
[ "$twice" -eq 0 ] || fail "$twice tasks have more than one prediction of $version"
lb check --project "$project" > "$work/out" 2>&1 || fail "the predictions do not check: $(head -5 "$work/out")"
say "all $tasks tasks have exactly one prediction; labelbench check finds no problem (offsets slice the text)"

# a clinical project on the New Project template "Assertion and relations": one server runs the clinical and
# posology NER, the assertion and the relation models; statuses sit on entity spans and relations join regions
# of the same prediction (labelbench check verifies both)
for id in $(lb server list | cut -f1); do lb server stop "$id" >/dev/null; done
clinical=$work/clinical
for model in ner_clinical_labelbench assertion_clinical_labelbench re_posology_labelbench; do
	lb hub download "$model" >/dev/null 2>&1 || fail "hub download $model"
done
cat > "$work/clinical.jsonl" <<'JSONL'
{"data": {"text": "The patient denies chest pain. Possible pneumonia on the chest X-ray."}}
{"data": {"text": "Her mother has a history of breast cancer."}}
{"data": {"text": "Started aspirin 81 mg and ibuprofen 200 mg, each once daily by mouth."}}
JSONL
lb import --project "$clinical" "$work/clinical.jsonl" >/dev/null 2>&1 || fail "import of the clinical tasks"
cp "$root/bundles/io.labelbench.config/src/io/labelbench/config/templates/assertion-relations.xml" \
	"$clinical/labeling-config.xml"
lb preannotate --project "$clinical" --deploy > "$work/out" 2>&1 || fail "clinical preannotate: $(cat "$work/out")"
grep -q "^3 tasks done" "$work/out" || fail "clinical: $(cat "$work/out")"
for status in absent possible associated_with_someone_else; do
	grep -q "\"$status\"" "$clinical"/tasks/*.json || fail "clinical: no '$status' status in the predictions"
done
relations=$(grep -o '"type" *: *"relation"' "$clinical"/tasks/*.json | wc -l)
[ "$relations" -ge 2 ] || fail "clinical: $relations relations predicted, expected relations from the drugs to their attributes"
lb check --project "$clinical" > "$work/out" 2>&1 || fail "clinical predictions do not check: $(head -5 "$work/out")"
say "clinical: statuses absent, possible, associated_with_someone_else and $relations relations; labelbench check finds no problem"

# a prompt project: built-in entity and classification prompts (the real MiniLM model in the server) and an LLM prompt
# (a stand-in endpoint on 127.0.0.1 that wants the key) on four notes with emoji, CJK and CRLF: exactly the expected
# spans and choices; server info lists the prompts with kind and engine, never the endpoint; the key is in no task
# file, export or log
for id in $(lb server list | cut -f1); do lb server stop "$id" >/dev/null; done
prompted=$work/prompted
printf '%s\n' '{"data": {"text": "The patient reports chest pain and a headache since Monday."}}' \
	'{"data": {"text": "患者 has a fever 🤒 today.\r\nShe walked to the pain clinic."}}' \
	'{"data": {"text": "Blood pressure 120/80, pulse regular. Follow up in 3 weeks."}}' \
	'{"data": {"text": "Atrial fibrillation with a fast heart rate; the echocardiogram shows a weak left ventricle."}}' \
	> "$work/notes.jsonl"
lb import --project "$prompted" "$work/notes.jsonl" >/dev/null 2>&1 || fail "import of the prompt project"
cat > "$prompted/labeling-config.xml" <<'XML'
<View>
  <Text name="text" value="$text"/>
  <Labels name="label" toName="text">
    <Label value="PROBLEM" prompt="problem"/>
    <Label value="PATIENT" prompt="patient"/>
  </Labels>
  <Choices name="specialty" toName="text" choice="single">
    <Choice value="cardiology" prompt="cardiology"/>
  </Choices>
</View>
XML
mkdir -p "$prompted/prompts"
cat > "$prompted/prompts/clinic.json" <<'JSON'
[{"name": "problem", "kind": "entity", "label": "PROBLEM", "description": "a disease, symptom or finding of the patient",
  "examples": ["chest pain", "headache", "fever"], "counterExamples": ["pain clinic"], "threshold": 0.6},
 {"name": "cardiology", "kind": "classification", "label": "cardiology",
  "description": "a note about the heart or blood vessels", "threshold": 0.35},
 {"name": "patient", "kind": "entity", "label": "PATIENT", "engine": "llm", "description": "the person treated"}]
JSON
key="sk-check-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
LLM_STAND_IN_KEY=$key java "$root/releng/scripts/LlmStandIn.java" "$work/llm.port" "$work/llm.log" \
	> "$work/llm.out" 2>&1 &
llm=$!
for _ in $(seq 300); do [ -s "$work/llm.port" ] && break; kill -0 "$llm" 2>/dev/null || break; sleep 0.2; done
[ -s "$work/llm.port" ] || fail "the LLM stand-in did not start: $(cat "$work/llm.out")"
export LABELBENCH_LLM_BASE_URL="http://127.0.0.1:$(cat "$work/llm.port")/v1" LABELBENCH_LLM_MODEL=stand-in
started=$SECONDS
server=$(LABELBENCH_LLM_API_KEY=$key lb server deploy --project "$prompted" 2> "$work/err" | cut -f1) ||
	fail "deploy of the prompt project: $(cat "$work/err")"
lb server info "$server" > "$work/info" 2>&1 || fail "server info: $(cat "$work/info")"
for line in "prompt	problem (entity, builtin): PROBLEM" "prompt	cardiology (classification, builtin): cardiology" \
	"prompt	patient (entity, llm): PATIENT"; do
	grep -qxF "$line" "$work/info" || fail "server info has no line '$line': $(cat "$work/info")"
done
! grep -q "127.0.0.1:$(cat "$work/llm.port")\|stand-in" "$work/info" || fail "server info shows the LLM endpoint"
lb server list | grep -q "^$server.*prompt:problem,prompt:patient,prompt:cardiology" ||
	fail "server list does not show the prompts: $(lb server list)"
lb preannotate --project "$prompted" --server "$server" > "$work/out" 2>&1 || fail "prompt project: $(cat "$work/out")"
grep -q "^4 tasks done, 0 skipped, 0 failed" "$work/out" || fail "prompt project: $(cat "$work/out")"
say "prompt project deployed and pre-annotated in $((SECONDS - started)) s; server info: $(grep -c '^prompt' "$work/info") prompts"
regions() { # LABEL start end or CHOICE name, one line each, of a task file's prediction
	tr -d '\n' < "$1" | grep -o '"value" *: *{[^{}]*}' | sed -n \
		-e 's/.*"start" *: *\([0-9]*\).*"end" *: *\([0-9]*\).*"labels" *: *\[ *"\([^"]*\)".*/\3 \1 \2/p' \
		-e 's/.*"choices" *: *\[ *"\([^"]*\)".*/CHOICE \1/p' | sort | tr '\n' ';'
}
expect_regions() { # $1: task id, $2: its regions
	[ "$(regions "$prompted/tasks/$1.json")" = "$2" ] ||
		fail "task $1: regions '$(regions "$prompted/tasks/$1.json")', expected '$2'"
}
expect_regions 1 "PATIENT 4 11;PROBLEM 20 30;PROBLEM 37 45;"
expect_regions 2 "PROBLEM 9 14;" # "fever" after CJK; "pain clinic" is a counter-example; no "patient" in it
expect_regions 3 ""
expect_regions 4 "CHOICE cardiology;"
grep -q "prompts@" "$prompted/tasks/1.json" || fail "the model version names no prompts: $(cat "$prompted/tasks/1.json")"
lb check --project "$prompted" > "$work/out" 2>&1 || fail "prompt predictions do not check: $(head -5 "$work/out")"
lb export --project "$prompted" --format gal --out "$work/prompted-export.json" >/dev/null 2>&1 || fail "export"
lb server stop "$server" > /dev/null
kill "$llm"
wait "$llm" 2>/dev/null || true
llm=""
grep -q unauthorized "$work/llm.log" && fail "the server called the LLM without the key"
[ "$(grep -c '^authorized$' "$work/llm.log")" -ge 4 ] || fail "not a request with the key per task: $(cat "$work/llm.log")"
left=$(grep -rlF -- "$key" "$work" 2>/dev/null | head -3 || true)
[ -z "$left" ] || fail "the LLM key is written in: $left"
say "prompt project: the expected spans (chest pain, headache, fever after CJK, patient from the LLM), the counter-example kept out, cardiology on its note only; the key in no task file, export or log"

# a visual task pre-annotated by the built-in prompt: a PDF page whose text layer is one line; the entity comes back
# as one box from the first word's left edge to the last word's right edge
one_line_pdf() { # $1: the line; a one-page PDF (Helvetica 14 pt, text layer) on stdout
	local content="BT /F1 14 Tf 72 700 Td ($1) Tj ET" out i xref
	local objects=("<< /Type /Catalog /Pages 2 0 R >>" "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"
		"<< /Length ${#content} >>"$'\nstream\n'"$content"$'\nendstream'
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>") offsets=()
	out=$'%PDF-1.4\n'
	for i in "${!objects[@]}"; do
		offsets+=("${#out}")
		out+="$((i + 1)) 0 obj"$'\n'"${objects[$i]}"$'\nendobj\n'
	done
	xref=${#out}
	out+=$'xref\n'"0 $((${#objects[@]} + 1))"$'\n0000000000 65535 f \n'
	for i in "${offsets[@]}"; do out+="$(printf '%010d 00000 n ' "$i")"$'\n'; done
	out+=$'trailer\n'"<< /Size $((${#objects[@]} + 1)) /Root 1 0 R >>"$'\nstartxref\n'"$xref"$'\n%%EOF\n'
	printf '%s' "$out"
}
visual=$work/visual
one_line_pdf "The patient reports chest pain since Monday." > "$work/note.pdf"
lb import --project "$visual" "$work/note.pdf" >/dev/null 2>&1 || fail "import of the PDF"
cat > "$visual/labeling-config.xml" <<'XML'
<View>
  <Image name="image" value="$image"/>
  <RectangleLabels name="label" toName="image">
    <Label value="PROBLEM" prompt="problem"/>
  </RectangleLabels>
</View>
XML
mkdir -p "$visual/prompts"
cat > "$visual/prompts/problem.json" <<'JSON'
{"name": "problem", "kind": "entity", "label": "PROBLEM", "description": "a disease, symptom or finding of the patient",
 "examples": ["chest pain", "headache", "fever"], "threshold": 0.6}
JSON
lb preannotate --project "$visual" --deploy > "$work/out" 2>&1 || fail "visual prompt project: $(cat "$work/out")"
grep -q "^1 task done" "$work/out" || fail "visual prompt project: $(cat "$work/out")"
boxes=$(grep -c '"rectanglelabels" *: *\[ *"PROBLEM"' "$visual/tasks/1.json" || true)
[ "$boxes" -eq 1 ] && grep -q '"text" *: *"chest pain"' "$visual/tasks/1.json" ||
	fail "visual task: expected one PROBLEM box around 'chest pain': $(cat "$visual/tasks/1.json")"
words=$(cat "$visual"/.labelbench/visual/*.json)
chest_left=$(grep -o '\["chest",[0-9.]*' <<< "$words" | cut -d, -f2)
pain_right=$(grep -o '\["pain",[0-9.]*,[0-9.]*,[0-9.]*' <<< "$words" | cut -d, -f4)
x=$(sed -n 's/.*"x" *: *\([0-9.]*\).*/\1/p' "$visual/tasks/1.json")
width=$(sed -n 's/.*"width" *: *\([0-9.]*\).*/\1/p' "$visual/tasks/1.json" | tail -1)
awk -v x="$x" -v w="$width" -v l="$chest_left" -v r="$pain_right" 'BEGIN {
	exit !((x * 6.12 - l) ^ 2 < 0.25 && ((x + w) * 6.12 - r) ^ 2 < 0.25) }' ||
	fail "visual task: the box [$x%, $x% + $width%] of a 612 pt page is not 'chest' (left $chest_left pt) to 'pain' (right $pain_right pt)"
for id in $(lb server list | cut -f1); do lb server stop "$id" >/dev/null; done
say "visual task: one PROBLEM box from 'chest' to 'pain' on the PDF's text layer"

for id in $(lb server list | cut -f1); do lb server stop "$id" >/dev/null; done
[ -z "$(lb server list)" ] || fail "servers left after stop: $(lb server list)"
leftover=$(find "$work/servers" -mindepth 1 | head -1)
[ -z "$leftover" ] || fail "left behind after stop: $leftover"
say "all green"
