#!/usr/bin/env bash
# Visual NER on generated pages with known words and boxes: word accuracy and box IoU of the text layer and of
# OCR at 300 dpi, the share of multi-token entities that come out as one region per line, and OCR pages/s of the
# import (pages in parallel, one engine per worker) against the tesseract command line on the same pages with as
# many parallel processes, in the same run; that ratio is printed last (target 0.9).
# Usage: visual-ocr.sh [PAGES [WORKERS]]. Needs the tesseract command (Debian: tesseract-ocr).
set -euo pipefail
here=$(dirname -- "$(readlink -f -- "$0")")
if ! command -v tesseract >/dev/null; then
	echo "visual-ocr: the tesseract command line is the baseline; install it (sudo apt-get install tesseract-ocr)" >&2
	exit 2
fi
repo=${MAVEN_REPO:-$HOME/.m2/repository}
# the newest version in the local repository of each library the visual bundle runs on
newest() {
	local dir=$repo/$1 jar
	jar=$(ls "$dir"/*/"$(basename "$1")"-*.jar 2>/dev/null | grep -v -e '-sources' -e '-javadoc' | sort -V | tail -1)
	[ -n "$jar" ] || { echo "visual-ocr: $1 is not in $repo; build once with ./mvnw verify" >&2; exit 2; }
	printf '%s' "$jar"
}
cp=""
for artifact in org/apache/pdfbox/pdfbox org/apache/pdfbox/fontbox org/apache/pdfbox/pdfbox-io \
	commons-logging/commons-logging net/sourceforge/tess4j/tess4j net/sourceforge/lept4j/lept4j net/java/dev/jna/jna org/slf4j/slf4j-api; do
	cp="$cp:$(newest "$artifact")"
done
export BENCH_CLASSPATH=${cp#:}
if [ ! -d "$here/../../bundles/io.labelbench.visual/target/test-classes" ]; then
	(cd "$here/../.." && ./mvnw -B -q -o verify -DskipTests -pl bundles/io.labelbench.visual -am >&2)
fi
exec "$here/run-java.sh" io.labelbench.visual io.labelbench.visual.VisualOcrBench "$@"
