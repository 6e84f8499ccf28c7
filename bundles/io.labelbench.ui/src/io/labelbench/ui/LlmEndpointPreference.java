package io.labelbench.ui;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.Preferences;

import io.labelbench.project.ProjectPipeline;
import io.labelbench.protocol.ServerSpec.LlmEndpoint;

/**
 * The workbench's LLM endpoint (base URL and model; the key lives in secure storage, never here): set on the LLM
 * Endpoint preference page, read by the config validation (an LLM prompt needs an endpoint) and by the servers the
 * workbench deploys. Where the preferences are not set, the command line's {@code LABELBENCH_LLM_*} variables apply.
 */
public final class LlmEndpointPreference {
	/** The preference node and keys. */
	public static final String QUALIFIER = "io.labelbench.ui.servers.llm";
	public static final String BASE_URL = "llm.baseUrl";
	public static final String MODEL = "llm.model";

	private LlmEndpointPreference() {
	}

	public static Preferences node() {
		return InstanceScope.INSTANCE.getNode(QUALIFIER);
	}

	/** The endpoint of the preferences, else of the environment, or {@code null} when neither names one. */
	public static LlmEndpoint endpoint() {
		String url = node().get(BASE_URL, "");
		String model = node().get(MODEL, "");
		if (!url.isBlank() && !model.isBlank()) {
			return new LlmEndpoint(url, model);
		}
		return ProjectPipeline.llmFromEnvironment();
	}
}
