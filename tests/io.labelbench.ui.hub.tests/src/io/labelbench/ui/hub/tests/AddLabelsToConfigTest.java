package io.labelbench.ui.hub.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.config.ConfigValidator;
import io.labelbench.config.Diagnostic;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.hub.AddLabelsDialog;
import io.labelbench.ui.hub.AddLabelsToConfig;

/** A model's labels go into a project's config as one undoable edit, and the config then validates. */
class AddLabelsToConfigTest {

	@TempDir
	Path dir;

	@Test
	void tickedLabelsAreAddedUndoablyAndTheConfigValidates() throws Exception {
		Path folder = dir.resolve("clinic");
		LabelbenchProject.create(folder, "ana");
		String original = "<View>\n  <!-- notes: keep me -->\n  <Text name=\"text\" value=\"$text\" extra=\"kept\"/>\n</View>\n";
		Files.writeString(folder.resolve(LabelbenchProject.CONFIG_FILE), original, StandardCharsets.UTF_8);
		IProject project = LabelbenchProjects.openOrCreate(folder, null);

		AddLabelsDialog dialog = new AddLabelsDialog(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(),
				"ner_posology_small", List.of("DOSAGE", "DRUG", "FREQUENCY"), List.of(project), 0);
		dialog.setBlockOnOpen(false);
		dialog.open();
		dialog.setChecked("FREQUENCY", false);
		dialog.getShell().getDisplay().readAndDispatch();
		var ok = dialog.getShell().getDefaultButton();
		assertEquals(IDialogConstants.OK_LABEL, ok.getText());
		ok.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
		assertEquals(List.of("DOSAGE", "DRUG"), dialog.chosenLabels());

		assertTrue(AddLabelsToConfig.apply(dialog.project(), dialog.controlName(), "ner_posology_small",
				dialog.chosenLabels()).isOK());
		String merged = Files.readString(folder.resolve(LabelbenchProject.CONFIG_FILE));
		assertTrue(merged.contains("value=\"DRUG\"") && merged.contains("value=\"DOSAGE\"") && !merged.contains("FREQUENCY"),
				merged);
		assertTrue(merged.contains("model=\"ner_posology_small\""), merged);
		assertTrue(merged.contains("<!-- notes: keep me -->") && merged.contains("extra=\"kept\""), "rest untouched");
		List<Diagnostic> errors = new ConfigValidator().validate(merged).stream().filter(Diagnostic::isError).toList();
		assertEquals(List.of(), errors);

		var history = PlatformUI.getWorkbench().getOperationSupport().getOperationHistory();
		assertTrue(history.undo(PlatformUI.getWorkbench().getOperationSupport().getUndoContext(), null, null).isOK());
		assertEquals(original, Files.readString(folder.resolve(LabelbenchProject.CONFIG_FILE)), "one undo restores it");
	}

	@Test
	void labelsAlreadyThereGetTheModelAndTheUserIsToldWhatChanged() throws Exception {
		Path folder = dir.resolve("posology");
		LabelbenchProject.create(folder, "ana");
		Path file = folder.resolve(LabelbenchProject.CONFIG_FILE);
		Files.writeString(file, "<View>\n  <Labels name=\"label\" toName=\"text\">\n    <Label value=\"DRUG\" background=\"#E91E63\"/>\n"
				+ "  </Labels>\n  <Text name=\"text\" value=\"$text\"/>\n</View>\n", StandardCharsets.UTF_8);
		IProject project = LabelbenchProjects.openOrCreate(folder, null);

		var status = AddLabelsToConfig.apply(project, "label", "ner_posology_small", List.of("DRUG", "DOSAGE"));
		assertTrue(status.isOK(), status.toString());
		String merged = Files.readString(file);
		assertTrue(merged.contains("<Label value=\"DRUG\" model=\"ner_posology_small\" background=\"#E91E63\"/>"), merged);
		assertTrue(merged.contains("value=\"DOSAGE\" model=\"ner_posology_small\""), merged);
		assertTrue(status.getMessage().contains("Added: DOSAGE") && status.getMessage().contains("on: DRUG"),
				status.getMessage());

		var again = AddLabelsToConfig.apply(project, "label", "ner_posology_small", List.of("DRUG"));
		assertTrue(again.isOK());
		assertTrue(again.getMessage().startsWith("Nothing changed"), "never silently nothing: " + again.getMessage());
		assertEquals(merged, Files.readString(file));

		var history = PlatformUI.getWorkbench().getOperationSupport().getOperationHistory();
		assertTrue(history.undo(PlatformUI.getWorkbench().getOperationSupport().getUndoContext(), null, null).isOK());
		assertTrue(Files.readString(file).contains("<Label value=\"DRUG\" background=\"#E91E63\"/>"),
				"one undo takes back the added label and the model attribute together");
		assertTrue(!Files.readString(file).contains("DOSAGE"));
	}

	@Test
	void assertionStatusesAndRelationsGoWhereTheyBelongAsOneUndoableEdit() throws Exception {
		Path folder = dir.resolve("clinical");
		LabelbenchProject.create(folder, "ana");
		Path file = folder.resolve(LabelbenchProject.CONFIG_FILE);
		String original = "<View>\n  <Labels name=\"ner\" toName=\"text\">\n    <Label value=\"PROBLEM\"/>\n"
				+ "    <Label value=\"DRUG\"/>\n  </Labels>\n  <Text name=\"text\" value=\"$text\"/>\n</View>\n";
		Files.writeString(file, original, StandardCharsets.UTF_8);
		IProject project = LabelbenchProjects.openOrCreate(folder, null);

		var statuses = AddLabelsToConfig.apply(project, "ignored", "assertion_clinical_labelbench", "assertion",
				List.of("absent", "possible"), List.of("PROBLEM"));
		assertTrue(statuses.isOK(), statuses.toString());
		String withStatuses = Files.readString(file);
		assertTrue(withStatuses.contains("    <Label value=\"DRUG\"/>\n    <Label value=\"absent\" assertion=\"true\""
				+ " model=\"assertion_clinical_labelbench\""), withStatuses);
		assertTrue(!withStatuses.contains("ignored"), "no control of that name was made: " + withStatuses);

		var relations = AddLabelsToConfig.apply(project, "ignored", "re_posology_labelbench", "relation",
				List.of("DRUG-DOSAGE"), List.of("DRUG", "DOSAGE"));
		assertTrue(relations.isOK(), relations.toString());
		assertTrue(relations.getMessage().contains("Added the NER labels re_posology_labelbench works on, which the"
				+ " config lacked: DOSAGE."), relations.getMessage());
		String merged = Files.readString(file);
		assertTrue(merged.contains("<Relations>\n    <Relation value=\"DRUG-DOSAGE\" model=\"re_posology_labelbench\"/>\n"
				+ "  </Relations>\n  <Labels name=\"ner\""), merged);
		assertTrue(merged.contains("<Label value=\"DOSAGE\""), merged);
		assertEquals(List.of(), new ConfigValidator().validate(merged).stream().filter(Diagnostic::isError).toList());

		var support = PlatformUI.getWorkbench().getOperationSupport();
		assertTrue(support.getOperationHistory().undo(support.getUndoContext(), null, null).isOK());
		assertEquals(withStatuses, Files.readString(file), "one undo takes back the relations and DOSAGE together");
		assertTrue(support.getOperationHistory().undo(support.getUndoContext(), null, null).isOK());
		assertEquals(original, Files.readString(file));
	}
}
