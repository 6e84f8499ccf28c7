package io.labelbench.ui.hub;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;

import com.fasterxml.jackson.databind.JsonNode;

import io.labelbench.hub.Downloads;
import io.labelbench.hub.HubEntry;
import io.labelbench.hub.HubLocation;
import io.labelbench.hub.InstalledModel;
import io.labelbench.hub.ModelCache;
import io.labelbench.hub.ModelsHub;
import io.labelbench.hub.TrainedModels;
import io.labelbench.ui.ModelCachePreference;

/**
 * The Models Hub: the models of the configured hubs that run on the server's Spark NLP, with their status in
 * the local cache; filter by text, category and task; download (in parallel, with progress and cancel),
 * delete, and a detail pane with description, labels and held-out metrics.
 */
public final class ModelsHubView extends ViewPart {

	public static final String ID = "io.labelbench.ui.hub.modelsHubView";
	/** Family of the catalog reading job. */
	public static final Object FAMILY_CATALOG = new Object();

	static final String[] CATEGORIES = { "Clinical", "Finance", "Legal", "Visual", "Rules", "General" };
	static final String[] TASKS = { "ner", "classification", "assertion", "relation", "zero-shot", "embeddings" };

	private TableViewer viewer;
	private Text filterText;
	private Combo categoryCombo;
	private Combo taskCombo;
	private Text detail;
	private StackLayout detailStack;
	private TrainedModelDetail trainedDetail;
	private Label message;
	private volatile List<ModelsHub.Offer> offers = List.of();
	/** The hubs' offers and the models trained here (their newest version), as the table shows them. */
	private volatile List<ModelsHub.Offer> rows = List.of();
	private volatile Map<String, List<TrainedModels.Version>> trained = Map.of();
	/** Many progress reports become one repaint at a time; an ended download re-reads the cache. */
	private final Downloads.Listener downloadsListener = new Downloads.Listener() {
		@Override
		public void progressed(String name) {
			Display.getDefault().asyncExec(ModelsHubView.this::queueRefresh);
		}

		@Override
		public void started(String name) {
			asyncRefresh(null);
		}

		@Override
		public void ended(String name) {
			readInstalled();
			asyncRefresh(null);
		}
	};
	private final AtomicBoolean refreshQueued = new AtomicBoolean();
	private volatile List<InstalledModel> installed = List.of();
	/** Changing the hubs or the cache in the preferences re-reads the catalog. */
	private final IEclipsePreferences.IPreferenceChangeListener preferencesListener = event -> {
		if (HubPreferences.HUBS.equals(event.getKey()) || ModelCachePreference.KEY.equals(event.getKey())) {
			refreshCatalog();
		}
	};

	@Override
	public void createPartControl(Composite parent) {
		parent.setLayout(new GridLayout(1, false));
		Composite filters = new Composite(parent, SWT.NONE);
		filters.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		filters.setLayout(new GridLayout(3, false));
		filterText = new Text(filters, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
		filterText.setMessage(Messages.ModelsHubView_filter);
		GridData filterData = new GridData(SWT.FILL, SWT.CENTER, true, false);
		filterData.minimumWidth = 220;
		filterText.setLayoutData(filterData);
		categoryCombo = combo(filters, Messages.ModelsHubView_allCategories, CATEGORIES);
		taskCombo = combo(filters, Messages.ModelsHubView_allTasks, TASKS);
		message = new Label(parent, SWT.WRAP);
		message.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));

		SashForm sash = new SashForm(parent, SWT.VERTICAL);
		sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		viewer = new TableViewer(sash, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
		viewer.getTable().setHeaderVisible(true);
		viewer.getTable().setLinesVisible(true);
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		column(Messages.ModelsHubView_name, 190, offer -> offer.entry().name());
		column(Messages.ModelsHubView_task, 90, offer -> offer.entry().task());
		column(Messages.ModelsHubView_category, 80, offer -> offer.entry().domain());
		column(Messages.ModelsHubView_language, 60, offer -> offer.entry().language());
		column(Messages.ModelsHubView_labels, 260, offer -> String.join(", ", offer.entry().labels()));
		column(Messages.ModelsHubView_size, 70, offer -> size(offer.entry().size()));
		column(Messages.ModelsHubView_status, 130, this::status);
		viewer.addFilter(new ViewerFilter() {
			@Override
			public boolean select(Viewer v, Object parentElement, Object element) {
				return matches((ModelsHub.Offer) element);
			}
		});
		viewer.addSelectionChangedListener(event -> showDetail());
		Composite details = new Composite(sash, SWT.NONE);
		detailStack = new StackLayout();
		details.setLayout(detailStack);
		detail = new Text(details, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
		trainedDetail = new TrainedModelDetail(details, getSite());
		detailStack.topControl = detail;
		sash.setWeights(3, 1);

		filterText.addModifyListener(e -> viewer.refresh());
		categoryCombo.addModifyListener(e -> viewer.refresh());
		taskCombo.addModifyListener(e -> viewer.refresh());
		contributeActions(getViewSite().getActionBars().getToolBarManager());
		HubPreferences.instance().addPreferenceChangeListener(preferencesListener);
		HubDownloads.state().addListener(downloadsListener);
		refreshCatalog();
	}

	@Override
	public void dispose() {
		HubDownloads.state().removeListener(downloadsListener);
		HubPreferences.instance().removePreferenceChangeListener(preferencesListener);
		super.dispose();
	}

	private static Combo combo(Composite parent, String all, String[] items) {
		Combo combo = new Combo(parent, SWT.READ_ONLY);
		combo.add(all);
		for (String item : items) {
			combo.add(item);
		}
		combo.select(0);
		return combo;
	}

	private void column(String title, int width, java.util.function.Function<ModelsHub.Offer, String> text) {
		TableViewerColumn column = new TableViewerColumn(viewer, SWT.NONE);
		column.getColumn().setText(title);
		column.getColumn().setWidth(width);
		column.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply((ModelsHub.Offer) element);
			}
		});
	}

	private void contributeActions(IToolBarManager toolbar) {
		toolbar.add(action(Messages.ModelsHubView_refresh, this::refreshCatalog));
		toolbar.add(action(Messages.ModelsHubView_download, () -> selected().forEach(this::download)));
		toolbar.add(action(Messages.ModelsHubView_cancel, () -> selected().forEach(this::cancel)));
		toolbar.add(action(Messages.ModelsHubView_delete, () -> selected().forEach(this::delete)));
		toolbar.add(action(Messages.ModelsHubView_addLabels, () -> selected().stream().findFirst().ifPresent(offer -> AddLabelsToConfig.ask(getSite().getShell(), offer, installed))));
	}

	private static Action action(String text, Runnable run) {
		Action action = new Action(text) {
			@Override
			public void run() {
				run.run();
			}
		};
		action.setToolTipText(text);
		return action;
	}

	/** Reads the hubs' catalogs and the cache in the background, then shows them. */
	public void refreshCatalog() {
		Job job = new Job(Messages.ModelsHubView_readingJob) {
			@Override
			protected IStatus run(org.eclipse.core.runtime.IProgressMonitor monitor) {
				List<HubLocation> hubs = HubPreferences.hubs();
				ModelsHub hub = ModelsHub.read(hubs);
				offers = hub.offers();
				readInstalled();
				String problems = hubs.isEmpty() ? Messages.ModelsHubView_noHub
						: String.join("\n", hub.problems().stream()
								.map(problem -> NLS.bind(Messages.ModelsHubView_unreadableHub, problem)).toList());
				asyncRefresh(problems);
				return Status.OK_STATUS;
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == FAMILY_CATALOG;
			}
		};
		job.setSystem(true);
		job.schedule();
	}

	/** Reads the cache; models trained here that no hub offers become rows of their own (their newest version). */
	private void readInstalled() {
		ModelCache cache = ModelCachePreference.cache();
		try {
			installed = cache.installed();
		} catch (IOException e) {
			installed = List.of();
		}
		trained = TrainedModels.of(installed);
		List<ModelsHub.Offer> all = new ArrayList<>(offers);
		trained.forEach((name, versions) -> {
			if (all.stream().noneMatch(offer -> offer.entry().name().equals(name))) {
				all.add(new ModelsHub.Offer(HubLocation.folder(cache.folder()),
						versions.get(versions.size() - 1).model().entry()));
			}
		});
		rows = List.copyOf(all);
	}

	private void asyncRefresh(String problems) {
		Display display = viewer.getControl().getDisplay();
		display.asyncExec(() -> {
			if (viewer.getControl().isDisposed()) {
				return;
			}
			if (problems != null) {
				message.setText(problems);
				message.setVisible(!problems.isEmpty());
				((GridData) message.getLayoutData()).exclude = problems.isEmpty();
				message.getParent().layout();
			}
			if (viewer.getInput() != rows) {
				viewer.setInput(rows);
			} else {
				viewer.refresh();
			}
			showDetail();
		});
	}

	/** Coalesces the many progress updates of running downloads into one repaint at a time. */
	private void queueRefresh() {
		if (refreshQueued.compareAndSet(false, true)) {
			Display.getDefault().timerExec(200, () -> {
				refreshQueued.set(false);
				if (!viewer.getControl().isDisposed()) {
					viewer.refresh();
				}
			});
		}
	}

	private List<ModelsHub.Offer> selected() {
		List<ModelsHub.Offer> result = new ArrayList<>();
		for (Object element : ((IStructuredSelection) viewer.getSelection()).toList()) {
			result.add((ModelsHub.Offer) element);
		}
		return result;
	}

	/** Downloads the model, and first the embeddings it runs on when they are missing (each with its progress). */
	public void download(ModelsHub.Offer offer) {
		String name = offer.entry().name();
		String embeddings = offer.entry().embeddings();
		if (embeddings != null && !embeddings.equals(name) && installed.stream().noneMatch(m -> m.name().equals(embeddings))) {
			offers.stream().filter(o -> o.entry().name().equals(embeddings)).findFirst().ifPresent(this::download);
		}
		HubDownloads.start(offer);
	}

	private void cancel(ModelsHub.Offer offer) {
		HubDownloads.state().cancel(offer.entry().name());
	}

	/** Deletes a downloaded model; embeddings that downloaded models run on only after the user confirms. */
	public void delete(ModelsHub.Offer offer) {
		String name = offer.entry().name();
		List<String> dependents;
		try {
			dependents = ModelCachePreference.cache().dependents(name);
		} catch (IOException e) {
			dependents = List.of();
		}
		if (!dependents.isEmpty() && !org.eclipse.jface.dialogs.MessageDialog.openConfirm(getSite().getShell(),
				Messages.Delete_neededTitle, NLS.bind(Messages.Delete_needed, name, String.join(", ", dependents)))) {
			return;
		}
		Job job = Job.create(NLS.bind(Messages.ModelsHubView_deleteJob, name), monitor -> {
			try {
				ModelCachePreference.cache().remove(name);
			} catch (IOException e) {
				return Status.error(name + ": " + e.getMessage(), e);
			}
			readInstalled();
			asyncRefresh(null);
			return Status.OK_STATUS;
		});
		job.schedule();
	}

	/** available, downloading n%, downloaded, update available, failed. */
	public String status(ModelsHub.Offer offer) {
		String name = offer.entry().name();
		Downloads downloads = HubDownloads.state();
		OptionalDouble share = downloads.share(name);
		if (share.isPresent()) {
			return NLS.bind(Messages.Status_downloading, Integer.toString((int) Math.floor(share.getAsDouble() * 100)));
		}
		Optional<String> failure = downloads.failure(name);
		if (failure.isPresent()) {
			return NLS.bind(Messages.Status_failed, failure.get());
		}
		List<TrainedModels.Version> versions = trained.getOrDefault(name, List.of());
		if (!versions.isEmpty() && TrainedModels.isTrained(offer.entry())) {
			return Messages.format(Messages.Status_trained, versions.get(versions.size() - 1).version(), versions.size());
		}
		boolean older = false;
		for (InstalledModel model : installed) {
			if (model.name().equals(name)) {
				if (model.entry().key().equals(offer.entry().key())) {
					return Messages.Status_downloaded;
				}
				older = true;
			}
		}
		return older ? Messages.Status_update : Messages.Status_available;
	}

	private boolean matches(ModelsHub.Offer offer) {
		HubEntry entry = offer.entry();
		if (categoryCombo.getSelectionIndex() > 0 && !entry.domain().equalsIgnoreCase(categoryCombo.getText())) {
			return false;
		}
		if (taskCombo.getSelectionIndex() > 0 && !entry.task().equalsIgnoreCase(taskCombo.getText())) {
			return false;
		}
		String wanted = filterText.getText().strip().toLowerCase(Locale.ROOT);
		if (wanted.isEmpty()) {
			return true;
		}
		return entry.name().toLowerCase(Locale.ROOT).contains(wanted)
				|| entry.description().toLowerCase(Locale.ROOT).contains(wanted)
				|| entry.labels().stream().anyMatch(label -> label.toLowerCase(Locale.ROOT).contains(wanted));
	}

	private void showDetail() {
		List<ModelsHub.Offer> selection = selected();
		if (selection.isEmpty()) {
			detail.setText("");
			return;
		}
		HubEntry entry = selection.get(0).entry();
		List<TrainedModels.Version> versions = trained.getOrDefault(entry.name(), List.of());
		detailStack.topControl = versions.isEmpty() ? detail : trainedDetail.control();
		detail.getParent().layout();
		if (!versions.isEmpty()) {
			trainedDetail.show(versions);
			return;
		}
		JsonNode metrics = entry.metrics();
		String measured = metrics.has("f1") ? NLS.bind(Messages.ModelsHubView_metrics, new Object[] {
				metrics.path("precision").asText("?"), metrics.path("recall").asText("?"), metrics.path("f1").asText("?"),
				metrics.path("heldOutExamples").asText("?") }) : Messages.ModelsHubView_noMetrics;
		detail.setText(NLS.bind(Messages.ModelsHubView_detail, new Object[] { entry.name(), entry.task(), entry.domain(),
				entry.language(), entry.description(), String.join(", ", entry.labels()),
				entry.embeddings() == null ? "-" : entry.embeddings(), size(entry.size()), measured,
				selection.get(0).hub() }));
	}

	static String size(long bytes) {
		if (bytes < 0) {
			return "";
		}
		if (bytes < 1024 * 1024) {
			return (bytes + 1023) / 1024 + " KB";
		}
		return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
	}

	/** For tests and other views. */
	public TableViewer viewer() {
		return viewer;
	}

	/** The line above the table: unreadable hubs, or that none is configured. */
	public String message() {
		return message.getText();
	}

	public Text filterText() {
		return filterText;
	}

	/** The versions of the trained model selected, and the scores of the version selected there. */
	public Table trainedVersions() {
		return trainedDetail.versionsTable();
	}

	public Composite trainedScores() {
		return trainedDetail.scores();
	}

	@Override
	public void setFocus() {
		viewer.getControl().setFocus();
	}
}
