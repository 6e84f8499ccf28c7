package io.labelbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.config.ConfigMarkers;
import io.labelbench.ui.config.editor.internal.ConfigEditor;

/** Typing in the config editor: a bad toName gets a marker without saving, and loses it when fixed. */
class ConfigEditorTest {

	@TempDir
	Path dir;

	private static long toNameMarkers(IFile file) throws Exception {
		return Arrays.stream(file.findMarkers(ConfigMarkers.TYPE, false, IResource.DEPTH_ZERO))
				.filter(m -> m.getAttribute(ConfigMarkers.CODE, "").equals("control.toname-unknown")
						&& m.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR)
				.count();
	}

	private static void waitForToNameMarkers(IFile config, long count, String what, long timeoutMs) {
		UiTesting.waitUntil(what, () -> {
			try {
				return toNameMarkers(config) == count;
			} catch (Exception e) {
				return false;
			}
		}, timeoutMs);
	}

	@Test
	void typingABadToNameMarksItAndFixingClearsIt() throws Exception {
		String good = "<View>\n  <Labels name=\"label\" toName=\"text\">\n    <Label value=\"DRUG\"/>\n  </Labels>\n"
				+ "  <Text name=\"text\" value=\"$text\"/>\n</View>\n";
		IFile config = configIn("editing", good);
		IProject project = config.getProject();

		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		ITextEditor editor = assertInstanceOf(ConfigEditor.class, IDE.openEditor(page, config));
		IDocument document = ((ITextEditor) editor).getDocumentProvider().getDocument(editor.getEditorInput());
		UiTesting.waitForJobs(ConfigEditor.FAMILY_VALIDATION, 10_000);
		assertEquals(0, toNameMarkers(config));
		// the Outline shows the tags with what names them
		page.showView(org.eclipse.ui.IPageLayout.ID_OUTLINE);
		page.activate(editor);
		ConfigEditor configEditor = (ConfigEditor) editor;
		configEditor.getAdapter(org.eclipse.ui.views.contentoutline.IContentOutlinePage.class);
		UiTesting.waitUntil("the outline lists the tags", () -> configEditor.outlineEntries()
				.equals(java.util.List.of("Labels label \u2192 text", "Text text")), 10_000);
		// the label palette shows the labels as they are typed
		io.labelbench.ui.config.editor.internal.LabelPaletteView palette = (io.labelbench.ui.config.editor.internal.LabelPaletteView) page
				.showView(io.labelbench.ui.config.editor.internal.LabelPaletteView.ID);
		page.activate(editor);
		UiTesting.waitUntil("the palette shows DRUG", () -> palette.chips().equals(java.util.List.of("DRUG")), 10_000);
		int labelEnd = document.get().indexOf("<Label value=\"DRUG\"/>") + "<Label value=\"DRUG\"/>".length();
		document.replace(labelEnd, 0, "\n    <Label value=\"DOSE\" background=\"#9C27B0\" hotkey=\"o\"/>");
		UiTesting.waitUntil("the palette shows the new label", () -> palette.chips()
				.equals(java.util.List.of("DRUG", "DOSE [o]")), 10_000);
		UiTesting.screenshot(page.getWorkbenchWindow().getShell(), Path.of("target", "label-palette.png"));
		document.replace(labelEnd, document.get().indexOf("/>", labelEnd) + 2 - labelEnd, "");

		int at = document.get().indexOf("toName=\"text\"") + "toName=\"".length();
		document.replace(at, 4, "txt");
		waitForToNameMarkers(config, 1, "marker for the bad toName", 10_000);
		UiTesting.screenshot(page.getWorkbenchWindow().getShell(), Path.of("target", "config-editor.png"));

		document.replace(at, 3, "text");
		waitForToNameMarkers(config, 0, "marker gone", 10_000);
		editor.close(false);
		project.delete(false, true, null);
	}

	@Test
	void quickFixPointsToNameAtAnObjectAndContentAssistListsTheObjects() throws Exception {
		String bad = "<View>\n  <Labels name=\"label\" toName=\"txt\">\n    <Label value=\"DRUG\"/>\n  </Labels>\n"
				+ "  <Text name=\"text\" value=\"$text\"/>\n  <HyperText name=\"html\" value=\"$html\"/>\n</View>\n";
		IFile config = configIn("fixing", bad);
		IProject project = config.getProject();
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		ConfigEditor editor = assertInstanceOf(ConfigEditor.class, IDE.openEditor(page, config));
		IDocument document = ((ITextEditor) editor).getDocumentProvider().getDocument(editor.getEditorInput());
		// the builder and the live validation both report it: one marker, whoever comes first
		UiTesting.waitForJobs(org.eclipse.core.resources.ResourcesPlugin.FAMILY_AUTO_BUILD, 60_000);
		UiTesting.waitForJobs(ConfigEditor.FAMILY_VALIDATION, 60_000);
		try {
			waitForToNameMarkers(config, 1, "marker for the bad toName", 30_000);
		} catch (AssertionError e) {
			StringBuilder found = new StringBuilder();
			for (IMarker m : config.findMarkers(ConfigMarkers.TYPE, false, IResource.DEPTH_ZERO)) {
				found.append("\n  ").append(m.getAttribute(IMarker.MESSAGE, "")).append(" @")
						.append(m.getAttribute(IMarker.CHAR_START, -1));
			}
			throw new AssertionError(e.getMessage() + "; markers:" + found, e);
		}

		IMarker marker = Arrays.stream(config.findMarkers(ConfigMarkers.TYPE, false, IResource.DEPTH_ZERO))
				.filter(m -> m.getAttribute(ConfigMarkers.CODE, "").equals("control.toname-unknown")).findFirst()
				.orElseThrow();
		IMarkerResolution[] fixes = IDE.getMarkerHelpRegistry().getResolutions(marker);
		assertEquals(java.util.List.of("Point toName at 'html'", "Point toName at 'text'"),
				Arrays.stream(fixes).map(IMarkerResolution::getLabel).sorted().toList());
		Arrays.stream(fixes).filter(f -> f.getLabel().endsWith("'text'")).findFirst().orElseThrow().run(marker);
		assertTrue(document.get().contains("toName=\"text\""), document.get());
		waitForToNameMarkers(config, 0, "marker gone after the quick fix", 10_000);

		// content assist inside toName="" lists the object names
		int at = document.get().indexOf("toName=\"") + "toName=\"".length();
		document.replace(at, "text".length(), "");
		ICompletionProposal[] proposals = new io.labelbench.ui.config.editor.internal.ConfigAssist(
				() -> new io.labelbench.hub.ModelCache(dir.resolve("no-models"))).computeCompletionProposals(editor.viewer(), at);
		assertEquals(java.util.List.of("html", "text"),
				Arrays.stream(proposals).map(ICompletionProposal::getDisplayString).toList());
		editor.viewer().setSelectedRange(at, 0);
		editor.showContentAssist();
		UiTesting.screenshot(page.getWorkbenchWindow().getShell(), Path.of("target", "config-assist.png"));
		proposals[1].apply(document);
		int tag = document.get().indexOf("<Labels") + 3;
		assertTrue(io.labelbench.ui.config.editor.internal.ConfigHover.docAt(document.get(), tag).startsWith("<Labels>: Named-entity"),
				"hover documents the tag");
		assertTrue(document.get().contains("toName=\"text\""), document.get());
		editor.close(false);
		project.delete(false, true, null);
	}

	/** The items of a visible proposal popup (a table in a shell of its own), or an empty list. */
	private static java.util.List<String> popupItems() {
		java.util.List<String> items = new java.util.ArrayList<>();
		for (org.eclipse.swt.widgets.Shell shell : org.eclipse.swt.widgets.Display.getCurrent().getShells()) {
			collectPopupItems(shell, items);
		}
		return items;
	}

	private static void collectPopupItems(org.eclipse.swt.widgets.Shell shell, java.util.List<String> items) {
		for (org.eclipse.swt.widgets.Shell child : shell.getShells()) {
			if (child.isVisible()) {
				for (org.eclipse.swt.widgets.Control control : child.getChildren()) {
					if (control instanceof org.eclipse.swt.widgets.Table table) {
						Arrays.stream(table.getItems()).map(org.eclipse.swt.widgets.TableItem::getText).forEach(items::add);
					}
				}
			}
			collectPopupItems(child, items);
		}
	}

	private static org.eclipse.swt.widgets.Table popupTable() {
		for (org.eclipse.swt.widgets.Shell shell : org.eclipse.swt.widgets.Display.getCurrent().getShells()) {
			for (org.eclipse.swt.widgets.Shell child : shell.getShells()) {
				if (child.isVisible()) {
					for (org.eclipse.swt.widgets.Control control : child.getChildren()) {
						if (control instanceof org.eclipse.swt.widgets.Table table) {
							return table;
						}
					}
				}
			}
		}
		throw new AssertionError("no proposal popup");
	}

	@Test
	void ctrl1AndTheContextMenuOfferTheQuickFixAtTheCaret() throws Exception {
		String bad = "<View>\n  <Labels name=\"label\" toName=\"txt\">\n    <Label value=\"DRUG\"/>\n  </Labels>\n"
				+ "  <Text name=\"text\" value=\"$text\"/>\n</View>\n";
		IFile config = configIn("ctrl1", bad);
		IProject project = config.getProject();
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		ConfigEditor editor = assertInstanceOf(ConfigEditor.class, IDE.openEditor(page, config));
		IDocument document = ((ITextEditor) editor).getDocumentProvider().getDocument(editor.getEditorInput());
		UiTesting.waitForJobs(ConfigEditor.FAMILY_VALIDATION, 60_000);
		waitForToNameMarkers(config, 1, "marker for the bad toName", 30_000);

		// the caret in the bad toName; the context menu lists Quick Fix
		int at = document.get().indexOf("txt") + 1;
		editor.viewer().setSelectedRange(at, 0);
		org.eclipse.swt.widgets.Menu menu = editor.viewer().getTextWidget().getMenu();
		menu.notifyListeners(org.eclipse.swt.SWT.Show, new org.eclipse.swt.widgets.Event());
		java.util.List<String> menuItems = Arrays.stream(menu.getItems()).map(org.eclipse.swt.widgets.MenuItem::getText)
				.toList();
		menu.notifyListeners(org.eclipse.swt.SWT.Hide, new org.eclipse.swt.widgets.Event());
		assertTrue(menuItems.stream().anyMatch(item -> item.replace("&", "").startsWith("Quick Fix")), menuItems.toString());

		// Ctrl+1 (the Quick Fix command) shows the fixes of the problem under the caret; choosing one applies it
		PlatformUI.getWorkbench().getService(org.eclipse.ui.handlers.IHandlerService.class)
				.executeCommand("org.eclipse.jdt.ui.edit.text.java.correction.assist.proposals", null);
		UiTesting.waitUntil("the quick fixes are shown", () -> popupItems().contains("Point toName at 'text'"), 10_000);
		UiTesting.screenshot(page.getWorkbenchWindow().getShell(), Path.of("target", "config-quick-fix.png"));
		org.eclipse.swt.widgets.Table table = popupTable();
		int index = Arrays.asList(table.getItems()).stream().map(org.eclipse.swt.widgets.TableItem::getText).toList()
				.indexOf("Point toName at 'text'");
		table.setSelection(index);
		table.notifyListeners(org.eclipse.swt.SWT.DefaultSelection, new org.eclipse.swt.widgets.Event());
		UiTesting.waitUntil("the fix is applied", () -> document.get().contains("toName=\"text\""), 10_000);
		waitForToNameMarkers(config, 0, "marker gone after the quick fix", 10_000);
		editor.close(false);
		project.delete(false, true, null);
	}

	/** A character typed into the text (the key events a keyboard sends to the focused text). */
	private static void type(org.eclipse.swt.custom.StyledText widget, char character) {
		org.eclipse.swt.widgets.Event key = new org.eclipse.swt.widgets.Event();
		key.character = character;
		key.keyCode = character;
		widget.notifyListeners(org.eclipse.swt.SWT.KeyDown, key);
		widget.notifyListeners(org.eclipse.swt.SWT.KeyUp, key);
	}

	@Test
	void typingALessThanOverASelectionReplacesIt() throws Exception {
		String text = "<View>\n  <Text name=\"text\" value=\"$text\"/>\n  OLD\n</View>\n";
		IFile config = configIn("typing", text);
		IProject project = config.getProject();
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		ConfigEditor editor = assertInstanceOf(ConfigEditor.class, IDE.openEditor(page, config));
		IDocument document = ((ITextEditor) editor).getDocumentProvider().getDocument(editor.getEditorInput());
		org.eclipse.swt.custom.StyledText widget = editor.viewer().getTextWidget();
		int old = document.get().indexOf("OLD");

		// typing, then Edit > Undo, Edit > Redo (Ctrl+Y among its keys) and Undo again
		assertTrue(TaskEditorEditingTest.keysOf("org.eclipse.ui.edit.redo").contains("Ctrl+Y"),
				TaskEditorEditingTest.keysOf("org.eclipse.ui.edit.redo").toString());
		editor.viewer().setSelectedRange(old, 0);
		type(widget, 'x');
		assertTrue(document.get().contains("xOLD"), document.get());
		org.eclipse.jface.action.IAction undo = ((ITextEditor) editor)
				.getAction(org.eclipse.ui.texteditor.ITextEditorActionConstants.UNDO);
		org.eclipse.jface.action.IAction redo = ((ITextEditor) editor)
				.getAction(org.eclipse.ui.texteditor.ITextEditorActionConstants.REDO);
		UiTesting.waitUntil("Undo is enabled", undo::isEnabled, 5_000);
		TaskEditorEditingTest.execute("org.eclipse.ui.edit.undo");
		assertEquals(text, document.get());
		UiTesting.waitUntil("Redo is enabled", redo::isEnabled, 5_000);
		TaskEditorEditingTest.execute("org.eclipse.ui.edit.redo");
		assertTrue(document.get().contains("xOLD"), document.get());
		UiTesting.waitUntil("Undo is enabled again", undo::isEnabled, 5_000);
		TaskEditorEditingTest.execute("org.eclipse.ui.edit.undo");
		assertEquals(text, document.get());

		// '<' typed over a selected word replaces it
		editor.viewer().setSelectedRange(old, 3);
		type(widget, '<');
		assertTrue(document.get().contains("\n  <\n</View>"), document.get());
		// content assist after that '<' inside View offers tags that may stand there, not Label or Choice
		ICompletionProposal[] proposals = new io.labelbench.ui.config.editor.internal.ConfigAssist(
				() -> new io.labelbench.hub.ModelCache(dir.resolve("no-models")))
				.computeCompletionProposals(editor.viewer(), old + 1);
		java.util.List<String> tags = Arrays.stream(proposals).map(ICompletionProposal::getDisplayString).toList();
		assertTrue(tags.contains("Labels") && tags.contains("Choices") && !tags.contains("Label") && !tags.contains("Choice"),
				tags.toString());
		editor.close(false);
		project.delete(false, true, null);
	}

	@Test
	void contentAssistOffersOnlyWhatFitsAtTheCaret() throws Exception {
		String text = "<View>\n  <Labels name=\"label\" toName=\"text\">\n    <Label value=\"DRUG\" />\n    <\n  </Labels>\n"
				+ "  <Choices name=\"c\" toName=\"text\" choice=\"\"><Choice value=\"a\"/></Choices>\n"
				+ "  <Text name=\"text\" value=\"$text\"/>\n</View>\n";
		IFile config = configIn("assist", text);
		IProject project = config.getProject();
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		ConfigEditor editor = assertInstanceOf(ConfigEditor.class, IDE.openEditor(page, config));
		io.labelbench.ui.config.editor.internal.ConfigAssist assist = new io.labelbench.ui.config.editor.internal.ConfigAssist(
				() -> new io.labelbench.hub.ModelCache(dir.resolve("no-models")));
		java.util.function.IntFunction<java.util.List<String>> at = offset -> Arrays
				.stream(assist.computeCompletionProposals(editor.viewer(), offset))
				.map(ICompletionProposal::getDisplayString).toList();
		// a tag inside Labels: only Label
		assertEquals(java.util.List.of("Label"), at.apply(text.indexOf("    <\n") + 5));
		// attributes of the Label under the caret, without the one it has
		java.util.List<String> labelAttributes = at.apply(text.indexOf("\"DRUG\" ") + 7);
		assertTrue(labelAttributes.contains("background") && labelAttributes.contains("hotkey")
				&& !labelAttributes.contains("value") && !labelAttributes.contains("toName"), labelAttributes.toString());
		// values of the attribute under the caret
		assertEquals(java.util.List.of("multiple", "single", "single-radio"), at.apply(text.indexOf("choice=\"\"") + 8));
		// nothing in a tag's text
		assertEquals(java.util.List.of(), at.apply(text.indexOf("DRUG") + 2));
		editor.close(false);
		project.delete(false, true, null);
	}

	/** A new project whose labeling config holds {@code text}: the config file, as the workbench sees it. */
	private IFile configIn(String name, String text) throws Exception {
		Path folder = dir.resolve(name);
		LabelbenchProject.create(folder, "ana");
		IFile config = LabelbenchProjects.openOrCreate(folder, null).getFile(LabelbenchProject.CONFIG_FILE);
		config.create(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true, null);
		return config;
	}
}
