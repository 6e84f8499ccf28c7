package io.labelbench.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.core.store.ProjectSettings;
import io.labelbench.core.store.Role;

class SampleProjectTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** The sample installed once, read by the tests that only look at it. */
	@TempDir
	static Path shared;
	static Path sample;
	static List<JsonNode> tasks;

	@BeforeAll
	static void installOnce() throws IOException {
		sample = shared.resolve("sample");
		assertTrue(SampleProject.install(sample));
		tasks = new ArrayList<>();
		try (Stream<Path> files = Files.list(sample.resolve("tasks"))) {
			for (Path file : (Iterable<Path>) files.sorted()::iterator) {
				tasks.add(JSON.readTree(file.toFile()));
			}
		}
	}

	@Test
	void installWritesConfigSettingsAndOneFilePerTask() throws IOException {
		assertTrue(LabelbenchProject.isProject(sample));
		assertTrue(Files.isRegularFile(sample.resolve(LabelbenchProject.CONFIG_FILE)));
		assertTrue(SampleProject.taskCount() >= 36, "a few dozen tasks, got " + SampleProject.taskCount());
		try (Stream<Path> files = Files.list(sample.resolve("tasks"))) {
			assertEquals(SampleProject.taskCount(), files.count());
		}
		Set<Long> ids = new HashSet<>();
		for (JsonNode task : tasks) {
			long id = task.get("id").asLong();
			assertTrue(ids.add(id), "duplicate id " + id);
			assertTrue(Files.isRegularFile(sample.resolve("tasks/" + id + ".json")), "task " + id + " in <id>.json");
			assertFalse(task.at("/data/text").asText().isBlank());
			assertFalse(task.at("/data/title").asText().isBlank());
		}
		for (String file : SampleProject.files()) {
			assertTrue(Files.isRegularFile(sample.resolve(file)), file);
		}
		try (Stream<Path> leftovers = Files.list(shared)) {
			assertEquals(List.of(sample), leftovers.toList(), "no temporary folder left next to the sample");
		}
	}

	@Test
	void currentUserOwnsTheInstalledProject() throws IOException {
		ProjectSettings settings = ProjectSettings.read(sample.resolve(ProjectSettings.RELATIVE_PATH));
		assertEquals(Role.OWNER, settings.roleOf(LabelbenchProject.currentUser()).orElseThrow());
		assertEquals(Role.REVIEWER, settings.roleOf("chen").orElseThrow());
	}

	@Test
	void everySpanCoversExactlyItsTextInUtf16Offsets() {
		int spans = 0;
		for (JsonNode task : tasks) {
			String text = task.at("/data/text").asText();
			for (JsonNode result : results(task)) {
				JsonNode value = result.get("value");
				if (value == null || !value.has("start")) {
					continue;
				}
				int start = value.get("start").asInt();
				int end = value.get("end").asInt();
				String where = "task " + task.get("id") + " region " + result.get("id");
				assertTrue(0 <= start && start < end && end <= text.length(), where + ": " + start + ".." + end);
				assertEquals(text.substring(start, end), value.get("text").asText(), where);
				spans++;
			}
		}
		assertTrue(spans > 100, "the sample is pre-annotated, " + spans + " spans");
	}

	@Test
	void relationsAndChoicesReferToExistingRegionsAndValues() throws Exception {
		Set<String> labels = configValues("Label");
		Set<String> relations = configValues("Relation");
		Set<String> choices = configValues("Choice");
		int relationCount = 0;
		for (JsonNode task : tasks) {
			for (JsonNode annotation : annotations(task)) {
				Set<String> regionIds = new HashSet<>();
				for (JsonNode result : annotation.get("result")) {
					if (result.has("id")) {
						regionIds.add(result.get("id").asText());
					}
				}
				for (JsonNode result : annotation.get("result")) {
					String where = "task " + task.get("id") + " " + result;
					switch (result.get("type").asText()) {
					case "labels" -> {
						assertEquals("label", result.get("from_name").asText(), where);
						result.at("/value/labels").forEach(l -> assertTrue(labels.contains(l.asText()), where));
					}
					case "choices" -> {
						assertEquals("domain", result.get("from_name").asText(), where);
						String choice = result.at("/value/choices/0").asText();
						assertTrue(choices.contains(choice), where);
						assertEquals(task.at("/data/domain").asText(), choice, where);
					}
					case "relation" -> {
						assertTrue(regionIds.contains(result.get("from_id").asText()), where);
						assertTrue(regionIds.contains(result.get("to_id").asText()), where);
						assertTrue(relations.contains(result.at("/labels/0").asText()), where);
						relationCount++;
					}
					default -> throw new AssertionError("unexpected result type in " + where);
					}
				}
			}
		}
		assertTrue(relationCount > 0);
	}

	@Test
	void coversThreeDomainsPosologyLabelsAndNegations() {
		Set<String> domains = new TreeSet<>();
		Set<String> used = new TreeSet<>();
		for (JsonNode task : tasks) {
			domains.add(task.at("/data/domain").asText());
			for (JsonNode result : results(task)) {
				result.at("/value/labels").forEach(label -> used.add(label.asText()));
			}
		}
		assertEquals(Set.of("clinical", "finance", "legal"), domains);
		assertTrue(used.containsAll(List.of("DRUG", "DOSAGE", "FREQUENCY", "ROUTE", "FORM", "STRENGTH", "DURATION",
				"ABSENT", "ORG", "MONEY", "PERCENT", "DATE", "PARTY", "COURT", "LAW")), used.toString());
		assertTrue(tasks.stream().anyMatch(t -> t.get("predictions").size() > 1), "a task with older predictions");
		assertTrue(tasks.stream().anyMatch(t -> t.get("predictions").isEmpty()), "tasks left to pre-annotate");
	}

	/** Offsets counted in code points instead of UTF-16 units would be off after an emoji: this catches it. */
	@Test
	void includesEmojiCjkCombiningMarksAndCrlfWithSpansAfterThem() {
		boolean spanAfterSurrogatePair = false;
		boolean cjkSpan = false;
		boolean crlf = false;
		boolean combining = false;
		for (JsonNode task : tasks) {
			String text = task.at("/data/text").asText();
			crlf |= text.contains("\r\n");
			combining |= text.contains("e\u0301");
			for (JsonNode result : results(task)) {
				JsonNode value = result.get("value");
				if (value != null && value.has("start")) {
					String before = text.substring(0, value.get("start").asInt());
					spanAfterSurrogatePair |= before.codePoints().count() < before.length();
					cjkSpan |= value.get("text").asText().codePoints()
							.anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
				}
			}
		}
		assertTrue(spanAfterSurrogatePair && cjkSpan && crlf && combining);
	}

	@Test
	void installingAgainKeepsTheUsersChanges(@TempDir Path dir) throws IOException {
		Path project = dir.resolve("sample");
		assertTrue(SampleProject.install(project));
		Path first = project.resolve("tasks/1.json");
		Path config = project.resolve(LabelbenchProject.CONFIG_FILE);
		String edited = "{\"id\":1,\"data\":{\"text\":\"edited by the user\"}}";
		Files.writeString(first, edited);
		Files.writeString(config, "<View/>");
		Files.delete(project.resolve("tasks/2.json"));

		assertFalse(SampleProject.install(project));

		assertEquals(edited, Files.readString(first));
		assertEquals("<View/>", Files.readString(config));
		assertFalse(Files.exists(project.resolve("tasks/2.json")), "a deleted task does not come back");
	}

	@Test
	void fillsAnExistingFolderThatIsNoProjectYetWithoutTouchingItsFiles(@TempDir Path dir) throws IOException {
		Path project = Files.createDirectories(dir.resolve("sample"));
		String eclipseProject = "<projectDescription><name>sample</name></projectDescription>";
		Files.writeString(project.resolve(".project"), eclipseProject);

		assertTrue(SampleProject.install(project));

		assertEquals(eclipseProject, Files.readString(project.resolve(".project")));
		for (String file : SampleProject.files()) {
			assertTrue(Files.isRegularFile(project.resolve(file)), file);
		}
		try (Stream<Path> entries = Files.list(project)) {
			assertEquals(Set.of(".project", ".labelbench", "labeling-config.xml", "tasks"),
					Set.copyOf(entries.map(p -> p.getFileName().toString()).toList()), "no temporary files left");
		}
	}

	@Test
	void installedFilesAreTheBundledOnesByteForByte() throws IOException {
		for (String file : SampleProject.files()) {
			if (file.startsWith("tasks/")) {
				try (InputStream in = SampleProject.class.getResourceAsStream("project/" + file)) {
					assertNotNull(in, file);
					assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8),
							Files.readString(sample.resolve(file)), file);
				}
			}
		}
	}

	private static List<JsonNode> annotations(JsonNode task) {
		List<JsonNode> annotations = new ArrayList<>();
		task.get("predictions").forEach(annotations::add);
		task.get("completions").forEach(annotations::add);
		return annotations;
	}

	private static List<JsonNode> results(JsonNode task) {
		List<JsonNode> results = new ArrayList<>();
		for (JsonNode annotation : annotations(task)) {
			annotation.get("result").forEach(results::add);
		}
		return results;
	}

	private static Set<String> configValues(String tag) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		NodeList nodes = factory.newDocumentBuilder().parse(sample.resolve(LabelbenchProject.CONFIG_FILE).toFile())
				.getElementsByTagName(tag);
		Set<String> values = new HashSet<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			values.add(((Element) nodes.item(i)).getAttribute("value"));
		}
		assertFalse(values.isEmpty(), "config has " + tag + " elements");
		return values;
	}
}
