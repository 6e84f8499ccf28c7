package io.labelbench.ui;

import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;

import io.labelbench.core.store.LabelbenchProject;

/**
 * Who the current user is in project roles: Preferences > Labelbench, default the operating-system user. The
 * headless code reads it from the {@code labelbench.user} system property, which this keeps in step.
 */
public final class UserPreferences extends AbstractPreferenceInitializer {

	static final String QUALIFIER = "io.labelbench.ui";
	public static final String USER = "user";

	@Override
	public void initializeDefaultPreferences() {
		DefaultScope.INSTANCE.getNode(QUALIFIER).put(USER, System.getProperty("user.name", ""));
	}

	/** Applies the preference now and whenever it changes. */
	public static void track() {
		IEclipsePreferences preferences = InstanceScope.INSTANCE.getNode(QUALIFIER);
		apply(preferences.get(USER, null));
		preferences.addPreferenceChangeListener(event -> {
			if (USER.equals(event.getKey())) {
				apply((String) event.getNewValue());
			}
		});
	}

	private static void apply(String user) {
		if (user == null || user.isBlank()) {
			System.clearProperty("labelbench.user");
		} else {
			System.setProperty("labelbench.user", user.strip());
		}
	}

	public static String currentUser() {
		return LabelbenchProject.currentUser();
	}
}
