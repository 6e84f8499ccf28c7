#!/usr/bin/env bash
# Layering and Eclipse conventions of the bundles, from the sources (seconds, no build): no package cycle inside
# a bundle, no Labelbench bundle required without being used, plugin.properties for every plugin.xml, test
# bundles under tests/, the Tycho version only in .mvn/maven.config. See CheckLayering.java for the rules.
set -euo pipefail
root=$(cd -- "$(dirname -- "$(readlink -f -- "${BASH_SOURCE[0]}")")/../.." && pwd)
exec "${JAVA:-java}" "$root/releng/scripts/CheckLayering.java" "$root"
