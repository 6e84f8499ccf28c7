#!/usr/bin/env bash
# Writes N posology tasks as JSON Lines to stdout, for system tests and benchmarks: generate-tasks.sh N
# A third of the texts start with an emoji, a third with CJK, all have a CRLF line end: the places where offsets
# go wrong.
set -euo pipefail
awk -v n="${1:?usage: generate-tasks.sh N}" 'BEGIN {
	split("lisinopril atorvastatin metformin warfarin amoxicillin sertraline", drugs, " ");
	split("orally|IV|by mouth|subcutaneously", routes, "|");
	split("twice daily|every 12 hours|at bedtime|once a day", freqs, "|");
	for (i = 1; i <= n; i++) {
		d = drugs[i % 6 + 1]; r = routes[i % 4 + 1]; f = freqs[(i * 7) % 4 + 1];
		prefix = (i % 3 == 0) ? "\360\237\230\200 " : (i % 3 == 1) ? "\346\202\243\350\200\205\357\274\232" : "";
		printf "{\"data\":{\"text\":\"%sThe patient was started on %s %d mg %s %s.\\r\\nFollow up in %d weeks.\"}}\n", prefix, d, (i % 9 + 1) * 5, r, f, i % 5 + 1;
	}
}'
