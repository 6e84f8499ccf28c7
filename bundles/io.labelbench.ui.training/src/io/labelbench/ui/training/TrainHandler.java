package io.labelbench.ui.training;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.handlers.HandlerUtil;

import io.labelbench.config.LabelingConfig;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.core.store.Permission;
import io.labelbench.hub.InstalledModel;
import io.labelbench.project.training.TrainingPreflight;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.ModelCachePreference;
import io.labelbench.ui.servers.ServerCommands;

/** Train Model (explorer, Pre-annotation menu): the {@link TrainDialog}, then a {@link TrainingJob}. */
public final class TrainHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		Shell shell = HandlerUtil.getActiveShell(event);
		IWorkbenchPage page = HandlerUtil.getActiveWorkbenchWindow(event).getActivePage();
		IProject project = ServerCommands.projectFor(HandlerUtil.getCurrentSelection(event), page);
		if (project == null) {
			MessageDialog.openInformation(shell, Messages.Train_title, Messages.Train_noProject);
			return null;
		}
		// the trainer reads what is on disk
		page.saveAllEditors(false);
		open(shell, project);
		return null;
	}

	/** The whole flow; public for the UI tests, which drive the dialog it opens. Returns the job, or null. */
	public static TrainingJob open(Shell shell, IProject project) {
		LabelbenchProject lb = LabelbenchProjects.of(project);
		LabelingConfig config;
		List<String> embeddings;
		try {
			if (!lb.may(Permission.TRAIN)) {
				MessageDialog.openInformation(shell, Messages.Train_title,
						NLS.bind(Messages.TrainingJob_notPermitted, project.getName()));
				return null;
			}
			if (!Files.isRegularFile(lb.configFile())) {
				MessageDialog.openInformation(shell, Messages.Train_title,
						NLS.bind(Messages.TrainingJob_noConfig, project.getName()));
				return null;
			}
			config = LabelingConfig.read(lb.configFile());
			embeddings = embeddings();
		} catch (IOException e) {
			MessageDialog.openError(shell, Messages.Train_title,
					NLS.bind(Messages.TrainingJob_failed, project.getName(), e.getMessage()));
			return null;
		}
		TrainDialog dialog = new TrainDialog(shell, project.getName(), embeddings,
				(type, split) -> TrainingPreflight.check(lb, config, type, split));
		if (dialog.open() != Window.OK) {
			return null;
		}
		return TrainingJobs.schedule(project, dialog.request(), true);
	}

	/** The downloaded embeddings by name, in the cache's order: the trainer's default, the newest, last. */
	static List<String> embeddings() throws IOException {
		List<String> names = new ArrayList<>();
		for (InstalledModel model : ModelCachePreference.cache().installed()) {
			if ("embeddings".equals(model.entry().task())) {
				names.remove(model.name());
				names.add(model.name());
			}
		}
		return names;
	}
}
