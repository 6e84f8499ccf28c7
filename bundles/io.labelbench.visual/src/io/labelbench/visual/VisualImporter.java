package io.labelbench.visual;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.io.Progress;
import io.labelbench.core.json.Json;
import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.AtomicFile;
import io.labelbench.core.store.LabelbenchProject;

/**
 * Imports PDFs and images (type detected from content) as visual tasks, one task per document: the document
 * is copied to {@code files/}, its pages are extracted (text layer, else OCR) into the {@link PagesCache}, and
 * the task's data names it: {@code {"image": "files/<name>", "title": …, "pages": n}}. Every document is
 * extracted before anything is written, so a bad one leaves the project unchanged.
 */
public final class VisualImporter {

	private final LabelbenchProject project;
	private final VisualExtractor.Limits limits;

	public VisualImporter(LabelbenchProject project, VisualExtractor.Limits limits) {
		this.project = project;
		this.limits = limits;
	}

	/** Whether a file is a PDF or an image this importer takes. */
	public static boolean isVisual(Path file) {
		try {
			return Files.isRegularFile(file) && VisualExtractor.sniff(file) != VisualExtractor.Kind.UNKNOWN;
		} catch (IOException e) {
			return false;
		}
	}

	/** @param password for encrypted PDFs, or {@code null} */
	public List<TaskId> importDocuments(List<Path> documents, String password, Progress progress) throws IOException {
		progress.begin("Extracting " + documents.size() + " documents", documents.size());
		List<List<Page>> extracted = new ArrayList<>();
		try (VisualExtractor extractor = new VisualExtractor(limits)) {
			for (Path document : documents) {
				progress.checkCanceled();
				try {
					List<Page> pages = extractor.extract(document, password);
					if (pages.isEmpty()) {
						throw new VisualExtractor.RejectedException("the document has no pages");
					}
					extracted.add(pages);
				} catch (IOException e) {
					throw new VisualExtractor.RejectedException(document + ": " + e.getMessage(), e);
				}
				progress.worked(1);
			}
		}
		PagesCache cache = new PagesCache(project);
		long nextId = project.tasks().maxNumericId() + 1;
		List<TaskId> ids = new ArrayList<>();
		for (int i = 0; i < documents.size(); i++) {
			Path document = documents.get(i);
			String sha = PagesCache.sha256(document);
			String stored = sha.substring(0, 12) + "-" + safeName(document.getFileName().toString());
			Path target = project.folder().resolve(LabelbenchProject.FILES_FOLDER).resolve(stored);
			if (!Files.exists(target)) {
				AtomicFile.write(target, out -> Files.copy(document, out));
			}
			cache.write(sha, extracted.get(i));
			ObjectNode json = Json.nodes().objectNode();
			TaskId id = TaskId.of(nextId++);
			json.set(Task.ID, id.toJson());
			json.putObject(Task.DATA).put("image", LabelbenchProject.FILES_FOLDER + "/" + stored)
					.put("title", document.getFileName().toString()).put("pages", extracted.get(i).size())
					.put("sha256", sha);
			project.tasks().write(new Task(json));
			ids.add(id);
		}
		return ids;
	}

	/** The extracted pages of a visual task, or an empty list for text tasks. */
	public static List<Page> pagesOf(LabelbenchProject project, Task task) throws IOException {
		String sha = task.dataText("sha256");
		if (sha == null || task.dataText("image") == null) {
			return List.of();
		}
		return new PagesCache(project).read(sha).orElseThrow(() -> new IOException("task " + task.id()
				+ ": the extracted pages of " + task.dataText("image") + " are missing; import the document again"));
	}

	private static String safeName(String name) {
		String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
		return safe.toLowerCase(Locale.ROOT).startsWith(".") ? "_" + safe : safe;
	}
}
