package io.labelbench.ui.servers;

import java.time.Duration;
import java.util.Arrays;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;

import io.labelbench.preannotate.server.ServerRegistry;
import io.labelbench.project.training.ProjectTrainer;
import io.labelbench.ui.LabelbenchJobs;

/**
 * The servers preferences: the resource budget deploy respects (how many servers, how much heap in all), the heap
 * of a new server, and after how long an idle server is stopped.
 */
public final class ServerPreferences extends AbstractPreferenceInitializer {

	static final String QUALIFIER = "io.labelbench.ui.servers";
	public static final String MAX_SERVERS = "maxServers";
	public static final String MAX_HEAP_MB = "maxHeapMb";
	public static final String SERVER_HEAP_MB = "serverHeapMb";
	public static final String IDLE_MINUTES = "idleMinutes";

	@Override
	public void initializeDefaultPreferences() {
		IEclipsePreferences defaults = DefaultScope.INSTANCE.getNode(QUALIFIER);
		ServerRegistry.Budget budget = ServerRegistry.Budget.configured();
		defaults.putInt(MAX_SERVERS, budget.maxServers());
		defaults.putInt(MAX_HEAP_MB, budget.maxHeapMb());
		defaults.putInt(SERVER_HEAP_MB, 2048);
		defaults.putInt(IDLE_MINUTES, 30);
	}

	private static int get(String key, int fallback) {
		int value = InstanceScope.INSTANCE.getNode(QUALIFIER).getInt(key, -1);
		return value >= 0 ? value : DefaultScope.INSTANCE.getNode(QUALIFIER).getInt(key, fallback);
	}

	static void set(String key, int value) {
		InstanceScope.INSTANCE.getNode(QUALIFIER).putInt(key, value);
	}

	public static ServerRegistry.Budget budget() {
		return new ServerRegistry.Budget(get(MAX_SERVERS, 3), get(MAX_HEAP_MB, 6144));
	}

	/**
	 * The budget left for a new JVM beside the trainings running in this workbench (jobs of
	 * {@link LabelbenchJobs#FAMILY_TRAINING}, each a JVM of {@link ProjectTrainer#HEAP_MB}) other than {@code self}:
	 * deploys and trainings share one budget.
	 */
	public static ServerRegistry.Budget budgetBesideTrainings(Job self) {
		long trainings = Arrays.stream(Job.getJobManager().find(LabelbenchJobs.FAMILY_TRAINING))
				.filter(job -> job != self && job.getState() == Job.RUNNING).count();
		ServerRegistry.Budget budget = budget();
		return new ServerRegistry.Budget(budget.maxServers() - (int) trainings,
				budget.maxHeapMb() - (int) trainings * ProjectTrainer.HEAP_MB);
	}

	public static int serverHeapMb() {
		return get(SERVER_HEAP_MB, 2048);
	}

	/** Zero: idle servers are never stopped. */
	public static Duration idleTimeout() {
		return Duration.ofMinutes(get(IDLE_MINUTES, 30));
	}
}
