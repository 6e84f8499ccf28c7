package io.labelbench.ui;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

/**
 * A Labelbench preference page: field editors in a grid, stored in one instance-scope preference node whose
 * defaults the node's initializer sets. Subclasses add their fields in {@link #createFieldEditors()}.
 */
public abstract class NodePreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

	protected NodePreferencePage(String qualifier, String description) {
		super(GRID);
		setPreferenceStore(new ScopedPreferenceStore(InstanceScope.INSTANCE, qualifier));
		setDescription(description);
	}

	/** A whole-number field that refuses values outside {@code min..max}. */
	protected final void addIntegerField(String key, String label, int min, int max) {
		IntegerFieldEditor field = new IntegerFieldEditor(key, label, getFieldEditorParent());
		field.setValidRange(min, max);
		addField(field);
	}

	@Override
	public void init(IWorkbench workbench) {
		// the store is set in the constructor
	}
}
