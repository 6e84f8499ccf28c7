package io.labelbench.rules;

import io.labelbench.rules.engine.Prompt;
import io.labelbench.rules.engine.RuleException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.labelbench.core.io.Progress;
import io.labelbench.core.store.LabelbenchHome;

/**
 * The workspace-wide prompt library: prompt files shared by all projects, exchanged as zip files with the same
 * limits and all-or-nothing import as the rules library.
 */
public final class PromptLibrary {

	private final Path folder;

	public PromptLibrary(Path folder) {
		this.folder = folder.toAbsolutePath().normalize();
	}

	/** {@code labelbench.prompts.library}, else {@code prompts} in {@link LabelbenchHome}. */
	public static PromptLibrary defaultLibrary() {
		String configured = System.getProperty("labelbench.prompts.library");
		return new PromptLibrary(configured != null && !configured.isBlank() ? Path.of(configured)
				: LabelbenchHome.resolve("prompts"));
	}

	public Path folder() {
		return folder;
	}

	public List<Prompt> prompts() throws RuleException {
		return PromptFiles.readFolder(folder);
	}

	public Optional<Prompt> find(String name) throws RuleException {
		return prompts().stream().filter(p -> p.name().equals(name)).findFirst();
	}

	/** Zips the library's prompt files. */
	public void exportZip(Path zip) throws IOException {
		FlatLibraryZip.export(folder, zip);
	}

	/**
	 * Imports a zip exported by {@link #exportZip}; returns the names of the prompts added or replaced. Every prompt
	 * is read and checked first; a file of the archive replaces the library's file of the same name.
	 */
	public List<String> importZip(Path zip, Progress progress) throws IOException, RuleException {
		return FlatLibraryZip.importInto(folder, zip, "prompts",
				scratch -> PromptFiles.readFolder(scratch).stream().map(Prompt::name).toList(), progress);
	}
}
