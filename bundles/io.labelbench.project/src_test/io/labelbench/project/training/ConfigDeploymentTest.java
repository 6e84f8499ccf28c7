package io.labelbench.project.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.config.ModelDeployment;
import io.labelbench.core.store.LabelbenchProject;

/** A trained model deployed into the project's config file. */
class ConfigDeploymentTest {

	private static final String CONFIG = """
			<View>
			  <Relations><Relation value="DRUG-DOSAGE" model="re_old"/></Relations>
			  <Labels name="label" toName="text">
			    <Label value="DRUG" model="ner_posology"/><Label value="DOSAGE"/>
			    <Label value="absent" assertion="true"/>
			  </Labels>
			  <Text name="text" value="$text"/>
			  <Choices name="kind" toName="text"><Choice value="drug"/><Choice value="other"/></Choices>
			</View>
			""";

	@TempDir
	Path dir;

	private LabelbenchProject project;

	@BeforeEach
	void project() throws IOException {
		project = LabelbenchProject.create(dir.resolve("notes"), "ana");
		Files.writeString(project.configFile(), CONFIG);
	}

	@Test
	void eachTypeFillsItsValuesInTheFile() throws IOException {
		ModelDeployment.Plan ner = ConfigDeployment.deploy(project, TrainingType.NER, "label", "notes_ner",
				List.of("DOSAGE", "DRUG"));
		assertEquals(Map.of("DRUG", "ner_posology"), ner.replaced());
		ConfigDeployment.deploy(project, TrainingType.CLASSIFICATION, "kind", "notes_classification",
				List.of("drug", "other"));
		ConfigDeployment.deploy(project, TrainingType.ASSERTION, "label", "notes_assertion", List.of("absent"));
		ConfigDeployment.deploy(project, TrainingType.RELATION, "label", "notes_relation", List.of("DRUG-DOSAGE"));
		assertEquals("""
				<View>
				  <Relations><Relation value="DRUG-DOSAGE" model="notes_relation"/></Relations>
				  <Labels name="label" toName="text">
				    <Label value="DRUG" model="notes_ner"/><Label value="DOSAGE" model="notes_ner"/>
				    <Label value="absent" model="notes_assertion" assertion="true"/>
				  </Labels>
				  <Text name="text" value="$text"/>
				  <Choices name="kind" toName="text"><Choice value="drug" model="notes_classification"/><Choice value="other" model="notes_classification"/></Choices>
				</View>
				""", Files.readString(project.configFile()));
	}

	@Test
	void aSecondDeploymentLeavesTheFileAlone() throws IOException {
		ConfigDeployment.deploy(project, TrainingType.NER, "label", "notes_ner", List.of("DRUG"));
		FileTime written = FileTime.fromMillis(1_000_000);
		Files.setLastModifiedTime(project.configFile(), written);
		ModelDeployment.Plan again = ConfigDeployment.deploy(project, TrainingType.NER, "label", "notes_ner",
				List.of("DRUG"));
		assertFalse(again.changes());
		assertEquals(written, Files.getLastModifiedTime(project.configFile()), "not rewritten");
	}

	@Test
	void aBrokenConfigIsNamedAndKept() throws IOException {
		Files.writeString(project.configFile(), "<View><Labels name=\"label\"");
		IOException e = assertThrows(IOException.class,
				() -> ConfigDeployment.deploy(project, TrainingType.NER, "label", "notes_ner", List.of("DRUG")));
		assertTrue(e.getMessage().startsWith("labeling-config.xml: the config is not well-formed"), e.getMessage());
		assertEquals("<View><Labels name=\"label\"", Files.readString(project.configFile()));
	}
}
