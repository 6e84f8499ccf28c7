package io.labelbench.ui.servers;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import io.labelbench.core.model.TaskId;
import io.labelbench.preannotate.server.ServerStatus;
import io.labelbench.protocol.ServerInfo;

/**
 * Pre-Annotate: pick a deployed server (its models, the config labels it fills, and the assertion statuses and
 * relation labels it gives are listed), the tasks (the
 * selection, the Tasks view's filter result, or all) and whether to skip or replace predictions of the same model
 * version. "Deploy New Server" closes the dialog with {@link #DEPLOY}: the caller deploys and then pre-annotates.
 */
public final class PreAnnotateDialog extends Dialog {
	public static final int DEPLOY = IDialogConstants.CLIENT_ID + 1;

	/** The tasks the user may choose from. */
	public record Scope(List<TaskId> selected, List<TaskId> shown, List<TaskId> all) {
	}

	private final String projectName;
	private final List<ServerStatus> servers;
	private final Set<String> configLabels;
	private final Scope scope;
	private Table table;
	private Button selectedButton;
	private Button shownButton;
	private Button replaceButton;
	private ServerStatus chosen;
	private List<TaskId> chosenIds = List.of();
	private boolean replace;

	public PreAnnotateDialog(Shell shell, String projectName, List<ServerStatus> servers, Set<String> configLabels,
			Scope scope) {
		super(shell);
		this.projectName = projectName;
		this.servers = List.copyOf(servers);
		this.configLabels = Set.copyOf(configLabels);
		this.scope = scope;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(NLS.bind(Messages.PreAnnotateDialog_title, projectName));
	}

	@Override
	protected boolean isResizable() {
		return true;
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		Label intro = new Label(area, SWT.WRAP);
		intro.setText(servers.isEmpty() ? Messages.PreAnnotateDialog_noServer : Messages.PreAnnotateDialog_intro);
		intro.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		table = new Table(area, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
		GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true);
		tableData.heightHint = 110;
		tableData.widthHint = 840;
		table.setLayoutData(tableData);
		table.setHeaderVisible(true);
		String[] titles = { Messages.ServersView_name, Messages.ServersView_models,
				Messages.PreAnnotateDialog_covers, Messages.PreAnnotateDialog_assertions,
				Messages.PreAnnotateDialog_relations, Messages.ServersView_status };
		int[] widths = { 100, 180, 200, 140, 140, 70 };
		for (int i = 0; i < titles.length; i++) {
			TableColumn c = new TableColumn(table, SWT.LEFT);
			c.setText(titles[i]);
			c.setWidth(widths[i]);
		}
		for (ServerStatus s : servers) {
			TableItem item = new TableItem(table, SWT.NONE);
			item.setData(s);
			Set<String> covered = new TreeSet<>(s.server().labels());
			covered.retainAll(configLabels);
			// what the server itself says it gives; unknown while it does not answer
			ServerInfo info = s.info();
			item.setText(new String[] { s.server().name(), String.join(", ", s.server().models()),
					covered.isEmpty() ? Messages.PreAnnotateDialog_coversNone : String.join(", ", covered),
					info == null ? "" : String.join(", ", info.assertionLabels()),
					info == null ? "" : String.join(", ", info.relationLabels()), s.state().name().toLowerCase() });
		}
		if (!servers.isEmpty()) {
			table.select(0);
		}
		table.addListener(SWT.Selection, e -> updateButtons());

		Group tasks = new Group(area, SWT.NONE);
		tasks.setText(Messages.PreAnnotateDialog_tasks);
		tasks.setLayout(new GridLayout(1, false));
		tasks.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		selectedButton = radio(tasks, NLS.bind(Messages.PreAnnotateDialog_selected, scope.selected().size()));
		shownButton = radio(tasks, NLS.bind(Messages.PreAnnotateDialog_shown, scope.shown().size()));
		Button allButton = radio(tasks, NLS.bind(Messages.PreAnnotateDialog_all, scope.all().size()));
		selectedButton.setEnabled(!scope.selected().isEmpty());
		(scope.selected().isEmpty() ? (scope.shown().size() < scope.all().size() ? shownButton : allButton)
				: selectedButton).setSelection(true);

		Group existing = new Group(area, SWT.NONE);
		existing.setText(Messages.PreAnnotateDialog_existing);
		existing.setLayout(new GridLayout(1, false));
		existing.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		radio(existing, Messages.PreAnnotateDialog_skip).setSelection(true);
		replaceButton = radio(existing, Messages.PreAnnotateDialog_replace);
		return area;
	}

	private static Button radio(Composite parent, String text) {
		Button b = new Button(parent, SWT.RADIO);
		b.setText(text);
		return b;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, DEPLOY, Messages.PreAnnotateDialog_deploy, servers.isEmpty());
		createButton(parent, IDialogConstants.OK_ID, Messages.PreAnnotateDialog_run, !servers.isEmpty());
		createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
		updateButtons();
	}

	private void updateButtons() {
		Button ok = getButton(IDialogConstants.OK_ID);
		if (ok != null) {
			TableItem[] selection = table.getSelection();
			ok.setEnabled(selection.length == 1
					&& ((ServerStatus) selection[0].getData()).state() != ServerStatus.State.FAILED);
		}
	}

	@Override
	protected void buttonPressed(int buttonId) {
		replace = replaceButton.getSelection();
		chosenIds = new ArrayList<>(selectedButton.getSelection() ? scope.selected()
				: shownButton.getSelection() ? scope.shown() : scope.all());
		if (buttonId == IDialogConstants.OK_ID) {
			chosen = (ServerStatus) table.getSelection()[0].getData();
		}
		if (buttonId == DEPLOY) {
			setReturnCode(DEPLOY);
			close();
			return;
		}
		super.buttonPressed(buttonId);
	}

	public ServerStatus server() {
		return chosen;
	}

	public List<TaskId> tasks() {
		return chosenIds;
	}

	public boolean replace() {
		return replace;
	}

	/** For tests: the servers table. */
	public Table serversTable() {
		return table;
	}
}
