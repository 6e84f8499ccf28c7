package io.labelbench.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.json.Json;

/** A model built on this machine enters the cache like a download, in one rename; work folders are never models. */
class ModelCachePublishTest {

	@TempDir
	Path dir;

	private static ObjectNode entry(String time) throws IOException {
		return (ObjectNode) Json.mapper().readTree("{\"name\":\"notes_ner\",\"language\":\"en\",\"libVersion\":"
				+ "{\"parts\":[5,5,3]},\"sparkVersion\":{\"parts\":[3,5]},\"readyToUse\":true,\"time\":\"" + time
				+ "\",\"isZipped\":true,\"category\":\"ml\",\"checksum\":\"\",\"annotator\":\"NerDLModel\","
				+ "\"task\":\"ner\",\"labels\":[\"DRUG\"],\"version\":1,\"metrics\":{\"f1\":0.8}}");
	}

	private Path builtModel(ModelCache cache, String name) throws IOException {
		Path model = Files.createDirectories(cache.buildFolder().resolve(name).resolve("metadata"));
		Files.writeString(model.resolve("part-00000"), HubFixtures.NER_METADATA + "\n");
		return model.getParent();
	}

	@Test
	void aPublishedModelIsInstalledWithItsEntryAndTheBuildFolderIsNoModel() throws IOException {
		ModelCache cache = new ModelCache(dir);
		Path built = builtModel(cache, "run-1");
		assertEquals(List.of(), cache.installed(), "a model being built is not installed");

		InstalledModel model = cache.publish(built, entry("2026-12-03T10:00:00Z"));

		assertFalse(Files.exists(built));
		assertEquals(List.of("notes_ner"), cache.installed().stream().map(InstalledModel::name).toList());
		assertEquals(0.8, model.entry().metrics().path("f1").asDouble());
		assertTrue(Files.isRegularFile(dir.resolve(model.entry().key()).resolve("metadata/part-00000")));
	}

	@Test
	void theSameVersionTwiceIsRefusedAndTheFirstStays() throws IOException {
		ModelCache cache = new ModelCache(dir);
		cache.publish(builtModel(cache, "run-1"), entry("2026-12-03T10:00:00Z"));
		Path second = builtModel(cache, "run-2");
		assertThrows(IOException.class, () -> cache.publish(second, entry("2026-12-03T10:00:00Z")));
		assertEquals(1, cache.installed().size());
	}
}
