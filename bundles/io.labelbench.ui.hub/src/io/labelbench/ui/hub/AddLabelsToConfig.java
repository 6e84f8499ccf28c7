package io.labelbench.ui.hub;

import java.util.List;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.operations.IOperationHistory;
import org.eclipse.core.commands.operations.IUndoableOperation;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;

import io.labelbench.config.ConfigEncoding;
import io.labelbench.config.ModelInfo;
import io.labelbench.config.PredefinedLabels;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.hub.InstalledModel;
import io.labelbench.hub.ModelsHub;
import io.labelbench.ui.LabelbenchProjects;

/** Adds labels of a model to a project's labeling config as one undoable operation. */
public final class AddLabelsToConfig {

	private static final String BUNDLE = "io.labelbench.ui.hub";

	private AddLabelsToConfig() {
	}

	/**
	 * @return OK with a message saying what changed (labels added, model attributes set, labels already there),
	 *         or an error status with a message for the user (nothing changed then)
	 */
	public static IStatus apply(IProject project, String controlName, String model, List<String> labels) {
		return apply(project, controlName, model, "ner", labels, List.of());
	}

	/**
	 * As {@link #apply(IProject, String, String, List)} for a model of any task: an assertion model's statuses go in
	 * with {@code assertion="true"} beside the NER labels they qualify, a relation model's labels into
	 * {@code <Relations>}, each with the model's {@code entityLabels} the config lacks; {@code controlName} only
	 * names the control for the other tasks.
	 */
	public static IStatus apply(IProject project, String controlName, String model, String task, List<String> labels,
			List<String> entityLabels) {
		IFile config = project.getFile(LabelbenchProject.CONFIG_FILE);
		if (!config.exists()) {
			return Status.error(NLS.bind(Messages.AddLabels_noConfig, project.getName()));
		}
		if (labels.isEmpty()) {
			return Status.error(Messages.AddLabels_noneTicked);
		}
		if (ConfigEditOperation.isDirtyInEditor(config)) {
			return Status.error(NLS.bind(Messages.AddLabels_dirty, config.getFullPath()));
		}
		try {
			String text = ConfigEncoding.decode(config.readAllBytes()).text();
			PredefinedLabels.Merge merge = switch (task == null ? "" : task) {
			case ModelInfo.ASSERTION -> PredefinedLabels.planAssertions(text, model, labels, entityLabels);
			case ModelInfo.RELATION -> PredefinedLabels.planRelations(text, model, labels, entityLabels);
			default -> PredefinedLabels.plan(text, controlName, model, labels);
			};
			if (!merge.changes()) {
				return new Status(IStatus.OK, BUNDLE, NLS.bind(Messages.AddLabels_nothingToDo, config.getFullPath(), model));
			}
			// its own operation in the workbench's undo context, never merged into the editor's typing undo
			IUndoableOperation operation = new ConfigEditOperation(NLS.bind(Messages.AddLabels_operation, model), config,
					merge.edit());
			operation.addContext(PlatformUI.getWorkbench().getOperationSupport().getUndoContext());
			IOperationHistory history = PlatformUI.getWorkbench().getOperationSupport().getOperationHistory();
			IStatus done = history.execute(operation, null, null);
			return done.isOK() ? new Status(IStatus.OK, BUNDLE, summary(merge, model)) : done;
		} catch (IllegalArgumentException e) {
			return Status.error(e.getMessage());
		} catch (CoreException | ExecutionException e) {
			return Status.error(e.getMessage(), e);
		}
	}

	/** Asks which labels and project, then adds them to the project's config as one undoable edit. */
	static void ask(Shell shell, ModelsHub.Offer offer, List<InstalledModel> installed) {
		List<IProject> projects = LabelbenchProjects.all();
		List<String> labels = labelsOf(offer, installed);
		String task = offer.entry().task();
		boolean qualifiesEntities = task.equals("assertion") || task.equals("relation");
		AddLabelsDialog dialog = new AddLabelsDialog(shell, offer.entry().name(), labels, projects, 0,
				qualifiesEntities);
		if (dialog.open() != Window.OK) {
			return;
		}
		IStatus result = AddLabelsToConfig.apply(dialog.project(), dialog.controlName(), offer.entry().name(), task,
				dialog.chosenLabels(), entityLabelsOf(offer, installed));
		if (!result.isOK()) {
			ErrorDialog.openError(shell, Messages.AddLabels_failed, null, result);
		} else {
			MessageDialog.openInformation(shell,
					NLS.bind(Messages.AddLabels_done, offer.entry().name()), result.getMessage());
		}
	}

	/** The labels read from the downloaded model itself, else those the catalog lists. */
	private static List<String> labelsOf(ModelsHub.Offer offer, List<InstalledModel> installed) {
		for (InstalledModel model : installed) {
			if (model.entry().key().equals(offer.entry().key()) && !model.metadata().labels().isEmpty()) {
				return model.metadata().labels();
			}
		}
		return offer.entry().labels();
	}

	/** The NER labels an assertion or relation model works on: from the downloaded model, else the catalog. */
	private static List<String> entityLabelsOf(ModelsHub.Offer offer, List<InstalledModel> installed) {
		for (InstalledModel model : installed) {
			if (model.entry().key().equals(offer.entry().key()) && !model.metadata().entityLabels().isEmpty()) {
				return model.metadata().entityLabels();
			}
		}
		return offer.entry().entityLabels();
	}

	/** What the merge changed, one sentence per kind of change, for the user. */
	static String summary(PredefinedLabels.Merge merge, String model) {
		StringBuilder out = new StringBuilder();
		if (!merge.added().isEmpty()) {
			out.append(NLS.bind(Messages.AddLabels_added, String.join(", ", merge.added()), model));
		}
		if (!merge.modelSet().isEmpty()) {
			out.append(out.length() == 0 ? "" : "\n").append(NLS.bind(Messages.AddLabels_modelSet, String.join(", ", merge.modelSet()), model));
		}
		if (!merge.entityLabelsAdded().isEmpty()) {
			out.append(out.length() == 0 ? "" : "\n").append(NLS.bind(Messages.AddLabels_entitiesAdded,
					String.join(", ", merge.entityLabelsAdded()), model));
		}
		if (!merge.unchanged().isEmpty()) {
			out.append(out.length() == 0 ? "" : "\n").append(NLS.bind(Messages.AddLabels_unchanged, String.join(", ", merge.unchanged()), model));
		}
		return out.toString();
	}
}
