package io.labelbench.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

	@TempDir
	Path dir;

	@Test
	void errorsNameTheTargetNotTheTemporaryFile() throws IOException {
		Path target = Files.createDirectories(dir.resolve("a-folder"));
		Files.writeString(target.resolve("keep.txt"), "x");
		IOException failed = assertThrows(IOException.class,
				() -> AtomicFile.write(target, out -> out.write("content".getBytes(StandardCharsets.UTF_8))));
		assertTrue(failed.getMessage().startsWith(target.toString()), failed.getMessage());
		assertFalse(failed.getMessage().contains(AtomicFile.TEMP_PREFIX), failed.getMessage());
		assertEquals("x", Files.readString(target.resolve("keep.txt")));
		try (var files = Files.list(dir)) {
			assertEquals(List.of(target), files.toList(), "no temporary file left");
		}
	}
}
