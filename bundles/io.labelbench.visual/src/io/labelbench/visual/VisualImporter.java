package io.labelbench.visual;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.io.Progress;
import io.labelbench.core.io.TaskImporter;
import io.labelbench.core.json.Json;
import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;
import io.labelbench.core.store.AtomicFile;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.core.store.ProcessLock;

/**
 * Imports PDFs and images (type detected from content) as visual tasks, one task per document: the document
 * is copied to {@code files/}, its pages are extracted (text layer, else OCR) into the {@link PagesCache}, and
 * the task's data names it: {@code {"image": "files/<name>", "title": …, "pages": n}}. Every document is
 * extracted before anything is written, so a bad one leaves the project unchanged.
 */
public final class VisualImporter {

	private final LabelbenchProject project;
	private final VisualExtractor.Limits limits;
	private final int workers;

	/** Extracts with as many threads as there are processors. */
	public VisualImporter(LabelbenchProject project, VisualExtractor.Limits limits) {
		this(project, limits, Runtime.getRuntime().availableProcessors());
	}

	public VisualImporter(LabelbenchProject project, VisualExtractor.Limits limits, int workers) {
		this.project = project;
		this.limits = limits;
		this.workers = Math.max(1, workers);
	}

	/** PDFs and images, told by content; task files (JSON, JSONL, text, CSV, TSV) keep their own readers. */
	public static boolean isDocument(Path source) {
		String name = source.getFileName().toString().toLowerCase(Locale.ROOT);
		boolean taskFile = name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".txt")
				|| name.endsWith(".csv") || name.endsWith(".tsv");
		return !taskFile && isVisual(source);
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
		List<List<Page>> extracted = extractAll(documents, password, progress);
		// ids are given out and tasks created under the lock that imports in other processes take too
		try (ProcessLock lock = project.tasks().lockForNewTasks(progress::isCanceled,
				() -> progress.begin("Waiting for another import into " + project.folder().getFileName(), -1))) {
			return createTasks(documents, extracted);
		}
	}

	private List<TaskId> createTasks(List<Path> documents, List<List<Page>> extracted) throws IOException {
		PagesCache cache = new PagesCache(project);
		long nextId = new TaskImporter(project).firstFreeId();
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
			project.tasks().create(new Task(json)); // never replaces a task another writer created
			ids.add(id);
		}
		return ids;
	}

	/** One page of one document: what a worker extracts at a time. */
	private record Unit(int document, int page) {
	}

	/**
	 * Every page of every document, extracted in parallel: each worker thread has its own OCR engine and its own
	 * handle on the document it reads, and takes the next page when it is done. Progress counts pages. A page
	 * that fails stops the others and fails the import naming document and page; nothing is written.
	 */
	private List<List<Page>> extractAll(List<Path> documents, String password, Progress progress) throws IOException {
		List<Unit> units = new ArrayList<>();
		Page[][] pages = new Page[documents.size()][];
		try (VisualExtractor checker = new VisualExtractor(limits)) {
			for (int d = 0; d < documents.size(); d++) {
				progress.checkCanceled();
				try (VisualExtractor.OpenDocument document = checker.open(documents.get(d), password)) {
					if (document.pageCount() == 0) {
						throw new VisualExtractor.RejectedException("the document has no pages");
					}
					pages[d] = new Page[document.pageCount()];
					for (int p = 0; p < document.pageCount(); p++) {
						units.add(new Unit(d, p));
					}
				} catch (VisualExtractor.PasswordRequiredException e) {
					throw new VisualExtractor.PasswordRequiredException(e.document(),
							documents.get(d) + ": " + e.getMessage(), e);
				} catch (IOException e) {
					throw new VisualExtractor.RejectedException(documents.get(d) + ": " + e.getMessage(), e);
				}
			}
		}
		progress.begin("Extracting " + units.size() + " pages of " + documents.size() + " documents", units.size());
		AtomicInteger next = new AtomicInteger();
		AtomicReference<IOException> failure = new AtomicReference<>();
		int threads = Math.min(workers, units.size());
		ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
			Thread thread = new Thread(runnable, "labelbench-extract");
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<Future<?>> running = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				running.add(pool.submit(() -> extractUnits(documents, password, units, pages, next, failure, progress)));
			}
			for (Future<?> worker : running) {
				worker.get();
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new java.io.InterruptedIOException("interrupted while extracting pages");
		} catch (java.util.concurrent.ExecutionException e) {
			throw new IOException(e.getCause().getMessage(), e.getCause());
		} finally {
			pool.shutdownNow();
		}
		if (failure.get() != null) {
			throw failure.get();
		}
		progress.checkCanceled();
		List<List<Page>> extracted = new ArrayList<>();
		for (Page[] document : pages) {
			extracted.add(List.of(document));
		}
		return extracted;
	}

	private void extractUnits(List<Path> documents, String password, List<Unit> units, Page[][] pages,
			AtomicInteger next, AtomicReference<IOException> failure, Progress progress) {
		try (VisualExtractor extractor = new VisualExtractor(limits)) {
			VisualExtractor.OpenDocument open = null;
			int openDocument = -1;
			Unit unit = null;
			try {
				while (failure.get() == null && !progress.isCanceled()) {
					int k = next.getAndIncrement();
					if (k >= units.size()) {
						break;
					}
					unit = units.get(k);
					if (unit.document() != openDocument) {
						if (open != null) {
							open.close();
						}
						open = extractor.open(documents.get(unit.document()), password);
						openDocument = unit.document();
					}
					pages[unit.document()][unit.page()] = open.page(unit.page());
					synchronized (progress) {
						progress.worked(1);
					}
				}
			} catch (IOException | RuntimeException | LinkageError e) {
				String where = unit == null ? "" : documents.get(unit.document()) + ", page " + (unit.page() + 1) + ": ";
				failure.compareAndSet(null, new VisualExtractor.RejectedException(where + e.getMessage(), e));
			} finally {
				if (open != null) {
					try {
						open.close();
					} catch (IOException e) {
						// read-only
					}
				}
			}
		}
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
