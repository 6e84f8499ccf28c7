package io.labelbench.ui;

import org.eclipse.jface.preference.StringFieldEditor;

/** Preferences > Labelbench: the user name that project roles (Owner, Manager, Annotator, Reviewer) refer to. */
public final class UserPreferencePage extends NodePreferencePage {

	public UserPreferencePage() {
		super(UserPreferences.QUALIFIER, Messages.UserPreferencePage_description);
	}

	@Override
	protected void createFieldEditors() {
		addField(new StringFieldEditor(UserPreferences.USER, Messages.UserPreferencePage_user, getFieldEditorParent()));
	}
}
