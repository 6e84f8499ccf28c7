package io.labelbench.ui;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

/** Preferences > Labelbench: the user name that project roles (Owner, Manager, Annotator, Reviewer) refer to. */
public final class UserPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

	public UserPreferencePage() {
		super(GRID);
		setPreferenceStore(new ScopedPreferenceStore(InstanceScope.INSTANCE, UserPreferences.QUALIFIER));
		setDescription(Messages.UserPreferencePage_description);
	}

	@Override
	protected void createFieldEditors() {
		addField(new StringFieldEditor(UserPreferences.USER, Messages.UserPreferencePage_user, getFieldEditorParent()));
	}

	@Override
	public void init(IWorkbench workbench) {
		// the store is set in the constructor
	}
}
