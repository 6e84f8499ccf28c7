package io.labelbench.rules;

import io.labelbench.rules.engine.RuleException;

import java.io.IOException;
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
import io.labelbench.core.store.Folders;

/**
 * Zip export and import of a flat library folder (rules, prompts). An import is unpacked into a scratch folder with
 * the zip limits of {@link SafeZip.Limits#LIBRARIES}, the unpacked folder is read and checked as a whole, and only
 * then are the files copied in; a bad archive changes nothing.
 */
final class FlatLibraryZip {

	/** Reads a whole unpacked library folder and returns the names of what it holds; throws when one is bad. */
	interface Check {
		List<String> names(Path unpacked) throws RuleException;
	}

	private FlatLibraryZip() {
	}

	/** Zips the regular files of a library folder (not its sub-folders, not half-written temporary files). */
	static void export(Path folder, Path zip) throws IOException {
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

	/**
	 * Imports an archive made by {@link #export} into {@code folder}; {@code what} names the content in messages
	 * ("rules", "prompts"). Returns the names the check found.
	 */
	static List<String> importInto(Path folder, Path zip, String what, Check check, Progress progress)
			throws IOException, RuleException {
		Path scratch = Files.createTempDirectory("labelbench-" + what + "-import");
		try {
			new SafeZip(SafeZip.Limits.LIBRARIES).unzip(zip, scratch, progress);
			List<Path> files;
			try (Stream<Path> walk = Files.walk(scratch)) {
				files = walk.filter(Files::isRegularFile).sorted().toList();
			}
			for (Path file : files) {
				if (!file.getParent().equals(scratch)) {
					throw new RuleException(zip.getFileName() + ": '" + scratch.relativize(file)
							+ "' is in a sub-folder; a " + what + " archive is flat");
				}
			}
			List<String> names = check.names(scratch);
			if (names.isEmpty()) {
				throw new RuleException(zip.getFileName() + ": no " + what + " in the archive");
			}
			Files.createDirectories(folder);
			for (Path file : files) {
				AtomicFile.write(folder.resolve(file.getFileName().toString()), out -> Files.copy(file, out));
			}
			return names;
		} finally {
			Folders.deleteTree(scratch);
		}
	}
}
