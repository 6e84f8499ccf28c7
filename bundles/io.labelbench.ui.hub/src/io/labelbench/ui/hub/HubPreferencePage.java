package io.labelbench.ui.hub;

import org.eclipse.jface.preference.DirectoryFieldEditor;
import org.eclipse.jface.preference.StringFieldEditor;

import io.labelbench.ui.ModelCachePreference;
import io.labelbench.ui.NodePreferencePage;

/** Preferences > Models Hub: the hubs (one folder or URL per line) and the local model cache. */
public final class HubPreferencePage extends NodePreferencePage {

	public HubPreferencePage() {
		super(HubPreferences.QUALIFIER, Messages.HubPreferencePage_description);
	}

	@Override
	protected void createFieldEditors() {
		addField(new StringFieldEditor(HubPreferences.HUBS, Messages.HubPreferencePage_hubs, StringFieldEditor.UNLIMITED,
				5, StringFieldEditor.VALIDATE_ON_KEY_STROKE, getFieldEditorParent()));
		addField(new DirectoryFieldEditor(ModelCachePreference.KEY, Messages.HubPreferencePage_cache, getFieldEditorParent()));
	}
}
