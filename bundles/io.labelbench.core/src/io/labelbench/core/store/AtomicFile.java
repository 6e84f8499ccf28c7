package io.labelbench.core.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a file so that a crash or a kill at any moment leaves either the old or the new content, never a torn
 * one: the content goes to a temporary file in the same folder, is forced to disk, then renamed over the target.
 * A new file gets the mode a plain file creation gives (0666 less the umask), a rewritten file keeps its mode.
 * Errors name the target, never the temporary file.
 */
public final class AtomicFile {

	/** Prefix of temporary files; readers skip them, and a later write sweeps leftovers of a killed process. */
	public static final String TEMP_PREFIX = ".lb-tmp-";
	private static final String TEMP_SUFFIX = ".part";
	/** Temporary files name their writer's process: {@code .lb-tmp-<target>-pid<pid>-<random>.part}. */
	private static final Pattern OWNER = Pattern.compile("-pid(\\d+)-[0-9a-z]+\\.part$");
	private static final int MAX_TARGET_NAME_IN_TEMP = 100;

	/*
	 * When a temporary file is stale, so that sweeping it cannot break a writer still at work: its process is gone
	 * AND it was not modified for a minute (the minute covers a writer on another host sharing the folder, whose
	 * pid means nothing here; a writer keeps modifying its file while it streams). A temporary file without a pid
	 * (written by an older version) is stale after an hour.
	 */
	static final Duration STALE_AFTER = Duration.ofMinutes(1);
	static final Duration STALE_WITHOUT_OWNER_AFTER = Duration.ofHours(1);
	/** A folder is swept on the first write into it, and again at most this often (the tasks folder is large). */
	private static final long SWEEP_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(10);
	private static final Map<Path, Long> LAST_SWEEP = new ConcurrentHashMap<>();

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	/** Writes the content of one file. */
	@FunctionalInterface
	public interface Content {
		void writeTo(OutputStream out) throws IOException;
	}

	private AtomicFile() {
	}

	/** Writes {@code target}, replacing the file there if any. */
	public static void write(Path target, Content content) throws IOException {
		commit(target, content, true, false);
	}

	/** Writes {@code target} readable and writable by its owner only (0600), for files that hold secrets. */
	public static void writePrivate(Path target, Content content) throws IOException {
		commit(target, content, true, true);
	}

	/**
	 * Writes {@code target} only if no file is there: a file that appears meanwhile, even from another process,
	 * makes this fail with a {@link FileAlreadyExistsException} naming the target, and is left as it is.
	 */
	public static void create(Path target, Content content) throws IOException {
		commit(target, content, false, false);
	}

	public static boolean isTemporary(Path file) {
		return file.getFileName().toString().startsWith(TEMP_PREFIX);
	}

	private static void commit(Path target, Content content, boolean replace, boolean ownerOnly) throws IOException {
		Path folder = target.toAbsolutePath().getParent();
		Files.createDirectories(folder);
		sweepStaleTemporaries(folder);
		Set<PosixFilePermission> existingMode = replace ? modeOf(target) : null;
		Path temp = null;
		try {
			temp = createTemporary(folder, target);
			Set<PosixFilePermission> finalMode = existingMode != null ? existingMode : modeOf(temp);
			if (ownerOnly && finalMode != null) {
				finalMode = OWNER_ONLY;
			}
			if (finalMode != null) {
				// only the owner reads a half-written file; the final mode is set when the content is complete
				Files.setPosixFilePermissions(temp, OWNER_ONLY);
			}
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
					OutputStream out = Channels.newOutputStream(channel)) {
				content.writeTo(new TargetStream(out, target));
				out.flush();
				channel.force(true);
			}
			if (finalMode != null) {
				Files.setPosixFilePermissions(temp, finalMode);
			}
			if (replace) {
				moveOver(temp, target);
			} else {
				linkNew(temp, target);
			}
		} catch (FileSystemException e) {
			throw temp == null ? e : namingTarget(e, temp, target);
		} finally {
			if (temp != null) {
				Files.deleteIfExists(temp);
			}
		}
	}

	private static void moveOver(Path temp, Path target) throws IOException {
		try {
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		} catch (AtomicMoveNotSupportedException e) {
			Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/** A hard link fails atomically when the target exists, where a rename would replace it. */
	private static void linkNew(Path temp, Path target) throws IOException {
		try {
			Files.createLink(target, temp);
		} catch (FileAlreadyExistsException e) {
			throw new FileAlreadyExistsException(target.toString(), null, "already exists");
		} catch (UnsupportedOperationException | FileSystemException e) {
			// a file system without hard links: check and rename, safe for writers that hold the store's lock
			if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
				throw new FileAlreadyExistsException(target.toString(), null, "already exists");
			}
			Files.move(temp, target);
		}
	}

	private static Path createTemporary(Path folder, Path target) throws IOException {
		String name = target.getFileName().toString();
		if (name.length() > MAX_TARGET_NAME_IN_TEMP) {
			name = name.substring(0, MAX_TARGET_NAME_IN_TEMP);
		}
		String prefix = TEMP_PREFIX + name + "-pid" + ProcessHandle.current().pid() + "-";
		while (true) {
			Path temp = folder.resolve(prefix + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36)
					+ TEMP_SUFFIX);
			try {
				return Files.createFile(temp); // mode 0666 less the umask, as any new file
			} catch (FileAlreadyExistsException e) {
				// another writer drew the same name: draw again
			}
		}
	}

	private static Set<PosixFilePermission> modeOf(Path file) throws IOException {
		if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			return null;
		}
		try {
			return Files.getPosixFilePermissions(file);
		} catch (NoSuchFileException e) {
			return null;
		}
	}

	/** The same kind of error, about the target the caller asked for rather than the temporary file. */
	private static FileSystemException namingTarget(FileSystemException e, Path temp, Path target) {
		if (e.getFile() == null || !e.getFile().equals(temp.toString())) {
			return e;
		}
		String reason = e.getReason();
		FileSystemException renamed = e instanceof AccessDeniedException
				? new AccessDeniedException(target.toString(), null, reason)
				: new FileSystemException(target.toString(), null, reason == null ? e.getClass().getSimpleName() : reason);
		renamed.initCause(e);
		return renamed;
	}

	/** Removes temporary files of writers that were killed, see {@link #STALE_AFTER}; best effort. */
	static void sweepStaleTemporaries(Path folder) {
		long now = System.nanoTime();
		Long last = LAST_SWEEP.get(folder);
		if (last != null && now - last < SWEEP_INTERVAL_NANOS) {
			return;
		}
		LAST_SWEEP.put(folder, now);
		try (DirectoryStream<Path> temps = Files.newDirectoryStream(folder, TEMP_PREFIX + "*" + TEMP_SUFFIX)) {
			for (Path temp : temps) {
				try {
					if (isStale(temp)) {
						Files.deleteIfExists(temp);
					}
				} catch (IOException e) {
					// not ours to remove, or gone already
				}
			}
		} catch (IOException | DirectoryIteratorException e) {
			// the write itself reports a folder that cannot be read
		}
	}

	private static boolean isStale(Path temp) throws IOException {
		if (!Files.isRegularFile(temp, LinkOption.NOFOLLOW_LINKS)) {
			return false;
		}
		Duration age = Duration.between(Files.getLastModifiedTime(temp, LinkOption.NOFOLLOW_LINKS).toInstant(),
				Instant.now());
		Matcher owner = OWNER.matcher(temp.getFileName().toString());
		if (!owner.find()) {
			return age.compareTo(STALE_WITHOUT_OWNER_AFTER) > 0;
		}
		long pid;
		try {
			pid = Long.parseLong(owner.group(1));
		} catch (NumberFormatException e) {
			return age.compareTo(STALE_WITHOUT_OWNER_AFTER) > 0;
		}
		boolean ownerAlive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
		return !ownerAlive && age.compareTo(STALE_AFTER) > 0;
	}

	/**
	 * Keeps the channel open when a writer such as Jackson closes the stream it is given (it must still be
	 * forced), and names the target in write errors (a full disk), not the temporary file.
	 */
	private static final class TargetStream extends java.io.FilterOutputStream {
		private final Path target;

		TargetStream(OutputStream out, Path target) {
			super(out);
			this.target = target;
		}

		@Override
		public void write(int b) throws IOException {
			try {
				out.write(b);
			} catch (IOException e) {
				throw writeFailed(e);
			}
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			try {
				out.write(b, off, len);
			} catch (IOException e) {
				throw writeFailed(e);
			}
		}

		@Override
		public void flush() throws IOException {
			try {
				out.flush();
			} catch (IOException e) {
				throw writeFailed(e);
			}
		}

		@Override
		public void close() throws IOException {
			flush();
		}

		private IOException writeFailed(IOException e) {
			FileSystemException named = new FileSystemException(target.toString(), null,
					e.getMessage() == null ? "write failed" : e.getMessage());
			named.initCause(e);
			return named;
		}
	}
}
