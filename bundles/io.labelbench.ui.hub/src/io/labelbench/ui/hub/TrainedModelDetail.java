package io.labelbench.ui.hub;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.ISelectionProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.IWorkbenchPartSite;

import io.labelbench.hub.ModelScores;
import io.labelbench.hub.TrainedModels;
import io.labelbench.ui.ScoreTable;

/**
 * The detail of a model trained in this workbench: its versions (v1, v2 … with time, what each was trained on and
 * its micro and macro scores) and, for the version selected (the newest at first), its parameters and held-out
 * scores per label with the confusion matrix. The versions table has a context menu ({@value #VERSIONS_MENU}) whose
 * selection is the {@link TrainedModels.Version} right-clicked, for other bundles to contribute to (e.g. Show
 * Training Log).
 */
final class TrainedModelDetail {

	/** The id of the versions table's context menu. */
	static final String VERSIONS_MENU = "io.labelbench.ui.hub.trainedVersions";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
			.withZone(ZoneId.systemDefault());

	private final SashForm control;
	private final Table versionsTable;
	private final ScrolledComposite scrolled;
	private Composite scores;
	private List<TrainedModels.Version> versions = List.of();

	TrainedModelDetail(Composite parent, IWorkbenchPartSite site) {
		control = new SashForm(parent, SWT.HORIZONTAL);
		versionsTable = new Table(control, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
		versionsTable.setHeaderVisible(true);
		versionsTable.setLinesVisible(true);
		String[] titles = { Messages.Trained_version, Messages.Trained_time, Messages.Trained_testTasks,
				Messages.Trained_microP, Messages.Trained_microR, Messages.Trained_microF1, Messages.Trained_macroF1 };
		int[] widths = { 60, 125, 75, 65, 65, 65, 70 };
		for (int i = 0; i < titles.length; i++) {
			TableColumn column = new TableColumn(versionsTable, i < 2 ? SWT.LEFT : SWT.RIGHT);
			column.setText(titles[i]);
			column.setWidth(widths[i]);
		}
		versionsTable.addListener(SWT.Selection, e -> showScores(versionsTable.getSelectionIndex()));
		MenuManager menu = new MenuManager();
		menu.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
		versionsTable.setMenu(menu.createContextMenu(versionsTable));
		site.registerContextMenu(VERSIONS_MENU, menu, new VersionSelection());
		scrolled = new ScrolledComposite(control, SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
		scrolled.setExpandHorizontal(true);
		scrolled.setExpandVertical(true);
		control.setWeights(1, 1);
	}

	Control control() {
		return control;
	}

	/** Shows a model's versions, newest selected; keeps the selected version when the same model is shown again. */
	void show(List<TrainedModels.Version> shown) {
		int selected = versionsTable.getSelectionIndex();
		boolean same = !versions.isEmpty() && !shown.isEmpty() && versions.get(0).name().equals(shown.get(0).name())
				&& selected >= 0;
		versions = List.copyOf(shown);
		versionsTable.removeAll();
		for (TrainedModels.Version version : versions) {
			ModelScores s = version.scores();
			ModelScores.Row micro = s.measured() ? s.headline() : null;
			new TableItem(versionsTable, SWT.NONE).setText(new String[] { "v" + version.version(),
					TIME.format(version.time()), Integer.toString(s.testTasks()),
					micro == null ? "" : ScoreTable.score(micro.precision()),
					micro == null ? "" : ScoreTable.score(micro.recall()),
					micro == null ? "" : ScoreTable.score(micro.f1()),
					micro == null || s.macroF1() == null ? "" : ScoreTable.score(s.macroF1()) });
		}
		int index = same && selected < versions.size() ? selected : versions.size() - 1;
		versionsTable.select(index);
		showScores(index);
	}

	private void showScores(int index) {
		if (scores != null) {
			scores.dispose();
		}
		scores = new Composite(scrolled, SWT.NONE);
		GridLayoutFactory.swtDefaults().applyTo(scores);
		if (index >= 0 && index < versions.size()) {
			TrainedModels.Version version = versions.get(index);
			label(NLS.bind(Messages.Trained_heading, new Object[] { version.name(), version.version(),
					version.description() }));
			label(NLS.bind(Messages.Trained_parameters, parameters(version)));
			ScoresTables.create(scores, version.scores());
		}
		scrolled.setContent(scores);
		scrolled.setMinSize(scores.computeSize(SWT.DEFAULT, SWT.DEFAULT));
	}

	private static String parameters(TrainedModels.Version version) {
		StringBuilder text = new StringBuilder();
		version.parameters().fields().forEachRemaining(field -> text.append(text.length() == 0 ? "" : ", ")
				.append(field.getKey()).append(' ').append(field.getValue().asText()));
		return text.append(text.length() == 0 ? "" : "; ")
				.append(NLS.bind(Messages.Trained_dataHash, abbreviated(version.trainingDataHash()))).toString();
	}

	private static String abbreviated(String hash) {
		return hash.length() > 12 ? hash.substring(0, 12) : hash;
	}

	private void label(String text) {
		Label label = new Label(scores, SWT.WRAP);
		label.setText(text);
		GridDataFactory.fillDefaults().grab(true, false).hint(420, SWT.DEFAULT).applyTo(label);
	}

	/** The version selected in the versions table, for the context menu's contributions. */
	private final class VersionSelection implements ISelectionProvider {
		@Override
		public ISelection getSelection() {
			int index = versionsTable.getSelectionIndex();
			return index >= 0 && index < versions.size() ? new StructuredSelection(versions.get(index))
					: StructuredSelection.EMPTY;
		}

		@Override
		public void setSelection(ISelection selection) {
			// chosen in the table
		}

		@Override
		public void addSelectionChangedListener(ISelectionChangedListener listener) {
			// read when the menu shows
		}

		@Override
		public void removeSelectionChangedListener(ISelectionChangedListener listener) {
			// read when the menu shows
		}
	}

	/** For tests: the versions table and the labels and tables of the selected version. */
	Table versionsTable() {
		return versionsTable;
	}

	Composite scores() {
		return scores;
	}
}
