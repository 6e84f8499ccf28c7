package io.labelbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.navigator.CommonNavigator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.rules.PromptFiles;
import io.labelbench.rules.PromptLibrary;
import io.labelbench.rules.engine.Prompt;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.servers.LlmSettings;
import io.labelbench.ui.servers.ServersView;
import io.labelbench.ui.prompts.internal.PlaygroundView;
import io.labelbench.ui.prompts.internal.PromptLibraryView;
import io.labelbench.ui.prompts.internal.PromptsEditor;

/**
 * Prompts in the workbench: a prompt made in the form editor, tried in the playground on an OpenAI-compatible test
 * server on 127.0.0.1 (the key from secure storage), evaluated against the project's completions; the key is in no
 * file of the project or the workspace preferences.
 */
class PromptsWorkbenchTest {

	private static final String KEY = "sk-ui-test-5e4d3c2b1a0918273645";
	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	Path dir;

	private HttpServer llm;
	private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());

	/** Answers like a chat model asked for entities: the drugs of a fixed list that the text has. */
	@BeforeEach
	void startLlm() throws Exception {
		llm = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		llm.createContext("/v1/chat/completions", exchange -> {
			authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
			JsonNode request = JSON.readTree(exchange.getRequestBody());
			String user = request.path("messages").path(1).path("content").asText();
			String text = user.substring(user.lastIndexOf("<<<"));
			StringBuilder entities = new StringBuilder();
			for (String drug : List.of("aspirin", "heparin", "warfarin")) {
				if (text.contains(drug)) {
					entities.append(entities.length() == 0 ? "" : ",").append("{\"label\":\"DRUG\",\"text\":\"")
							.append(drug).append("\"}");
				}
			}
			String content = "{\"entities\":[" + entities + "]}";
			byte[] body = JSON.writeValueAsBytes(JSON.createObjectNode().put("object", "chat.completion")
					.<com.fasterxml.jackson.databind.node.ObjectNode>set("choices", JSON.createArrayNode().add(JSON
							.createObjectNode().set("message", JSON.createObjectNode().put("role", "assistant")
									.put("content", content))))
					.set("usage", JSON.createObjectNode().put("prompt_tokens", 90).put("completion_tokens", 12)));
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		llm.start();
		LlmSettings.save("http://127.0.0.1:" + llm.getAddress().getPort() + "/v1", "test-model", KEY);
	}

	@AfterEach
	void stopLlm() throws Exception {
		llm.stop(0);
		LlmSettings.save("", "", "");
	}

	@Test
	void createAPromptTryItInThePlaygroundAndEvaluateIt() throws Exception {
		Path folder = dir.resolve("prompted");
		LabelbenchProject.create(folder, LabelbenchProject.currentUser());
		Files.writeString(folder.resolve(LabelbenchProject.CONFIG_FILE), """
				<View>
				  <Labels name="label" toName="text"><Label value="DRUG" prompt="drug"/></Labels>
				  <Text name="text" value="$text"/>
				</View>
				""");
		Files.createDirectories(folder.resolve("tasks"));
		task(folder, 1, "aspirin 81 mg daily", 0, 7, "aspirin");
		task(folder, 2, "metoprolol and heparin", 0, 10, "metoprolol");
		IProject project = LabelbenchProjects.openOrCreate(folder, null);
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();

		// create the prompt in the form editor
		CommonNavigator explorer = (CommonNavigator) page.showView(IPageLayout.ID_PROJECT_EXPLORER);
		explorer.selectReveal(new StructuredSelection(project));
		PlatformUI.getWorkbench().getService(IHandlerService.class)
				.executeCommand("io.labelbench.ui.prompts.editPrompts", null);
		IEditorPart active = page.getActiveEditor();
		assertTrue(active instanceof PromptsEditor, "active editor: " + active);
		PromptsEditor editor = (PromptsEditor) active;
		try {
			editor.addForTest();
			assertTrue(editor.problemLabel().getText().contains("'description' is missing"),
					editor.problemLabel().getText());
			editor.fields().get(0).setText("drug");
			editor.fields().get(1).setText("DRUG");
			editor.choose(Prompt.Kind.ENTITY, Prompt.Engine.LLM);
			editor.fields().get(2).setText("a medication the patient takes");
			editor.fields().get(3).setText("ibuprofen\nwarfarin");
			assertEquals("", editor.problemLabel().getText());
			UiTesting.screenshot(page.getWorkbenchWindow().getShell(), Path.of("target", "prompts-editor.png"));
			editor.doSave(new NullProgressMonitor());
			assertFalse(editor.isDirty());
		} finally {
			page.closeEditor(editor, false);
		}
		List<Prompt> saved = PromptFiles.read(folder.resolve("prompts/prompts.json"));
		assertEquals(List.of(new Prompt("drug", Prompt.Kind.ENTITY, "DRUG", Prompt.Engine.LLM,
				"a medication the patient takes", List.of("ibuprofen", "warfarin"), List.of(), null, null,
				Prompt.DEFAULT_THRESHOLD)), saved);

		// try it in the playground
		PlaygroundView playground = (PlaygroundView) page.showView(PlaygroundView.ID);
		page.setPartState(page.findViewReference(PlaygroundView.ID), IWorkbenchPage.STATE_MAXIMIZED);
		playground.useLibrary(new PromptLibrary(Files.createDirectories(dir.resolve("library"))));
		playground.refreshProjects();
		playground.projectChoice().select(List.of(playground.projectChoice().getItems()).indexOf("prompted"));
		playground.projectChoice().notifyListeners(org.eclipse.swt.SWT.Selection, null);
		assertEquals(1, playground.promptTable().getItemCount());
		playground.promptTable().getItem(0).setChecked(true);
		playground.inputField().setText("Took aspirin, then heparin; no warfarin.");
		playground.run();
		UiTesting.waitForJobs(PlaygroundView.FAMILY, 30_000);
		String found = playground.foundText();
		assertTrue(found.contains("DRUG  \"aspirin\"  5-12"), found);
		assertTrue(found.contains("DRUG  \"heparin\"  19-26"), found);
		assertTrue(found.contains("DRUG  \"warfarin\"  31-39"), found);
		assertEquals(3, ((StyledText) playground.highlighted()).getStyleRanges().length, "three spans highlighted");
		assertEquals("Bearer " + KEY, authorizations.get(0), "the key comes from secure storage");
		UiTesting.screenshot(page.getWorkbenchWindow().getShell(), Path.of("target", "prompts-playground.png"));

		// pick a task: its text comes in
		playground.taskChoice().select(List.of(playground.taskChoice().getItems()).indexOf("2"));
		playground.taskChoice().notifyListeners(org.eclipse.swt.SWT.Selection, null);
		assertEquals("metoprolol and heparin", playground.inputField().getText());

		// evaluate against the completions: aspirin right, heparin wrong, metoprolol missed
		playground.evaluate();
		UiTesting.waitForJobs(PlaygroundView.FAMILY, 30_000);
		TableItem drug = playground.scoresTable().getItem(0);
		assertEquals(List.of("DRUG", "0.50", "0.50", "0.50", "2"), List.of(drug.getText(0), drug.getText(1),
				drug.getText(2), drug.getText(3), drug.getText(4)));
		assertTrue(playground.statusLabel().getText().contains("2 tasks"), playground.statusLabel().getText());
		UiTesting.screenshot(page.getWorkbenchWindow().getShell(), Path.of("target", "prompts-evaluation.png"));

		// tune the description and save it into the prompt file
		playground.promptTable().select(0);
		playground.promptTable().notifyListeners(org.eclipse.swt.SWT.Selection, null);
		playground.descriptionField().setText("a drug name");
		org.eclipse.swt.widgets.Button save = findSave(playground);
		save.notifyListeners(org.eclipse.swt.SWT.Selection, null);
		assertEquals("a drug name", PromptFiles.read(folder.resolve("prompts/prompts.json")).get(0).description());
		page.setPartState(page.findViewReference(PlaygroundView.ID), IWorkbenchPage.STATE_RESTORED);
		page.hideView(playground);

		// the key is in no file of the project or of the workspace preferences
		Path workspace = ResourcesPlugin.getWorkspace().getRoot().getLocation().toFile().toPath();
		assertNoFileContainsKey(folder);
		assertNoFileContainsKey(workspace.resolve(".metadata/.plugins/org.eclipse.core.runtime/.settings"));
	}

	@Test
	void aBuiltInPromptRunsOnThePlaygroundServer() throws Exception {
		System.setProperty("labelbench.servers", dir.resolve("servers").toString());
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		Path library = Files.createDirectories(dir.resolve("builtin-library"));
		PromptFiles.write(library.resolve("problems.json"), List.of(new Prompt("problem", Prompt.Kind.ENTITY,
				"PROBLEM", Prompt.Engine.BUILTIN, "a disease, symptom or finding",
				List.of("chest pain", "diabetes", "headache"), List.of("pain clinic"), null, null, 0.4)));
		PlaygroundView playground = (PlaygroundView) page.showView(PlaygroundView.ID);
		try {
			page.setPartState(page.findViewReference(PlaygroundView.ID), IWorkbenchPage.STATE_MAXIMIZED);
			playground.useLibrary(new PromptLibrary(library));
			playground.promptTable().getItem(playground.promptTable().getItemCount() - 1).setChecked(true);
			String text = "Atrial fibrillation on warfarin; severe headache since Monday.";
			playground.inputField().setText(text);
			playground.run(); // deploys the playground server
			UiTesting.waitForJobs(PlaygroundView.FAMILY, 180_000);
			assertTrue(playground.foundText().contains("PROBLEM  \"headache\"  " + text.indexOf("headache") + "-"
					+ (text.indexOf("headache") + 8)), playground.foundText());
			playground.run(); // warm: the same server
			UiTesting.waitForJobs(PlaygroundView.FAMILY, 60_000);
			System.out.println("playground, built-in prompt, warm run: " + playground.statusLabel().getText());
			assertEquals(1, io.labelbench.preannotate.server.ServerRegistry.defaultRegistry().list().size(),
					"one playground server, kept while the prompts stay the same");
			// the Servers view lists the prompts the server runs, from its /info
			Table servers = ((ServersView) page.showView(ServersView.ID)).table();
			UiTesting.waitUntil("the playground server with its prompt in the Servers view",
					() -> servers.getItemCount() == 1 && servers.getItem(0).getText(4).equals("idle"), 30_000);
			assertEquals("prompt:problem", servers.getItem(0).getText(2), "the Models column");
			UiTesting.screenshot(page.getWorkbenchWindow().getShell(), Path.of("target", "servers-prompts.png"));
			page.activate(playground);
			UiTesting.screenshot(page.getWorkbenchWindow().getShell(), Path.of("target", "prompts-builtin.png"));
		} finally {
			page.setPartState(page.findViewReference(PlaygroundView.ID), IWorkbenchPage.STATE_RESTORED);
			page.hideView(playground); // stops its server
			var registry = io.labelbench.preannotate.server.ServerRegistry.defaultRegistry();
			assertEquals(List.of(), registry.list().stream()
					.filter(s -> registry.status(s).state() != io.labelbench.preannotate.server.ServerStatus.State.FAILED)
					.toList(), "the playground server stops with the view");
			for (var server : registry.list()) {
				registry.stop(server, java.time.Duration.ofSeconds(10));
			}
			System.clearProperty("labelbench.servers");
		}
	}

	@Test
	void theLlmPageKeepsTheKeyInSecureStorageOnly() throws Exception {
		String key = "sk-page-test-0a1b2c3d4e5f6a7b8c9d";
		var shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
		var dialog = org.eclipse.ui.dialogs.PreferencesUtil.createPreferenceDialogOn(shell,
				"io.labelbench.ui.prompts.llmPreferences", null, null);
		dialog.setBlockOnOpen(false);
		dialog.open();
		try {
			var page = (io.labelbench.ui.prompts.internal.LlmPreferencePage) dialog.getSelectedPage();
			page.fields()[0].setText("not a url");
			assertFalse(page.isValid(), "a base URL that is not http(s) is refused");
			page.fields()[0].setText("http://localhost:11434/v1");
			page.fields()[1].setText("llama3.1");
			page.fields()[2].setText(key);
			assertTrue(page.isValid());
			UiTesting.screenshot(dialog.getShell(), Path.of("target", "prompts-llm-preferences.png"));
			assertTrue(page.performOk());
		} finally {
			dialog.close();
		}
		assertEquals(key, LlmSettings.apiKey());
		assertEquals("http://localhost:11434/v1", LlmSettings.baseUrl());
		assertEquals(new io.labelbench.protocol.ServerSpec.LlmEndpoint("http://localhost:11434/v1", "llama3.1"),
				LlmSettings.specEndpoint(), "a deployed server is told the endpoint");
		assertEquals(java.util.Map.of("LABELBENCH_LLM_API_KEY", key), LlmSettings.serverEnvironment(),
				"and gets the key in its environment");
		Path workspace = ResourcesPlugin.getWorkspace().getRoot().getLocation().toFile().toPath();
		assertNoFileContainsKey(workspace.resolve(".metadata/.plugins/org.eclipse.core.runtime/.settings"), key);
	}

	@Test
	void theLibraryViewListsItsPrompts() throws Exception {
		Path library = Files.createDirectories(dir.resolve("shared-prompts"));
		PromptFiles.write(library.resolve("problems.json"), List.of(new Prompt("problem", Prompt.Kind.ENTITY,
				"PROBLEM", Prompt.Engine.BUILTIN, "a disease or symptom", List.of("chest pain"), List.of(), null, null,
				0.5)));
		Files.writeString(library.resolve("broken.json"), "{\"name\": \"x\"");
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		PromptLibraryView view = (PromptLibraryView) page.showView(PromptLibraryView.ID);
		page.setPartState(page.findViewReference(PromptLibraryView.ID), IWorkbenchPage.STATE_MAXIMIZED);
		try {
			view.useLibrary(new PromptLibrary(library));
			assertEquals(1, view.promptsTable().getItemCount());
			assertEquals("problem", view.promptsTable().getItem(0).getText(0));
			assertTrue(view.statusLabel().getText().contains("broken.json"), view.statusLabel().getText());
			UiTesting.screenshot(page.getWorkbenchWindow().getShell(), Path.of("target", "prompts-library.png"));
		} finally {
			page.setPartState(page.findViewReference(PromptLibraryView.ID), IWorkbenchPage.STATE_RESTORED);
			page.hideView(view);
		}
	}

	private static org.eclipse.swt.widgets.Button findSave(PlaygroundView playground) {
		org.eclipse.swt.widgets.Composite parent = playground.descriptionField().getParent();
		for (org.eclipse.swt.widgets.Control c : parent.getChildren()) {
			if (c instanceof org.eclipse.swt.widgets.Button b && b.getText().equals("Save Prompt")) {
				assertTrue(b.isEnabled(), "a tuned prompt can be saved");
				return b;
			}
		}
		throw new AssertionError("no Save Prompt button");
	}

	private static void assertNoFileContainsKey(Path folder) throws IOException {
		assertNoFileContainsKey(folder, KEY);
	}

	private static void assertNoFileContainsKey(Path folder, String key) throws IOException {
		if (!Files.isDirectory(folder)) {
			return;
		}
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
				assertFalse(text.contains(key), "the API key is written in " + file);
			}
		}
	}

	private static void task(Path project, int id, String text, int start, int end, String span) throws IOException {
		Files.writeString(project.resolve("tasks/" + id + ".json"), "{\"id\": " + id + ", \"data\": {\"text\": \""
				+ text + "\"}, \"completions\": [{\"id\": " + id + ", \"created_username\": \"ana\", "
				+ "\"submitted_at\": \"2026-12-01T10:00:00Z\", \"result\": [{\"id\": \"r" + id + "\", "
				+ "\"from_name\": \"label\", \"to_name\": \"text\", \"type\": \"labels\", \"value\": {\"start\": "
				+ start + ", \"end\": " + end + ", \"text\": \"" + span + "\", \"labels\": [\"DRUG\"]}}]}]}");
	}
}
