package io.labelbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferenceNode;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.preference.PreferenceManager;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.ui.ModelCachePreference;

/**
 * The three preference pages as the user meets them in Window > Preferences: their names in the tree (from
 * plugin.properties), the values they store and the values they refuse; the model cache set on the Models Hub
 * page is the one the config validation and the servers read.
 */
class PreferencePagesTest {

	@Test
	void pagesAreListedUnderTheirTranslatedNames() {
		PreferenceManager manager = PlatformUI.getWorkbench().getPreferenceManager();
		List<String> labels = new ArrayList<>();
		for (IPreferenceNode node : manager.getElements(PreferenceManager.PRE_ORDER)) {
			if (node.getId().startsWith("io.labelbench.")) {
				labels.add(node.getId() + "=" + node.getLabelText());
			}
		}
		assertTrue(labels.contains("io.labelbench.ui.preferences=Labelbench"), labels.toString());
		assertTrue(labels.contains("io.labelbench.ui.servers.preferences=Servers"), labels.toString());
		assertTrue(labels.contains("io.labelbench.ui.hub.preferences=Models Hub"), labels.toString());
	}

	@Test
	void serversPageRefusesAValueOutOfRangeAndStoresOneInRange() throws Exception {
		String stored = storedBy("io.labelbench.ui.servers.preferences", "io.labelbench.ui.servers", "maxServers",
				page -> {
					Text maxServers = texts(page.getControl()).get(0);
					type(maxServers, "0");
					assertFalse(page.isValid(), "0 servers is below the range 1..32");
					type(maxServers, "7");
					assertTrue(page.isValid(), page.getErrorMessage());
				});
		assertEquals("7", stored);
	}

	@Test
	void userPageStoresTheUserName() throws Exception {
		assertEquals("alice", storedBy("io.labelbench.ui.preferences", "io.labelbench.ui", "user",
				page -> type(texts(page.getControl()).get(0), "alice")));
	}

	@Test
	void modelCacheSetOnTheHubPageIsTheOneTheWorkbenchReads(@TempDir Path dir) throws Exception {
		Path[] read = new Path[1];
		storedBy("io.labelbench.ui.hub.preferences", ModelCachePreference.QUALIFIER, ModelCachePreference.KEY, page -> {
			List<Text> texts = texts(page.getControl());
			// the hubs (multi-line), then the cache folder
			type(texts.get(texts.size() - 1), dir.toString());
			assertTrue(page.performOk());
			read[0] = ModelCachePreference.cache().folder();
		});
		assertEquals(dir, read[0]);
	}

	/**
	 * Opens the page in the Preferences dialog, lets {@code edit} change its fields, presses OK (performOk) and
	 * returns what the page stored under the key; the key's earlier value is put back afterwards.
	 */
	private static String storedBy(String pageId, String qualifier, String key, PageCheck edit) throws Exception {
		IEclipsePreferences node = InstanceScope.INSTANCE.getNode(qualifier);
		String before = node.get(key, null);
		try {
			onPage(pageId, page -> {
				edit.check(page);
				assertTrue(page.performOk());
			});
			return node.get(key, null);
		} finally {
			if (before == null) {
				node.remove(key);
			} else {
				node.put(key, before);
			}
			node.flush();
		}
	}

	private interface PageCheck {
		void check(PreferencePage page) throws Exception;
	}

	private static void onPage(String id, PageCheck check) throws Exception {
		Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
		PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(shell, id, new String[] { id }, null);
		dialog.setBlockOnOpen(false);
		dialog.open();
		try {
			check.check((PreferencePage) dialog.getSelectedPage());
		} finally {
			dialog.close();
		}
	}

	/** Puts the text in the field as typing does: the field editors check their value on key release. */
	private static void type(Text field, String text) {
		field.setText(text);
		field.notifyListeners(SWT.KeyUp, new Event());
	}

	private static List<Text> texts(Control control) {
		List<Text> texts = new ArrayList<>();
		if (control instanceof Text text) {
			texts.add(text);
		} else if (control instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				texts.addAll(texts(child));
			}
		}
		return texts;
	}
}
