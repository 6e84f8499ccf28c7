package io.labelbench.ui.servers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IProject;

import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.preannotate.server.PipelineSpec;
import io.labelbench.preannotate.server.ServerRecord;
import io.labelbench.preannotate.server.ServerRegistry;
import io.labelbench.rules.engine.Rule;
import io.labelbench.rules.engine.RuleException;
import io.labelbench.rules.RuleFiles;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.hub.HubPreferences;

/** The workbench's view of the headless server registry: which registry, and a project's current spec. */
public final class Servers {
	private Servers() {
	}

	public static ServerRegistry registry() {
		return ServerRegistry.defaultRegistry();
	}

	public static Path folderOf(IProject project) {
		return project.getLocation().toFile().toPath();
	}

	/** The spec a server for this project would run now: its config, the downloaded models, its rules. */
	public static PipelineSpec specOf(IProject project) throws IOException {
		LabelbenchProject lb = LabelbenchProjects.of(project);
		List<Rule> rules = new ArrayList<>();
		try {
			rules.addAll(RuleFiles.readFolder(lb.folder().resolve("rules")));
		} catch (RuleException e) {
			throw new IOException(e.getMessage(), e);
		}
		return PipelineSpec.derive(project.getName(), lb.folder().resolve(LabelbenchProject.CONFIG_FILE),
				HubPreferences.cache(), rules);
	}

	/** Whether a server was deployed for this project. */
	public static boolean belongsTo(ServerRecord server, IProject project) {
		return server.project() != null && Path.of(server.project()).equals(folderOf(project).toAbsolutePath());
	}

	/** A server runs an older spec than the project's current one (config, model or rule changed since). */
	public static boolean isStale(ServerRecord server, PipelineSpec current) {
		return current != null && server.specHash() != null
				&& !server.specHash().equals(current.hash());
	}
}
