package io.labelbench.project;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.hub.ModelCache;
import io.labelbench.preannotate.server.PipelineSpec;
import io.labelbench.protocol.ServerSpec.LlmEndpoint;
import io.labelbench.rules.engine.Prompt;
import io.labelbench.rules.engine.Rule;
import io.labelbench.rules.engine.RuleException;
import io.labelbench.rules.PromptFiles;
import io.labelbench.rules.PromptLibrary;
import io.labelbench.rules.RuleFiles;
import io.labelbench.rules.RulesLibrary;

/**
 * What a project pre-annotates with, derived in one place for the command line and the workbench: the project's
 * rules ({@code rules/*.json}) followed by the rules library's when the library is used, and the pipeline spec a
 * server for the project runs (its labeling config, the cache's models, those rules).
 * <p>
 * Whether the library is used is the caller's switch, {@link #WITH_LIBRARY} or {@link #WITHOUT_LIBRARY}: the
 * command line's {@code --library}; the workbench always uses it (it has no per-deploy choice, and the library is
 * the workspace's shared rules). The library is {@link RulesLibrary#defaultLibrary()} unless a test gives one.
 * <p>
 * Prompts run only where the config names them, so the project's prompts ({@code prompts/*.json}) and the prompt
 * library's are always both known; of two prompts with one name the project's is used. LLM prompts run on the
 * endpoint given by {@link #withLlm} (the command line: {@link #llmFromEnvironment()}).
 */
public final class ProjectPipeline {

	/** The project's rules and the library's. */
	public static final boolean WITH_LIBRARY = true;
	/** The project's rules only. */
	public static final boolean WITHOUT_LIBRARY = false;

	/** The folder of a project's own prompt files. */
	public static final String PROMPTS_FOLDER = "prompts";
	/** The command line's LLM endpoint: base URL and model (the API key has a variable of its own, never read here). */
	public static final String LLM_BASE_URL = "LABELBENCH_LLM_BASE_URL";
	public static final String LLM_MODEL = "LABELBENCH_LLM_MODEL";

	private final LabelbenchProject project;
	private final RulesLibrary library;
	private PromptLibrary prompts = PromptLibrary.defaultLibrary();
	private LlmEndpoint llm;

	/**
	 * @param library the rules library whose rules join the project's, or {@code null} for the project's rules
	 *                only
	 */
	public ProjectPipeline(LabelbenchProject project, RulesLibrary library) {
		this.project = project;
		this.library = library;
	}

	/** The project's pipeline with the default rules library when {@code withLibrary}. */
	public static ProjectPipeline of(LabelbenchProject project, boolean withLibrary) {
		return new ProjectPipeline(project, withLibrary ? RulesLibrary.defaultLibrary() : null)
				.withLlm(llmFromEnvironment());
	}

	/** The project's rules, then the library's; a rule file that cannot be read fails with its name. */
	public List<Rule> rules() throws IOException {
		List<Rule> rules = new ArrayList<>();
		try {
			rules.addAll(RuleFiles.readFolder(project.folder().resolve("rules")));
			if (library != null) {
				rules.addAll(library.rules());
			}
		} catch (RuleException e) {
			throw new IOException(e.getMessage(), e);
		}
		return rules;
	}

	/** This pipeline with another prompt library (tests, the workbench's setting). */
	public ProjectPipeline withPromptLibrary(PromptLibrary library) {
		this.prompts = library;
		return this;
	}

	/** This pipeline with the LLM endpoint LLM prompts run on ({@code null}: none configured). */
	public ProjectPipeline withLlm(LlmEndpoint endpoint) {
		this.llm = endpoint;
		return this;
	}

	/** {@value #LLM_BASE_URL} and {@value #LLM_MODEL}, or {@code null} unless both are set. */
	public static LlmEndpoint llmFromEnvironment() {
		String url = System.getenv(LLM_BASE_URL);
		String model = System.getenv(LLM_MODEL);
		return url == null || url.isBlank() || model == null || model.isBlank() ? null
				: new LlmEndpoint(url.strip(), model.strip());
	}

	/** The project's prompts, then the library's; a prompt file that cannot be read fails with its name. */
	public List<Prompt> prompts() throws IOException {
		List<Prompt> out = new ArrayList<>();
		try {
			out.addAll(PromptFiles.readFolder(project.folder().resolve(PROMPTS_FOLDER)));
			if (prompts != null) {
				out.addAll(prompts.prompts());
			}
		} catch (RuleException e) {
			throw new IOException(e.getMessage(), e);
		}
		return out;
	}

	/** The spec a server named {@code name} for this project would run now. */
	public PipelineSpec spec(String name, ModelCache cache) throws IOException {
		return PipelineSpec.derive(name, project.folder().resolve(LabelbenchProject.CONFIG_FILE), cache, rules(),
				prompts(), llm);
	}
}
