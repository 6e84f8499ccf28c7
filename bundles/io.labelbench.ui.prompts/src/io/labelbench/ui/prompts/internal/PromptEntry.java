package io.labelbench.ui.prompts.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.labelbench.rules.PromptFiles;
import io.labelbench.rules.engine.Prompt;
import io.labelbench.rules.engine.RuleException;

/** A prompt with the file it is kept in and where that file is (the project or the library). */
record PromptEntry(Prompt prompt, Path file, boolean inLibrary) {

	/** The same entry with the prompt changed (not yet saved). */
	PromptEntry with(Prompt changed) {
		return new PromptEntry(changed, file, inLibrary);
	}

	/** Writes the prompt back into its file, in the place of the prompt of the same name. */
	void save() throws IOException, RuleException {
		List<Prompt> all = new ArrayList<>(PromptFiles.read(file));
		all.replaceAll(p -> p.name().equals(prompt.name()) ? prompt : p);
		PromptFiles.write(file, all);
	}

	/**
	 * The prompts of the {@code .json} files of a folder (none when it does not exist); files that cannot be read
	 * are named in {@code problems} and skipped.
	 */
	static List<PromptEntry> read(Path folder, boolean inLibrary, List<String> problems) {
		List<PromptEntry> out = new ArrayList<>();
		if (!Files.isDirectory(folder)) {
			return out;
		}
		List<Path> files = new ArrayList<>();
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.json")) {
			stream.forEach(files::add);
		} catch (IOException e) {
			problems.add(e.getMessage());
		}
		files.sort(null);
		for (Path file : files) {
			try {
				PromptFiles.read(file).forEach(p -> out.add(new PromptEntry(p, file, inLibrary)));
			} catch (RuleException e) {
				problems.add(e.getMessage());
			}
		}
		return out;
	}
}
