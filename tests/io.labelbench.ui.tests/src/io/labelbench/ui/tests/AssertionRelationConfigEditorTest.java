package io.labelbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.hub.ModelCache;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.ModelCachePreference;
import io.labelbench.ui.config.ConfigBuilder;
import io.labelbench.ui.config.ConfigMarkers;
import io.labelbench.ui.config.editor.internal.ConfigAssist;
import io.labelbench.ui.config.editor.internal.ConfigEditor;

/**
 * Assertion and relation models in the config editor: markers with quick fixes for a label naming an assertion model
 * without assertion="true" and for a relation model whose NER labels are missing; content assist offers only the
 * models that fit the tag, and their labels.
 */
class AssertionRelationConfigEditorTest {

	@TempDir
	Path dir;

	@AfterEach
	void restorePreferences() {
		InstanceScope.INSTANCE.getNode("io.labelbench.ui.hub").remove(ModelCachePreference.KEY);
	}

	/** A model in the cache as a download leaves it: the catalog entry and the saved model's metadata. */
	private static void installed(Path cache, String name, String className, String paramMap) throws Exception {
		String time = "2026-11-22T00:00:00.000Z";
		Path folder = Files.createDirectories(cache.resolve(name + "_en_5.5.3_3.5_"
				+ java.time.Instant.parse(time).toEpochMilli()));
		Files.writeString(folder.resolve(".labelbench-entry.json"), "{\"name\":\"" + name + "\",\"language\":\"en\","
				+ "\"libVersion\":{\"parts\":[5,5,3]},\"sparkVersion\":{\"parts\":[3,5]},\"readyToUse\":true,\"time\":\""
				+ time + "\",\"isZipped\":true,\"category\":\"ml\",\"checksum\":\"\"}", StandardCharsets.UTF_8);
		Files.createDirectories(folder.resolve("metadata"));
		Files.writeString(folder.resolve("metadata/part-00000"), "{\"class\":\"" + className + "\",\"paramMap\":"
				+ paramMap + "}\n", StandardCharsets.UTF_8);
	}

	private Path cache() throws Exception {
		Path cache = dir.resolve("cache");
		installed(cache, "ner_clinical_labelbench", "com.johnsnowlabs.nlp.annotators.ner.dl.NerDLModel",
				"{\"classes\":[\"O\",\"B-PROBLEM\",\"B-DRUG\"]}");
		installed(cache, "assertion_clinical_labelbench", "io.labelbench.server.nlp.clinical.AssertionModel",
				"{\"classes\":[\"present\",\"absent\"],\"entityLabels\":[\"PROBLEM\"]}");
		installed(cache, "re_posology_labelbench", "io.labelbench.server.nlp.clinical.RelationModel",
				"{\"classes\":[\"DRUG-DOSAGE\",\"DRUG-ROUTE\"],\"entityLabels\":[\"DRUG\",\"DOSAGE\"]}");
		return cache;
	}

	private static IMarker marker(IFile file, String code) throws Exception {
		return Arrays.stream(file.findMarkers(ConfigMarkers.TYPE, false, IResource.DEPTH_ZERO))
				.filter(m -> m.getAttribute(ConfigMarkers.CODE, "").equals(code)).findFirst().orElse(null);
	}

	private static IMarkerResolution fix(IMarker marker, String label) {
		IMarkerResolution[] fixes = IDE.getMarkerHelpRegistry().getResolutions(marker);
		return Arrays.stream(fixes).filter(f -> f.getLabel().equals(label)).findFirst().orElseThrow(
				() -> new AssertionError("fixes: " + Arrays.stream(fixes).map(IMarkerResolution::getLabel).toList()));
	}

	@Test
	void quickFixesMakeAnAssertionLabelAndAddTheNerLabelsOfARelationModel() throws Exception {
		InstanceScope.INSTANCE.getNode("io.labelbench.ui.hub").put(ModelCachePreference.KEY, cache().toString());
		Path folder = dir.resolve("project");
		LabelbenchProject.create(folder, "ana");
		Files.writeString(folder.resolve(LabelbenchProject.CONFIG_FILE), """
				<View>
				  <Relations>
				    <Relation value="DRUG-DOSAGE" model="re_posology_labelbench"/>
				  </Relations>
				  <Labels name="label" toName="text">
				    <Label value="PROBLEM" model="ner_clinical_labelbench"/>
				    <Label value="DRUG" model="ner_clinical_labelbench"/>
				    <Label value="absent" model="assertion_clinical_labelbench"/>
				  </Labels>
				  <Text name="text" value="$text"/>
				</View>
				""");
		IProject project = LabelbenchProjects.openOrCreate(folder, null);
		IFile config = project.getFile(LabelbenchProject.CONFIG_FILE);
		config.refreshLocal(IResource.DEPTH_ZERO, null);
		ConfigBuilder.validate(project, config);

		IMarker wrongKind = marker(config, "model.wrong-kind");
		assertNotNull(wrongKind, "a label naming an assertion model without assertion=\"true\" is marked");
		assertEquals(IMarker.SEVERITY_ERROR, wrongKind.getAttribute(IMarker.SEVERITY, -1));
		fix(wrongKind, "Make it an assertion label (assertion=\"true\")").run(wrongKind);
		String text = Files.readString(folder.resolve(LabelbenchProject.CONFIG_FILE));
		assertTrue(text.contains("<Label value=\"absent\" assertion=\"true\" model=\"assertion_clinical_labelbench\"/>"),
				text);

		config.refreshLocal(IResource.DEPTH_ZERO, null);
		ConfigBuilder.validate(project, config);
		assertNull(marker(config, "model.wrong-kind"), "fixed");
		IMarker entities = marker(config, "model.entity-labels-missing");
		assertNotNull(entities, "DOSAGE, which the relation model relates, is missing");
		assertEquals(IMarker.SEVERITY_WARNING, entities.getAttribute(IMarker.SEVERITY, -1));
		fix(entities, "Add the NER labels re_posology_labelbench works on: DOSAGE").run(entities);
		text = Files.readString(folder.resolve(LabelbenchProject.CONFIG_FILE));
		assertTrue(text.contains("    <Label value=\"absent\" assertion=\"true\" model=\"assertion_clinical_labelbench\"/>\n"
				+ "    <Label value=\"DOSAGE\" background="), text);
		config.refreshLocal(IResource.DEPTH_ZERO, null);
		ConfigBuilder.validate(project, config);
		assertEquals(0, config.findMarkers(ConfigMarkers.TYPE, false, IResource.DEPTH_ZERO).length,
				() -> "clean: " + Arrays.toString(markers(config)));
		project.delete(false, true, null);
	}

	private static String[] markers(IFile config) {
		try {
			return Arrays.stream(config.findMarkers(ConfigMarkers.TYPE, false, IResource.DEPTH_ZERO))
					.map(m -> m.getAttribute(IMarker.MESSAGE, "")).toArray(String[]::new);
		} catch (Exception e) {
			return new String[] { e.toString() };
		}
	}

	@Test
	void contentAssistOffersTheModelsThatFitTheTagAndTheirLabels() throws Exception {
		Path cache = cache();
		String text = "<View>\n  <Relations>\n    <Relation value=\"\" model=\"re_posology_labelbench\"/>\n"
				+ "    <Relation value=\"X\" model=\"\"/>\n  </Relations>\n  <Labels name=\"label\" toName=\"text\">\n"
				+ "    <Label value=\"PROBLEM\" model=\"\"/>\n    <Label value=\"absent\" assertion=\"true\" model=\"\"/>\n"
				+ "  </Labels>\n  <Text name=\"text\" value=\"$text\"/>\n</View>\n";
		Path folder = dir.resolve("assist");
		LabelbenchProject.create(folder, "ana");
		Files.writeString(folder.resolve(LabelbenchProject.CONFIG_FILE), text);
		IProject project = LabelbenchProjects.openOrCreate(folder, null);
		IFile config = project.getFile(LabelbenchProject.CONFIG_FILE);
		config.refreshLocal(IResource.DEPTH_ZERO, null);
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		ConfigEditor editor = assertInstanceOf(ConfigEditor.class, IDE.openEditor(page, config));
		ConfigAssist assist = new ConfigAssist(() -> new ModelCache(cache));
		java.util.function.IntFunction<List<String>> at = offset -> Arrays
				.stream(assist.computeCompletionProposals(editor.viewer(), offset))
				.map(ICompletionProposal::getDisplayString).toList();

		assertEquals(List.of("DRUG-DOSAGE", "DRUG-ROUTE"), at.apply(text.indexOf("value=\"\" model=\"re_") + 7),
				"a Relation's value: the labels of its relation model");
		assertEquals(List.of("re_posology_labelbench"), at.apply(text.indexOf("\"X\" model=\"\"") + 11));
		assertEquals(List.of("ner_clinical_labelbench"), at.apply(text.indexOf("\"PROBLEM\" model=\"\"") + 17));
		assertEquals(List.of("assertion_clinical_labelbench"), at.apply(text.indexOf("\"true\" model=\"\"") + 14));
		editor.close(false);
		project.delete(false, true, null);
	}

	@Test
	void contentAssistOffersThePromptsThatFitTheTag() throws Exception {
		String text = "<View>\n  <Relations>\n    <Relation value=\"DRUG-DOSAGE\" prompt=\"\"/>\n  </Relations>\n"
				+ "  <Labels name=\"label\" toName=\"text\">\n    <Label value=\"PROBLEM\" prompt=\"\"/>\n"
				+ "    <Label value=\"absent\" assertion=\"true\" prompt=\"\"/>\n  </Labels>\n"
				+ "  <Choices name=\"c\" toName=\"text\">\n    <Choice value=\"Cardiology\" prompt=\"\"/>\n  </Choices>\n"
				+ "  <Text name=\"text\" value=\"$text\"/>\n</View>\n";
		Path folder = dir.resolve("prompts-assist");
		LabelbenchProject.create(folder, "ana");
		Files.writeString(folder.resolve(LabelbenchProject.CONFIG_FILE), text);
		IProject project = LabelbenchProjects.openOrCreate(folder, null);
		IFile config = project.getFile(LabelbenchProject.CONFIG_FILE);
		config.refreshLocal(IResource.DEPTH_ZERO, null);
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		ConfigEditor editor = assertInstanceOf(ConfigEditor.class, IDE.openEditor(page, config));
		List<io.labelbench.rules.engine.Prompt> prompts = List.of(
				prompt("problem", io.labelbench.rules.engine.Prompt.Kind.ENTITY),
				prompt("drug", io.labelbench.rules.engine.Prompt.Kind.ENTITY),
				prompt("cardiology", io.labelbench.rules.engine.Prompt.Kind.CLASSIFICATION),
				prompt("dose", io.labelbench.rules.engine.Prompt.Kind.RELATION));
		ConfigAssist assist = new ConfigAssist(() -> new ModelCache(dir.resolve("no-models")), () -> prompts);
		java.util.function.IntFunction<List<String>> at = offset -> Arrays
				.stream(assist.computeCompletionProposals(editor.viewer(), offset))
				.map(ICompletionProposal::getDisplayString).toList();
		assertEquals(List.of("drug", "problem"), at.apply(text.indexOf("\"PROBLEM\" prompt=\"\"") + 18),
				"a label: the entity prompts");
		assertEquals(List.of("cardiology"), at.apply(text.indexOf("\"Cardiology\" prompt=\"\"") + 21));
		assertEquals(List.of("dose"), at.apply(text.indexOf("\"DRUG-DOSAGE\" prompt=\"\"") + 22));
		assertEquals(List.of(), at.apply(text.indexOf("\"true\" prompt=\"\"") + 15), "no prompts on assertion labels");
		editor.close(false);
		project.delete(false, true, null);
	}

	private static io.labelbench.rules.engine.Prompt prompt(String name, io.labelbench.rules.engine.Prompt.Kind kind) {
		return new io.labelbench.rules.engine.Prompt(name, kind, name.toUpperCase(), null, "described", null, null,
				kind == io.labelbench.rules.engine.Prompt.Kind.RELATION ? "DRUG" : null,
				kind == io.labelbench.rules.engine.Prompt.Kind.RELATION ? "DOSAGE" : null, 0.5);
	}
}
