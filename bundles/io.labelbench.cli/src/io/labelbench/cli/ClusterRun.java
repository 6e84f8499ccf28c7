package io.labelbench.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.core.store.Permission;
import io.labelbench.hub.ModelCache;
import io.labelbench.preannotate.cluster.ClusterDrivers;
import io.labelbench.preannotate.server.PipelineSpec;
import io.labelbench.preannotate.server.ServerException;
import io.labelbench.preannotate.server.ServerRecord;
import io.labelbench.preannotate.server.ServerRegistry;
import io.labelbench.preannotate.server.ServerStatus;

/**
 * {@code preannotate --cluster spark://HOST:PORT [--executors N] [--executor-memory M] [--model-store URI]
 * [--jars ship|installed] [--executor-classpath CP] [--wait-seconds S]}: the project's server started as the driver
 * of a Spark application on that cluster (its pipeline runs on the executors), used like any server by the bulk
 * run, and stopped when the run ends, so that the cluster's cores are free again. A driver left by a killed run is
 * reused by the rerun, and exits by itself after {@value ClusterDrivers#IDLE_EXIT_SECONDS} s without work.
 */
final class ClusterRun {
	static final int DEFAULT_BATCH_SIZE = ClusterDrivers.BATCH_SIZE;
	private static final Pattern EXECUTORS = Pattern.compile("on (\\d+) executor\\(s\\)");

	private final PrintStream out;
	private final PrintStream err;
	private final ServerRegistry registry;

	ClusterRun(PrintStream out, PrintStream err, ServerRegistry registry) {
		this.out = out;
		this.err = err;
		this.registry = registry;
	}

	/** A healthy driver of this project's spec on that master, or one started now. */
	ServerRecord driver(LabelbenchProject project, Arguments args, ModelCache cache)
			throws IOException, ServerException {
		if (!project.may(Permission.PRE_ANNOTATE)) {
			throw new IOException("user '" + LabelbenchProject.currentUser() + "' may not pre-annotate in "
					+ project.folder() + " (Owner or Manager only)");
		}
		String master = args.required("cluster");
		if (!master.matches("spark://[^/:]+:\\d+")) {
			throw new UsageException("preannotate: --cluster takes a standalone master URL spark://HOST:PORT");
		}
		String name = ClusterDrivers.name(project.folder().getFileName().toString());
		PipelineSpec spec = ServerCommand.spec(project, name, args.flag("library"), cache);
		String hash = spec.hash();
		for (ServerRecord s : registry.list()) {
			if (name.equals(s.name()) && hash.equals(s.specHash()) && master.equals(ClusterDrivers.masterOf(s))
					&& project.folder().toAbsolutePath().toString().equals(s.project())
					&& registry.status(s).state() != ServerStatus.State.FAILED) {
				err.println("using the cluster driver " + s.id() + ", which runs this project's current spec on "
						+ master);
				return s;
			}
		}
		java.util.Map<String, String> options = new java.util.LinkedHashMap<>();
		for (String option : List.of("executors", "executor-memory", "model-store", "jars", "executor-classpath",
				"wait-seconds")) {
			options.put(option, args.optional(option, null));
		}
		long t0 = System.nanoTime();
		err.println("starting the driver of a Spark application on " + master);
		ServerRecord server;
		try {
			server = registry.deploy(ClusterDrivers.request(name, project.folder(), spec, master, options),
					ServerRegistry.defaultDistribution(), ServerRegistry.Budget.configured(), new ConsoleProgress(err));
		} catch (ServerException e) {
			throw new ServerException(ClusterDrivers.startError(e.getMessage()));
		}
		ClusterDrivers.remember(server, master);
		err.printf(java.util.Locale.ROOT, "cluster driver %s ready after %.1f s (start-up: executors, models, pipeline),"
				+ " %s%n", server.id(), (System.nanoTime() - t0) / 1e9, executorsInUse(server));
		return server;
	}

	/** Stops the driver: the Spark application ends and its executors free the cluster's cores. */
	void finish(ServerRecord server) {
		try {
			registry.stop(server, Duration.ofSeconds(30));
		} catch (IOException e) {
			err.println("could not stop the cluster driver " + server.id() + ": " + e.getMessage());
		}
	}

	/** How many executors the driver's last job ran on, as its log says. */
	static String executorsInUse(ServerRecord server) {
		String found = null;
		try {
			for (String line : Files.readAllLines(server.log())) {
				Matcher m = EXECUTORS.matcher(line);
				if (line.startsWith("cluster: ") && m.find()) {
					found = m.group(1);
				}
			}
		} catch (IOException e) {
			return "executors unknown";
		}
		return found == null ? "executors unknown" : found + (found.equals("1") ? " executor" : " executors");
	}


}
