package io.labelbench.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.core.io.Progress;

class ModelDownloaderTest {

	@TempDir
	Path dir;

	private Path hub() {
		return dir.resolve("hub");
	}

	private ModelCache cache() {
		return new ModelCache(dir.resolve("cache"));
	}

	private HubEntry only(HubLocation location) throws IOException {
		return ModelCatalog.read(location).entries().get(0);
	}

	/** Everything under the cache, so "nothing left behind" is checked exactly. */
	private List<String> cacheFiles() throws IOException {
		Path root = cache().folder();
		if (!Files.exists(root)) {
			return List.of();
		}
		try (Stream<Path> walk = Files.walk(root)) {
			return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
		}
	}

	@Test
	void downloadsFromAFolderHubAndReadsLabelsFromTheModel() throws IOException {
		HubFixtures.publish(hub(), "ner_posology_small", "2026-11-20T10:00:00.000Z", HubFixtures.NER_METADATA, 10_000);
		HubLocation location = HubLocation.folder(hub());
		InstalledModel model = new ModelDownloader(cache()).download(location, only(location), Progress.NONE);
		assertEquals(List.of("DOSAGE", "DRUG", "ROUTE"), model.metadata().labels());
		assertEquals("ner", model.metadata().task());
		assertEquals("w2v_labelbench_100d", model.metadata().embeddings());
		assertTrue(Files.isRegularFile(model.folder().resolve("fields/weights.bin")));
		assertEquals("ner_posology_small", cache().find("ner_posology_small").orElseThrow().name());
		assertEquals(1, cache().remove("ner_posology_small"));
		assertEquals(List.of(), cacheFiles());
	}

	@Test
	void droppedConnectionIsResumedWithRange() throws IOException {
		HubFixtures.publish(hub(), "ner_posology_small", "2026-11-20T10:00:00.000Z", HubFixtures.NER_METADATA, 300_000);
		try (TinyHubServer server = new TinyHubServer(hub())) {
			server.dropFirstZipAfter = 100_000;
			HubLocation location = HubLocation.parse(server.url());
			long[] bytes = new long[1];
			Progress counting = new Progress() {
				@Override
				public void begin(String task, long total) {
				}

				@Override
				public void worked(long units) {
					bytes[0] += units;
				}

				@Override
				public boolean isCanceled() {
					return false;
				}
			};
			HubEntry entry = only(location);
			InstalledModel model = new ModelDownloader(cache()).download(location, entry, counting);
			assertEquals(1, server.rangeRequests.get(), "the rest was asked for with a Range header");
			assertEquals(entry.size(), bytes[0], "no byte was fetched twice");
			assertEquals(List.of("DOSAGE", "DRUG", "ROUTE"), model.metadata().labels());
		}
	}

	@Test
	void checksumMismatchLeavesNothingBehind() throws IOException {
		String line = HubFixtures.publish(dir.resolve("real"), "m", "2026-11-20T10:00:00.000Z", HubFixtures.NER_METADATA, 1000);
		Files.createDirectories(hub().resolve("public/models"));
		Files.copy(dir.resolve("real/public/models").resolve(only(HubLocation.folder(dir.resolve("real"))).key() + ".zip"),
				hub().resolve("public/models").resolve(only(HubLocation.folder(dir.resolve("real"))).key() + ".zip"));
		HubFixtures.appendLine(hub(), line.replaceAll("\"checksum\":\"[0-9A-F]+\"", "\"checksum\":\"00112233445566778899AABBCCDDEEFF\""));
		HubLocation location = HubLocation.folder(hub());
		IOException e = assertThrows(IOException.class,
				() -> new ModelDownloader(cache()).download(location, only(location), Progress.NONE));
		assertTrue(e.getMessage().contains("has checksum"), e.getMessage());
		assertEquals(List.of(), cacheFiles());
	}

	@Test
	void zipSlipAndZipBombAreRefused() throws IOException {
		HubLocation location = HubLocation.folder(hub());
		HubFixtures.publish(hub(), "m", "2026-11-20T10:00:00.000Z", HubFixtures.NER_METADATA, 1000);
		HubEntry entry = only(location);
		Path zip = hub().resolve("public/models").resolve(entry.key() + ".zip");

		HubFixtures.writeZip(zip, "../../escaped.txt", "x".getBytes(StandardCharsets.UTF_8));
		HubEntry slip = rewritten(entry, zip);
		IOException e = assertThrows(IOException.class,
				() -> new ModelDownloader(cache()).download(location, slip, Progress.NONE));
		assertTrue(e.getMessage().contains("would be written outside the target folder"), e.getMessage());
		assertFalse(Files.exists(dir.resolve("escaped.txt")));
		assertFalse(Files.exists(cache().folder().resolve("escaped.txt")));

		HubFixtures.writeZip(zip, "metadata/part-00000", new byte[5_000_000]); // compresses to a few KB
		HubEntry bomb = rewritten(entry, zip);
		e = assertThrows(IOException.class,
				() -> new ModelDownloader(cache(), 1_000_000, 100).download(location, bomb, Progress.NONE));
		assertTrue(e.getMessage().contains("unpacks to more than"), e.getMessage());
		assertEquals(List.of(), cacheFiles());
	}

	@Test
	void aZipBombUnderTheSizeLimitsIsRefusedByItsCompressionRatio() throws IOException {
		HubLocation location = HubLocation.folder(hub());
		HubFixtures.publish(hub(), "m", "2026-11-20T10:00:00.000Z", HubFixtures.NER_METADATA, 1000);
		HubEntry entry = only(location);
		Path zip = hub().resolve("public/models").resolve(entry.key() + ".zip");
		// 256 MB of zeros in a quarter of a MB, made here by streaming
		try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
			out.putNextEntry(new java.util.zip.ZipEntry("tensorflow"));
			byte[] zeros = new byte[1 << 20];
			for (int i = 0; i < 256; i++) {
				out.write(zeros);
			}
		}
		HubEntry bomb = rewritten(entry, zip);
		IOException e = assertThrows(IOException.class,
				() -> new ModelDownloader(cache()).download(location, bomb, Progress.NONE));
		assertTrue(e.getMessage().equals(zip.getFileName() + ".part: entry 'tensorflow' inflates to more than 100 times"
				+ " its compressed size of " + compressedSize(zip) + " bytes; refused as a zip bomb"), e.getMessage());
		assertEquals(List.of(), cacheFiles());
	}

	private static long compressedSize(Path zip) throws IOException {
		try (java.util.zip.ZipFile file = new java.util.zip.ZipFile(zip.toFile())) {
			return file.entries().nextElement().getCompressedSize();
		}
	}

	@Test
	void cancelledDownloadLeavesNothingBehind() throws IOException {
		HubFixtures.publish(hub(), "m", "2026-11-20T10:00:00.000Z", HubFixtures.NER_METADATA, 500_000);
		HubLocation location = HubLocation.folder(hub());
		Progress cancelSoon = new Progress() {
			long seen;

			@Override
			public void begin(String task, long total) {
			}

			@Override
			public void worked(long units) {
				seen += units;
			}

			@Override
			public boolean isCanceled() {
				return seen > 100_000;
			}
		};
		assertThrows(CancellationException.class,
				() -> new ModelDownloader(cache()).download(location, only(location), cancelSoon));
		assertEquals(List.of(), cacheFiles());
	}

	@Test
	void parallelDownloadsOfDifferentModels() throws Exception {
		for (int i = 0; i < 4; i++) {
			HubFixtures.publish(hub(), "model_" + i, "2026-11-20T10:00:0" + i + ".000Z", HubFixtures.NER_METADATA, 200_000);
		}
		HubLocation location = HubLocation.folder(hub());
		ModelDownloader downloader = new ModelDownloader(cache());
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Future<InstalledModel>> downloads = ModelCatalog.read(location).entries().stream()
				.map(entry -> pool.submit(() -> downloader.download(location, entry, Progress.NONE))).toList();
		for (Future<InstalledModel> download : downloads) {
			download.get();
		}
		pool.shutdown();
		assertEquals(4, cache().installed().size());
	}

	private HubEntry rewritten(HubEntry entry, Path zip) throws IOException {
		com.fasterxml.jackson.databind.node.ObjectNode json = entry.json().deepCopy();
		json.put("checksum", ModelDownloader.md5(zip));
		json.put("size", Files.size(zip));
		return HubEntry.of(json);
	}
}
