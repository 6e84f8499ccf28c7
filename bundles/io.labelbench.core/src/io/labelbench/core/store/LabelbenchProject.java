package io.labelbench.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Labelbench project folder: {@code labeling-config.xml}, {@code tasks/}, {@code files/} and
 * {@code .labelbench/project.json}. Independent of the Eclipse workspace so the command line can use it.
 */
public final class LabelbenchProject {

	public static final String CONFIG_FILE = "labeling-config.xml";
	public static final String FILES_FOLDER = "files";
	public static final String META_FOLDER = ".labelbench";

	private final Path folder;
	private final TaskStore tasks;

	public LabelbenchProject(Path folder) {
		this.folder = folder.toAbsolutePath().normalize();
		this.tasks = new TaskStore(this.folder.resolve(TaskStore.FOLDER));
	}

	/** Creates the folders (and an empty project.json with {@code owner} as Owner) where missing. */
	public static LabelbenchProject create(Path folder, String owner) throws IOException {
		LabelbenchProject project = new LabelbenchProject(folder);
		Files.createDirectories(project.tasks.folder());
		Files.createDirectories(project.folder.resolve(META_FOLDER));
		if (!Files.exists(project.settingsFile())) {
			ProjectSettings settings = ProjectSettings.empty();
			if (owner != null && !owner.isBlank()) {
				settings.setRole(owner, Role.OWNER);
			}
			settings.write(project.settingsFile());
		}
		return project;
	}

	/** Whether a folder looks like a Labelbench project (it has a config or a tasks folder). */
	public static boolean isProject(Path folder) {
		return Files.isRegularFile(folder.resolve(CONFIG_FILE)) || Files.isDirectory(folder.resolve(TaskStore.FOLDER));
	}

	public Path folder() {
		return folder;
	}

	public TaskStore tasks() {
		return tasks;
	}

	public Path configFile() {
		return folder.resolve(CONFIG_FILE);
	}

	public Path settingsFile() {
		return folder.resolve(ProjectSettings.RELATIVE_PATH);
	}

	public Path metaFolder() {
		return folder.resolve(META_FOLDER);
	}

	public ProjectSettings settings() throws IOException {
		return ProjectSettings.read(settingsFile());
	}

	/** The current user: the {@code labelbench.user} system property, else the OS user. */
	public static String currentUser() {
		String user = System.getProperty("labelbench.user");
		return user == null || user.isBlank() ? System.getProperty("user.name", "") : user;
	}

	public boolean may(Permission permission) throws IOException {
		return settings().may(currentUser(), permission);
	}
}
