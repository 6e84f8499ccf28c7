package io.labelbench.preannotate.cluster;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.json.Json;
import io.labelbench.core.store.AtomicFile;
import io.labelbench.core.store.Folders;
import io.labelbench.core.store.LabelbenchHome;

/**
 * A Spark standalone cluster on this machine for trying cluster pre-annotation: Spark's own Master and Workers,
 * run from the pre-annotation server distribution's jars ({@code lib/} is the Spark home's {@code jars/}), bound to
 * 127.0.0.1. Everything lives in one folder ({@code $LABELBENCH_HOME/cluster}): {@code cluster.json} with the
 * processes' pids, their logs, the workers' work folders (executors' folders and temp files) and the Spark home;
 * stop ends the processes by pid and removes the folder. One cluster at a time.
 * <p>
 * With {@value #SECRET_ENV} in the environment the master, the workers and their executors require Spark
 * authentication with that secret (Spark reads it from its environment, never from a command line or a file).
 */
public final class LocalCluster {
	public static final String SECRET_ENV = "LABELBENCH_SPARK_SECRET";
	static final String FILE = "cluster.json";
	static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	/** A process of the cluster. */
	public record Member(String role, long pid, int webUiPort, Path log) {
		/** Whether the pid is still a Spark daemon (not a recycled pid). */
		public boolean alive() {
			return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
					.filter(p -> p.info().commandLine().map(c -> c.contains("org.apache.spark.deploy")).orElse(true))
					.isPresent();
		}
	}

	/** What runs: the master's URL and web UI, the members, and what each worker offers. */
	public record State(String master, String webUi, List<Member> members, int workers, int cores, String memory,
			boolean authenticate, Instant started) {
		public State {
			members = List.copyOf(members);
		}
	}

	/** The master's own view (its web UI's JSON): workers alive, cores in all and in use, applications running. */
	public record MasterStatus(int aliveWorkers, int cores, int coresUsed, List<String> applications) {
	}

	private final Path folder;

	public LocalCluster(Path folder) {
		this.folder = folder;
	}

	/** {@code cluster} in {@link LabelbenchHome}, or the folder of the {@code labelbench.cluster} property. */
	public static LocalCluster defaultCluster() {
		String configured = System.getProperty("labelbench.cluster");
		return new LocalCluster(configured != null ? Path.of(configured) : LabelbenchHome.resolve("cluster"));
	}

	public Path folder() {
		return folder;
	}

	/** The cluster recorded here, if any (its processes may have died: see {@link Member#alive()}). */
	public Optional<State> state() throws IOException {
		Path file = folder.resolve(FILE);
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		JsonNode json = Json.mapper().readTree(file.toFile());
		List<Member> members = new ArrayList<>();
		for (JsonNode m : json.path("members")) {
			members.add(new Member(m.path("role").asText(), m.path("pid").asLong(), m.path("webUiPort").asInt(),
					folder.resolve(m.path("log").asText())));
		}
		return Optional.of(new State(json.path("master").asText(), json.path("webUi").asText(), members,
				json.path("workers").asInt(), json.path("cores").asInt(), json.path("memory").asText(),
				json.path("authenticate").asBoolean(), Instant.parse(json.path("started").asText())));
	}

	/**
	 * Starts a master and {@code workers} workers of {@code cores} cores and {@code memory} each, and returns once
	 * the master counts them all alive. Refused while a cluster runs here; a cluster that fails to start is
	 * stopped and removed, and the error carries the end of the failing process's log.
	 */
	public State start(Path distribution, int workers, int cores, String memory, Consumer<String> say)
			throws IOException, ClusterException {
		Optional<State> existing = state();
		if (existing.isPresent()) {
			if (existing.get().members().stream().anyMatch(Member::alive)) {
				throw new ClusterException("a cluster runs already (" + existing.get().master()
						+ "): labelbench cluster stop first");
			}
			stop(say); // its processes are gone: clear what they left
		}
		Path lib = distribution.resolve("lib");
		if (!Files.isDirectory(lib)) {
			throw new ClusterException("no server distribution jars in " + lib);
		}
		Files.createDirectories(folder);
		Files.createDirectories(folder.resolve("spark-home"));
		Files.createSymbolicLink(folder.resolve("spark-home/jars"), lib.toAbsolutePath());
		for (String sub : List.of("logs", "work", "local", "tmp")) {
			Files.createDirectories(folder.resolve(sub));
		}
		boolean authenticate = System.getenv(SECRET_ENV) != null && !System.getenv(SECRET_ENV).isBlank();
		int masterPort = freePort(7077);
		int webUi = freePort(8080);
		String master = "spark://127.0.0.1:" + masterPort;
		List<Member> members = new ArrayList<>();
		State state = new State(master, "http://127.0.0.1:" + webUi, members, workers, cores, memory, authenticate,
				Instant.now());
		try {
			members.add(launch(distribution, "master", webUi, authenticate, "org.apache.spark.deploy.master.Master",
					"--host", "127.0.0.1", "--port", String.valueOf(masterPort), "--webui-port", String.valueOf(webUi)));
			save(state, members);
			await(state, members, s -> s != null, "the master did not answer on " + state.webUi());
			for (int i = 1; i <= workers; i++) {
				int workerUi = freePort(8080 + i);
				members.add(launch(distribution, "worker-" + i, workerUi, authenticate,
						"org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--webui-port",
						String.valueOf(workerUi), "--cores", String.valueOf(cores), "--memory", memory, "--work-dir",
						folder.resolve("work/worker-" + i).toString(), master));
				save(state, members);
			}
			await(state, members, s -> s != null && s.aliveWorkers() >= workers,
					"the master does not count " + workers + " workers alive");
			return new State(master, state.webUi(), members, workers, cores, memory, authenticate, state.started());
		} catch (IOException | ClusterException | RuntimeException e) {
			stop(say);
			throw e;
		}
	}

	/**
	 * Stops the workers (their executors with them) and the master by pid, then removes the folder; returns what it
	 * stopped.
	 */
	public List<String> stop(Consumer<String> say) throws IOException {
		List<String> stopped = new ArrayList<>();
		Optional<State> state;
		try {
			state = state();
		} catch (IOException e) {
			state = Optional.empty(); // a half-written record: the folder goes all the same
		}
		if (state.isPresent()) {
			List<Member> members = new ArrayList<>(state.get().members());
			java.util.Collections.reverse(members); // workers first, then the master
			for (Member m : members) {
				if (!m.alive()) {
					continue;
				}
				ProcessHandle handle = ProcessHandle.of(m.pid()).orElseThrow();
				List<ProcessHandle> children = handle.descendants().toList(); // executors, and the JVM under sh
				handle.destroy();
				children.forEach(ProcessHandle::destroy);
				boolean gone = waitFor(handle, Duration.ofSeconds(20));
				for (ProcessHandle p : children) {
					if (!waitFor(p, Duration.ofSeconds(gone ? 10 : 1))) {
						p.destroyForcibly();
						waitFor(p, Duration.ofSeconds(10));
					}
				}
				if (!gone) {
					handle.destroyForcibly();
					waitFor(handle, Duration.ofSeconds(10));
				}
				stopped.add(m.role() + " (pid " + m.pid() + ")");
				say.accept("stopped " + m.role() + " (pid " + m.pid() + ")");
			}
		}
		if (Files.exists(folder)) {
			Folders.deleteTree(folder);
		}
		return stopped;
	}

	/** The master's view of the cluster, or null when its web UI does not answer. */
	public static MasterStatus masterStatus(String webUi) {
		try {
			HttpURLConnection c = (HttpURLConnection) URI.create(webUi + "/json/").toURL().openConnection();
			c.setConnectTimeout(2000);
			c.setReadTimeout(5000);
			try (var in = c.getInputStream()) {
				JsonNode json = Json.mapper().readTree(in);
				List<String> apps = new ArrayList<>();
				json.path("activeapps").forEach(a -> apps.add(a.path("name").asText() + " (" + a.path("cores").asInt()
						+ " cores)"));
				return new MasterStatus(json.path("aliveworkers").asInt(), json.path("cores").asInt(),
						json.path("coresused").asInt(), apps);
			} finally {
				c.disconnect();
			}
		} catch (IOException | RuntimeException e) {
			return null;
		}
	}

	/** Thrown when a cluster cannot start; the message says why and what to do. */
	public static final class ClusterException extends Exception {
		private static final long serialVersionUID = 1L;

		public ClusterException(String message) {
			super(message);
		}
	}

	private Member launch(Path distribution, String role, int webUiPort, boolean authenticate, String... args)
			throws IOException {
		List<String> command = new ArrayList<>(List.of("sh", distribution.resolve("bin/labelbench-server").toString(),
				"run"));
		command.addAll(List.of(args));
		ProcessBuilder pb = new ProcessBuilder(command);
		var env = pb.environment();
		env.put("SPARK_LOCAL_IP", "127.0.0.1"); // web UIs and executors on loopback only
		env.put("SPARK_HOME", folder.resolve("spark-home").toString());
		env.put("SPARK_SCALA_VERSION", "2.12"); // without it every executor launch fails (no Scala build found)
		env.put("SPARK_LOCAL_DIRS", folder.resolve("local").toString());
		env.put("SPARK_LOG_DIR", folder.resolve("logs").toString());
		env.put("LABELBENCH_SERVER_HEAP", "512m");
		env.put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
		env.put("LABELBENCH_SERVER_VMARGS", "-Djava.io.tmpdir=" + folder.resolve("tmp")
				+ (authenticate ? " -Dspark.authenticate=true" : ""));
		Path log = folder.resolve("logs/" + role + ".log");
		pb.redirectErrorStream(true).redirectOutput(log.toFile());
		pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
		Process process = pb.start();
		return new Member(role, process.pid(), webUiPort, log);
	}

	private void save(State state, List<Member> members) throws IOException {
		ObjectNode json = Json.nodes().objectNode();
		json.put("master", state.master());
		json.put("webUi", state.webUi());
		json.put("workers", state.workers());
		json.put("cores", state.cores());
		json.put("memory", state.memory());
		json.put("authenticate", state.authenticate());
		json.put("started", state.started().toString());
		var list = json.putArray("members");
		for (Member m : members) {
			list.addObject().put("role", m.role()).put("pid", m.pid()).put("webUiPort", m.webUiPort()).put("log",
					folder.relativize(m.log()).toString());
		}
		AtomicFile.write(folder.resolve(FILE), out -> Json.mapper().writeValue(out, json));
	}

	private void await(State state, List<Member> members, java.util.function.Predicate<MasterStatus> done,
			String what) throws ClusterException {
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		for (;;) {
			for (Member m : members) {
				if (!m.alive()) {
					throw new ClusterException("the " + m.role() + " stopped while starting. The end of its log:\n"
							+ tail(m.log(), 20));
				}
			}
			if (done.test(masterStatus(state.webUi()))) {
				return;
			}
			if (System.nanoTime() > deadline) {
				throw new ClusterException(what + " after " + START_TIMEOUT.toSeconds() + " s. The end of the master's"
						+ " log:\n" + tail(members.get(0).log(), 20));
			}
			try {
				Thread.sleep(300);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new ClusterException("interrupted while the cluster was starting");
			}
		}
	}

	/** {@code preferred} when it is free on 127.0.0.1, else any free port. */
	static int freePort(int preferred) throws IOException {
		try (ServerSocket s = new ServerSocket()) {
			s.bind(new InetSocketAddress("127.0.0.1", preferred));
			return preferred;
		} catch (IOException e) {
			try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
				return s.getLocalPort();
			}
		}
	}

	static String tail(Path log, int lines) {
		try {
			List<String> all = Files.readAllLines(log);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		} catch (IOException e) {
			return "(no log: " + e.getMessage() + ")";
		}
	}

	private static boolean waitFor(ProcessHandle handle, Duration timeout) {
		try {
			handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		} catch (java.util.concurrent.TimeoutException e) {
			return false;
		} catch (java.util.concurrent.ExecutionException e) {
			return !handle.isAlive();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return !handle.isAlive();
		}
	}
}
