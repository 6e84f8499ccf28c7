package io.labelbench.ui.hub;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.DirectoryFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

import io.labelbench.ui.ModelCachePreference;

/** Preferences > Models Hub: the hubs (one folder or URL per line) and the local model cache. */
public final class HubPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

	public HubPreferencePage() {
		super(GRID);
		setPreferenceStore(new ScopedPreferenceStore(InstanceScope.INSTANCE, HubPreferences.QUALIFIER));
		setDescription(Messages.HubPreferencePage_description);
	}

	@Override
	protected void createFieldEditors() {
		addField(new StringFieldEditor(HubPreferences.HUBS, Messages.HubPreferencePage_hubs, StringFieldEditor.UNLIMITED,
				5, StringFieldEditor.VALIDATE_ON_KEY_STROKE, getFieldEditorParent()));
		addField(new DirectoryFieldEditor(ModelCachePreference.KEY, Messages.HubPreferencePage_cache, getFieldEditorParent()));
	}

	@Override
	public void init(IWorkbench workbench) {
		// the store is set in the constructor
	}
}
