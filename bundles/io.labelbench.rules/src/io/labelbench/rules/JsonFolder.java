package io.labelbench.rules;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.labelbench.rules.engine.RuleException;

/** The {@code .json} files of a rules or prompts folder, in file-name order, as both kinds of files are read. */
final class JsonFolder {

	private JsonFolder() {
	}

	/**
	 * @param what what the files hold ("rules", "prompts"), for the message when the folder cannot be listed
	 * @return the files, none when the folder does not exist
	 */
	static List<Path> files(Path folder, String what) throws RuleException {
		List<Path> files = new ArrayList<>();
		if (!Files.isDirectory(folder)) {
			return files;
		}
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.json")) {
			stream.forEach(files::add);
		} catch (IOException e) {
			throw new RuleException(folder + ": cannot list " + what + ": " + e.getMessage(), e);
		}
		files.sort(null);
		return files;
	}
}
