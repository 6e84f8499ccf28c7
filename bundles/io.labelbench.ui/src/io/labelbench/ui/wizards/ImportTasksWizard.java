package io.labelbench.ui.wizards;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.core.resources.IProject;

import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IImportWizard;
import org.eclipse.ui.IWorkbench;

import io.labelbench.core.io.ImportOptions;
import io.labelbench.ui.Messages;
import io.labelbench.ui.config.VisualConfigCheck;
import io.labelbench.visual.VisualImporter;

/**
 * File > Import > Labelbench tasks: GAL / Label Studio JSON, JSON Lines, text files, CSV/TSV, PDFs and images,
 * folders of them, into a Labelbench project, as a background job.
 */
public final class ImportTasksWizard extends Wizard implements IImportWizard {

	private IStructuredSelection selection;
	private Page page;

	@Override
	public void init(IWorkbench workbench, IStructuredSelection currentSelection) {
		this.selection = currentSelection;
		setWindowTitle(Messages.ImportWizard_title);
		setNeedsProgressMonitor(false);
	}

	@Override
	public void addPages() {
		page = new Page();
		addPage(page);
	}

	/** Whether PDFs or images are among the sources, or in the folders among them. */
	static boolean hasDocuments(List<Path> sources) {
		for (Path source : sources) {
			if (Files.isDirectory(source)) {
				try (Stream<Path> files = Files.walk(source)) {
					if (files.anyMatch(VisualImporter::isDocument)) {
						return true;
					}
				} catch (IOException | UncheckedIOException e) {
					// the import job reports an unreadable folder
				}
			} else if (VisualImporter.isDocument(source)) {
				return true;
			}
		}
		return false;
	}

	/** For tests and callers: the page's widgets. */
	public Page page() {
		return page;
	}

	@Override
	public boolean performFinish() {
		IProject project = page.project.selected();
		if (hasDocuments(page.sources()) && VisualConfigCheck.lacksImageBoxes(project)
				&& !VisualConfigCheck.offerFix(getShell(), project,
						NLS.bind(Messages.VisualConfig_import, project.getName()), Messages.VisualConfig_importAnyway)) {
			return false;
		}
		new ImportTasksJob(page.project.selected(), page.sources(),
				ImportOptions.DEFAULT.withTextColumn(page.textColumn.getText().strip())
						.withRenumber(page.renumber.getSelection())).schedule();
		return true;
	}

	/** Sources (one path per line), text column, renumbering, target project. */
	public final class Page extends WizardPage {
		Text files;
		Text textColumn;
		Button renumber;
		ProjectCombo project;

		Page() {
			super("import");
			setTitle(Messages.ImportWizard_title);
			setDescription(Messages.ImportWizard_description);
		}

		@Override
		public void createControl(Composite parent) {
			Composite body = new Composite(parent, SWT.NONE);
			body.setLayout(new GridLayout(3, false));
			new Label(body, SWT.NONE).setText(Messages.ImportWizard_files);
			files = new Text(body, SWT.MULTI | SWT.BORDER | SWT.V_SCROLL);
			GridData filesData = new GridData(SWT.FILL, SWT.FILL, true, true);
			filesData.heightHint = 80;
			files.setLayoutData(filesData);
			Composite buttons = new Composite(body, SWT.NONE);
			buttons.setLayout(new GridLayout(1, true));
			Button addFiles = new Button(buttons, SWT.PUSH);
			addFiles.setText(Messages.ImportWizard_addFiles);
			addFiles.addListener(SWT.Selection, e -> addFiles());
			Button addFolder = new Button(buttons, SWT.PUSH);
			addFolder.setText(Messages.ImportWizard_addFolder);
			addFolder.addListener(SWT.Selection, e -> addFolder());
			new Label(body, SWT.NONE).setText(Messages.ImportWizard_textColumn);
			textColumn = new Text(body, SWT.BORDER);
			textColumn.setText("text");
			textColumn.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
			new Label(body, SWT.NONE);
			renumber = new Button(body, SWT.CHECK);
			renumber.setText(Messages.ImportWizard_renumber);
			renumber.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
			new Label(body, SWT.NONE).setText(Messages.Wizard_project);
			project = new ProjectCombo(body, selection);
			project.control().setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
			files.addModifyListener(e -> validate());
			textColumn.addModifyListener(e -> validate());
			project.control().addModifyListener(e -> validate());
			setControl(body);
			validate();
		}

		private void addFiles() {
			FileDialog dialog = new FileDialog(getShell(), SWT.OPEN | SWT.MULTI);
			dialog.setFilterExtensions(new String[] { "*.json;*.jsonl;*.txt;*.csv;*.tsv;*.pdf;*.png;*.jpg;*.jpeg;*.tif;*.tiff",
					"*.pdf;*.png;*.jpg;*.jpeg;*.tif;*.tiff", "*.json;*.jsonl;*.txt;*.csv;*.tsv", "*" });
			dialog.setFilterNames(new String[] { Messages.ImportWizard_filterAll, Messages.ImportWizard_filterDocuments,
					Messages.ImportWizard_filterTasks, Messages.ImportWizard_filterAny });
			if (dialog.open() != null) {
				for (String name : dialog.getFileNames()) {
					append(Path.of(dialog.getFilterPath(), name).toString());
				}
			}
		}

		private void addFolder() {
			String folder = new DirectoryDialog(getShell()).open();
			if (folder != null) {
				append(folder);
			}
		}

		private void append(String path) {
			files.setText(files.getText().isBlank() ? path : files.getText().stripTrailing() + "\n" + path);
		}

		/** For tests: fills the form as a user would. */
		public void fill(String paths, String column, int projectIndex) {
			files.setText(paths);
			textColumn.setText(column);
			project.control().select(projectIndex);
			validate();
		}

		List<Path> sources() {
			List<Path> sources = new ArrayList<>();
			for (String line : files.getText().split("\\R")) {
				if (!line.isBlank()) {
					sources.add(Path.of(line.strip()));
				}
			}
			return sources;
		}

		private void validate() {
			String error = null;
			if (project.selected() == null) {
				error = Messages.Wizard_noProject;
			} else if (sources().isEmpty()) {
				error = Messages.ImportWizard_noFiles;
			} else if (textColumn.getText().isBlank()) {
				error = Messages.ImportWizard_noColumn;
			} else {
				for (Path source : sources()) {
					if (!Files.exists(source)) {
						error = NLS.bind(Messages.ImportWizard_missing, source);
						break;
					}
				}
			}
			setErrorMessage(error);
			setPageComplete(error == null);
		}
	}
}
