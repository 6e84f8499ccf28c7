package io.labelbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.FileEditorInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.rules.RuleFiles;
import io.labelbench.rules.engine.NegexAssertions;
import io.labelbench.rules.engine.Rule;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.rules.internal.RulesEditor;

/** The rules form edits assertion and relation rules: bad ones are reported as typed, good ones saved. */
class AssertionRelationRulesEditorTest {

	@TempDir
	Path dir;

	@Test
	void assertionAndRelationRulesAreListedEditedValidatedAndSaved() throws Exception {
		Path folder = dir.resolve("clinical");
		LabelbenchProject.create(folder, LabelbenchProject.currentUser());
		Files.createDirectories(folder.resolve("rules"));
		Rule family = Rule.assertion("family", new Rule.Assertion(
				List.of(new Rule.Trigger("mother", "associated_with_someone_else", Rule.Position.PRE)), null,
				List.of("but"), 6, List.of("PROBLEM"), false));
		RuleFiles.write(folder.resolve("rules/rules.json"),
				List.of(Rule.regex("strength", "STRENGTH", "\\d+ mg", false, true), family));
		IProject project = LabelbenchProjects.openOrCreate(folder, null);
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		RulesEditor editor = (RulesEditor) page.openEditor(new FileEditorInput(project.getFile("rules/rules.json")),
				RulesEditor.ID);
		Composite form = editor.rulesTable().getParent().getParent();
		page.setPartState(page.getReference(editor), IWorkbenchPage.STATE_MAXIMIZED);
		try {
			assertEquals("assertion", editor.rulesTable().getItem(1).getText(2), "the table lists the new type");
			assertEquals("1 trigger, window 6", editor.rulesTable().getItem(1).getText(3));

			// an assertion rule: the clinical set plus an own trigger typed into the table
			UiTesting.press(form, "Add Rule");
			editor.nameField().setText("negation");
			editor.chooseType(Rule.Type.ASSERTION);
			assertEquals(0, editor.triggerTable().getItemCount());
			UiTesting.press(form, "Add");
			editor.triggerPhraseField().setText("");
			assertEquals("rule 'negation': a trigger has no phrase", editor.problemLabel().getText());
			editor.triggerPhraseField().setText("no signs of");
			assertEquals("", editor.problemLabel().getText());
			assertEquals("no signs of", editor.triggerTable().getItem(0).getText(0));
			editor.entityLabelsField().setText("PROBLEM, TEST");
			UiTesting.screenshot(page.getWorkbenchWindow().getShell(), Path.of("target", "assertion-rule-form.png"));

			// a relation rule: a missing head label is reported as typed
			UiTesting.press(form, "Add Rule");
			editor.nameField().setText("dosage");
			editor.chooseType(Rule.Type.RELATION);
			assertEquals("Every rule needs a name, and every rule but an assertion rule a label.",
					editor.problemLabel().getText());
			List<String> texts = UiTesting.texts(form);
			assertTrue(texts.contains("Relation label") && texts.contains("From (head) label"), texts.toString());
			editor.relationFields().get(0).setText("DRUG-DOSAGE");
			editor.relationFields().get(2).setText("DOSAGE");
			assertEquals("rule 'dosage': the head entity label (fromLabel) is missing", editor.problemLabel().getText());
			NullProgressMonitor refused = new NullProgressMonitor();
			UiTesting.whenDialogOpens("Cannot save the rules", shell -> shell.close());
			editor.doSave(refused);
			assertTrue(refused.isCanceled(), "a rule that cannot run is not saved");
			editor.relationFields().get(1).setText("DRUG");
			assertEquals("", editor.problemLabel().getText());
			assertEquals("DRUG \u2192 DOSAGE, at most 6 words apart", editor.rulesTable().getItem(3).getText(3));
			UiTesting.screenshot(page.getWorkbenchWindow().getShell(), Path.of("target", "relation-rule-form.png"));

			editor.doSave(new NullProgressMonitor());
			assertFalse(editor.isDirty());
			assertEquals(List.of(Rule.regex("strength", "STRENGTH", "\\d+ mg", false, true), family,
					Rule.assertion("negation", new Rule.Assertion(
							List.of(new Rule.Trigger("no signs of", "absent", Rule.Position.PRE)),
							NegexAssertions.CLINICAL_EN, List.of(), Rule.Assertion.DEFAULT_WINDOW,
							List.of("PROBLEM", "TEST"), false)),
					Rule.relation("dosage", "DRUG-DOSAGE", new Rule.Relation("DRUG", "DOSAGE", 6))),
					RuleFiles.read(folder.resolve("rules/rules.json")));

			// selecting the family rule shows its trigger in the assertion form
			editor.rulesTable().select(1);
			editor.rulesTable().notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
			assertEquals("mother", editor.triggerPhraseField().getText());
			assertEquals("PROBLEM", editor.entityLabelsField().getText());
		} finally {
			page.setPartState(page.getReference(editor), IWorkbenchPage.STATE_RESTORED);
			page.closeEditor(editor, false);
			project.delete(false, true, null); // the folder goes with the temporary directory
		}
	}

}
