#!/usr/bin/env bash
# Runs a benchmark main class from a bundle's test classes: releng/benchmarks/run-java.sh BUNDLE CLASS [ARGS…]
# Builds the bundle (and core) first when its classes are missing. The class path is the bundles' classes
# plus the Jackson jars of the local Maven repository, plus BENCH_CLASSPATH when set.
set -euo pipefail
cd -- "$(dirname -- "$(readlink -f -- "${BASH_SOURCE[0]}")")/../.."
bundle=$1 main=$2
shift 2
if [ ! -d "bundles/$bundle/target/test-classes" ]; then
	./mvnw -B -q -o verify -DskipTests -Dmaven.test.skip.exec=true -pl "bundles/io.labelbench.core,bundles/$bundle" >&2
fi
repo=${MAVEN_REPO:-$HOME/.m2/repository}
cp=""
for jar in "$repo"/com/fasterxml/jackson/core/jackson-{core,databind,annotations}/2.20*/*.jar \
	"$repo"/com/fasterxml/jackson/dataformat/jackson-dataformat-csv/2.20*/*.jar; do
	case "$jar" in *-sources.jar|*-javadoc.jar) ;; *) cp="$cp:$jar" ;; esac
done
for b in bundles/*/target; do
	cp="$cp:$b/classes"
done
exec java ${BENCH_VMARGS:-} -cp "bundles/$bundle/target/test-classes$cp${BENCH_CLASSPATH:+:$BENCH_CLASSPATH}" "$main" "$@"
