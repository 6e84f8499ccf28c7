package io.labelbench.preannotate.server;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.labelbench.core.io.Progress;
import io.labelbench.core.json.Json;
import io.labelbench.core.store.AtomicFile;
import io.labelbench.core.store.Folders;
import io.labelbench.core.store.LabelbenchHome;
import io.labelbench.protocol.ServerInfo;

/**
 * The pre-annotation servers of this user: each in its own folder ({@code server.json}, {@code spec.json},
 * {@code server.log}, and {@code tmp/}, the server JVM's temp folder, so Spark NLP's leftovers go when the server
 * goes). Deploy starts the server distribution as a separate JVM on a free port of 127.0.0.1 with a random token
 * and waits until it is healthy; every server is its own process, so several run at once.
 */
public final class ServerRegistry {
	/** Where the server distribution is ({@code bin/labelbench-server}, {@code lib/}). */
	public static final String DISTRIBUTION_PROPERTY = "labelbench.server.dist";
	static final Duration START_TIMEOUT = Duration.ofMinutes(3);
	static final Duration CLUSTER_START_TIMEOUT = Duration.ofMinutes(15);
	private static final SecureRandom RANDOM = new SecureRandom();

	/** Limits on what deployed servers may take: count and the sum of their heaps. */
	public record Budget(int maxServers, int maxHeapMb) {
		public static final Budget DEFAULT = new Budget(3, 6144);

		/** The default, or the system properties {@code labelbench.servers.max} and {@code labelbench.servers.heapMb}. */
		public static Budget configured() {
			return new Budget(Integer.getInteger("labelbench.servers.max", DEFAULT.maxServers()),
					Integer.getInteger("labelbench.servers.heapMb", DEFAULT.maxHeapMb()));
		}
	}

	/**
	 * What to deploy. {@code port} 0 takes any free port; {@code serverArgs} go to the server's command line (a
	 * Spark cluster's driver: {@code --cluster spark://…} and its options).
	 */
	public record DeployRequest(String name, Path project, PipelineSpec spec, int heapMb, int port,
			List<String> serverArgs) {
		public DeployRequest {
			serverArgs = List.copyOf(serverArgs);
		}

		public DeployRequest(String name, Path project, PipelineSpec spec, int heapMb) {
			this(name, project, spec, heapMb, 0);
		}

		public DeployRequest(String name, Path project, PipelineSpec spec, int heapMb, int port) {
			this(name, project, spec, heapMb, port, List.of());
		}
	}

	private final Path folder;

	public ServerRegistry(Path folder) {
		this.folder = folder;
	}

	/** {@code servers} in {@link LabelbenchHome}, or the folder of the {@code labelbench.servers} system property. */
	public static ServerRegistry defaultRegistry() {
		String configured = System.getProperty("labelbench.servers");
		return new ServerRegistry(configured != null ? Path.of(configured)
				: LabelbenchHome.resolve("servers"));
	}

	/** The distribution named by the {@value #DISTRIBUTION_PROPERTY} property or LABELBENCH_SERVER_DIST. */
	public static Path defaultDistribution() throws ServerException {
		String dist = System.getProperty(DISTRIBUTION_PROPERTY, System.getenv("LABELBENCH_SERVER_DIST"));
		if (dist == null || dist.isBlank()) {
			throw new ServerException("no pre-annotation server distribution is configured (system property "
					+ DISTRIBUTION_PROPERTY + " or LABELBENCH_SERVER_DIST)");
		}
		Path path = Path.of(dist);
		if (!Files.isRegularFile(path.resolve("bin/labelbench-server"))) {
			throw new ServerException("no pre-annotation server in " + path + " (bin/labelbench-server is missing)");
		}
		return path;
	}

	public Path folder() {
		return folder;
	}

	/** Every server with a readable record, oldest first. Unreadable records are skipped. */
	public List<ServerRecord> list() {
		List<ServerRecord> out = new ArrayList<>();
		if (!Files.isDirectory(folder)) {
			return out;
		}
		try (Stream<Path> dirs = Files.list(folder)) {
			for (Path dir : dirs.filter(Files::isDirectory).toList()) {
				Path file = dir.resolve(ServerRecord.FILE);
				if (Files.isRegularFile(file)) {
					try {
						out.add(ServerRecord.fromJson(Json.mapper().readTree(file.toFile()), dir));
					} catch (IOException e) {
						// half-written or foreign: not a server we can talk to
					}
				}
			}
		} catch (IOException e) {
			return out;
		}
		out.sort(Comparator.comparing(ServerRecord::started));
		return out;
	}

	/** By id, or by name when exactly one server has it. */
	public Optional<ServerRecord> find(String idOrName) {
		List<ServerRecord> all = list();
		Optional<ServerRecord> byId = all.stream().filter(s -> s.id().equals(idOrName)).findFirst();
		if (byId.isPresent()) {
			return byId;
		}
		List<ServerRecord> byName = all.stream().filter(s -> s.name().equals(idOrName)).toList();
		return byName.size() == 1 ? Optional.of(byName.get(0)) : Optional.empty();
	}

	public ServerStatus status(ServerRecord server) {
		if (!server.remote() && !server.processAlive()) {
			return new ServerStatus(server, ServerStatus.State.FAILED, null);
		}
		if (server.url().getPort() == 0) {
			return new ServerStatus(server, ServerStatus.State.STARTING, null);
		}
		try {
			ServerInfo info = server.client(Duration.ofSeconds(10)).info();
			return new ServerStatus(server, info.busy() ? ServerStatus.State.BUSY : ServerStatus.State.IDLE, info);
		} catch (ServerException e) {
			return new ServerStatus(server, ServerStatus.State.FAILED, null);
		}
	}

	/** Registers a server someone else runs. */
	public ServerRecord register(String name, URI url, String token) throws ServerException, IOException {
		ServerClient client = new ServerClient(url, token, Duration.ofSeconds(10));
		ServerInfo info = client.info();
		Path dir = newFolder();
		List<String> labels = new ArrayList<>(info.labels());
		labels.addAll(info.assertionLabels());
		labels.addAll(info.relationLabels());
		ServerRecord server = new ServerRecord(dir.getFileName().toString(), name, null, url, token, 0,
				info.specHash(), info.modelVersion(), info.modelNames(), labels, 0, Instant.now(), dir);
		save(server);
		return server;
	}

	/**
	 * Starts a server for the spec and returns once it is healthy. Refused, before anything starts, when the
	 * spec has problems or the budget would be exceeded; a server that fails to start is reported with the end of
	 * its log and leaves nothing behind.
	 */
	public ServerRecord deploy(DeployRequest request, Path distribution, Budget budget, Progress progress)
			throws ServerException, IOException {
		return deploy(request, distribution, budget, progress, Map.of());
	}

	/**
	 * As {@link #deploy(DeployRequest, Path, Budget, Progress)}, with variables added to the server process's
	 * environment: secrets such as an LLM endpoint's API key, which a spec file never holds.
	 */
	public ServerRecord deploy(DeployRequest request, Path distribution, Budget budget, Progress progress,
			Map<String, String> environment) throws ServerException, IOException {
		if (!request.spec().problems().isEmpty()) {
			throw new ServerException("cannot deploy " + request.name() + ":\n  "
					+ String.join("\n  ", request.spec().problems()));
		}
		List<ServerRecord> running = list().stream().filter(s -> !s.remote() && s.processAlive()).toList();
		int heap = running.stream().mapToInt(ServerRecord::heapMb).sum() + request.heapMb();
		if (running.size() + 1 > budget.maxServers() || heap > budget.maxHeapMb()) {
			throw new BudgetExceededException("deploying " + request.name() + " would run " + (running.size() + 1)
					+ " servers with " + heap + " MB of heap; the budget is " + budget.maxServers() + " servers and "
					+ budget.maxHeapMb() + " MB. Delete idle servers in the Servers view, or raise the budget in the"
					+ " preferences (Labelbench > Servers).");
		}
		progress.begin("Deploying " + request.name(), 100);
		Path dir = newFolder();
		String id = dir.getFileName().toString();
		Path spec = dir.resolve("spec.json");
		AtomicFile.write(spec, out -> Json.mapper().writeValue(out, request.spec().json()));
		Path ready = dir.resolve("ready.json");
		Path tmp = Files.createDirectories(dir.resolve("tmp"));
		String token = HexFormat.of().formatHex(RANDOM.generateSeed(24));
		List<String> command = new ArrayList<>(List.of("sh", distribution.resolve("bin/labelbench-server").toString(),
				"serve", "--spec", spec.toString(), "--port", String.valueOf(request.port()), "--ready-file",
				ready.toString()));
		command.addAll(request.serverArgs());
		ProcessBuilder pb = new ProcessBuilder(command);
		pb.environment().putAll(environment);
		pb.environment().put("LABELBENCH_SERVER_TOKEN", token);
		pb.environment().put("LABELBENCH_SERVER_HEAP", request.heapMb() + "m");
		pb.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
		pb.environment().put("LABELBENCH_SERVER_VMARGS", "-Djava.io.tmpdir=" + tmp);
		pb.redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile());
		pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
		Process process = pb.start();
		ServerRecord starting = new ServerRecord(id, request.name(), request.project().toAbsolutePath().toString(),
				URI.create("http://127.0.0.1:0"), token, process.pid(), request.spec().hash(), request.spec().modelVersion(), request.spec().models(),
				List.copyOf(request.spec().labels()), request.heapMb(), Instant.now(), dir);
		save(starting);
		// a cluster's driver waits for executors and first jobs within limits of its own
		Duration timeout = request.serverArgs().isEmpty() ? START_TIMEOUT : CLUSTER_START_TIMEOUT;
		long deadline = System.nanoTime() + timeout.toNanos();
		int shown = 0;
		try {
			while (!Files.exists(ready)) {
				if (progress.isCanceled()) {
					throw new ServerException("deploy of " + request.name() + " cancelled");
				}
				if (!process.isAlive()) {
					throw new ServerException("the server " + request.name() + " stopped while starting (exit code "
							+ process.exitValue() + "). The end of its log:\n" + tail(starting.log(), 25));
				}
				if (System.nanoTime() > deadline) {
					throw new ServerException("the server " + request.name() + " was not healthy after "
							+ timeout.toSeconds() + " s. The end of its log:\n" + tail(starting.log(), 25));
				}
				sleep(200);
				if (shown < 95) {
					progress.worked(1); // start-up has no units to count: creep towards done
					shown++;
				}
			}
			int port = Json.mapper().readTree(ready.toFile()).path("port").asInt();
			ServerRecord server = new ServerRecord(id, starting.name(), starting.project(),
					URI.create("http://127.0.0.1:" + port), token, process.pid(), starting.specHash(),
					starting.modelVersion(), starting.models(), starting.labels(), starting.heapMb(), starting.started(),
					dir);
			if (!server.client(Duration.ofSeconds(10)).healthy()) {
				throw new ServerException("the server " + request.name() + " is up but does not answer its health check");
			}
			save(server);
			progress.worked(100 - shown);
			return server;
		} catch (ServerException | IOException | RuntimeException e) {
			// the error carries the end of the log; nothing of the failed server stays behind
			process.destroyForcibly();
			waitFor(process.toHandle(), Duration.ofSeconds(10));
			Folders.deleteTree(dir);
			throw e;
		}
	}

	/**
	 * Stops a deployed server (asks it to exit, then kills it after {@code grace}) and forgets it; a remote server
	 * is only forgotten.
	 */
	public void stop(ServerRecord server, Duration grace) throws IOException {
		if (!server.remote() && server.processAlive()) {
			try {
				server.client(Duration.ofSeconds(10)).shutdown();
			} catch (ServerException e) {
				// not answering: killed below
			}
			ProcessHandle handle = ProcessHandle.of(server.pid()).orElse(null);
			if (handle != null && !waitFor(handle, grace)) {
				handle.destroyForcibly();
				waitFor(handle, Duration.ofSeconds(10));
			}
		}
		Folders.deleteTree(server.folder());
	}

	/** Forgets deployed servers whose process is gone (after a crash or a restart); returns how many. */
	public int cleanOrphans() throws IOException {
		int n = 0;
		for (ServerRecord server : list()) {
			if (!server.remote() && !server.processAlive()) {
				Folders.deleteTree(server.folder());
				n++;
			}
		}
		return n;
	}

	/** Stops deployed servers that have been idle longer than {@code idle}; returns their names. */
	public List<String> stopIdle(Duration idle) throws IOException {
		List<String> stopped = new ArrayList<>();
		long now = System.currentTimeMillis();
		for (ServerRecord server : list()) {
			if (server.remote()) {
				continue;
			}
			ServerStatus status = status(server);
			if (status.state() == ServerStatus.State.IDLE && now - status.lastUsed() > idle.toMillis()) {
				stop(server, Duration.ofSeconds(20));
				stopped.add(server.name());
			}
		}
		return stopped;
	}

	private Path newFolder() throws IOException {
		Files.createDirectories(folder);
		for (;;) {
			Path dir = folder.resolve("s" + HexFormat.of().formatHex(RANDOM.generateSeed(3)));
			try {
				return Files.createDirectory(dir);
			} catch (java.nio.file.FileAlreadyExistsException e) {
				// try another id
			}
		}
	}

	private static void save(ServerRecord server) throws IOException {
		// holds the server's bearer token: for its owner's eyes only
		AtomicFile.writePrivate(server.folder().resolve(ServerRecord.FILE),
				out -> Json.mapper().writeValue(out, server.toJson()));
	}

	static String tail(Path log, int lines) {
		try {
			List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		} catch (IOException e) {
			return "(no log: " + e.getMessage() + ")";
		}
	}

	private static boolean waitFor(ProcessHandle handle, Duration timeout) {
		try {
			handle.onExit().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
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

	private static void sleep(long millis) throws ServerException {
		try {
			Thread.sleep(millis);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new ServerException("interrupted while the server was starting");
		}
	}
}
