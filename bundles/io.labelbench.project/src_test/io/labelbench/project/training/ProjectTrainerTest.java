package io.labelbench.project.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.config.LabelingConfig;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.hub.ModelCache;
import io.labelbench.preannotate.server.ServerRegistry;

/** What the trainer refuses before any JVM starts, and the model name it publishes under. */
class ProjectTrainerTest {

	@TempDir
	Path dir;

	private LabelbenchProject project;
	private ModelCache cache;
	private ProjectTrainer trainer;

	@BeforeEach
	void setUp() throws IOException {
		project = LabelbenchProject.create(dir.resolve("My Notes"), "ana");
		Files.writeString(project.configFile(),
				"<View><Labels name=\"label\" toName=\"text\"><Label value=\"DRUG\"/></Labels>"
						+ "<Text name=\"text\" value=\"$text\"/></View>");
		cache = new ModelCache(Files.createDirectories(dir.resolve("models")));
		trainer = new ProjectTrainer(cache, dir.resolve("no-distribution"),
				new ServerRegistry(Files.createDirectories(dir.resolve("servers"))), ServerRegistry.Budget.DEFAULT);
	}

	private TrainingException refusal(String embeddings) {
		return assertThrows(TrainingException.class, () -> trainer.train(project,
				LabelingConfig.read(project.configFile()), TrainingType.NER, null,
				new ProjectTrainer.Parameters(embeddings, 1, null, null, null, null), new ProjectTrainer.Listener() {
					@Override
					public void epoch(com.fasterxml.jackson.databind.JsonNode event) {
					}

					@Override
					public void log(String line) {
					}
				}, () -> false));
	}

	@Test
	void withoutDownloadedEmbeddingsTrainingIsRefusedAndNothingIsLeftInTheCache() throws IOException {
		TrainingException e = refusal(null);
		assertTrue(e.getMessage().startsWith("embeddings not downloaded"), e.getMessage());
		try (var files = Files.list(cache.folder())) {
			assertEquals(0, files.count());
		}
	}

	@Test
	void namedEmbeddingsThatAreNotInTheCacheAreNamedInTheRefusal() {
		TrainingException e = refusal("glove_100d");
		assertTrue(e.getMessage().startsWith("embeddings not downloaded: glove_100d"), e.getMessage());
	}

	@Test
	void theModelIsNamedAfterTheProjectFolderAndType() {
		assertEquals("my_notes_ner", ProjectTrainer.modelName(project, TrainingType.NER));
		assertEquals("my_notes_classification", ProjectTrainer.modelName(project, TrainingType.CLASSIFICATION));
	}
}
