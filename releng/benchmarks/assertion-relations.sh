#!/usr/bin/env bash
# Assertion status and relation extraction: the same generated tasks (a clinical sentence and a medication
# sentence each, of the held-out variants) through the server's predictor with the NER models alone and with the
# NER models followed by the assertion and relation models, measured in one run; then the held-out assertion
# accuracy and relation F1 of the trained models (published by the build) and of the rules. The ratio is printed
# last. Target: <= 1.5x.
#
#   releng/benchmarks/assertion-relations.sh [TASKS]      default 10,000 tasks; BATCH=N (default 256, the product's)
# Needs the server distribution and the hub mirror (./mvnw install -pl server-training -am).
set -euo pipefail
root=$(cd -- "$(dirname -- "$(readlink -f -- "${BASH_SOURCE[0]}")")/../.." && pwd)
tasks=${1:-10000}
batch=${BATCH:-256}
dist=$root/server/target/labelbench-server/labelbench-server
mirror=$root/server-training/target/hub-mirror
[ -x "$dist/bin/labelbench-server" ] || { echo "no server distribution in $dist (./mvnw install -pl server-training -am)" >&2; exit 1; }
[ -f "$mirror/public/models/metadata.json" ] || { echo "no hub mirror in $mirror (./mvnw install -pl server-training -am)" >&2; exit 1; }
[ -d "$root/server-training/target/test-classes" ] || { echo "no server-training test classes (./mvnw install -pl server-training -am)" >&2; exit 1; }

export LABELBENCH_SERVER_CLASSPATH="$root/server-training/target/classes:$root/server-training/target/test-classes"
JAVA="${JAVA:-java}" LABELBENCH_SERVER_HEAP=${LABELBENCH_SERVER_HEAP:-2g} \
	"$dist/bin/labelbench-server" run io.labelbench.server.http.AssertionRelationBench "$mirror" "$tasks" "$batch"
