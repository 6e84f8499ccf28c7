#!/usr/bin/env bash
# Long documents in the task editor: opening a 1 MB task with 5,000 regions per annotation (two predictions and
# a completion) in the real workbench, and scrolling it page by page, against loading the same text into a bare
# StyledText in the same run. Prints the ratios, the opening one last. Needs a display (runs under xvfb-run
# when DISPLAY is unset).
set -euo pipefail
cd -- "$(dirname -- "$(readlink -f -- "${BASH_SOURCE[0]}")")/../.."
run=()
if [ -z "${DISPLAY:-}" ]; then
	run=(xvfb-run -a -s '-screen 0 1600x1200x24')
fi
"${run[@]}" ./mvnw -B -o clean verify -pl tests/io.labelbench.ui.tests -am -Dtest=TaskEditorBenchmark \
	-Dsurefire.failIfNoSpecifiedTests=false -Dlabelbench.benchmark=true 2>&1 |
	grep '^task-editor:' | sed 's/^task-editor: //'
