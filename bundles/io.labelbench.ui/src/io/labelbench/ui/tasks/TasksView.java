package io.labelbench.ui.tasks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.statushandlers.StatusManager;

import io.labelbench.core.model.TaskId;
import io.labelbench.core.model.TaskQuery;
import io.labelbench.core.model.TaskSummary;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.core.store.TaskStore;
import io.labelbench.ui.LabelbenchJobs;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.Messages;
import io.labelbench.ui.navigator.TaskEntry;
import io.labelbench.ui.navigator.TaskRange;
import io.labelbench.ui.navigator.TasksNode;

/**
 * The tasks of the selected Labelbench project in a virtual table: id, text preview, predictions, completions,
 * best score, model versions. Rows appear at once from the file names; the summaries are read in a background
 * job and filled in as they arrive. Sorting by id is immediate, by the other columns once the summaries are in;
 * filters: text, and whether tasks have predictions or completions.
 */
public final class TasksView extends ViewPart implements TaskNavigation {

	public static final String ID = "io.labelbench.ui.tasksView";

	private Table table;
	private Text filterText;
	private Combo filterCombo;
	private Label status;
	private IProject project;
	private volatile List<TaskId> allIds = List.of();
	private List<TaskId> rows = List.of();
	private final Map<TaskId, TaskSummary> summaries = new ConcurrentHashMap<>();
	/** Text, filter and sort order; the filter is taken from its combo (in {@link TaskQuery.Filter}'s order). */
	private TaskQuery query = TaskQuery.ALL;
	private Job loader;
	private boolean refreshQueued;

	private final ISelectionListener selectionListener = this::selectionChanged;
	private final IResourceChangeListener resourceListener = this::resourcesChanged;

	@Override
	public void createPartControl(Composite parent) {
		parent.setLayout(new GridLayout(3, false));
		filterText = new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
		filterText.setMessage(Messages.TasksView_filterHint);
		GridData filterData = new GridData(SWT.FILL, SWT.CENTER, false, false);
		filterData.widthHint = 260;
		filterText.setLayoutData(filterData);
		filterCombo = new Combo(parent, SWT.READ_ONLY);
		filterCombo.setItems(Messages.TasksView_filterAll, Messages.TasksView_filterWithPredictions,
				Messages.TasksView_filterPredictionsNoCompletion, Messages.TasksView_filterNoCompletion);
		filterCombo.select(0);
		status = new Label(parent, SWT.NONE);
		status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

		table = new Table(parent, SWT.VIRTUAL | SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
		table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		String[] titles = { Messages.TasksView_id, Messages.TasksView_text, Messages.TasksView_predictions,
				Messages.TasksView_completions, Messages.TasksView_bestScore, Messages.TasksView_modelVersions };
		int[] widths = { 70, 520, 90, 95, 85, 220 };
		for (int i = 0; i < titles.length; i++) {
			TableColumn column = new TableColumn(table, i >= 2 && i <= 4 ? SWT.RIGHT : SWT.LEFT);
			column.setText(titles[i]);
			column.setWidth(widths[i]);
			int index = i;
			column.addListener(SWT.Selection, e -> sortBy(index));
		}
		table.setSortColumn(table.getColumn(0));
		table.setSortDirection(SWT.UP);
		table.addListener(SWT.SetData, event -> fill((TableItem) event.item, event.index));
		table.addListener(SWT.DefaultSelection, event -> openSelected());
		filterText.addModifyListener(e -> applyRows());
		filterCombo.addModifyListener(e -> applyRows());

		getSite().getPage().addPostSelectionListener(selectionListener);
		ResourcesPlugin.getWorkspace().addResourceChangeListener(resourceListener, IResourceChangeEvent.POST_CHANGE);
		selectionChanged(null, getSite().getPage().getSelection());
		if (project == null) {
			List<IProject> projects = LabelbenchProjects.all();
			if (!projects.isEmpty()) {
				setProject(projects.get(0));
			} else {
				showStatus();
			}
		}
	}

	@Override
	public void dispose() {
		getSite().getPage().removePostSelectionListener(selectionListener);
		ResourcesPlugin.getWorkspace().removeResourceChangeListener(resourceListener);
		if (loader != null) {
			loader.cancel();
		}
		super.dispose();
	}

	private void selectionChanged(IWorkbenchPart part, ISelection selection) {
		if (part == this || !(selection instanceof IStructuredSelection structured) || structured.isEmpty()) {
			return;
		}
		Object first = structured.getFirstElement();
		IProject selected = first instanceof TasksNode node ? node.project()
				: first instanceof TaskRange range ? range.project()
						: first instanceof TaskEntry entry ? entry.project() : projectOf(first);
		if (selected != null && LabelbenchProjects.isLabelbench(selected) && !selected.equals(project)) {
			setProject(selected);
		}
	}

	private static IProject projectOf(Object element) {
		IResource resource = Adapters.adapt(element, IResource.class);
		return resource == null ? null : resource.getProject();
	}

	/** Shows the tasks of a project (null: none). */
	public void setProject(IProject newProject) {
		project = newProject;
		summaries.clear();
		reloadIds();
	}

	public IProject project() {
		return project;
	}

	private void reloadIds() {
		LabelbenchProject labelbench = LabelbenchProjects.of(project);
		try {
			allIds = labelbench == null ? List.of() : labelbench.tasks().ids();
		} catch (IOException e) {
			allIds = List.of();
			StatusManager.getManager().handle(
					Status.error(NLS.bind(Messages.TasksView_failed, project.getName(), e.getMessage()), e),
					StatusManager.SHOW | StatusManager.LOG);
		}
		applyRows();
		loadSummaries(labelbench);
	}

	/** Reads the summaries of tasks not yet known, in the background, a block of rows at a time. */
	private void loadSummaries(LabelbenchProject labelbench) {
		if (loader != null) {
			loader.cancel();
		}
		if (labelbench == null) {
			return;
		}
		List<TaskId> ids = allIds;
		loader = new Job(NLS.bind(Messages.TasksView_loading, project.getName())) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				SubMonitor progress = SubMonitor.convert(monitor, ids.size());
				long lastRefresh = System.nanoTime();
				for (TaskId id : ids) {
					if (progress.isCanceled()) {
						return Status.CANCEL_STATUS;
					}
					if (!summaries.containsKey(id)) {
						try {
							summaries.put(id, TaskSummary.of(labelbench.tasks().read(id)));
						} catch (IOException e) {
							// a damaged task keeps an empty row; `labelbench check` names the fault
						}
					}
					progress.worked(1);
					if (System.nanoTime() - lastRefresh > 300_000_000L) {
						lastRefresh = System.nanoTime();
						queueRefresh();
					}
				}
				queueRefresh();
				return Status.OK_STATUS;
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == LabelbenchJobs.FAMILY_TASK_SUMMARIES;
			}
		};
		loader.setPriority(Job.DECORATE);
		loader.schedule();
	}

	private void queueRefresh() {
		Display display = table.getDisplay();
		display.asyncExec(() -> {
			if (refreshQueued || table.isDisposed()) {
				return;
			}
			refreshQueued = true;
			display.timerExec(100, () -> {
				refreshQueued = false;
				if (!table.isDisposed()) {
					applyRows();
				}
			});
		});
	}

	/** Filters and sorts the ids into rows and lets the virtual table ask for what it shows. */
	private void applyRows() {
		if (table.isDisposed()) {
			return;
		}
		query = query.withText(filterText.getText())
				.withFilter(TaskQuery.Filter.values()[Math.max(0, filterCombo.getSelectionIndex())]);
		rows = query.apply(allIds, summaries);
		table.setItemCount(rows.size());
		table.clearAll();
		showStatus();
	}

	private void sortBy(int column) {
		query = query.sortedBy(TaskQuery.Column.values()[column]);
		table.setSortColumn(table.getColumn(column));
		table.setSortDirection(query.ascending() ? SWT.UP : SWT.DOWN);
		applyRows();
	}

	private void fill(TableItem item, int index) {
		// GTK may ask for a row that is being removed (index -1) while the rows shrink, to none for an empty
		// project: nothing to fill then
		if (index < 0 || index >= rows.size() || item.isDisposed()) {
			return;
		}
		TaskId id = rows.get(index);
		item.setData(id);
		TaskSummary summary = summaries.get(id);
		if (summary == null) {
			item.setText(new String[] { id.value(), "", "", "", "", "" });
			return;
		}
		item.setText(new String[] { id.value(), summary.preview(), Integer.toString(summary.predictions()),
				Integer.toString(summary.completions()),
				summary.bestScore() == null ? "" : summary.bestScore().toPlainString(),
				String.join(", ", summary.modelVersions()) });
	}

	private void showStatus() {
		if (status.isDisposed()) {
			return;
		}
		status.setText(project == null ? Messages.TasksView_noProject
				: Messages.format(Messages.TasksView_status, project.getName(), rows.size(), allIds.size()));
		status.getParent().layout(new org.eclipse.swt.widgets.Control[] { status });
	}

	private void resourcesChanged(IResourceChangeEvent event) {
		IProject shown = project;
		if (event.getDelta() == null) {
			return;
		}
		if (shown == null) {
			// nothing shown yet: show the first Labelbench project as soon as one is opened
			Display.getDefault().asyncExec(() -> {
				List<IProject> projects = LabelbenchProjects.all();
				if (!table.isDisposed() && project == null && !projects.isEmpty()) {
					setProject(projects.get(0));
				}
			});
			return;
		}
		IResourceDelta projectDelta = event.getDelta().findMember(shown.getFullPath());
		if (projectDelta != null && (projectDelta.getKind() == IResourceDelta.REMOVED || !shown.isOpen())) {
			// the project shown was deleted or closed: show the next one, or none
			Display.getDefault().asyncExec(() -> {
				if (!table.isDisposed() && shown.equals(project)) {
					List<IProject> projects = LabelbenchProjects.all();
					setProject(projects.isEmpty() ? null : projects.get(0));
				}
			});
			return;
		}
		IResourceDelta tasks = event.getDelta().findMember(shown.getFullPath().append(IPath.fromOSString("tasks")));
		if (tasks == null) {
			return;
		}
		for (IResourceDelta child : tasks.getAffectedChildren()) {
			// by name: a deleted resource has no location
			TaskId id = TaskStore.idOf(IPath.fromOSString(child.getResource().getName()).toPath());
			if (id != null) {
				summaries.remove(id);
			}
		}
		Display.getDefault().asyncExec(() -> {
			if (!table.isDisposed() && shown.equals(project)) {
				reloadIds();
			}
		});
	}

	/** The ids of the selected rows. */
	public List<TaskId> selectedIds() {
		List<TaskId> selected = new ArrayList<>();
		for (int index : table.getSelectionIndices()) {
			if (index < rows.size()) {
				selected.add(rows.get(index));
			}
		}
		return selected;
	}

	/** Opens the selected tasks (double-click or Enter) in the task editor. */
	private void openSelected() {
		if (project == null) {
			return;
		}
		for (TaskId id : selectedIds()) {
			TaskEditors.open(getSite().getPage(), project.getFolder(TaskStore.FOLDER).getFile(id.fileName()));
		}
	}

	/** For tests: the table and the filters. */
	/** The tasks the table shows (the filter's result), in table order. */
	public List<TaskId> shownIds() {
		return List.copyOf(rows);
	}

	/** Previous and Next of a task editor follow the rows when they show its task. */
	@Override
	public List<TaskId> orderAround(IProject taskProject, TaskId task) {
		List<TaskId> shown = shownIds();
		return taskProject.equals(project) && shown.contains(task) ? shown : List.of();
	}

	public Table table() {
		return table;
	}

	public Text filterText() {
		return filterText;
	}

	public Combo filterCombo() {
		return filterCombo;
	}

	@Override
	public void setFocus() {
		table.setFocus();
	}
}
