#!/usr/bin/env bash
# Dictionary rules with 100,000 terms: MB/s of the Aho-Corasick rule against one regex alternation of the
# same terms, measured in the same run; the ratio is printed last. Target: >= 50 MB/s.
exec "$(dirname -- "$(readlink -f -- "$0")")/run-java.sh" io.labelbench.rules.engine io.labelbench.rules.engine.DictionaryBench "$@"
