package io.labelbench.samples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.labelbench.core.store.AtomicFile;
import io.labelbench.core.store.Folders;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.core.store.ProjectSettings;
import io.labelbench.core.store.Role;

/**
 * The sample project shipped with Labelbench: clinical notes with medications, finance news and legal texts as
 * GAL tasks, some pre-annotated and some with corrected completions, with a labeling config for them.
 * <p>
 * The files are resources of this bundle, read with its class loader, so the same code works inside OSGi and
 * on a plain class path.
 */
public final class SampleProject {

	/** The folder name the workbench and the command line use for the sample inside a workspace. */
	public static final String DEFAULT_FOLDER_NAME = "labelbench-sample";

	private static final String RESOURCE_ROOT = "project/";
	private static final String INDEX = RESOURCE_ROOT + "index.txt";
	/** Stored without the dot folder (build tools skip or mangle hidden folders in resources). */
	private static final String SETTINGS_RESOURCE = "project.json";

	private SampleProject() {
	}

	/**
	 * Writes the sample project into {@code folder}, creating it if needed, unless a Labelbench project is
	 * already there: an existing project is never changed, so a user's edits to the sample survive. The current
	 * user ({@link LabelbenchProject#currentUser()}) becomes the project's Owner.
	 * <p>
	 * The files are prepared in a temporary folder next to their destination and moved in with renames, so an
	 * interrupted install leaves no half-written file behind.
	 *
	 * @return {@code true} if the sample was written, {@code false} if a project was already there
	 */
	public static boolean install(Path folder) throws IOException {
		Path target = folder.toAbsolutePath().normalize();
		if (LabelbenchProject.isProject(target)) {
			return false;
		}
		boolean targetExists = Files.isDirectory(target);
		Path stagingParent = targetExists ? target : target.getParent();
		Files.createDirectories(stagingParent);
		Path staging = Files.createTempDirectory(stagingParent, AtomicFile.TEMP_PREFIX + "sample-");
		try {
			writeFiles(staging);
			if (targetExists) {
				return moveEntriesInto(staging, target);
			}
			try {
				Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
				return true;
			} catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
				// someone created the folder meanwhile (another install, the user): fill it if it is no project
				return !LabelbenchProject.isProject(target) && moveEntriesInto(staging, target);
			}
		} finally {
			Folders.deleteTree(staging);
		}
	}

	/** The files of the sample project relative to its folder, in a stable order (config, settings, tasks). */
	public static List<String> files() {
		List<String> files = new ArrayList<>();
		for (String resource : resources()) {
			files.add(destinationOf(resource));
		}
		return files;
	}

	/** The number of tasks in the sample project. */
	public static int taskCount() {
		return (int) files().stream().filter(file -> file.startsWith("tasks/")).count();
	}

	private static void writeFiles(Path staging) throws IOException {
		for (String resource : resources()) {
			byte[] content = read(RESOURCE_ROOT + resource);
			AtomicFile.write(staging.resolve(destinationOf(resource)), out -> out.write(content));
		}
		Path settingsFile = staging.resolve(ProjectSettings.RELATIVE_PATH);
		ProjectSettings settings = ProjectSettings.read(settingsFile);
		String user = LabelbenchProject.currentUser();
		if (!user.isBlank()) {
			settings.setRole(user, Role.OWNER);
		}
		settings.write(settingsFile);
	}

	/**
	 * Moves the staged files into an existing folder that holds no project yet (for example one the workbench
	 * created with only a {@code .project} file), keeping any file that is already there. The config comes
	 * last: with it the folder counts as a project.
	 */
	private static boolean moveEntriesInto(Path staging, Path target) throws IOException {
		move(staging.resolve(LabelbenchProject.META_FOLDER).resolve("project.json"),
				target.resolve(ProjectSettings.RELATIVE_PATH));
		Path tasks = target.resolve("tasks");
		if (Files.isDirectory(tasks)) {
			try (Stream<Path> staged = Files.list(staging.resolve("tasks"))) {
				for (Path file : (Iterable<Path>) staged::iterator) {
					move(file, tasks.resolve(file.getFileName().toString()));
				}
			}
		} else {
			move(staging.resolve("tasks"), tasks);
		}
		move(staging.resolve(LabelbenchProject.CONFIG_FILE), target.resolve(LabelbenchProject.CONFIG_FILE));
		return true;
	}

	private static void move(Path source, Path destination) throws IOException {
		if (Files.exists(destination)) {
			return;
		}
		Files.createDirectories(destination.getParent());
		try {
			Files.move(source, destination, StandardCopyOption.ATOMIC_MOVE);
		} catch (AtomicMoveNotSupportedException e) {
			Files.move(source, destination);
		} catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
			// created meanwhile: the existing file wins
		}
	}

	private static String destinationOf(String resource) {
		return SETTINGS_RESOURCE.equals(resource) ? ProjectSettings.RELATIVE_PATH : resource;
	}

	private static List<String> resources() {
		try (BufferedReader index = new BufferedReader(
				new InputStreamReader(open(INDEX), StandardCharsets.UTF_8))) {
			List<String> resources = new ArrayList<>();
			String line;
			while ((line = index.readLine()) != null) {
				line = line.strip();
				if (!line.isEmpty() && !line.startsWith("#")) {
					resources.add(line);
				}
			}
			return resources;
		} catch (IOException e) {
			throw new UncheckedIOException("cannot read the sample project's index " + INDEX, e);
		}
	}

	private static byte[] read(String resource) throws IOException {
		try (InputStream in = open(resource)) {
			return in.readAllBytes();
		}
	}

	private static InputStream open(String resource) throws IOException {
		// relative to this class's package, through the bundle's class loader
		InputStream in = SampleProject.class.getResourceAsStream(resource);
		if (in == null) {
			throw new IOException("the sample project resource " + resource + " is missing from the "
					+ SampleProject.class.getPackageName() + " bundle");
		}
		return in;
	}
}
