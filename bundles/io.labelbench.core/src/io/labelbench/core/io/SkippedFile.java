package io.labelbench.core.io;

import java.nio.file.Path;

/**
 * A file or folder entry that an import left out, and why (a link leaving the imported folder, a kind of file that
 * holds no tasks…), so that nothing is skipped silently.
 */
public record SkippedFile(Path file, String reason) {

	/** {@code file: reason}, one line for warnings. */
	@Override
	public String toString() {
		return file + ": " + reason;
	}
}
