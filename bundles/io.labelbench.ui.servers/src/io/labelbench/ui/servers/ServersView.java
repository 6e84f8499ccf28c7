package io.labelbench.ui.servers;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;

import io.labelbench.preannotate.server.PipelineSpec;
import io.labelbench.preannotate.cluster.LocalCluster;
import io.labelbench.preannotate.server.ServerRecord;
import io.labelbench.preannotate.server.ServerStatus;
import io.labelbench.ui.LabelbenchProjects;

/**
 * The pre-annotation servers (Generative AI Lab's Clusters page): name, project, models, labels, status
 * (starting, idle, busy, failed, stale after a config or rule change), pid, heap, uptime, last used, tasks done.
 * Statuses are polled in a background job every few seconds while the view is open; Delete stops an idle server
 * at once and asks before stopping a busy one.
 */
public final class ServersView extends ViewPart {
	public static final String ID = "io.labelbench.ui.servers.serversView";
	static final long POLL_MILLIS = 3000;

	/** A row: the server's status and whether the project's spec moved on. */
	record Row(ServerStatus status, boolean stale) {
		String state() {
			return stale && status.state() != ServerStatus.State.FAILED ? Messages.ServersView_stale
					: status.state().name().toLowerCase();
		}
	}

	private Table table;
	private Label summary;
	private volatile List<Row> rows = List.of();
	private Job poller;

	@Override
	public void createPartControl(Composite parent) {
		parent.setLayout(new GridLayout(7, false));
		Button deploy = button(parent, Messages.ServersView_deploy, this::deploySelectedProject);
		button(parent, Messages.ServersView_deployCluster, this::deployOnCluster)
				.setToolTipText(Messages.ServersView_deployClusterTip);
		button(parent, Messages.ServersView_register, this::register);
		Button delete = button(parent, Messages.ServersView_delete, this::deleteSelected);
		button(parent, Messages.ServersView_log, this::openLog);
		button(parent, Messages.ServersView_refresh, this::refresh);
		summary = new Label(parent, SWT.NONE);
		summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		table = new Table(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
		table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 7, 1));
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		String[] titles = { Messages.ServersView_name, Messages.ServersView_project, Messages.ServersView_models,
				Messages.ServersView_labels, Messages.ServersView_status, Messages.ServersView_pid,
				Messages.ServersView_heap, Messages.ServersView_uptime, Messages.ServersView_lastUsed,
				Messages.ServersView_tasks };
		int[] widths = { 110, 100, 190, 190, 70, 60, 110, 70, 80, 75 };
		for (int i = 0; i < titles.length; i++) {
			TableColumn column = new TableColumn(table, i >= 5 ? SWT.RIGHT : SWT.LEFT);
			column.setText(titles[i]);
			column.setWidth(widths[i]);
		}
		deploy.setToolTipText(Messages.ServersView_deployTip);
		delete.setToolTipText(Messages.ServersView_deleteTip);
		poller = Job.create(Messages.ServersView_pollJob, monitor -> {
			poll();
			if (!table.isDisposed()) {
				poller.schedule(POLL_MILLIS);
			}
			return Status.OK_STATUS;
		});
		poller.setSystem(true);
		poller.schedule();
	}

	private static Button button(Composite parent, String text, Runnable action) {
		Button b = new Button(parent, SWT.PUSH);
		b.setText(text);
		b.addListener(SWT.Selection, e -> action.run());
		return b;
	}

	/** Re-reads the registry and each server's status now (in the background). */
	public void refresh() {
		Job.create(Messages.ServersView_pollJob, monitor -> {
			poll();
			return Status.OK_STATUS;
		}).schedule();
	}

	private void poll() {
		Map<String, PipelineSpec> specs = new HashMap<>();
		List<Row> next = new ArrayList<>();
		for (ServerRecord server : Servers.registry().list()) {
			ServerStatus status = Servers.registry().status(server);
			PipelineSpec current = null;
			if (server.project() != null) {
				current = specs.computeIfAbsent(server.project() + '\u0000' + server.name(), p -> currentSpec(server));
			}
			next.add(new Row(status, Servers.isStale(server, current)));
		}
		rows = List.copyOf(next);
		Display display = table.isDisposed() ? null : table.getDisplay();
		if (display != null && !display.isDisposed()) {
			display.asyncExec(this::show);
		}
	}

	private static PipelineSpec currentSpec(ServerRecord server) {
		for (IProject project : LabelbenchProjects.all()) {
			if (Servers.belongsTo(server, project)) {
				try {
					return Servers.specOf(project, server.name());
				} catch (IOException e) {
					return null;
				}
			}
		}
		return null;
	}

	private void show() {
		if (table.isDisposed()) {
			return;
		}
		List<String> selected = new ArrayList<>();
		for (TableItem item : table.getSelection()) {
			selected.add(((Row) item.getData()).status().server().id());
		}
		table.setRedraw(false);
		table.removeAll();
		long now = System.currentTimeMillis();
		for (Row row : rows) {
			ServerStatus s = row.status();
			ServerRecord server = s.server();
			TableItem item = new TableItem(table, SWT.NONE);
			item.setData(row);
			item.setText(new String[] { server.name(), projectName(server), String.join(", ", s.modelsAndPrompts()),
					String.join(", ", server.labels()), row.state(), server.remote() ? "remote" : "" + server.pid(),
					s.info() == null ? "" : (s.heapUsed() >> 20) + " / " + server.heapMb() + " MB",
					s.info() == null ? "" : duration(s.uptimeSeconds()),
					s.info() == null ? "" : duration((now - s.lastUsed()) / 1000) + " ago",
					String.valueOf(s.tasksDone()) });
			if (selected.contains(server.id())) {
				table.select(table.getItemCount() - 1);
			}
		}
		table.setRedraw(true);
		summary.setText(Messages.format(Messages.ServersView_summary, rows.size(),
				rows.stream().filter(r -> !r.status().server().remote()).mapToInt(r -> r.status().server().heapMb())
						.sum()));
		summary.getParent().layout();
	}

	private static String projectName(ServerRecord server) {
		if (server.project() == null) {
			return server.url().toString();
		}
		return java.nio.file.Path.of(server.project()).getFileName().toString();
	}

	static String duration(long seconds) {
		Duration d = Duration.ofSeconds(Math.max(0, seconds));
		return d.toHours() > 0 ? d.toHours() + " h " + d.toMinutesPart() + " min"
				: d.toMinutes() > 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
	}

	private List<Row> selection() {
		List<Row> out = new ArrayList<>();
		for (TableItem item : table.getSelection()) {
			out.add((Row) item.getData());
		}
		return out;
	}

	/** Stops the selected servers; a busy one only after the user agrees. */
	public void deleteSelected() {
		List<Row> chosen = selection();
		if (chosen.isEmpty()) {
			return;
		}
		boolean busy = chosen.stream().anyMatch(r -> r.status().state() == ServerStatus.State.BUSY);
		if (busy && !MessageDialog.openQuestion(getSite().getShell(), Messages.ServersView_delete,
				Messages.ServersView_deleteBusy)) {
			return;
		}
		Job job = Job.create(Messages.ServersView_deleteJob, monitor -> {
			for (Row row : chosen) {
				try {
					Servers.registry().stop(row.status().server(), Duration.ofSeconds(20));
				} catch (IOException e) {
					return Status.error(e.getMessage(), e);
				}
			}
			poll();
			return Status.OK_STATUS;
		});
		job.setUser(true);
		job.schedule();
	}

	private void deploySelectedProject() {
		IProject project = ServerCommands.projectFor(getSite().getPage().getSelection(), getSite().getPage());
		if (project == null) {
			MessageDialog.openInformation(getSite().getShell(), Messages.ServersView_deploy,
					Messages.ServersView_noProject);
			return;
		}
		ServerCommands.deploy(project, getSite().getShell(), null);
	}

	/**
	 * Starts the selected project's server as the driver of a Spark application on a standalone cluster (the local
	 * one of {@code labelbench cluster start} is offered); it is listed and picked for pre-annotation as any server.
	 */
	private void deployOnCluster() {
		IProject project = ServerCommands.projectFor(getSite().getPage().getSelection(), getSite().getPage());
		if (project == null) {
			MessageDialog.openInformation(getSite().getShell(), Messages.ServersView_deployCluster,
					Messages.ServersView_noProject);
			return;
		}
		deployOnCluster(project);
	}

	/** Asks for the master (offering the local cluster's) and starts the deploy; null when the dialog was closed. */
	public DeployServerJob deployOnCluster(IProject project) {
		String suggested = "spark://";
		try {
			suggested = LocalCluster.defaultCluster().state().map(LocalCluster.State::master).orElse(suggested);
		} catch (IOException e) {
			// no local cluster to offer
		}
		InputDialog master = new InputDialog(getSite().getShell(), Messages.ServersView_deployCluster,
				Messages.ServersView_clusterMaster, suggested,
				v -> v.strip().matches("spark://[^/:]+:\\d+") ? null : Messages.ServersView_clusterMasterInvalid);
		if (master.open() != Window.OK) {
			return null;
		}
		DeployServerJob job = new DeployServerJob(project, master.getValue().strip());
		job.addJobChangeListener(new org.eclipse.core.runtime.jobs.JobChangeAdapter() {
			@Override
			public void done(org.eclipse.core.runtime.jobs.IJobChangeEvent event) {
				refresh();
			}
		});
		job.schedule();
		refresh();
		return job;
	}

	private void register() {
		InputDialog url = new InputDialog(getSite().getShell(), Messages.ServersView_register,
				Messages.ServersView_registerUrl, "http://", null);
		if (url.open() != Window.OK) {
			return;
		}
		InputDialog token = new InputDialog(getSite().getShell(), Messages.ServersView_register,
				Messages.ServersView_registerToken, "", null);
		if (token.open() != Window.OK) {
			return;
		}
		Job job = Job.create(Messages.ServersView_register, monitor -> {
			try {
				java.net.URI uri = java.net.URI.create(url.getValue().strip());
				Servers.registry().register(uri.getHost() + ":" + uri.getPort(), uri, token.getValue().strip());
			} catch (Exception e) {
				return Status.error(NLS.bind(Messages.ServersView_registerFailed, e.getMessage()), e);
			}
			poll();
			return Status.OK_STATUS;
		});
		job.setUser(true);
		job.schedule();
	}

	private void openLog() {
		for (Row row : selection()) {
			java.nio.file.Path log = row.status().server().log();
			if (!java.nio.file.Files.exists(log)) {
				MessageDialog.openInformation(getSite().getShell(), Messages.ServersView_log,
						NLS.bind(Messages.ServersView_logMissing, row.status().server().name(), log));
				continue;
			}
			try {
				ServerLogEditor.open(getSite().getPage(), log);
			} catch (PartInitException e) {
				MessageDialog.openError(getSite().getShell(), Messages.ServersView_log, e.getMessage());
			}
		}
	}

	/** For tests: the rows shown. */
	public Table table() {
		return table;
	}

	@Override
	public void setFocus() {
		table.setFocus();
	}

	@Override
	public void dispose() {
		if (poller != null) {
			poller.cancel();
		}
		super.dispose();
	}
}
