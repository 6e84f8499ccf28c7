package io.labelbench.core.store;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * An exclusive lock on a lock file, held by one thread of one process at a time: the workbench and any number of
 * command lines on the same machine take turns. A {@link FileLock} belongs to the whole JVM (and POSIX drops all of
 * a process's locks on a file as soon as any channel on it is closed), so the threads of one JVM first take a
 * {@link ReentrantLock} shared per lock file, and only the thread holding it opens the file. The lock is
 * reentrant for its thread; the operating system releases it when a holder is killed. The lock file stays.
 */
public final class ProcessLock implements AutoCloseable {

	private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
	private static final long POLL_MILLIS = 50;

	private final ReentrantLock local;
	private final FileChannel channel;
	private final FileLock lock;

	private ProcessLock(ReentrantLock local, FileChannel channel, FileLock lock) {
		this.local = local;
		this.channel = channel;
		this.lock = lock;
	}

	/**
	 * Waits for the lock (polling, so that a cancel is honoured while another process holds it).
	 *
	 * @param canceled asked while waiting; when it answers true a {@link CancellationException} is thrown
	 * @param waiting  run once when the lock is not free at once, to tell the user what the wait is for
	 */
	public static ProcessLock acquire(Path lockFile, BooleanSupplier canceled, Runnable waiting) throws IOException {
		Path folder = Files.createDirectories(lockFile.toAbsolutePath().getParent());
		// one in-process lock per file, however its path is spelt (links, ..)
		Path key = folder.toRealPath().resolve(lockFile.getFileName());
		ReentrantLock local = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
		boolean[] told = { false };
		Runnable wait = () -> {
			if (!told[0]) {
				told[0] = true;
				waiting.run();
			}
			if (canceled.getAsBoolean()) {
				throw new CancellationException("cancelled");
			}
		};
		try {
			while (!local.tryLock(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
				wait.run();
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("interrupted while waiting for " + key);
		}
		if (local.getHoldCount() > 1) {
			return new ProcessLock(local, null, null); // this thread holds the file lock already
		}
		FileChannel channel = null;
		try {
			channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			FileLock lock;
			while ((lock = tryLock(channel)) == null) {
				wait.run();
				Thread.sleep(POLL_MILLIS);
			}
			return new ProcessLock(local, channel, lock);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			closeQuietly(channel);
			local.unlock();
			throw new InterruptedIOException("interrupted while waiting for " + key);
		} catch (IOException | RuntimeException | Error e) {
			closeQuietly(channel);
			local.unlock();
			throw e;
		}
	}

	@Override
	public void close() throws IOException {
		try {
			if (lock != null) {
				try {
					lock.release();
				} finally {
					channel.close();
				}
			}
		} finally {
			local.unlock();
		}
	}

	private static FileLock tryLock(FileChannel channel) throws IOException {
		try {
			return channel.tryLock();
		} catch (OverlappingFileLockException e) {
			return null; // a hard link to the lock file, held by another thread of this JVM
		}
	}

	private static void closeQuietly(FileChannel channel) {
		if (channel != null) {
			try {
				channel.close();
			} catch (IOException e) {
				// closing releases the lock, which is all that matters here
			}
		}
	}
}
