package io.labelbench.core.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that a crash or a kill at any moment leaves either the old or the new content, never a torn
 * one: the content goes to a temporary file in the same folder, is forced to disk, then renamed over the target.
 */
public final class AtomicFile {

	/** Prefix of temporary files; readers skip them, and a later write sweeps leftovers of a killed process. */
	public static final String TEMP_PREFIX = ".lb-tmp-";

	/** Writes the content of one file. */
	@FunctionalInterface
	public interface Content {
		void writeTo(OutputStream out) throws IOException;
	}

	private AtomicFile() {
	}

	public static void write(Path target, Content content) throws IOException {
		Path folder = target.toAbsolutePath().getParent();
		Files.createDirectories(folder);
		Path temp = Files.createTempFile(folder, TEMP_PREFIX + target.getFileName() + "-", ".part");
		try {
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
					OutputStream out = Channels.newOutputStream(channel)) {
				content.writeTo(new NonClosingStream(out));
				out.flush();
				channel.force(true);
			}
			try {
				Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			} catch (AtomicMoveNotSupportedException e) {
				Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
			}
		} finally {
			Files.deleteIfExists(temp);
		}
	}

	public static boolean isTemporary(Path file) {
		return file.getFileName().toString().startsWith(TEMP_PREFIX);
	}

	/** Writers such as Jackson close the stream they are given; the channel must stay open to be forced. */
	private static final class NonClosingStream extends java.io.FilterOutputStream {
		NonClosingStream(OutputStream out) {
			super(out);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			out.write(b, off, len);
		}

		@Override
		public void close() throws IOException {
			flush();
		}
	}
}
