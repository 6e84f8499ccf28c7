package io.labelbench.rules;

import io.labelbench.rules.engine.Rule;
import io.labelbench.rules.engine.RuleException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.labelbench.core.io.Progress;
import io.labelbench.core.io.SafeZip;
import io.labelbench.core.store.LabelbenchHome;

/**
 * The workspace-wide rules library: rule files shared by all projects, exchanged as zip files. An import is
 * unpacked into a scratch folder with the zip limits of {@link SafeZip.Limits#LIBRARIES}, every rule is read and checked, and only then are the
 * files copied in; a bad archive changes nothing.
 */
public final class RulesLibrary {

	private final Path folder;

	public RulesLibrary(Path folder) {
		this.folder = folder.toAbsolutePath().normalize();
	}

	/** {@code labelbench.rules.library}, else {@code rules} in {@link LabelbenchHome}. */
	public static RulesLibrary defaultLibrary() {
		String configured = System.getProperty("labelbench.rules.library");
		return new RulesLibrary(configured != null && !configured.isBlank() ? Path.of(configured)
				: LabelbenchHome.resolve("rules"));
	}

	public Path folder() {
		return folder;
	}

	public List<Rule> rules() throws RuleException {
		return RuleFiles.readFolder(folder);
	}

	/** Zips the library's rule files and dictionaries. */
	public void exportZip(Path zip) throws IOException {
		FlatLibraryZip.export(folder, zip);
	}

	/** Imports a zip exported by {@link #exportZip}; returns the names of the rules added or replaced. */
	public List<String> importZip(Path zip, Progress progress) throws IOException, RuleException {
		return FlatLibraryZip.importInto(folder, zip, "rules",
				scratch -> RuleFiles.readFolder(scratch).stream().map(Rule::name).toList(), progress);
	}
}
