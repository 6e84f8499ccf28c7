#!/usr/bin/env bash
# Checks that Labelbench installs from the built p2 repositories and that every Labelbench bundle starts.
#
#   1. installs io.labelbench.feature.feature.group from the update site alone
#      (releng/io.labelbench.repository/target/repository) into a fresh folder, as a user adding Labelbench to an
#      existing Eclipse would: this fails when the site is not self-contained;
#   2. installs io.labelbench.product + the feature from the update site and the product repository into another
#      fresh folder (a runnable installation) and runs its command line `labelbench bundles`;
#   3. fails unless every io.labelbench bundle of the feature is installed both times and reported ACTIVE
#      (fragments: RESOLVED), and `bundles` exits 0.
#
# Uses Tycho's p2 director (tycho-p2-director-plugin). Run after `./mvnw verify` (or -DskipTests).
# Environment: MVN_FLAGS adds Maven options (e.g. -o); KEEP=1 keeps the installations for inspection.
set -euo pipefail

root=$(cd -- "$(dirname -- "$(readlink -f -- "${BASH_SOURCE[0]}")")/../.." && pwd)
site=$root/releng/io.labelbench.repository/target/repository
product_repo=$root/releng/io.labelbench.product/target/repository
feature_xml=$root/features/io.labelbench.feature/feature.xml
tycho_version=$(sed -n 's/^-Dtycho-version=//p' "$root/.mvn/maven.config")

fail() {
	echo "check-update-site: FAILED: $*" >&2
	exit 1
}

for repo in "$site" "$product_repo"; do
	[ -f "$repo/content.xml" ] || [ -f "$repo/content.jar" ] || [ -f "$repo/content.xml.xz" ] ||
		fail "no p2 repository in ${repo#"$root"/}; build first: ./mvnw -B verify"
done

work=$(mktemp -d "${TMPDIR:-/tmp}/labelbench-site-check.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then
	echo "check-update-site: installations kept in $work" >&2
else
	trap 'rm -rf -- "$work"' EXIT
fi

# our bundles, as the feature lists them: "<id> <fragment true|false>"
mapfile -t expected < <(sed -n 's/.*<plugin[^>]*id="\(io\.labelbench\.[^"]*\)".*/\1/p' "$feature_xml")
[ ${#expected[@]} -gt 0 ] || fail "no io.labelbench plugins found in ${feature_xml#"$root"/}"
is_fragment() {
	grep -q "<plugin[^>]*id=\"$1\"[^>]*fragment=\"true\"" "$feature_xml"
}

director() { # destination repositories IUs
	local started=$SECONDS
	# -N: run the goal once, on the root pom, not on every module of the reactor
	# shellcheck disable=SC2086 # MVN_FLAGS is a list of options
	if ! (cd "$root" && ./mvnw -B -q -N ${MVN_FLAGS:-} \
		"org.eclipse.tycho:tycho-p2-director-plugin:$tycho_version:director" \
		-Ddestination="$1" -Drepositories="$2" -DinstallIUs="$3" \
		-Dprofile=Labelbench -Dprofileproperties=org.eclipse.update.install.features=true \
		-Dp2.os=linux -Dp2.ws=gtk -Dp2.arch=x86_64 -Droaming=true) >"$work/director.log" 2>&1; then
		cat "$work/director.log" >&2
		fail "the p2 director could not install $3 from $2"
	fi
	echo "check-update-site: installed $3 in $((SECONDS - started)) s" >&2
}

installed_ids() { # installation -> bundle ids under plugins/
	for entry in "$1"/plugins/*; do
		basename "$entry" .jar
	done | sed -E 's/_[0-9]+\.[0-9]+\.[0-9]+([.][^_]*)?$//' | sort -u
}

check_installed() { # installation what
	local ids missing=()
	ids=$(installed_ids "$1")
	for id in "${expected[@]}"; do
		grep -qxF "$id" <<<"$ids" || missing+=("$id")
	done
	[ ${#missing[@]} -eq 0 ] || fail "$2 lacks ${missing[*]}"
}

# 1. the update site alone, feature only
director "$work/feature" "file:$site" io.labelbench.feature.feature.group
check_installed "$work/feature" "the feature installed from the update site"

# 2. a runnable installation: product IU (start levels, config.ini) + the feature
director "$work/product" "file:$site,file:$product_repo" io.labelbench.product,io.labelbench.feature.feature.group
check_installed "$work/product" "the product installed from the p2 repositories"
[ -x "$work/product/labelbench" ] || fail "the installation has no executable root file 'labelbench'"

set +e
"$work/product/labelbench" -application io.labelbench.cli.app -nosplash -data "$work/data" bundles \
	>"$work/bundles.out" 2>"$work/bundles.err"
status=$?
set -e
problems=()
for id in "${expected[@]}"; do
	want=ACTIVE
	if is_fragment "$id"; then want=RESOLVED; fi
	line=$(awk -v id="$id" '$1 == id' "$work/bundles.out")
	if [ -z "$line" ]; then
		problems+=("$id: not listed")
	elif [ "$(awk '{print $3}' <<<"$line")" != "$want" ]; then
		problems+=("$id: $(awk '{print $3}' <<<"$line"), expected $want")
	fi
done
if [ ${#problems[@]} -gt 0 ] || [ $status -ne 0 ]; then
	echo "--- labelbench bundles (exit $status) printed:" >&2
	cat "$work/bundles.out" "$work/bundles.err" >&2
	if ! grep -q '^io\.labelbench\.[^ ]* [0-9][^ ]* [A-Z]*$' "$work/bundles.out"; then
		fail "the installed command line printed no '<bundle> <version> <state>' lines:" \
			"does this build's CLI have the 'bundles' command?"
	fi
	fail "Labelbench bundles did not all start (exit $status): ${problems[*]:-}"
fi
echo "check-update-site: OK: ${#expected[@]} Labelbench bundles installed from the update site and ACTIVE:" >&2
awk '$1 ~ /^io\.labelbench\./' "$work/bundles.out" >&2
