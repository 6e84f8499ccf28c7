package io.labelbench.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Unzips an archive (a model, a rules library) into a fresh folder, refusing entries that would land outside it (zip slip) and
 * stopping archives that unpack beyond a size or entry-count limit (zip bombs). Sizes are counted as bytes
 * are written, not taken from the archive's own claims.
 */
public final class SafeZip {

	public static final long DEFAULT_MAX_BYTES = 4L * 1024 * 1024 * 1024;
	public static final int DEFAULT_MAX_ENTRIES = 20_000;

	private final long maxBytes;
	private final int maxEntries;

	public SafeZip(long maxBytes, int maxEntries) {
		this.maxBytes = maxBytes;
		this.maxEntries = maxEntries;
	}

	public void unzip(Path zip, Path target, Progress progress) throws IOException {
		Path root = Files.createDirectories(target).toRealPath();
		try (ZipFile file = new ZipFile(zip.toFile())) {
			if (file.size() > maxEntries) {
				throw new IOException(zip.getFileName() + ": " + file.size() + " entries, more than the limit of "
						+ maxEntries);
			}
			long written = 0;
			byte[] buffer = new byte[64 * 1024];
			for (Enumeration<? extends ZipEntry> entries = file.entries(); entries.hasMoreElements();) {
				progress.checkCanceled();
				ZipEntry entry = entries.nextElement();
				Path destination = root.resolve(entry.getName()).normalize();
				if (entry.getName().startsWith("/") || entry.getName().contains("\\") || !destination.startsWith(root)
						|| destination.equals(root) && !entry.isDirectory()) {
					throw new IOException(zip.getFileName() + ": entry '" + entry.getName()
							+ "' would be written outside the target folder");
				}
				if (entry.isDirectory()) {
					Files.createDirectories(destination);
					continue;
				}
				Files.createDirectories(destination.getParent());
				try (InputStream in = file.getInputStream(entry);
						OutputStream out = Files.newOutputStream(destination)) {
					int n;
					while ((n = in.read(buffer)) > 0) {
						written += n;
						if (written > maxBytes) {
							throw new IOException(zip.getFileName() + ": unpacks to more than "
									+ maxBytes / (1024 * 1024) + " MB, the limit for one archive");
						}
						out.write(buffer, 0, n);
					}
				}
			}
		} catch (ZipException e) {
			throw new IOException(zip.getFileName() + ": not a valid zip archive (" + e.getMessage() + ")", e);
		}
	}
}
