package io.labelbench.ui.internal.workbench;

import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.jface.action.ICoolBarManager;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.action.ToolBarContributionItem;
import org.eclipse.jface.action.ToolBarManager;
import org.eclipse.swt.SWT;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.actions.ActionFactory.IWorkbenchAction;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.menus.CommandContributionItem;
import org.eclipse.ui.menus.CommandContributionItemParameter;

import io.labelbench.ui.Messages;

/**
 * The product's menus and main toolbar: File, Edit (the standard commands, which the editor or view in front
 * handles, with the groups text editors add to), Window, Help (Getting Started, About), and Save, Import,
 * Export, Deploy, Pre-Annotate. Built here rather than contributed in plugin.xml so that an IDE Labelbench is
 * installed into keeps its own menus without duplicates.
 */
final class LabelbenchActionBarAdvisor extends ActionBarAdvisor {

	/** The main toolbar's id; plug-ins may contribute to {@code toolbar:io.labelbench.ui.toolbar}. */
	static final String TOOLBAR_ID = "io.labelbench.ui.toolbar";

	private IWorkbenchWindow window;
	private IWorkbenchAction newWizard;
	private IWorkbenchAction save;
	private IWorkbenchAction importWizard;
	private IWorkbenchAction exportWizard;
	private IWorkbenchAction quit;
	private IWorkbenchAction undo;
	private IWorkbenchAction redo;
	private IWorkbenchAction cut;
	private IWorkbenchAction copy;
	private IWorkbenchAction paste;
	private IWorkbenchAction selectAll;
	private IWorkbenchAction find;
	private IWorkbenchAction preferences;

	LabelbenchActionBarAdvisor(IActionBarConfigurer configurer) {
		super(configurer);
	}

	@Override
	protected void makeActions(IWorkbenchWindow workbenchWindow) {
		window = workbenchWindow;
		newWizard = make(ActionFactory.NEW);
		save = make(ActionFactory.SAVE);
		importWizard = make(ActionFactory.IMPORT);
		exportWizard = make(ActionFactory.EXPORT);
		quit = make(ActionFactory.QUIT);
		undo = make(ActionFactory.UNDO);
		redo = make(ActionFactory.REDO);
		cut = make(ActionFactory.CUT);
		copy = make(ActionFactory.COPY);
		paste = make(ActionFactory.PASTE);
		selectAll = make(ActionFactory.SELECT_ALL);
		find = make(ActionFactory.FIND);
		preferences = make(ActionFactory.PREFERENCES);
	}

	private IWorkbenchAction make(ActionFactory factory) {
		IWorkbenchAction action = factory.create(window);
		register(action); // its key binding works while the menu is closed
		return action;
	}

	@Override
	protected void fillMenuBar(IMenuManager bar) {
		MenuManager file = new MenuManager(Messages.Menu_file, IWorkbenchActionConstants.M_FILE);
		file.add(new GroupMarker(IWorkbenchActionConstants.FILE_START));
		file.add(newWizard);
		file.add(new GroupMarker(IWorkbenchActionConstants.NEW_EXT));
		file.add(new Separator());
		file.add(save);
		file.add(new GroupMarker(IWorkbenchActionConstants.SAVE_EXT));
		file.add(new Separator());
		file.add(importWizard);
		file.add(exportWizard);
		file.add(new GroupMarker(IWorkbenchActionConstants.IMPORT_EXT));
		file.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
		file.add(new Separator());
		file.add(quit);
		file.add(new GroupMarker(IWorkbenchActionConstants.FILE_END));

		// the groups are those of the IDE's Edit menu: text editors' action contributors add to them
		MenuManager edit = new MenuManager(Messages.Menu_edit, IWorkbenchActionConstants.M_EDIT);
		edit.add(new GroupMarker(IWorkbenchActionConstants.EDIT_START));
		edit.add(undo);
		edit.add(redo);
		edit.add(new GroupMarker(IWorkbenchActionConstants.UNDO_EXT));
		edit.add(new Separator());
		edit.add(cut);
		edit.add(copy);
		edit.add(paste);
		edit.add(new GroupMarker(IWorkbenchActionConstants.CUT_EXT));
		edit.add(new Separator());
		edit.add(selectAll);
		edit.add(new Separator());
		edit.add(find);
		edit.add(new GroupMarker(IWorkbenchActionConstants.FIND_EXT));
		edit.add(new Separator("group.assist"));
		edit.add(new GroupMarker("group.information"));
		edit.add(new GroupMarker("group.generate"));
		edit.add(new GroupMarker("group.open"));
		edit.add(new GroupMarker(IWorkbenchActionConstants.ADD_EXT));
		edit.add(new GroupMarker(IWorkbenchActionConstants.EDIT_END));
		edit.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));

		MenuManager windowMenu = new MenuManager(Messages.Menu_window, IWorkbenchActionConstants.M_WINDOW);
		windowMenu.add(command("org.eclipse.ui.views.showView", Messages.Menu_showView, null, false));
		windowMenu.add(preferences);
		windowMenu.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));

		MenuManager help = new MenuManager(Messages.Menu_help, IWorkbenchActionConstants.M_HELP);
		help.add(new GroupMarker(IWorkbenchActionConstants.HELP_START));
		help.add(command("io.labelbench.ui.gettingStarted", Messages.Menu_gettingStarted, null, false));
		help.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
		help.add(new Separator());
		help.add(command("io.labelbench.ui.about", Messages.Menu_about, null, false));
		help.add(new GroupMarker(IWorkbenchActionConstants.HELP_END));

		bar.add(file);
		bar.add(edit);
		bar.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
		bar.add(windowMenu);
		bar.add(help);
	}

	@Override
	protected void fillCoolBar(ICoolBarManager coolBar) {
		IToolBarManager toolbar = new ToolBarManager(SWT.FLAT | SWT.RIGHT);
		toolbar.add(save);
		toolbar.add(new Separator());
		toolbar.add(importWizard);
		toolbar.add(exportWizard);
		toolbar.add(new Separator("preannotation"));
		// commands of io.labelbench.ui.servers
		toolbar.add(command("io.labelbench.ui.servers.deploy", Messages.Toolbar_deploy, Messages.Toolbar_deployTip, true));
		toolbar.add(command("io.labelbench.ui.servers.preannotate", Messages.Toolbar_preannotate,
				Messages.Toolbar_preannotateTip, true));
		toolbar.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
		coolBar.add(new ToolBarContributionItem(toolbar, TOOLBAR_ID));
	}

	private IContributionItem command(String commandId, String label, String tooltip, boolean textOnly) {
		CommandContributionItemParameter parameter = new CommandContributionItemParameter(window, null, commandId,
				CommandContributionItem.STYLE_PUSH);
		parameter.label = label;
		parameter.tooltip = tooltip;
		if (textOnly) {
			parameter.mode = CommandContributionItem.MODE_FORCE_TEXT;
		}
		return new CommandContributionItem(parameter);
	}
}
