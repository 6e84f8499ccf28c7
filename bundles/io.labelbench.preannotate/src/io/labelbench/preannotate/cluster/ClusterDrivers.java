package io.labelbench.preannotate.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.labelbench.preannotate.server.PipelineSpec;
import io.labelbench.preannotate.server.ServerRecord;
import io.labelbench.preannotate.server.ServerRegistry;

/**
 * Pre-annotation servers started as the driver of a Spark application on a standalone cluster (the server's
 * {@code --cluster} mode): how to ask the registry for one, and how to tell one from a plain server. The master's URL
 * is kept next to the server's record, so that a driver can be found again for the same project, spec and master.
 */
public final class ClusterDrivers {
	/** The driver holds the cluster's cores: it exits by itself after this long without a request. */
	public static final int IDLE_EXIT_SECONDS = 300;
	public static final int DRIVER_HEAP_MB = 1536;
	/** Tasks a batch, a Spark job each: large enough that a job's fixed cost (~0.1 s) is small beside its work. */
	public static final int BATCH_SIZE = 1000;
	private static final String MASTER_FILE = "cluster-master";

	private ClusterDrivers() {
	}

	/** The name of a project's driver: distinct from its server's, so that both can run. */
	public static String name(String project) {
		return project + "-cluster";
	}

	/**
	 * What to deploy for a driver on {@code master}; {@code options} are the server's cluster options without
	 * dashes ({@code executors}, {@code executor-memory}, {@code model-store}, {@code jars}, …; null values left out).
	 * Without {@code jars}, the jars are {@code installed} on the local cluster (its Spark home is the server's
	 * {@code lib/}) and shipped to any other.
	 */
	public static ServerRegistry.DeployRequest request(String name, Path project, PipelineSpec spec, String master,
			Map<String, String> options) {
		Map<String, String> all = new LinkedHashMap<>(options);
		LocalCluster.State local = localCluster(master);
		all.putIfAbsent("jars", local != null ? "installed" : "ship");
		if (local != null) {
			all.putIfAbsent("master-ui", local.webUi()); // may not be on 8080
		}
		List<String> args = new ArrayList<>(List.of("--cluster", master, "--idle-exit-seconds",
				String.valueOf(IDLE_EXIT_SECONDS)));
		all.forEach((k, v) -> {
			if (v != null) {
				args.addAll(List.of("--" + k, v));
			}
		});
		return new ServerRegistry.DeployRequest(name, project, spec, DRIVER_HEAP_MB, 0, args);
	}

	/** Records, next to the deployed driver's record, which master it runs on. */
	public static void remember(ServerRecord driver, String master) throws IOException {
		Files.writeString(driver.folder().resolve(MASTER_FILE), master);
	}

	/** The master a driver runs on, or null for a plain server. */
	public static String masterOf(ServerRecord server) {
		try {
			Path file = server.folder().resolve(MASTER_FILE);
			return Files.isRegularFile(file) ? Files.readString(file).strip() : null;
		} catch (IOException e) {
			return null;
		}
	}

	/**
	 * Why a driver did not start: its own one-line {@code ERROR} (what to fix: an unreachable master, no executor,
	 * models the executors cannot read), else the registry's message with the end of its log.
	 */
	public static String startError(String message) {
		for (String line : message.split("\n")) {
			if (line.startsWith("ERROR ")) {
				return line.substring("ERROR ".length());
			}
		}
		return message;
	}

	/** The cluster {@code cluster start} runs here, when {@code master} is its master; else null. */
	public static LocalCluster.State localCluster(String master) {
		try {
			return LocalCluster.defaultCluster().state().filter(s -> s.master().equals(master)).orElse(null);
		} catch (IOException e) {
			return null;
		}
	}
}
