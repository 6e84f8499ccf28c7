package io.labelbench.ui.training;

import java.util.List;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;

import io.labelbench.config.ConfigEncoding;
import io.labelbench.config.ModelDeployment;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.preannotate.server.ServerRecord;
import io.labelbench.project.training.ProjectTrainer;
import io.labelbench.project.training.TrainingType;
import io.labelbench.ui.hub.ConfigEditOperation;
import io.labelbench.ui.servers.ServerCommands;
import io.labelbench.ui.servers.Servers;

/**
 * Deploy after training: the new model's name into the config's {@code model} attributes ({@link ModelDeployment})
 * as one undoable edit, in the open config editor's document or in the file; then the project's running servers
 * are redeployed, or shown stale in the Servers view until they are.
 */
final class TrainedModelDeployment {

	private TrainedModelDeployment() {
	}

	/** From any thread; the edit itself runs on the UI thread. Returns what was done, for the user. */
	static String deploy(IProject project, ProjectTrainer.Result result, TrainingType type, boolean redeploy) {
		if (!PlatformUI.isWorkbenchRunning()) {
			return Messages.Deploy_noWorkbench;
		}
		Display display = PlatformUI.getWorkbench().getDisplay();
		String[] outcome = { "" };
		display.syncExec(() -> outcome[0] = apply(project, result, type, redeploy));
		return outcome[0];
	}

	private static String apply(IProject project, ProjectTrainer.Result result, TrainingType type, boolean redeploy) {
		String model = result.model().name();
		IFile config = project.getFile(LabelbenchProject.CONFIG_FILE);
		if (ConfigEditOperation.isDirtyInEditor(config)) {
			return NLS.bind(Messages.Deploy_dirty, config.getFullPath(), model);
		}
		ModelDeployment.Plan plan;
		try {
			String text = ConfigEncoding.decode(config.readAllBytes()).text();
			plan = ModelDeployment.plan(text, ModelDeployment.Kind.of(type.id()), result.data().fromName(), model,
					result.data().labels());
		} catch (CoreException | IllegalArgumentException e) {
			return NLS.bind(Messages.Deploy_failed, model, e.getMessage());
		}
		StringBuilder done = new StringBuilder();
		if (!plan.changes()) {
			done.append(NLS.bind(Messages.Deploy_already, model, String.join(", ", plan.unchanged())));
		} else {
			ConfigEditOperation operation = new ConfigEditOperation(NLS.bind(Messages.Deploy_operation, model), config,
					plan.edit());
			operation.addContext(PlatformUI.getWorkbench().getOperationSupport().getUndoContext());
			try {
				IStatus status = PlatformUI.getWorkbench().getOperationSupport().getOperationHistory()
						.execute(operation, null, null);
				if (!status.isOK()) {
					return NLS.bind(Messages.Deploy_failed, model, status.getMessage());
				}
			} catch (ExecutionException e) {
				return NLS.bind(Messages.Deploy_failed, model, e.getMessage());
			}
			done.append(NLS.bind(Messages.Deploy_done, model, String.join(", ", plan.deployed())));
		}
		if (!plan.missing().isEmpty()) {
			done.append(' ').append(NLS.bind(Messages.Deploy_missing, String.join(", ", plan.missing())));
		}
		List<ServerRecord> servers = Servers.registry().list().stream()
				.filter(server -> !server.remote() && Servers.belongsTo(server, project)).toList();
		if (servers.isEmpty() || !plan.changes()) {
			ServerCommands.refreshServersView();
		} else if (redeploy) {
			ServerCommands.redeploy(project, servers,
					PlatformUI.getWorkbench().getActiveWorkbenchWindow() == null ? null
							: PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell());
			done.append(' ').append(Messages.format(Messages.Deploy_redeploying, servers.size()));
		} else {
			ServerCommands.refreshServersView();
			done.append(' ').append(Messages.format(Messages.Deploy_stale, servers.size()));
		}
		return done.toString();
	}
}
