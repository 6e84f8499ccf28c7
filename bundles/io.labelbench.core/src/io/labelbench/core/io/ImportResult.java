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
 */
public record ImportResult(int imported, int unchanged, List<String> problems, int problemCount) {

	public int total() {
		return imported + unchanged;
	}
}
