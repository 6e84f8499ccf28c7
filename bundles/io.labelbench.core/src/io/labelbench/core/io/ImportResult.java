package io.labelbench.core.io;

import java.util.List;

/**
 * What an import did.
 *
 * @param imported  tasks written
 * @param unchanged tasks that were already in the project with the same content (a rerun)
 * @param problems  content problems found in the imported tasks (kept as they are), at most
 *                  {@link TaskImporter#MAX_REPORTED_PROBLEMS}
 * @param problemCount all content problems found
 * @param skipped   entries of imported folders that were left out, with the reason (all of them)
 */
public record ImportResult(int imported, int unchanged, List<String> problems, int problemCount,
		List<SkippedFile> skipped) {

	public int total() {
		return imported + unchanged;
	}
}
