#!/usr/bin/env bash
# Labeling-config validation: full validation of a generated 200-label, 5-model config against plain JAXP DOM
# parsing of the same text, warm, in the same run; the ratio is printed last. Target: < 5 ms per validation.
exec "$(dirname -- "$(readlink -f -- "$0")")/run-java.sh" io.labelbench.config io.labelbench.config.ConfigValidationBench "$@"
