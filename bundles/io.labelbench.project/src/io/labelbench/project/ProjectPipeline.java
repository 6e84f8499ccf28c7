package io.labelbench.project;

import java.io.IOException;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.hub.ModelCache;
import io.labelbench.preannotate.server.PipelineSpec;
import io.labelbench.preannotate.server.ServerRecord;
import io.labelbench.preannotate.server.ServerRegistry;
import io.labelbench.rules.engine.Rule;
import io.labelbench.rules.engine.RuleException;
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
 */
public final class ProjectPipeline {

	/** The project's rules and the library's. */
	public static final boolean WITH_LIBRARY = true;
	/** The project's rules only. */
	public static final boolean WITHOUT_LIBRARY = false;

	private final LabelbenchProject project;
	private final RulesLibrary library;

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
		return new ProjectPipeline(project, withLibrary ? RulesLibrary.defaultLibrary() : null);
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

	/** The spec a server named {@code name} for this project would run now. */
	public PipelineSpec spec(String name, ModelCache cache) throws IOException {
		return PipelineSpec.derive(name, project.folder().resolve(LabelbenchProject.CONFIG_FILE), cache, rules());
	}

	/**
	 * The servers of the registry deployed for this project whose spec differs from the one they would run now
	 * (after a config edit, a deployment, a new model version or a rule change): they keep predicting with what
	 * they were started with until they are deployed again. A server may have been deployed with or without the
	 * rules library, so it is current when it runs either spec. Whether the processes still run is not looked at.
	 */
	public List<ServerRecord> staleServers(ServerRegistry registry, ModelCache cache) throws IOException {
		Path folder = project.folder().toAbsolutePath().normalize();
		List<ServerRecord> stale = new ArrayList<>();
		for (ServerRecord server : registry.list()) {
			if (server.project() == null || !Path.of(server.project()).toAbsolutePath().normalize().equals(folder)) {
				continue;
			}
			Set<String> current = new HashSet<>();
			current.add(new ProjectPipeline(project, null).spec(server.name(), cache).hash());
			if (library != null) {
				current.add(spec(server.name(), cache).hash());
			}
			if (server.specHash() == null || !current.contains(server.specHash())) {
				stale.add(server);
			}
		}
		return stale;
	}
}
