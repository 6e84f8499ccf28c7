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
import io.labelbench.ui.editors.ConfigEditor;

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
		Path folder = dir.resolve("editing");
		LabelbenchProject.create(folder, "ana");
		IProject project = LabelbenchProjects.openOrCreate(folder, null);
		IFile config = project.getFile(LabelbenchProject.CONFIG_FILE);
		String good = "<View>\n  <Labels name=\"label\" toName=\"text\">\n    <Label value=\"DRUG\"/>\n  </Labels>\n"
				+ "  <Text name=\"text\" value=\"$text\"/>\n</View>\n";
		config.create(new ByteArrayInputStream(good.getBytes(StandardCharsets.UTF_8)), true, null);

		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		ITextEditor editor = assertInstanceOf(ConfigEditor.class, IDE.openEditor(page, config));
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
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
		io.labelbench.ui.editors.LabelPaletteView palette = (io.labelbench.ui.editors.LabelPaletteView) page
				.showView(io.labelbench.ui.editors.LabelPaletteView.ID);
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
		Path folder = dir.resolve("fixing");
		LabelbenchProject.create(folder, "ana");
		IProject project = LabelbenchProjects.openOrCreate(folder, null);
		IFile config = project.getFile(LabelbenchProject.CONFIG_FILE);
		String bad = "<View>\n  <Labels name=\"label\" toName=\"txt\">\n    <Label value=\"DRUG\"/>\n  </Labels>\n"
				+ "  <Text name=\"text\" value=\"$text\"/>\n  <HyperText name=\"html\" value=\"$html\"/>\n</View>\n";
		config.create(new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8)), true, null);
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
		ICompletionProposal[] proposals = new io.labelbench.ui.editors.ConfigAssist(
				() -> new io.labelbench.hub.ModelCache(dir.resolve("no-models"))).computeCompletionProposals(editor.viewer(), at);
		assertEquals(java.util.List.of("html", "text"),
				Arrays.stream(proposals).map(ICompletionProposal::getDisplayString).toList());
		editor.viewer().setSelectedRange(at, 0);
		editor.showContentAssist();
		UiTesting.screenshot(page.getWorkbenchWindow().getShell(), Path.of("target", "config-assist.png"));
		proposals[1].apply(document);
		int tag = document.get().indexOf("<Labels") + 3;
		assertTrue(io.labelbench.ui.editors.ConfigHover.docAt(document.get(), tag).startsWith("<Labels>: Named-entity"),
				"hover documents the tag");
		assertTrue(document.get().contains("toName=\"text\""), document.get());
		editor.close(false);
		project.delete(false, true, null);
	}
}
