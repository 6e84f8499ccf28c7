package io.labelbench.ui.config;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;

import io.labelbench.config.ConfigValidator;
import io.labelbench.config.Diagnostic;
import io.labelbench.config.LabelUsage;
import io.labelbench.config.LabelingConfig;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.preannotate.server.PipelineSpec;
import io.labelbench.project.ProjectPipeline;
import io.labelbench.rules.engine.Prompt;
import io.labelbench.ui.LabelbenchNature;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.LlmEndpointPreference;
import io.labelbench.ui.ModelCachePreference;

/**
 * Validates a Labelbench project's labeling config on save and on auto-build, so its problems are in the
 * Problems view with the editor closed, and deploy and pre-annotation can refuse a config with errors.
 */
public final class ConfigBuilder extends IncrementalProjectBuilder {

	public static final String ID = LabelbenchNature.BUILDER_ID;

	@Override
	protected IProject[] build(int kind, Map<String, String> args, IProgressMonitor monitor) throws CoreException {
		IProject project = getProject();
		IFile config = project.getFile(LabelbenchProject.CONFIG_FILE);
		IResourceDelta delta = kind == FULL_BUILD ? null : getDelta(project);
		boolean configChanged = delta == null || delta.findMember(config.getProjectRelativePath()) != null;
		if (configChanged && config.exists()) {
			validate(project, config);
		}
		return null;
	}

	/** Label usage per project, counted at each build; live validation in the editor reuses the last count. */
	private static final Map<IProject, Map<String, Integer>> USAGE = new ConcurrentHashMap<>();

	/** Validates the config and updates its markers; returns the diagnostics. */
	public static List<Diagnostic> validate(IProject project, IFile config) throws CoreException {
		LabelingConfig parsed;
		try {
			// by its byte order mark or encoding declaration, as the editor reads it; bad bytes become a marker
			parsed = LabelingConfig.decode(config.readAllBytes());
		} catch (CoreException e) {
			return List.of();
		}
		USAGE.put(project, countUsage(project));
		List<Diagnostic> diagnostics = validator(project).validate(parsed);
		ConfigMarkers.update(config, diagnostics);
		return diagnostics;
	}

	/**
	 * The validator the builder and the editor share, so their markers agree: the models of the local cache
	 * (labels, embeddings), the labels existing tasks use, the project's mixed-embeddings setting.
	 */
	public static ConfigValidator validator(IProject project) {
		LabelbenchProject labelbench = LabelbenchProjects.of(project);
		boolean allowMixed = false;
		if (labelbench != null) {
			try {
				allowMixed = labelbench.settings().settings().path("allowMixedEmbeddings").asBoolean(false);
			} catch (IOException | RuntimeException e) {
				// no readable settings: the default
			}
		}
		Map<String, Integer> usage = USAGE.computeIfAbsent(project, ConfigBuilder::countUsage);
		return new ConfigValidator(PipelineSpec.modelInfo(ModelCachePreference.cache()), usage, allowMixed)
				.withPrompts(prompts(labelbench), LlmEndpointPreference.endpoint() != null);
	}

	/** The prompts the project can name, its own first; unreadable prompt files: prompt attributes not checked. */
	private static Map<String, Prompt> prompts(LabelbenchProject labelbench) {
		if (labelbench == null) {
			return null;
		}
		try {
			Map<String, Prompt> known = new LinkedHashMap<>();
			ProjectPipeline.of(labelbench, ProjectPipeline.WITH_LIBRARY).prompts()
					.forEach(p -> known.putIfAbsent(p.name(), p));
			return known;
		} catch (IOException e) {
			// a broken prompt file is the prompt editor's error, not a flood of unknown-prompt markers here
			return null;
		}
	}

	private static Map<String, Integer> countUsage(IProject project) {
		LabelbenchProject labelbench = LabelbenchProjects.of(project);
		try {
			return labelbench == null ? Map.of() : LabelUsage.count(labelbench.tasks().tasks());
		} catch (IOException | RuntimeException e) {
			// unreadable tasks are `labelbench check`'s business; validate the config without usage counts
			return Map.of();
		}
	}

	@Override
	protected void clean(IProgressMonitor monitor) throws CoreException {
		getProject().getFile(LabelbenchProject.CONFIG_FILE).deleteMarkers(ConfigMarkers.TYPE, false, 0);
	}

	/** Whether the project's config currently has an error marker (deploy and pre-annotation refuse then). */
	public static IStatus configStatus(IProject project) throws CoreException {
		IFile config = project.getFile(LabelbenchProject.CONFIG_FILE);
		if (config.exists() && config.findMaxProblemSeverity(ConfigMarkers.TYPE, false, 0) == org.eclipse.core.resources.IMarker.SEVERITY_ERROR) {
			return Status.error(config.getFullPath() + " has errors: fix them first (see the Problems view)");
		}
		return Status.OK_STATUS;
	}
}
