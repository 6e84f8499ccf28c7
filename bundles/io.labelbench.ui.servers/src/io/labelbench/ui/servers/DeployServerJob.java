package io.labelbench.ui.servers;

import java.io.IOException;
import java.util.Map;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;

import io.labelbench.core.store.Permission;
import io.labelbench.preannotate.cluster.ClusterDrivers;
import io.labelbench.preannotate.server.BudgetExceededException;
import io.labelbench.preannotate.server.PipelineSpec;
import io.labelbench.preannotate.server.ServerException;
import io.labelbench.preannotate.server.ServerRecord;
import io.labelbench.preannotate.server.ServerRegistry;
import io.labelbench.ui.LabelbenchJobs;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.MonitorProgress;

/**
 * Deploys a pre-annotation server for a project's current config and waits until it is healthy. The config is
 * validated first: its errors, too many models or models not downloaded fail the job with the messages; a start-up
 * failure carries the end of the server's log.
 */
public final class DeployServerJob extends Job {
	static final String PLUGIN = "io.labelbench.ui.servers";
	/** Status code of a deploy refused by the servers budget. */
	public static final int BUDGET_EXCEEDED = 2;

	private final IProject project;
	/** The Spark master the server drives an application on, or null for a server of its own. */
	private final String master;
	private volatile ServerRecord deployed;

	public DeployServerJob(IProject project) {
		this(project, null);
	}

	/** With a master URL: the server as the driver of a Spark application on that standalone cluster. */
	public DeployServerJob(IProject project, String master) {
		super(NLS.bind(master == null ? Messages.DeployServerJob_name : Messages.DeployServerJob_clusterName,
				project.getName(), master));
		this.project = project;
		this.master = master;
		setUser(true);
	}

	/** The healthy server, once the job is done and succeeded. */
	public ServerRecord deployed() {
		return deployed;
	}

	@Override
	public boolean belongsTo(Object family) {
		return family == LabelbenchJobs.FAMILY_DEPLOY || family == LabelbenchJobs.FAMILY_SERVERS;
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		try {
			if (!LabelbenchProjects.of(project).may(Permission.PRE_ANNOTATE)) {
				return Status.error(NLS.bind(Messages.Servers_notPermitted, project.getName()));
			}
			PipelineSpec spec = Servers.specOf(project);
			ServerRegistry.DeployRequest request = master == null
					? new ServerRegistry.DeployRequest(project.getName(), Servers.folderOf(project), spec,
							ServerPreferences.serverHeapMb())
					: ClusterDrivers.request(ClusterDrivers.name(project.getName()), Servers.folderOf(project),
							Servers.specOf(project, ClusterDrivers.name(project.getName())), master, Map.of());
			deployed = Servers.registry().deploy(request, ServerRegistry.defaultDistribution(),
					ServerPreferences.budgetBesideTrainings(this), new MonitorProgress(monitor),
					LlmSettings.serverEnvironment());
			if (master != null) {
				ClusterDrivers.remember(deployed, master);
			}
			return Status.OK_STATUS;
		} catch (BudgetExceededException e) {
			return new Status(IStatus.ERROR, PLUGIN, BUDGET_EXCEEDED, e.getMessage(), null);
		} catch (ServerException e) {
			// a driver that could not start on its cluster says why in one line: that, not the end of its log
			return monitor.isCanceled() ? Status.CANCEL_STATUS
					: Status.error(master == null ? e.getMessage() : ClusterDrivers.startError(e.getMessage()));
		} catch (IOException e) {
			return Status.error(NLS.bind(Messages.DeployServerJob_failed, project.getName(), e.getMessage()), e);
		}
	}
}
