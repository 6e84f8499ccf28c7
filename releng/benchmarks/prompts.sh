#!/usr/bin/env bash
# Built-in zero-shot prompts (MiniLM, ONNX Runtime) against dictionary rules on the same generated clinical notes
# (held-out sentences): docs/s of both, measured in one run, and the prompts' exact-span P/R/F1 per label with
# plain-language descriptions (with and without two example phrases). The ratio is printed last.
#
# It also prints a digest of the timed run's spans and confidences: equal digests, equal results.
#
#   releng/benchmarks/prompts.sh [TASKS]      default 500 notes of three sentences
# Needs the server distribution and server-training's test classes (./mvnw install -pl server-training -am).
set -euo pipefail
root=$(cd -- "$(dirname -- "$(readlink -f -- "${BASH_SOURCE[0]}")")/../.." && pwd)
dist=$root/server/target/labelbench-server/labelbench-server
[ -x "$dist/bin/labelbench-server" ] || { echo "no server distribution in $dist (./mvnw install -pl server-training -am)" >&2; exit 1; }
[ -d "$root/server-training/target/test-classes" ] || { echo "no server-training test classes (./mvnw install -pl server-training -am)" >&2; exit 1; }
export LABELBENCH_SERVER_CLASSPATH="$root/server-training/target/classes:$root/server-training/target/test-classes"
JAVA="${JAVA:-java}" LABELBENCH_SERVER_HEAP=${LABELBENCH_SERVER_HEAP:-1g} \
	"$dist/bin/labelbench-server" run io.labelbench.server.prompt.PromptBench "${1:-500}"
