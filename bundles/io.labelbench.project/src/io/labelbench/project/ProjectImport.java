package io.labelbench.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.labelbench.config.LabelingConfig;
import io.labelbench.core.check.ResultSchema;
import io.labelbench.core.io.ImportOptions;
import io.labelbench.core.io.ImportResult;
import io.labelbench.core.io.Progress;
import io.labelbench.core.io.TaskImporter;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.visual.VisualExtractor;
import io.labelbench.visual.VisualImporter;

/**
 * Importing sources into a project, the same for the command line and the workbench: PDFs and images become
 * visual tasks ({@link VisualImporter}), everything else is read as task files ({@link TaskImporter}), and the
 * results of imported tasks are checked against the project's labeling config, problems coming back in the
 * {@link ImportResult}.
 */
public final class ProjectImport {

	/** The sources of one import, split by where they go. */
	public record Sources(List<Path> documents, List<Path> taskFiles) {

		/** PDFs and images (told by content) to the visual importer, the rest (files, folders) as task files. */
		public static Sources of(List<Path> sources) {
			List<Path> documents = sources.stream().filter(VisualImporter::isDocument).toList();
			return new Sources(documents, sources.stream().filter(source -> !documents.contains(source)).toList());
		}
	}

	private final LabelbenchProject project;
	private final ResultSchema config;

	/** @param config what imported results are checked against, or {@code null} for no checks */
	public ProjectImport(LabelbenchProject project, ResultSchema config) {
		this.project = project;
		this.config = config;
	}

	/** An import checked against the project's own {@code labeling-config.xml}, when it has one. */
	public static ProjectImport of(LabelbenchProject project) throws IOException {
		return new ProjectImport(project, configOf(project));
	}

	/** The project's labeling config as the result checks need it, or {@code null} when it has none. */
	public static ResultSchema configOf(LabelbenchProject project) throws IOException {
		return Files.exists(project.configFile()) ? LabelingConfig.read(project.configFile()) : null;
	}

	/**
	 * Imports PDFs and images as visual tasks; nothing is written before every document is extracted.
	 *
	 * @param password for encrypted PDFs, or {@code null}
	 * @throws VisualExtractor.PasswordRequiredException when a PDF needs a password {@code password} is not
	 */
	public List<TaskId> importDocuments(List<Path> documents, String password, Progress progress) throws IOException {
		return new VisualImporter(project, VisualExtractor.Limits.DEFAULT).importDocuments(documents, password,
				progress);
	}

	/** Imports task files and folders of them, checking their results against the config. */
	public ImportResult importTaskFiles(List<Path> taskFiles, ImportOptions options, Progress progress)
			throws IOException {
		return new TaskImporter(project, config).importFiles(taskFiles, options, progress);
	}
}
