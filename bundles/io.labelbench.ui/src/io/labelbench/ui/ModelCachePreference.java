package io.labelbench.ui;

import java.nio.file.Path;

import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.InstanceScope;

import io.labelbench.hub.ModelCache;

/**
 * Which local model cache the workbench uses: set on the Models Hub preference page, read by the config
 * validation (models named in configs) as well as by the Models Hub view.
 */
public final class ModelCachePreference {
	/** The preference node and key (kept where the Models Hub page has always stored them). */
	public static final String QUALIFIER = "io.labelbench.ui.hub";
	public static final String KEY = "cache";

	private ModelCachePreference() {
	}

	public static ModelCache cache() {
		String folder = InstanceScope.INSTANCE.getNode(QUALIFIER).get(KEY, null);
		if (folder == null) {
			folder = DefaultScope.INSTANCE.getNode(QUALIFIER).get(KEY, "");
		}
		return folder.isBlank() ? ModelCache.defaultCache() : new ModelCache(Path.of(folder));
	}
}
