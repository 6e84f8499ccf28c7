package io.labelbench.ui.servers;

import java.util.Map;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;
import org.osgi.service.prefs.BackingStoreException;
import org.osgi.service.prefs.Preferences;

import io.labelbench.prompts.llm.LlmEndpoint;
import io.labelbench.protocol.ServerSpec;
import io.labelbench.ui.LlmEndpointPreference;

/**
 * The workbench's LLM endpoint: base URL and model in the workspace preferences, the API key in Eclipse secure
 * storage (encrypted, outside every project). Where they are not set, the environment's
 * {@code LABELBENCH_LLM_*} variables apply, as on the command line. A deployed server gets the endpoint in its spec
 * and the key in its environment.
 */
public final class LlmSettings {

	static final String BASE_URL = LlmEndpointPreference.BASE_URL;
	static final String MODEL = LlmEndpointPreference.MODEL;
	static final String SECURE_NODE = "/io/labelbench/llm";
	static final String KEY = "apiKey";

	private LlmSettings() {
	}

	private static Preferences preferences() {
		return LlmEndpointPreference.node();
	}

	public static String baseUrl() {
		return preferences().get(BASE_URL, "");
	}

	public static String model() {
		return preferences().get(MODEL, "");
	}

	/** The key from secure storage, or empty. */
	public static String apiKey() throws StorageException {
		return secure().get(KEY, "");
	}

	/** Stores the settings; the key encrypted in secure storage (an empty key removes it). */
	public static void save(String baseUrl, String model, String apiKey) throws StorageException, BackingStoreException {
		Preferences prefs = preferences();
		prefs.put(BASE_URL, baseUrl.strip());
		prefs.put(MODEL, model.strip());
		prefs.flush();
		ISecurePreferences secure = secure();
		if (apiKey.isBlank()) {
			secure.remove(KEY);
		} else {
			secure.put(KEY, apiKey.strip(), true);
		}
		try {
			secure.flush();
		} catch (java.io.IOException e) {
			throw new StorageException(StorageException.INTERNAL_ERROR, e);
		}
	}

	/**
	 * The endpoint the playground calls: these settings, each falling back to its environment variable.
	 *
	 * @throws IllegalArgumentException naming what is missing
	 */
	public static LlmEndpoint endpoint() throws StorageException {
		String key = apiKey();
		Map<String, String> env = new java.util.HashMap<>(System.getenv());
		if (!key.isEmpty()) {
			env.put(LlmEndpoint.KEY_VARIABLE, key);
		}
		return LlmEndpoint.fromEnvironment(baseUrl(), model(), env);
	}

	/** The endpoint a spec names for LLM prompts: the preferences, else the environment; null when neither sets it. */
	public static ServerSpec.LlmEndpoint specEndpoint() {
		return LlmEndpointPreference.endpoint();
	}

	/** What a deployed server's environment gets: the key from secure storage, when one is stored. */
	public static Map<String, String> serverEnvironment() throws java.io.IOException {
		try {
			String key = apiKey();
			return key.isEmpty() ? Map.of() : Map.of(LlmEndpoint.KEY_VARIABLE, key);
		} catch (StorageException e) {
			throw new java.io.IOException("cannot read the LLM API key from secure storage: " + e.getMessage(), e);
		}
	}

	private static ISecurePreferences secure() {
		return SecurePreferencesFactory.getDefault().node(SECURE_NODE);
	}
}
