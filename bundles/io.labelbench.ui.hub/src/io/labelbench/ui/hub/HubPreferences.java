package io.labelbench.ui.hub;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;

import io.labelbench.hub.HubLocation;
import io.labelbench.hub.ModelCache;
import io.labelbench.hub.ModelsHub;
import io.labelbench.ui.ModelCachePreference;

/**
 * The Models Hub preferences: the hubs to read (folders or http(s) URLs, one per line, the first wins a tie)
 * and the default of the local model cache (which {@link ModelCachePreference} reads). The default hub is the one the product is started with ({@code labelbench.hub}).
 */
public final class HubPreferences extends AbstractPreferenceInitializer {

	static final String QUALIFIER = ModelCachePreference.QUALIFIER;
	public static final String HUBS = "hubs";

	@Override
	public void initializeDefaultPreferences() {
		IEclipsePreferences defaults = DefaultScope.INSTANCE.getNode(QUALIFIER);
		defaults.put(HUBS, System.getProperty("labelbench.hub", "").replace(',', '\n'));
		defaults.put(ModelCachePreference.KEY, ModelCache.defaultCache().folder().toString());
	}

	static IEclipsePreferences instance() {
		return InstanceScope.INSTANCE.getNode(QUALIFIER);
	}

	private static String get(String key) {
		String value = instance().get(key, null);
		return value != null ? value : DefaultScope.INSTANCE.getNode(QUALIFIER).get(key, "");
	}

	public static List<HubLocation> hubs() {
		List<HubLocation> hubs = new ArrayList<>();
		for (String line : get(HUBS).split("[\\n,]")) {
			if (!line.isBlank()) {
				hubs.add(HubLocation.parse(line.strip()));
			}
		}
		if (hubs.isEmpty()) {
			hubs.addAll(ModelsHub.configuredHubs());
		}
		return hubs;
	}
}
