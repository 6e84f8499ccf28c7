package io.labelbench.cli;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.core.store.ProjectSettings;
import io.labelbench.core.store.TaskStore;

/**
 * The project an import writes into, created when the folder is not a project yet. When the import fails before a
 * task is written, {@link #removeIfUnused()} takes away what was created for it, and only that: a failed import
 * leaves no empty project behind, and a folder that was there keeps what it had.
 */
final class ImportTarget {

	private final LabelbenchProject project;
	/** What this run created, parents before children. */
	private final List<Path> created;

	private ImportTarget(LabelbenchProject project, List<Path> created) {
		this.project = project;
		this.created = created;
	}

	static ImportTarget open(Path folder, String owner) throws IOException {
		Path absolute = folder.toAbsolutePath().normalize();
		List<Path> missing = new ArrayList<>();
		if (!LabelbenchProject.isProject(absolute)) {
			for (Path path = absolute; path != null && !Files.exists(path, LinkOption.NOFOLLOW_LINKS); path = path
					.getParent()) {
				missing.add(0, path);
			}
			for (Path inside : List.of(absolute.resolve(TaskStore.FOLDER), absolute.resolve(LabelbenchProject.FILES_FOLDER),
					absolute.resolve(LabelbenchProject.META_FOLDER), absolute.resolve(ProjectSettings.RELATIVE_PATH))) {
				if (!Files.exists(inside, LinkOption.NOFOLLOW_LINKS)) {
					missing.add(inside);
				}
			}
		}
		LabelbenchProject project = LabelbenchProject.create(absolute, owner);
		return new ImportTarget(project, missing);
	}

	LabelbenchProject project() {
		return project;
	}

	/**
	 * After a failed import: removes what {@link #open} created, unless a task was written meanwhile (then the
	 * project stays, so that running the import again finishes it).
	 */
	void removeIfUnused() {
		if (created.isEmpty() || hasTasks()) {
			return;
		}
		for (int i = created.size() - 1; i >= 0; i--) {
			Path path = created.get(i);
			try {
				if (path.equals(project.metaFolder()) || path.equals(project.folder().resolve(LabelbenchProject.FILES_FOLDER))) {
					deleteTree(path); // made by this run, with all it put there (journal, caches, copied documents)
				} else {
					Files.deleteIfExists(path);
				}
			} catch (DirectoryNotEmptyException e) {
				return; // something else was put there meanwhile: keep it and the folders above it
			} catch (IOException e) {
				return; // best effort: the import's own error is what the user needs to see
			}
		}
	}

	private boolean hasTasks() {
		try (Stream<Path> files = Files.list(project.tasks().folder())) {
			return files.findAny().isPresent();
		} catch (IOException e) {
			return true; // cannot tell: keep everything
		}
	}

	private static void deleteTree(Path folder) throws IOException {
		if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		List<Path> paths;
		try (Stream<Path> walk = Files.walk(folder)) {
			paths = walk.sorted(Comparator.reverseOrder()).toList();
		}
		for (Path path : paths) {
			Files.deleteIfExists(path);
		}
	}
}
