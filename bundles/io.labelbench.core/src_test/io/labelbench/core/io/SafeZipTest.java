package io.labelbench.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeZipTest {
	@TempDir
	Path dir;

	/** A zip bomb made here, streamed: {@code megabytes} MB of zeros in one entry, deflating about 1,000 to 1. */
	static void writeBomb(Path zip, String entry, int megabytes) throws IOException {
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
			out.putNextEntry(new ZipEntry(entry));
			byte[] zeros = new byte[1024 * 1024];
			for (int i = 0; i < megabytes; i++) {
				out.write(zeros);
			}
			out.closeEntry();
		}
	}

	private List<String> filesUnder(Path root) throws IOException {
		try (Stream<Path> walk = Files.walk(root)) {
			return walk.map(p -> root.relativize(p).toString()).sorted().toList();
		}
	}

	@Test
	void aNormalArchiveUnpacksWhole() throws IOException {
		byte[] weights = new byte[3_000_000];
		new Random(1).nextBytes(weights);
		Path zip = dir.resolve("model.zip");
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
			out.putNextEntry(new ZipEntry("metadata/"));
			out.putNextEntry(new ZipEntry("metadata/part-00000"));
			out.write("{\"class\":\"NerDLModel\"}".getBytes());
			out.putNextEntry(new ZipEntry("fields/weights.bin"));
			out.write(weights);
			out.putNextEntry(new ZipEntry("padding.bin"));
			out.write(new byte[500_000]); // very compressible, but under the floor of the ratio check
		}
		Path target = dir.resolve("cache/model");
		new SafeZip(SafeZip.Limits.MODELS).unzip(zip, target, Progress.NONE);

		assertArrayEquals(weights, Files.readAllBytes(target.resolve("fields/weights.bin")));
		assertEquals("{\"class\":\"NerDLModel\"}", Files.readString(target.resolve("metadata/part-00000")));
		assertEquals(List.of("", "model"), filesUnder(dir.resolve("cache")).stream()
				.filter(p -> !p.contains("/")).toList(), "no work folder left next to the target");
	}

	@Test
	void aZipBombIsRefusedByItsCompressionRatioAndLeavesNothing() throws IOException {
		Path zip = dir.resolve("bomb.zip");
		writeBomb(zip, "stages/tensorflow", 256); // 256 MB: under every size limit, but 1,000 to 1
		assertTrue(Files.size(zip) < 1024 * 1024, Files.size(zip) + " bytes");
		Path target = dir.resolve("cache/model");
		IOException e = assertThrows(IOException.class,
				() -> new SafeZip(SafeZip.Limits.MODELS).unzip(zip, target, Progress.NONE));
		assertTrue(e.getMessage().startsWith("bomb.zip: entry 'stages/tensorflow' inflates to more than 100 times"),
				e.getMessage());
		assertEquals(List.of(""), filesUnder(dir.resolve("cache")), "nothing partially unpacked");
	}

	@Test
	void sizesAreCountedNotTakenFromTheArchivesClaims() throws IOException {
		Path zip = dir.resolve("liar.zip");
		writeBomb(zip, "weights", 64);
		claimUncompressedSize(zip, 1000);
		IOException e = assertThrows(IOException.class,
				() -> new SafeZip(new SafeZip.Limits(10L << 20, 10L << 20, 10, 10_000)).unzip(zip,
						dir.resolve("out"), Progress.NONE));
		assertEquals("liar.zip: entry 'weights' unpacks to more than 10 MB, the limit for one file", e.getMessage());
		assertFalse(Files.exists(dir.resolve("out")));
		assertEquals(List.of("", "liar.zip"), filesUnder(dir));
	}

	@Test
	void perEntryAndTotalLimitsNameTheArchiveAndTheEntry() throws IOException {
		byte[] random = new byte[600_000];
		new Random(2).nextBytes(random);
		Path zip = dir.resolve("rules.zip");
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
			for (String name : List.of("a.json", "b.json", "c.json")) {
				out.putNextEntry(new ZipEntry(name));
				out.write(random);
			}
		}
		SafeZip.Limits small = new SafeZip.Limits(1_500_000, 500_000, 10, 100);
		IOException perEntry = assertThrows(IOException.class,
				() -> new SafeZip(small).unzip(zip, dir.resolve("one"), Progress.NONE));
		assertEquals("rules.zip: entry 'a.json' unpacks to more than 500000 bytes, the limit for one file",
				perEntry.getMessage());
		SafeZip.Limits total = new SafeZip.Limits(1_500_000, 1_000_000, 10, 100);
		IOException inAll = assertThrows(IOException.class,
				() -> new SafeZip(total).unzip(zip, dir.resolve("all"), Progress.NONE));
		assertEquals("rules.zip: unpacks to more than 1500000 bytes, the limit for one archive (at entry 'c.json')",
				inAll.getMessage());
		assertEquals(List.of("", "rules.zip"), filesUnder(dir));
	}

	/** Rewrites the uncompressed size the central directory claims for every entry (a lying archive). */
	private static void claimUncompressedSize(Path zip, int size) throws IOException {
		byte[] bytes = Files.readAllBytes(zip);
		ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		int patched = 0;
		for (int i = 0; i + 46 <= bytes.length; i++) {
			if (buffer.getInt(i) == 0x02014b50) { // central directory file header
				buffer.putInt(i + 24, size);
				patched++;
			}
		}
		assertTrue(patched > 0);
		try (OutputStream out = Files.newOutputStream(zip)) {
			out.write(bytes);
		}
	}
}
