#!/usr/bin/env bash
# Target drift guard: compares the plugins of the materialized product with the committed list
# releng/io.labelbench.product/plugins.txt ("<bundle id> <version>", one a line, sorted).
#
# Eclipse poms on Maven Central use open version ranges (EMF "[2.35.0,)", ECF "[3.1.0,)"); Tycho resolves them
# to the newest release on Central, so a build can change the product's contents without any commit. This
# makes that visible. Labelbench's own bundles (io.labelbench.*) are left out: they come from this repository
# and feature.xml, and check-update-site.sh checks that each one is installed and starts.
#
#   check-plugin-list.sh            exit 1 and print a diff when the product differs from the list
#   check-plugin-list.sh --update   rewrite the list from the product (review the diff before committing)
set -euo pipefail

root=$(cd -- "$(dirname -- "$(readlink -f -- "${BASH_SOURCE[0]}")")/../.." && pwd)
product=$root/releng/io.labelbench.product/target/products/io.labelbench.product/linux/gtk/x86_64
list=$root/releng/io.labelbench.product/plugins.txt

[ -d "$product/plugins" ] || {
	echo "check-plugin-list: no product in ${product#"$root"/}; build first: ./mvnw -B verify" >&2
	exit 1
}

actual() {
	for entry in "$product"/plugins/*; do
		basename "$entry" .jar
	done | sed -E 's/^(.+)_([0-9]+\.[0-9]+\.[0-9]+([.][^_]*)?)$/\1 \2/' | grep -v '^io\.labelbench\.' | LC_ALL=C sort
}

if [ "${1:-}" = --update ]; then
	actual >"$list"
	echo "check-plugin-list: wrote $(wc -l <"$list") plugins to ${list#"$root"/}" >&2
	exit 0
fi
[ -f "$list" ] || {
	echo "check-plugin-list: ${list#"$root"/} is missing; create it with $0 --update" >&2
	exit 1
}
if ! diff -u --label "committed ${list#"$root"/}" --label "built product" "$list" <(actual) >&2; then
	cat >&2 <<EOF
check-plugin-list: FAILED: the product's plugins differ from ${list#"$root"/} (diff above: - committed, + built).
  A new or changed version nobody asked for is target drift: pin it in targetplatform/labelbench.target
  (a root of the right version and an <exclude> of the drifted one). A change you made on purpose (a new
  bundle or dependency): run releng/scripts/check-plugin-list.sh --update and commit the list.
EOF
	exit 1
fi
echo "check-plugin-list: OK: $(wc -l <"$list") plugins as listed in ${list#"$root"/}" >&2
