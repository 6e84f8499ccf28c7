package io.labelbench.ui.servers;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

/** Preferences > Labelbench > Servers: budget, heap of a new server, idle timeout. */
public final class ServerPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

	public ServerPreferencePage() {
		super(GRID);
		setPreferenceStore(new ScopedPreferenceStore(InstanceScope.INSTANCE, ServerPreferences.QUALIFIER));
		setDescription(Messages.ServerPreferencePage_description);
	}

	@Override
	protected void createFieldEditors() {
		IntegerFieldEditor max = new IntegerFieldEditor(ServerPreferences.MAX_SERVERS,
				Messages.ServerPreferencePage_maxServers, getFieldEditorParent());
		max.setValidRange(1, 32);
		addField(max);
		IntegerFieldEditor budget = new IntegerFieldEditor(ServerPreferences.MAX_HEAP_MB,
				Messages.ServerPreferencePage_maxHeap, getFieldEditorParent());
		budget.setValidRange(512, 1 << 20);
		addField(budget);
		IntegerFieldEditor heap = new IntegerFieldEditor(ServerPreferences.SERVER_HEAP_MB,
				Messages.ServerPreferencePage_serverHeap, getFieldEditorParent());
		heap.setValidRange(512, 65536);
		addField(heap);
		IntegerFieldEditor idle = new IntegerFieldEditor(ServerPreferences.IDLE_MINUTES,
				Messages.ServerPreferencePage_idle, getFieldEditorParent());
		idle.setValidRange(0, 24 * 60);
		addField(idle);
	}

	@Override
	public void init(IWorkbench workbench) {
		// the store is set in the constructor
	}
}
