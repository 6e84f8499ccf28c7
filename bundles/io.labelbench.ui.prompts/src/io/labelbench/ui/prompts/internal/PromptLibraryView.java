package io.labelbench.ui.prompts.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.eclipse.core.filesystem.EFS;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.FileStoreEditorInput;
import org.eclipse.ui.part.ViewPart;

import io.labelbench.core.io.Progress;
import io.labelbench.rules.PromptFiles;
import io.labelbench.rules.PromptLibrary;
import io.labelbench.rules.engine.Prompt;
import io.labelbench.rules.engine.RuleException;

/**
 * The workspace prompt library ({@code $LABELBENCH_HOME/prompts}): its prompts with the file each is in; new prompt
 * files, editing in the {@link PromptsEditor}, deleting a prompt, zip import and export. A file that cannot be read
 * is named below the table; the others are still listed.
 */
public final class PromptLibraryView extends ViewPart {
	public static final String ID = "io.labelbench.ui.prompts.libraryView";

	private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

	private final List<PromptEntry> entries = new ArrayList<>();
	private PromptLibrary library = PromptLibrary.defaultLibrary();
	private Table table;
	private Label status;

	@Override
	public void createPartControl(Composite parent) {
		parent.setLayout(new GridLayout(1, false));
		Composite buttons = new Composite(parent, SWT.NONE);
		buttons.setLayout(new GridLayout(6, false));
		button(buttons, Messages.Library_new, this::newFile);
		button(buttons, Messages.Library_edit, this::editSelected);
		button(buttons, Messages.Library_delete, this::deleteSelected);
		button(buttons, Messages.Library_import, this::importZip);
		button(buttons, Messages.Library_export, this::exportZip);
		button(buttons, Messages.Library_refresh, this::refresh);
		table = new Table(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
		table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		table.setHeaderVisible(true);
		String[] titles = { Messages.Prompt_name, Messages.Prompt_label, Messages.Prompt_kind, Messages.Prompt_engine,
				Messages.Prompt_description, Messages.Library_file };
		int[] widths = { 110, 90, 90, 70, 260, 120 };
		for (int i = 0; i < titles.length; i++) {
			TableColumn column = new TableColumn(table, SWT.LEFT);
			column.setText(titles[i]);
			column.setWidth(widths[i]);
		}
		table.addListener(SWT.DefaultSelection, e -> editSelected());
		status = new Label(parent, SWT.WRAP);
		status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		refresh();
	}

	private static void button(Composite parent, String text, Runnable action) {
		Button b = new Button(parent, SWT.PUSH);
		b.setText(text);
		b.addListener(SWT.Selection, e -> action.run());
	}

	/** Reads the library again. */
	public void refresh() {
		entries.clear();
		List<String> problems = new ArrayList<>();
		entries.addAll(PromptEntry.read(library.folder(), true, problems));
		table.removeAll();
		for (PromptEntry e : entries) {
			Prompt p = e.prompt();
			new TableItem(table, SWT.NONE).setText(new String[] { p.name(), p.label(), PromptsEditor.kindName(p.kind()),
					PromptsEditor.engineName(p.engine()), p.description(), e.file().getFileName().toString() });
		}
		status.setText(problems.isEmpty() ? Messages.format(Messages.Library_status, entries.size(), library.folder())
				: String.join("\n", problems));
		status.getParent().layout();
	}

	private void newFile() {
		InputDialog dialog = new InputDialog(getSite().getShell(), Messages.Library_new, Messages.Library_newPrompt,
				"", text -> FILE_NAME.matcher(text).matches() ? null : Messages.Library_badName);
		if (dialog.open() != Window.OK) {
			return;
		}
		String name = dialog.getValue().replaceAll("\\.json$", "");
		Path file = library.folder().resolve(name + ".json");
		try {
			if (Files.exists(file)) {
				MessageDialog.openError(getSite().getShell(), Messages.Library_new,
						Messages.format(Messages.Library_exists, file.getFileName()));
				return;
			}
			Files.createDirectories(library.folder());
			PromptFiles.write(file, List.of(new Prompt(name, Prompt.Kind.ENTITY, name.toUpperCase(java.util.Locale.ROOT),
					Prompt.Engine.BUILTIN, Messages.Library_newDescription, List.of(), List.of(), null, null,
					Prompt.DEFAULT_THRESHOLD)));
		} catch (IOException e) {
			MessageDialog.openError(getSite().getShell(), Messages.Library_new, e.getMessage());
			return;
		}
		refresh();
		open(file);
	}

	private PromptEntry selected() {
		int i = table.getSelectionIndex();
		return i < 0 ? null : entries.get(i);
	}

	private void editSelected() {
		PromptEntry e = selected();
		if (e != null) {
			open(e.file());
		}
	}

	private void open(Path file) {
		try {
			getSite().getPage().openEditor(new FileStoreEditorInput(EFS.getLocalFileSystem().fromLocalFile(file.toFile())),
					PromptsEditor.ID);
		} catch (PartInitException e) {
			MessageDialog.openError(getSite().getShell(), Messages.Library_edit, e.getMessage());
		}
	}

	/** Deletes the selected prompt: from its file, or the file when it was the file's only prompt. */
	private void deleteSelected() {
		PromptEntry e = selected();
		if (e == null || !MessageDialog.openConfirm(getSite().getShell(), Messages.Library_delete,
				Messages.format(Messages.Library_confirmDelete, e.prompt().name(), e.file().getFileName()))) {
			return;
		}
		try {
			List<Prompt> rest = new ArrayList<>(PromptFiles.read(e.file()));
			rest.removeIf(p -> p.name().equals(e.prompt().name()));
			if (rest.isEmpty()) {
				Files.delete(e.file());
			} else {
				PromptFiles.write(e.file(), rest);
			}
		} catch (IOException | RuleException ex) {
			MessageDialog.openError(getSite().getShell(), Messages.Library_delete, ex.getMessage());
		}
		refresh();
	}

	private void importZip() {
		FileDialog dialog = new FileDialog(getSite().getShell(), SWT.OPEN);
		dialog.setFilterExtensions(new String[] { "*.zip" });
		String chosen = dialog.open();
		if (chosen != null) {
			try {
				List<String> names = library.importZip(Path.of(chosen), Progress.NONE);
				status.setText(Messages.format(Messages.Library_imported, names.size(), String.join(", ", names)));
			} catch (IOException | RuleException e) {
				MessageDialog.openError(getSite().getShell(), Messages.Library_import, e.getMessage());
			}
			refresh();
		}
	}

	private void exportZip() {
		FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
		dialog.setFilterExtensions(new String[] { "*.zip" });
		dialog.setFileName("prompts.zip");
		dialog.setOverwrite(true);
		String chosen = dialog.open();
		if (chosen != null) {
			try {
				library.exportZip(Path.of(chosen));
				status.setText(Messages.format(Messages.Library_exported, entries.size(), chosen));
			} catch (IOException e) {
				MessageDialog.openError(getSite().getShell(), Messages.Library_export, e.getMessage());
			}
		}
	}

	@Override
	public void setFocus() {
		table.setFocus();
	}

	/** For tests: another library folder, the table and the status line. */
	public void useLibrary(PromptLibrary other) {
		library = other;
		refresh();
	}

	public Table promptsTable() {
		return table;
	}

	public Label statusLabel() {
		return status;
	}
}
