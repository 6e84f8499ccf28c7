package io.labelbench.rules;

import io.labelbench.rules.engine.Rule;
import io.labelbench.rules.engine.RuleException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.labelbench.core.io.Progress;
import io.labelbench.core.io.SafeZip;
import io.labelbench.core.store.AtomicFile;
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
		List<Path> files = new ArrayList<>();
		if (Files.isDirectory(folder)) {
			try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, Files::isRegularFile)) {
				stream.forEach(files::add);
			}
		}
		files.sort(Comparator.naturalOrder());
		AtomicFile.write(zip, out -> {
			ZipOutputStream zipOut = new ZipOutputStream(out);
			for (Path file : files) {
				if (AtomicFile.isTemporary(file)) {
					continue;
				}
				zipOut.putNextEntry(new ZipEntry(file.getFileName().toString()));
				Files.copy(file, zipOut);
				zipOut.closeEntry();
			}
			zipOut.finish();
		});
	}

	/** Imports a zip exported by {@link #exportZip}; returns the names of the rules added or replaced. */
	public List<String> importZip(Path zip, Progress progress) throws IOException, RuleException {
		Path scratch = Files.createTempDirectory("labelbench-rules-import");
		try {
			new SafeZip(SafeZip.Limits.LIBRARIES).unzip(zip, scratch, progress);
			List<Path> files;
			try (Stream<Path> walk = Files.walk(scratch)) {
				files = walk.filter(Files::isRegularFile).sorted().toList();
			}
			for (Path file : files) {
				if (!file.getParent().equals(scratch)) {
					throw new RuleException(zip.getFileName() + ": '" + scratch.relativize(file)
							+ "' is in a sub-folder; a rules archive is flat");
				}
			}
			List<String> names = new ArrayList<>();
			for (Rule rule : RuleFiles.readFolder(scratch)) {
				names.add(rule.name());
			}
			if (names.isEmpty()) {
				throw new RuleException(zip.getFileName() + ": no rules in the archive");
			}
			Files.createDirectories(folder);
			for (Path file : files) {
				AtomicFile.write(folder.resolve(file.getFileName().toString()), out -> copy(file, out));
			}
			return names;
		} finally {
			try (Stream<Path> walk = Files.walk(scratch)) {
				for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
					Files.deleteIfExists(path);
				}
			}
		}
	}

	private static void copy(Path file, OutputStream out) throws IOException {
		Files.copy(file, out);
	}
}
