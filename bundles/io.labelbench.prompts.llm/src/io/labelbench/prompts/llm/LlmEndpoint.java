package io.labelbench.prompts.llm;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * An OpenAI-compatible chat-completions endpoint: OpenAI ({@code https://api.openai.com/v1}), Azure OpenAI
 * ({@code https://RESOURCE.openai.azure.com/openai/v1}), Ollama ({@code http://localhost:11434/v1}), llama.cpp's
 * server ({@code http://localhost:8080/v1}), vLLM ({@code http://localhost:8000/v1}). Requests go to
 * {@code baseUrl + "/chat/completions"}.
 * <p>
 * The API key is a secret: it is sent in the request headers and nowhere else. {@link #toString()} leaves it out, no
 * message of this package contains it, and it is never part of a project, spec, task or export: the command line
 * and a server process read it from {@value #KEY_VARIABLE}, the workbench from its secure storage.
 *
 * @param baseUrl    the URL the OpenAI paths hang from, usually ending in {@code /v1}
 * @param model      the model (a deployment name on Azure)
 * @param apiKey     the key, or empty for local servers that need none (Ollama, llama.cpp, vLLM)
 * @param timeout    how long one request may take
 * @param maxRetries how often a request is repeated after a 429, a 5xx or a timeout
 */
public record LlmEndpoint(URI baseUrl, String model, String apiKey, Duration timeout, int maxRetries) {

	/** The environment variable that holds the API key for the command line and the server. */
	public static final String KEY_VARIABLE = "LABELBENCH_LLM_API_KEY";
	/** The environment variable with the base URL, when the command line is given none. */
	public static final String URL_VARIABLE = "LABELBENCH_LLM_BASE_URL";
	/** The environment variable with the model, when the command line is given none. */
	public static final String MODEL_VARIABLE = "LABELBENCH_LLM_MODEL";

	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
	public static final int DEFAULT_RETRIES = 4;

	public LlmEndpoint {
		Objects.requireNonNull(baseUrl, "baseUrl");
		if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme()) || baseUrl.getHost() == null) {
			throw new IllegalArgumentException("the LLM base URL must be an http or https URL: " + baseUrl);
		}
		if (model == null || model.isBlank()) {
			throw new IllegalArgumentException("the LLM endpoint needs a model name");
		}
		apiKey = apiKey == null ? "" : apiKey.strip();
		timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
		if (maxRetries < 0) {
			throw new IllegalArgumentException("retries must not be negative: " + maxRetries);
		}
	}

	/** An endpoint with the default timeout and retries. */
	public static LlmEndpoint of(String baseUrl, String model, String apiKey) {
		return new LlmEndpoint(uri(baseUrl), model, apiKey, DEFAULT_TIMEOUT, DEFAULT_RETRIES);
	}

	/**
	 * The endpoint of the environment: the base URL and model given (or, when null or blank,
	 * {@value #URL_VARIABLE} and {@value #MODEL_VARIABLE}) with the key of {@value #KEY_VARIABLE}.
	 *
	 * @throws IllegalArgumentException naming the missing setting and the variable that gives it
	 */
	public static LlmEndpoint fromEnvironment(String baseUrl, String model, Map<String, String> environment) {
		String url = blank(baseUrl) ? environment.get(URL_VARIABLE) : baseUrl;
		String name = blank(model) ? environment.get(MODEL_VARIABLE) : model;
		if (blank(url)) {
			throw new IllegalArgumentException("no LLM endpoint configured: give its base URL (set " + URL_VARIABLE
					+ ", e.g. https://api.openai.com/v1 or http://localhost:11434/v1 for Ollama)");
		}
		if (blank(name)) {
			throw new IllegalArgumentException("no LLM model configured: set " + MODEL_VARIABLE + " (e.g. gpt-4o-mini)");
		}
		return of(url.strip(), name.strip(), environment.getOrDefault(KEY_VARIABLE, ""));
	}

	/** The same endpoint with another timeout and retry count. */
	public LlmEndpoint with(Duration newTimeout, int newRetries) {
		return new LlmEndpoint(baseUrl, model, apiKey, newTimeout, newRetries);
	}

	/** The chat-completions URL: the base URL's path plus {@code /chat/completions}, its query kept (Azure's api-version). */
	public URI chatCompletions() {
		String path = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
		path = (path.endsWith("/") ? path.substring(0, path.length() - 1) : path) + "/chat/completions";
		String query = baseUrl.getRawQuery() == null ? "" : "?" + baseUrl.getRawQuery();
		return URI.create(baseUrl.getScheme() + "://" + baseUrl.getRawAuthority() + path + query);
	}

	/** Azure OpenAI takes its key in an {@code api-key} header instead of a bearer token. */
	boolean azure() {
		return baseUrl.getHost().endsWith(".azure.com");
	}

	private static URI uri(String text) {
		try {
			return new URI(Objects.requireNonNull(text, "baseUrl").strip());
		} catch (URISyntaxException e) {
			throw new IllegalArgumentException("not a URL: " + text, e);
		}
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	/** Everything but the key. */
	@Override
	public String toString() {
		return "LlmEndpoint[" + baseUrl + ", model " + model + (apiKey.isEmpty() ? ", no key" : ", key set")
				+ ", timeout " + timeout.toSeconds() + " s, " + maxRetries + " retries]";
	}
}
