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
}
