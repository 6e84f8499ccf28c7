package io.labelbench.server.cluster;

import java.net.URI;
import java.util.Map;

/**
 * How the pre-annotation server runs its pipeline on a Spark cluster instead of in its own JVM (it is then the
 * Spark application's driver). From the server's command line:
 *
 * <pre>
 * --cluster spark://HOST:PORT    the standalone master
 * --executors N                  executors to ask for (default 2), each with --executor-cores C (default 1)
 * --executor-memory M            heap of each executor, Spark's notation (default 1g)
 * --model-store URI              copy the models once to this folder or hdfs:// / s3a:// location every executor
 *                                reads (default: executors read the spec's folders, as on one machine or NFS)
 * --jars ship|installed          ship the application's jars to the executors (spark.jars, default), or use
 *                                jars installed on every worker: the Spark home's jars/ or --executor-classpath
 * --executor-classpath CP        spark.executor.extraClassPath, e.g. /opt/labelbench/lib/* on every worker
 * --driver-host HOST             the address executors reach the driver at (default: 127.0.0.1 for a master on
 *                                this machine, else this machine's name)
 * --wait-seconds S               how long to wait for executors and for the first job (default 60)
 * --master-ui URL                the master's web UI, asked why no executor comes (default http://HOST:8080)
 * </pre>
 *
 * Spark authentication is on when the environment has {@value ClusterDriver#SECRET_ENV} (the shared secret; Spark
 * reads it from there, so it is never on a command line or in a file).
 */
public record ClusterOptions(String master, int executors, int executorCores, String executorMemory,
		String modelStore, boolean shipJars, String executorClasspath, String driverHost, int waitSeconds,
		String masterUi) {

	public static final String USAGE = "--cluster spark://HOST:PORT [--executors N] [--executor-cores C]"
			+ " [--executor-memory M] [--model-store URI] [--jars ship|installed] [--executor-classpath CP]"
			+ " [--driver-host HOST] [--wait-seconds S] [--master-ui URL]";

	/** The options of a cluster run, or null when the command line names no {@code --cluster}. */
	public static ClusterOptions from(Map<String, String> options) {
		String master = options.get("cluster");
		if (master == null) {
			return null;
		}
		if (!master.startsWith("spark://")) {
			throw new IllegalArgumentException("--cluster takes a standalone master URL spark://HOST:PORT, not "
					+ master + " (YARN and Kubernetes: see the README)");
		}
		URI uri = URI.create(master);
		if (uri.getHost() == null || uri.getPort() <= 0) {
			throw new IllegalArgumentException("--cluster " + master + ": give the master as spark://HOST:PORT");
		}
		String jars = options.getOrDefault("jars", "ship");
		if (!jars.equals("ship") && !jars.equals("installed")) {
			throw new IllegalArgumentException("--jars takes ship or installed, not " + jars);
		}
		String memory = options.getOrDefault("executor-memory", "1g");
		if (!memory.matches("\\d+[kmgtKMGT]?")) {
			throw new IllegalArgumentException("--executor-memory takes a size such as 1g or 1536m, not " + memory);
		}
		String host = uri.getHost();
		boolean loopback = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1");
		return new ClusterOptions(master, positive(options, "executors", 2), positive(options, "executor-cores", 1),
				memory, options.get("model-store"), jars.equals("ship"), options.get("executor-classpath"),
				options.getOrDefault("driver-host", loopback ? "127.0.0.1" : null), positive(options, "wait-seconds", 60),
				options.getOrDefault("master-ui", "http://" + host + ":8080"));
	}

	private static int positive(Map<String, String> options, String name, int otherwise) {
		String value = options.get(name);
		if (value == null) {
			return otherwise;
		}
		try {
			int n = Integer.parseInt(value);
			if (n < 1 || n > 10_000) {
				throw new NumberFormatException();
			}
			return n;
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException("--" + name + " takes a number from 1 to 10000, not " + value);
		}
	}

	/** The executor memory in MB (Spark's notation: 1g, 1536m, 2048k). */
	public long executorMemoryMb() {
		long n = Long.parseLong(executorMemory.replaceAll("[^0-9]", ""));
		return switch (Character.toLowerCase(executorMemory.charAt(executorMemory.length() - 1))) {
		case 'k' -> n / 1024;
		case 'g' -> n * 1024;
		case 't' -> n * 1024 * 1024;
		case 'm' -> n;
		default -> n / (1024 * 1024); // bytes
		};
	}

	/** spark://HOST:PORT's host and port. */
	public URI masterUri() {
		return URI.create(master);
	}
}
