package io.labelbench.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.labelbench.protocol.ServerSpec;
import io.labelbench.protocol.ServerSpec.PromptSpec;
import io.labelbench.rules.engine.Prompt;

/**
 * The LLM key reaches a cluster's executors, which run the spec's LLM prompts, through Spark's executor environment
 * only, and only when the spec has LLM prompts; Spark shows the setting redacted.
 */
class ExecutorSecretsTest {
	private static final Map<String, String> DRIVER_ENV = Map.of("LABELBENCH_LLM_API_KEY", "sk-test-1234",
			"HOME", "/home/someone");

	private static ServerSpec spec(Prompt.Engine engine) {
		Prompt prompt = new Prompt("drug", Prompt.Kind.ENTITY, "DRUG", engine, "a medication", List.of(), List.of(),
				null, null, 0.5);
		return new ServerSpec("p", "prompts@1", null, null, null, List.of(new PromptSpec(prompt, "label", "text")),
				new ServerSpec.LlmEndpoint("http://127.0.0.1:9/v1", "m"));
	}

	@Test
	void theKeyGoesToTheExecutorsEnvironmentWhenTheSpecHasLlmPrompts() {
		assertEquals(Map.of("spark.executorEnv.LABELBENCH_LLM_API_KEY", "sk-test-1234"),
				ClusterDriver.executorSecrets(spec(Prompt.Engine.LLM), DRIVER_ENV));
	}

	@Test
	void noKeyLeavesTheDriverWithoutLlmPromptsOrWithoutAKey() {
		assertEquals(Map.of(), ClusterDriver.executorSecrets(spec(Prompt.Engine.BUILTIN), DRIVER_ENV));
		assertEquals(Map.of(), ClusterDriver.executorSecrets(new ServerSpec("p", "v", null, null, null), DRIVER_ENV));
		assertEquals(Map.of(), ClusterDriver.executorSecrets(spec(Prompt.Engine.LLM), Map.of("HOME", "/h")),
				"an endpoint without a key (Ollama) needs none");
	}

	@Test
	void sparkRedactsTheKeysSetting() {
		Pattern redaction = Pattern.compile(ClusterDriver.REDACTION);
		assertTrue(redaction.matcher("spark.executorEnv.LABELBENCH_LLM_API_KEY").find());
		assertTrue(redaction.matcher("spark.authenticate.secret").find(), "Spark's own default still applies");
		assertFalse(redaction.matcher("spark.executor.memory").find());
	}
}
