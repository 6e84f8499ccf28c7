package io.labelbench.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class ModelCatalogTest {

	private static String line(String name, String lang, String lib, String spark, String time) {
		return "{\"name\":\"" + name + "\",\"language\":\"" + lang + "\",\"libVersion\":{\"parts\":[" + lib
				+ "]},\"sparkVersion\":{\"parts\":[" + spark + "]},\"readyToUse\":true,\"time\":\"" + time
				+ "\",\"isZipped\":true,\"category\":\"ml\",\"checksum\":\"\"}";
	}

	private static ModelCatalog catalog(String... lines) throws IOException {
		return ModelCatalog.parse(HubLocation.folder(Path.of("hub")),
				new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void versionsCompareOnTheEntrysOwnLength() {
		Version spark = Version.parse("3.5.7");
		assertTrue(new Version(List.of(3, 5)).runsOn(spark));
		assertTrue(new Version(List.of(3, 0)).runsOn(spark));
		assertTrue(new Version(List.of(3)).runsOn(spark));
		assertTrue(new Version(List.of(2, 4)).runsOn(spark));
		assertFalse(new Version(List.of(3, 6)).runsOn(spark));
		assertFalse(new Version(List.of(3, 5, 7, 1)).runsOn(spark), "more specific than the running version");
		assertTrue(Version.parse("5.5.3").runsOn(Version.parse("5.5.3")));
		assertFalse(Version.parse("5.5.4").runsOn(Version.parse("5.5.3")));
	}

	@Test
	void selectsHighestSparkThenLibraryThenNewest() throws IOException {
		ModelCatalog catalog = catalog(
				line("ner_dl", "en", "2,4,3", "2,4", "2026-01-01T00:00:00.000Z"),
				line("ner_dl", "en", "3,1,3", "3,0", "2021-01-01T00:00:00.000Z"),
				line("ner_dl", "en", "3,3,0", "3,0", "2020-01-01T00:00:00.000Z"),
				line("ner_dl", "en", "3,3,0", "3,0", "2022-06-01T00:00:00.000Z"),
				line("ner_dl", "en", "5,9,0", "3,5", "2026-06-01T00:00:00.000Z"),
				line("ner_dl", "de", "3,3,0", "3,2", "2026-06-01T00:00:00.000Z"));
		HubEntry chosen = catalog.select("ner_dl", "en", Version.parse("3.3.2"), Version.parse("3.0.2")).orElseThrow();
		assertEquals("ner_dl_en_3.3.0_3.0_" + java.time.Instant.parse("2022-06-01T00:00:00Z").toEpochMilli(), chosen.key());
		// a newer trained date for an older Spark does not win over the Spark version
		HubEntry onSpark35 = catalog.select("ner_dl", "en", Version.parse("5.5.3"), Version.parse("3.5.1")).orElseThrow();
		assertEquals(List.of(3, 3, 0), onSpark35.libVersion().parts());
		assertTrue(catalog.select("ner_dl", "fr", Version.parse("5.5.3"), Version.parse("3.5")).isEmpty());
	}

	@Test
	void entriesSparkNlpFiltersAreSkippedAndCounted() throws IOException {
		ModelCatalog catalog = catalog(line("a", "en", "5,5,3", "3,5", "2026-01-01T00:00:00.000Z"),
				"{\"name\":\"noversions\",\"readyToUse\":true}",
				line("b", "en", "5,5,3", "3,5", "2026-01-01T00:00:00.000Z").replace("\"readyToUse\":true", "\"readyToUse\":false"),
				"", line("c", "en", "5,5,3", "3,5", "2026-01-01T00:00:00.000Z"));
		assertEquals(List.of("a", "c"), catalog.entries().stream().map(HubEntry::name).toList());
		assertEquals(2, catalog.skipped());
	}

	@Test
	void aMalformedLineIsAnErrorNamingFileAndLine() {
		String good = line("a", "en", "5,5,3", "3,5", "2026-01-01T00:00:00.000Z");
		IOException notJson = assertThrows(IOException.class, () -> catalog(good, "", "{\"name\": \"x\", oops}"));
		String file = Path.of("hub").toAbsolutePath().resolve("public/models/metadata.json").toString();
		assertTrue(notJson.getMessage().startsWith(file + ":3:"), notJson.getMessage());
		assertTrue(notJson.getMessage().contains("not a JSON object"), notJson.getMessage());
		IOException array = assertThrows(IOException.class, () -> catalog(good, "[1,2]"));
		assertEquals(file + ":2:1: not a JSON object but array", array.getMessage());
		IOException allBad = assertThrows(IOException.class, () -> catalog("<html>404</html>"));
		assertTrue(allBad.getMessage().startsWith(file + ":1:"), "never an empty hub: " + allBad.getMessage());
	}

	@Test
	void ourOptionalFieldsAreRead() throws IOException {
		String line = line("ner_posology_small", "en", "5,5,3", "3,5", "2026-01-01T00:00:00.000Z").replace("}$", "")
				.replaceFirst("\\}$", ",\"task\":\"ner\",\"domain\":\"Clinical\",\"labels\":[\"DRUG\",\"DOSAGE\"],"
						+ "\"embeddings\":\"w2v\",\"size\":1234,\"metrics\":{\"f1\":0.91}}");
		HubEntry entry = catalog(line).entries().get(0);
		assertEquals("ner", entry.task());
		assertEquals("Clinical", entry.domain());
		assertEquals(List.of("DRUG", "DOSAGE"), entry.labels());
		assertEquals("w2v", entry.embeddings());
		assertEquals(1234, entry.size());
		assertEquals(0.91, entry.metrics().path("f1").doubleValue());
	}
}
