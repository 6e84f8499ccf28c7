package io.labelbench.hub;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import io.labelbench.core.io.Progress;
import io.labelbench.core.io.SafeZip;
import io.labelbench.core.store.Folders;

/**
 * Downloads a model from its hub into the cache. A dropped connection is resumed where it stopped (HTTP Range)
 * a few times; size and MD5 checksum are verified; the zip is unpacked safely into a work folder that is renamed
 * into place only when complete. Anything that fails or is cancelled leaves nothing behind. Downloads of
 * different models run in parallel; two downloads of one model wait for each other.
 */
public final class ModelDownloader {

	static final int MAX_ATTEMPTS = 5;

	private static final ConcurrentHashMap<String, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

	private final ModelCache cache;
	private final SafeZip unzip;

	/** With the zip limits for models and embeddings ({@link SafeZip.Limits#MODELS}). */
	public ModelDownloader(ModelCache cache) {
		this(cache, SafeZip.Limits.MODELS);
	}

	ModelDownloader(ModelCache cache, long maxUnzippedBytes, int maxEntries) {
		this.cache = cache;
		this.unzip = new SafeZip(maxUnzippedBytes, maxEntries);
	}

	public ModelDownloader(ModelCache cache, SafeZip.Limits zipLimits) {
		this.cache = cache;
		this.unzip = new SafeZip(zipLimits);
	}

	/** Downloads the entry unless the cache has it; returns the model's folder. */
	public InstalledModel download(HubLocation hub, HubEntry entry, Progress progress) throws IOException {
		ReentrantLock lock = LOCKS.computeIfAbsent(cache.folder() + "/" + entry.key(), key -> new ReentrantLock());
		lock.lock();
		try {
			Path target = cache.folderOf(entry);
			if (!cache.contains(entry)) {
				Path work = Files.createDirectories(cache.workFolder());
				Path zip = work.resolve(entry.key() + ".zip.part");
				Path unpacked = work.resolve(entry.key() + ".unzip");
				try {
					fetch(hub, entry, zip, progress);
					verify(entry, zip);
					Folders.deleteTree(unpacked);
					unzip.unzip(zip, unpacked, progress);
					ModelMetadata.read(unpacked); // refuse archives that are no saved model
					ModelCache.writeEntry(unpacked, entry);
					Folders.deleteTree(target);
					try {
						Files.move(unpacked, target, StandardCopyOption.ATOMIC_MOVE);
					} catch (AtomicMoveNotSupportedException e) {
						Files.move(unpacked, target);
					}
				} finally {
					Files.deleteIfExists(zip);
					Folders.deleteTree(unpacked);
				}
			}
			return new InstalledModel(entry, target, ModelMetadata.read(target));
		} finally {
			lock.unlock();
		}
	}

	/** Copies the zip into {@code part}, resuming after failures that made progress. */
	private static void fetch(HubLocation hub, HubEntry entry, Path part, Progress progress) throws IOException {
		String relative = HubLocation.zipOf(entry);
		progress.begin("Downloading " + entry.name(), entry.size());
		Files.deleteIfExists(part);
		IOException last = null;
		for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			long have = Files.exists(part) ? Files.size(part) : 0;
			try {
				HubLocation.Opened opened = hub.open(relative, have);
				try (InputStream in = opened.stream();
						OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
								opened.offset() == 0 ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND)) {
					byte[] buffer = new byte[64 * 1024];
					int n;
					while ((n = in.read(buffer)) > 0) {
						if (progress.isCanceled()) {
							throw new CancellationException("download of " + entry.name() + " cancelled");
						}
						out.write(buffer, 0, n);
						progress.worked(n);
					}
				}
				return;
			} catch (java.io.FileNotFoundException e) {
				throw e;
			} catch (IOException e) {
				last = e;
				long now = Files.exists(part) ? Files.size(part) : 0;
				if (now == have && attempt > 1) {
					break; // no progress twice in a row: the hub is gone
				}
			}
		}
		throw new IOException("download of " + entry.name() + " from " + hub + " failed after retries: "
				+ (last == null ? "" : last.getMessage()), last);
	}

	private static void verify(HubEntry entry, Path zip) throws IOException {
		long size = Files.size(zip);
		if (entry.size() >= 0 && size != entry.size()) {
			throw new IOException("download of " + entry.name() + " is " + size + " bytes, the catalog says "
					+ entry.size());
		}
		if (!entry.checksum().isEmpty()) {
			String actual = md5(zip);
			if (!actual.equals(entry.checksum())) {
				throw new IOException("download of " + entry.name() + " has checksum " + actual + ", the catalog says "
						+ entry.checksum());
			}
		}
	}

	static String md5(Path file) throws IOException {
		try {
			MessageDigest digest = MessageDigest.getInstance("MD5");
			try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
				in.transferTo(OutputStream.nullOutputStream());
			}
			return HexFormat.of().formatHex(digest.digest()).toUpperCase(Locale.ROOT);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
