package io.labelbench.ui.servers;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.resources.IProject;

import io.labelbench.preannotate.server.PipelineSpec;
import io.labelbench.preannotate.server.ServerRecord;
import io.labelbench.preannotate.server.ServerRegistry;
import io.labelbench.project.ProjectPipeline;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.ModelCachePreference;

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

	/**
	 * The spec a server for this project would run now: its config, the downloaded models, its rules and the
	 * rules library's (the workbench has no per-deploy choice: the library is the workspace's shared rules).
	 */
	public static PipelineSpec specOf(IProject project) throws IOException {
		return specOf(project, project.getName());
	}

	/** As {@link #specOf(IProject)}, for a server of that name (a Spark cluster's driver has a name of its own). */
	public static PipelineSpec specOf(IProject project, String serverName) throws IOException {
		return ProjectPipeline.of(LabelbenchProjects.of(project), ProjectPipeline.WITH_LIBRARY).withLlm(LlmSettings.specEndpoint())
				.spec(serverName,
				ModelCachePreference.cache());
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
