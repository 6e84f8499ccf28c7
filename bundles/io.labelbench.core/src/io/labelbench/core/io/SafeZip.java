package io.labelbench.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import io.labelbench.core.store.Folders;

/**
 * Unzips an archive (a model, a rules library) into a fresh folder, refusing entries that would land outside it (zip
 * slip) and stopping zip bombs: too many entries, too many bytes in one entry or in all, or an entry (or the
 * archive) that inflates to more than {@link Limits#maxRatio} times its compressed size. Sizes are counted as bytes
 * are inflated, never taken from the archive's own claims (a claim over a limit is refused at once, though). The
 * archive is unpacked into a temporary folder next to the target, which is moved into place only when everything
 * is unpacked: a refused or cancelled archive leaves nothing behind.
 */
public final class SafeZip {

	/**
	 * What an archive may unpack to.
	 *
	 * @param maxTotalBytes all entries together
	 * @param maxEntryBytes one entry
	 * @param maxEntries    entries (files and folders)
	 * @param maxRatio      inflated bytes per compressed byte, for an entry and for the whole archive, once it
	 *                      unpacks beyond {@link SafeZip#RATIO_FLOOR} (small files of zeros are harmless)
	 */
	public record Limits(long maxTotalBytes, long maxEntryBytes, int maxEntries, int maxRatio) {

		/**
		 * Models and embeddings: a NerDL model is about 17 MB, word embeddings can be hundreds of MB, one
		 * TensorFlow graph or embeddings file can be over a GB; real models deflate to at most a few times their
		 * size (the build's models: 1.2 to 2.5), a zip bomb of zeros about 1,000.
		 */
		public static final Limits MODELS = new Limits(DEFAULT_MAX_BYTES, 2L << 30, DEFAULT_MAX_ENTRIES, 100);

		/** Rule and prompt library zips: rule files and dictionaries of text, rarely more than a few MB. */
		public static final Limits LIBRARIES = new Limits(512L << 20, 256L << 20, 10_000, 100);
	}

	public static final long DEFAULT_MAX_BYTES = 4L * 1024 * 1024 * 1024;
	public static final int DEFAULT_MAX_ENTRIES = 20_000;
	/** Below this many inflated bytes the compression ratio is not checked. */
	public static final long RATIO_FLOOR = 1L << 20;

	private final Limits limits;

	public SafeZip(Limits limits) {
		this.limits = limits;
	}

	/** A total limit that also bounds each entry, with the ratio limit of {@link Limits#MODELS}. */
	public SafeZip(long maxBytes, int maxEntries) {
		this(new Limits(maxBytes, maxBytes, maxEntries, Limits.MODELS.maxRatio()));
	}

	/**
	 * Unpacks {@code zip} into {@code target}, which must not exist or be an empty folder; on any failure target
	 * is left as it was.
	 */
	public void unzip(Path zip, Path target, Progress progress) throws IOException {
		Path absolute = target.toAbsolutePath().normalize();
		if (Files.exists(absolute) && !isEmptyFolder(absolute)) {
			throw new IOException("cannot unpack " + zip.getFileName() + " into " + absolute + ": it is not empty");
		}
		Path parent = Files.createDirectories(absolute.getParent());
		Path work = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".unzip-");
		boolean done = false;
		try {
			unpack(zip, work.toRealPath(), progress);
			Files.deleteIfExists(absolute);
			try {
				Files.move(work, absolute, StandardCopyOption.ATOMIC_MOVE);
			} catch (AtomicMoveNotSupportedException e) {
				Files.move(work, absolute);
			}
			done = true;
		} finally {
			if (!done) {
				Folders.deleteTree(work);
			}
		}
	}

	private void unpack(Path zip, Path root, Progress progress) throws IOException {
		String name = zip.getFileName().toString();
		long zipSize = Files.size(zip);
		try (ZipFile file = new ZipFile(zip.toFile())) {
			if (file.size() > limits.maxEntries()) {
				throw new IOException(name + ": " + file.size() + " entries, more than the limit of "
						+ limits.maxEntries());
			}
			long written = 0;
			byte[] buffer = new byte[64 * 1024];
			for (Enumeration<? extends ZipEntry> entries = file.entries(); entries.hasMoreElements();) {
				progress.checkCanceled();
				ZipEntry entry = entries.nextElement();
				Path destination = root.resolve(entry.getName()).normalize();
				if (entry.getName().startsWith("/") || entry.getName().contains("\\") || !destination.startsWith(root)
						|| destination.equals(root) && !entry.isDirectory()) {
					throw new IOException(name + ": entry '" + entry.getName()
							+ "' would be written outside the target folder");
				}
				if (entry.isDirectory()) {
					Files.createDirectories(destination);
					continue;
				}
				if (entry.getSize() > limits.maxEntryBytes()) {
					throw tooLarge(name, entry, limits.maxEntryBytes());
				}
				// ZipFile feeds the inflater at most the entry's compressed size from the archive, so inflated bytes
				// over that many times it are real, whatever the archive claims
				long compressed = Math.max(1, entry.getCompressedSize());
				Files.createDirectories(destination.getParent());
				try (InputStream in = file.getInputStream(entry);
						OutputStream out = Files.newOutputStream(destination)) {
					long entryBytes = 0;
					int n;
					while ((n = in.read(buffer)) > 0) {
						entryBytes += n;
						written += n;
						if (entryBytes > limits.maxEntryBytes()) {
							throw tooLarge(name, entry, limits.maxEntryBytes());
						}
						if (written > limits.maxTotalBytes()) {
							throw new IOException(name + ": unpacks to more than " + mb(limits.maxTotalBytes())
									+ ", the limit for one archive (at entry '" + entry.getName() + "')");
						}
						if (entryBytes > RATIO_FLOOR && entryBytes > limits.maxRatio() * compressed) {
							throw new IOException(name + ": entry '" + entry.getName() + "' inflates to more than "
									+ limits.maxRatio() + " times its compressed size of " + compressed
									+ " bytes; refused as a zip bomb");
						}
						if (written > RATIO_FLOOR && written > limits.maxRatio() * zipSize) {
							throw new IOException(name + ": unpacks to more than " + limits.maxRatio()
									+ " times its size of " + zipSize + " bytes (at entry '" + entry.getName()
									+ "'); refused as a zip bomb");
						}
						out.write(buffer, 0, n);
					}
				}
			}
		} catch (ZipException e) {
			throw new IOException(name + ": not a valid zip archive (" + e.getMessage() + ")", e);
		}
	}

	private static IOException tooLarge(String zip, ZipEntry entry, long limit) {
		return new IOException(zip + ": entry '" + entry.getName() + "' unpacks to more than " + mb(limit)
				+ ", the limit for one file");
	}

	private static String mb(long bytes) {
		return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
	}

	private static boolean isEmptyFolder(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			return false;
		}
		try (DirectoryStream<Path> children = Files.newDirectoryStream(folder)) {
			return !children.iterator().hasNext();
		}
	}
}
