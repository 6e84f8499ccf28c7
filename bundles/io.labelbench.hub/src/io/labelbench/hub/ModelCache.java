package io.labelbench.hub;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.json.Json;
import io.labelbench.core.store.AtomicFile;
import io.labelbench.core.store.Folders;
import io.labelbench.core.store.LabelbenchHome;

/**
 * The local model cache: {@code <cache>/<key>/} holds one unzipped model, with the catalog entry it came from
 * in {@code .labelbench-entry.json}. Folders appear only when complete (see {@link ModelDownloader}).
 */
public final class ModelCache {

	static final String ENTRY_FILE = ".labelbench-entry.json";
	static final String WORK_FOLDER = ".downloads";

	private final Path folder;

	public ModelCache(Path folder) {
		this.folder = folder.toAbsolutePath().normalize();
	}

	/** The default cache: {@code labelbench.models.cache}, else {@code models} in {@link LabelbenchHome}. */
	public static ModelCache defaultCache() {
		String configured = System.getProperty("labelbench.models.cache");
		return new ModelCache(configured != null && !configured.isBlank() ? Path.of(configured)
				: LabelbenchHome.resolve("models"));
	}

	public Path folder() {
		return folder;
	}

	Path folderOf(HubEntry entry) {
		return folder.resolve(entry.key());
	}

	Path workFolder() {
		return folder.resolve(WORK_FOLDER);
	}

	public boolean contains(HubEntry entry) {
		return Files.isRegularFile(folderOf(entry).resolve(ENTRY_FILE));
	}

	/** All complete models in the cache; unreadable folders are left out. */
	public List<InstalledModel> installed() throws IOException {
		List<InstalledModel> models = new ArrayList<>();
		if (!Files.isDirectory(folder)) {
			return models;
		}
		try (DirectoryStream<Path> folders = Files.newDirectoryStream(folder, Files::isDirectory)) {
			for (Path model : folders) {
				read(model).ifPresent(models::add);
			}
		}
		models.sort(Comparator.comparing(InstalledModel::name).thenComparing(m -> m.entry().time()));
		return models;
	}

	/** The newest installed model of that name. */
	public Optional<InstalledModel> find(String name) throws IOException {
		return installed().stream().filter(m -> m.name().equals(name)).reduce((older, newer) -> newer);
	}

	/** Removes every installed version of a model; returns how many were removed. */
	/**
	 * The installed models that run on {@code name} as their embeddings (from the saved model's
	 * {@code storageRef}, else the hub entry), sorted: removing {@code name} would leave them unable to deploy.
	 */
	public List<String> dependents(String name) throws IOException {
		java.util.Set<String> names = new java.util.TreeSet<>();
		for (InstalledModel model : installed()) {
			String embeddings = model.metadata().embeddings() != null ? model.metadata().embeddings()
					: model.entry().embeddings();
			if (name.equals(embeddings) && !model.name().equals(name)) {
				names.add(model.name());
			}
		}
		return List.copyOf(names);
	}

	public int remove(String name) throws IOException {
		int removed = 0;
		for (InstalledModel model : installed()) {
			if (model.name().equals(name)) {
				// the marker goes first so a half-deleted folder is no longer taken for a model
				Files.delete(model.folder().resolve(ENTRY_FILE));
				Folders.deleteTree(model.folder());
				removed++;
			}
		}
		return removed;
	}

	/**
	 * Installs a model built on this machine (a trained project model) as if it had been downloaded: writes
	 * {@code entry} (a hub metadata line) into {@code modelFolder} and moves the folder into the cache in one rename.
	 * {@code modelFolder} must be on the cache's file system (under {@link #workFolder()} or beside it).
	 */
	public InstalledModel publish(Path modelFolder, ObjectNode entry) throws IOException {
		HubEntry hubEntry = HubEntry.of(entry);
		if (hubEntry == null) {
			throw new IOException("not a usable hub entry: " + entry);
		}
		Path target = folderOf(hubEntry);
		if (Files.exists(target)) {
			throw new IOException(hubEntry.key() + " is already in the model cache");
		}
		writeEntry(modelFolder, hubEntry);
		Files.move(modelFolder, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		return new InstalledModel(hubEntry, target, ModelMetadata.read(target));
	}

	/** Where model-building work happens before {@link #publish}: hidden inside the cache, never taken for a model. */
	public Path buildFolder() {
		return folder.resolve(".training");
	}

	static void writeEntry(Path modelFolder, HubEntry entry) throws IOException {
		AtomicFile.write(modelFolder.resolve(ENTRY_FILE), out -> Json.mapper().writeValue(out, entry.json()));
	}

	private static Optional<InstalledModel> read(Path model) {
		Path entryFile = model.resolve(ENTRY_FILE);
		if (!Files.isRegularFile(entryFile)) {
			return Optional.empty();
		}
		try {
			JsonNode json = Json.mapper().readTree(entryFile.toFile());
			HubEntry entry = json instanceof ObjectNode object ? HubEntry.of(object) : null;
			if (entry == null) {
				return Optional.empty();
			}
			return Optional.of(new InstalledModel(entry, model, ModelMetadata.read(model)));
		} catch (IOException e) {
			return Optional.empty();
		}
	}
}
