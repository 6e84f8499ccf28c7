package io.labelbench.server.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

import com.fasterxml.jackson.databind.ObjectMapper;

import scala.Tuple2;

import io.labelbench.protocol.PredictResponse.TaskResult;
import io.labelbench.protocol.ServerSpec;
import io.labelbench.protocol.ServerSpec.ModelRef;
import io.labelbench.protocol.ServerSpec.ModelSpec;
import io.labelbench.prompts.llm.LlmEndpoint;
import io.labelbench.rules.engine.Prompt;
import io.labelbench.server.http.PreannotationServer;
import io.labelbench.server.http.Predictor;
import io.labelbench.server.http.ServerPipeline;
import io.labelbench.server.nlp.SavedModel;
import io.labelbench.server.nlp.SparkPaths;

/**
 * The pre-annotation server as the driver of a Spark application on a standalone cluster. It loads the spec's
 * models through Spark exactly as a server does ({@link ServerPipeline.Loaded}), broadcasts them once, and predicts
 * each request's texts as a Spark job: an RDD of (index, text) cut into partitions that the executors
 * transform with the very {@link ServerPipeline} a server builds from the same spec (models, rules, prompts,
 * assertion and relation steps), built once per executor JVM (the built-in prompts' ONNX session too). Results
 * come back by index, so a task whose partition ran twice
 * (an executor lost, the partition rescheduled) is answered once, and the answers are the server's, byte for byte.
 * <p>
 * Everything that can stop a run early is checked before the server says it is ready, with a message naming what
 * to fix: the master unreachable, no executor granted (no worker, no free cores or memory), executors that cannot
 * read the models, a first job that does not finish.
 */
public final class ClusterDriver {
	/** The shared secret of Spark authentication; the launcher hands it to Spark as {@code _SPARK_AUTH_SECRET}. */
	public static final String SECRET_ENV = "LABELBENCH_SPARK_SECRET";
	static final String SPARK_SECRET_ENV = "_SPARK_AUTH_SECRET";
	/** Settings whose values Spark shows as {@code *********(redacted)}: its default list and API keys. */
	static final String REDACTION = "(?i)secret|password|token|access[.]?key|api[._]?key";
	/** Texts an executor gives its pipeline at once (as a server's request holds at most a few hundred). */
	static final int TEXTS_PER_CALL = 64;

	/** One-line errors for the server's log and the client: what is wrong and what to do. */
	public static final class ClusterException extends Exception {
		private static final long serialVersionUID = 1L;

		ClusterException(String message) {
			super(message);
		}
	}

	private final SparkSession spark;
	private final ClusterOptions options;
	private final ServerPipeline pipeline;
	private final Broadcast<byte[]> models;
	private final String specJson;
	private final String runId = UUID.randomUUID().toString();
	private final ObjectMapper json = PreannotationServer.protocolMapper();
	private final AtomicLong jobs = new AtomicLong();

	private ClusterDriver(SparkSession spark, ClusterOptions options, ServerPipeline pipeline, Broadcast<byte[]> models,
			String specJson) {
		this.spark = spark;
		this.options = options;
		this.pipeline = pipeline;
		this.models = models;
		this.specJson = specJson;
	}

	public SparkSession session() {
		return spark;
	}

	/** The pipeline as a server describes it ({@code /info}); its predictor is never run on the driver. */
	public ServerPipeline pipeline() {
		return pipeline;
	}

	/** Connects to the master, waits for executors, loads the models and starts every executor's pipeline. */
	public static ClusterDriver start(ServerSpec spec, String specJson, ClusterOptions options)
			throws ClusterException, IOException, io.labelbench.rules.engine.RuleException {
		long t0 = System.nanoTime();
		checkReachable(options);
		SparkSession spark = session(options, executorSecrets(spec, System.getenv()));
		ClusterDriver driver = null;
		try {
			int executors = awaitExecutors(spark, options);
			log(String.format("%d executor(s) of %d core(s) granted by %s in %.1f s", executors,
					options.executorCores(), options.master(), seconds(t0)));
			List<Path> folders = modelFolders(spec);
			if (options.modelStore() != null) {
				copyToStore(spark, folders, options.modelStore());
			}
			checkReadable(spark, options, folders);
			ServerPipeline.Loaded loaded = within(spark, options, "loading the models",
					() -> ServerPipeline.Loaded.load(spec, () -> spark));
			byte[] bytes = serialize(loaded);
			Broadcast<byte[]> broadcast = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(bytes);
			driver = new ClusterDriver(spark, options, ServerPipeline.of(spec, loaded, false), broadcast, specJson);
			// every executor builds its pipeline now: the start-up cost is paid before the server says READY
			ClusterDriver ready = driver;
			int slots = Math.max(1, executors * options.executorCores());
			within(spark, options, "starting the pipeline on the executors",
					() -> ready.run(java.util.Collections.nCopies(slots, "Warm up: aspirin 81 mg daily."), slots));
			log(String.format("models loaded (%d KB broadcast) and the pipeline started on %d executor(s) in %.1f s",
					bytes.length / 1024, driver.executorsInUse(), seconds(t0)));
			return driver;
		} catch (ClusterException | IOException | RuntimeException | io.labelbench.rules.engine.RuleException e) {
			spark.stop();
			throw e;
		}
	}

	/** The server's answer to a request: one result per text, in order. */
	public List<TaskResult> predict(List<String> texts, BooleanSupplier stop) throws Exception {
		if (texts.isEmpty()) {
			return List.of();
		}
		long t0 = System.nanoTime();
		String group = "labelbench-" + jobs.incrementAndGet();
		AtomicBoolean stopped = new AtomicBoolean();
		ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "cluster-job-watch");
			t.setDaemon(true);
			return t;
		});
		watch.scheduleWithFixedDelay(() -> {
			if (stop.getAsBoolean() && stopped.compareAndSet(false, true)) {
				spark.sparkContext().cancelJobGroup(group);
			}
		}, 200, 200, TimeUnit.MILLISECONDS);
		try {
			spark.sparkContext().setJobGroup(group, texts.size() + " texts", true);
			int executors = executorsInUse();
			List<TaskResult> results = run(texts, partitions(texts.size(), executors * options.executorCores()));
			log(String.format("%d texts in %.2f s on %d executor(s)", texts.size(), seconds(t0), executors));
			return results;
		} catch (RuntimeException e) {
			if (stopped.get()) {
				throw new Predictor.Abandoned("the Spark job of " + texts.size() + " texts was cancelled");
			}
			throw e;
		} finally {
			watch.shutdownNow();
			spark.sparkContext().clearJobGroup();
		}
	}

	/** Executors running now (the driver is not one). */
	public int executorsInUse() {
		return Math.max(0, spark.sparkContext().statusTracker().getExecutorInfos().length - 1);
	}

	/**
	 * Partitions of a job of {@code texts} texts on {@code slots} task slots: about {@value #TEXTS_PER_CALL} texts
	 * each, one pipeline call, so that an executor done with its share takes the next partition instead of waiting
	 * for a slower one at the end of the job; at least two per slot, at most one per text.
	 */
	static int partitions(int texts, int slots) {
		int bySize = (texts + TEXTS_PER_CALL - 1) / TEXTS_PER_CALL;
		return Math.max(1, Math.min(texts, Math.max(2 * Math.max(1, slots), bySize)));
	}

	private List<TaskResult> run(List<String> texts, int partitions) throws IOException {
		List<Tuple2<Integer, String>> indexed = new ArrayList<>(texts.size());
		for (int i = 0; i < texts.size(); i++) {
			indexed.add(new Tuple2<>(i, texts.get(i)));
		}
		// a plain RDD: a DataFrame would be planned and code-generated by Catalyst for every request, for nothing
		JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
		List<Tuple2<Integer, String>> out = jsc.parallelize(indexed, partitions)
				.mapPartitions(new PredictPartition(runId, models, specJson)).collect();
		if (out.size() != texts.size()) {
			throw new IOException("the cluster answered " + out.size() + " of " + texts.size() + " texts");
		}
		TaskResult[] results = new TaskResult[texts.size()];
		for (Tuple2<Integer, String> answer : out) {
			results[answer._1()] = json.readValue(answer._2(), TaskResult.class);
		}
		return Arrays.asList(results);
	}

	/**
	 * What each executor runs on its partitions: the server's pipeline, built once per executor JVM from the
	 * broadcast models and the spec, on the partition's texts in calls of {@value ClusterDriver#TEXTS_PER_CALL}.
	 * Each answer goes back as the server would write it (JSON), with its text's index.
	 */
	static final class PredictPartition
			implements FlatMapFunction<Iterator<Tuple2<Integer, String>>, Tuple2<Integer, String>> {
		private static final long serialVersionUID = 1L;
		private static final ConcurrentHashMap<String, ServerPipeline> PIPELINES = new ConcurrentHashMap<>();
		private static final ObjectMapper JSON = PreannotationServer.protocolMapper();
		private final String runId;
		private final Broadcast<byte[]> models;
		private final String specJson;

		PredictPartition(String runId, Broadcast<byte[]> models, String specJson) {
			this.runId = runId;
			this.models = models;
			this.specJson = specJson;
		}

		@Override
		public Iterator<Tuple2<Integer, String>> call(Iterator<Tuple2<Integer, String>> input) throws Exception {
			ServerPipeline pipeline = pipeline();
			List<Tuple2<Integer, String>> out = new ArrayList<>();
			List<Integer> indexes = new ArrayList<>();
			List<String> texts = new ArrayList<>();
			while (input.hasNext() || !texts.isEmpty()) {
				if (input.hasNext() && texts.size() < TEXTS_PER_CALL) {
					Tuple2<Integer, String> text = input.next();
					indexes.add(text._1());
					texts.add(text._2());
					continue;
				}
				List<TaskResult> results = pipeline.predictor().predict(texts);
				for (int i = 0; i < results.size(); i++) {
					out.add(new Tuple2<>(indexes.get(i), JSON.writeValueAsString(results.get(i))));
				}
				indexes.clear();
				texts.clear();
			}
			return out.iterator();
		}

		private ServerPipeline pipeline() throws Exception {
			ServerPipeline built = PIPELINES.get(runId);
			if (built != null) {
				return built;
			}
			synchronized (PIPELINES) {
				built = PIPELINES.get(runId);
				if (built == null) {
					PIPELINES.clear(); // an executor serves one application; an older run's pipeline is dead weight
					ServerSpec spec = PreannotationServer.protocolMapper().readValue(specJson, ServerSpec.class);
					built = ServerPipeline.of(spec, (ServerPipeline.Loaded) deserialize(models.value()));
					PIPELINES.put(runId, built);
				}
				return built;
			}
		}
	}

	/**
	 * The Spark settings that hand executors the secrets of the driver's environment that the spec needs there: the
	 * LLM endpoint's key when the spec has LLM prompts (executors run them). Spark puts it into each executor's
	 * environment when it starts one, not into a file or a command line; set {@value #SECRET_ENV} so that it travels
	 * authenticated.
	 */
	static Map<String, String> executorSecrets(ServerSpec spec, Map<String, String> environment) {
		String key = environment.get(LlmEndpoint.KEY_VARIABLE);
		if (key == null || key.isEmpty()
				|| spec.prompts().stream().noneMatch(p -> p.prompt().engine() == Prompt.Engine.LLM)) {
			return Map.of();
		}
		return Map.of("spark.executorEnv." + LlmEndpoint.KEY_VARIABLE, key);
	}

	private static SparkSession session(ClusterOptions options, Map<String, String> secrets) throws IOException {
		SparkSession.Builder b = SparkSession.builder().appName("labelbench-preannotate").master(options.master())
				.config("spark.ui.enabled", "false")
				.config("spark.ui.showConsoleProgress", "false")
				.config("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
				.config("spark.kryoserializer.buffer.max", "512m")
				.config("spark.sql.shuffle.partitions", "4")
				.config("spark.cores.max", String.valueOf(options.executors() * options.executorCores()))
				.config("spark.executor.cores", String.valueOf(options.executorCores()))
				.config("spark.executor.memory", options.executorMemory())
				// a Worker run from jars alone finds no Scala build without it, and every executor launch fails
				.config("spark.executorEnv.SPARK_SCALA_VERSION", "2.12")
				.config("spark.executorEnv.TF_CPP_MIN_LOG_LEVEL", "2")
				// Spark NLP unpacks TensorFlow's files into java.io.tmpdir and leaves folders there: the executor's
				// own work folder, which goes with the application's. The JVM sizes its thread pools (the pipeline's
				// parallel calls, garbage collection) to the cores the executor was given, not to the whole machine,
				// which other executors share
				.config("spark.executor.extraJavaOptions",
						"-Djava.io.tmpdir=. -XX:ActiveProcessorCount=" + options.executorCores())
				// a lost executor's tasks are rerun elsewhere; a task failing for its own reason fails the job
				.config("spark.task.maxFailures", "4")
				// Spark's default, and the LLM key's setting: redacted wherever Spark shows its configuration
				.config("spark.redaction.regex", REDACTION);
		secrets.forEach(b::config);
		if (options.driverHost() != null) {
			b.config("spark.driver.host", options.driverHost());
			if (options.driverHost().equals("127.0.0.1")) {
				b.config("spark.driver.bindAddress", "127.0.0.1");
			}
		}
		if (options.shipJars()) {
			b.config("spark.jars", String.join(",", applicationJars()));
		}
		if (options.executorClasspath() != null) {
			b.config("spark.executor.extraClassPath", options.executorClasspath());
		}
		if (System.getenv(SPARK_SECRET_ENV) != null) {
			b.config("spark.authenticate", "true"); // Spark reads the secret from the environment itself
		}
		return b.getOrCreate();
	}

	/**
	 * The jars executors need beyond Spark's own: Labelbench's, Spark NLP and what it runs on (TensorFlow Java,
	 * JavaCPP, Typesafe config, the AWS SDK its resource helper loads), and the built-in prompt engine's ONNX Runtime
	 * and MiniLM model jar.
	 */
	static List<String> applicationJars() throws IOException {
		return applicationJars(System.getProperty("java.class.path"));
	}

	/** The jars of {@code classPath} that {@link #applicationJars()} ships. */
	static List<String> applicationJars(String classPath) throws IOException {
		Set<String> out = new LinkedHashSet<>();
		for (String entry : classPath.split(File.pathSeparator)) {
			String name = Path.of(entry).getFileName().toString();
			if (name.endsWith(".jar") && name.matches("(io\\.labelbench\\.|spark-nlp|tensorflow-core-api|javacpp|ndarray"
					+ "|config-|aws-java-sdk|jmespath|ion-java|httpclient-|httpcore-|onnxruntime-"
					+ "|langchain4j-embeddings-all-minilm).*")) {
				out.add(Path.of(entry).toAbsolutePath().toUri().toString());
			}
		}
		if (out.stream().noneMatch(j -> j.contains("spark-nlp"))) {
			throw new IOException("no Spark NLP jar on the class path to ship to the executors: run the server from"
					+ " its distribution (bin/labelbench-server)");
		}
		return new ArrayList<>(out);
	}

	private static void checkReachable(ClusterOptions options) throws ClusterException {
		var uri = options.masterUri();
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 3000);
		} catch (IOException e) {
			throw new ClusterException("cannot reach the Spark master " + options.master() + " (" + e.getMessage()
					+ "): is it running, and is the address right? (labelbench cluster list shows a local cluster)");
		}
	}

	private static int awaitExecutors(SparkSession spark, ClusterOptions options) throws ClusterException {
		SparkContext sc = spark.sparkContext();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.waitSeconds());
		long enough = Long.MAX_VALUE;
		long shortageCheck = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
		for (;;) {
			if (sc.isStopped()) {
				throw new ClusterException("the Spark master " + options.master() + " refused or dropped this"
						+ " application (wrong master URL, Spark version or authentication secret " + SECRET_ENV
						+ "?); see the master's log");
			}
			int executors = sc.statusTracker().getExecutorInfos().length - 1;
			if (executors >= options.executors()) {
				return executors;
			}
			if (executors == 0 && System.nanoTime() > shortageCheck) {
				shortageCheck = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
				String shortage = shortage(sc.applicationId(), options);
				if (shortage != null) {
					throw new ClusterException("the Spark master " + options.master() + " cannot give this application"
							+ " an executor: " + shortage + ". Start workers (labelbench cluster start), stop what"
							+ " holds their cores, or ask for less with --executor-memory");
				}
			}
			if (executors > 0 && enough == Long.MAX_VALUE) {
				enough = System.nanoTime() + TimeUnit.SECONDS.toNanos(5); // the others may follow in a moment
			}
			if (System.nanoTime() > Math.min(deadline, enough)) {
				if (executors > 0) {
					log("only " + executors + " of " + options.executors() + " executors granted: going on with them");
					return executors;
				}
				throw new ClusterException("the Spark master " + options.master() + " gave no executor in "
						+ options.waitSeconds() + " s: it has no worker alive, or none with " + options.executorCores()
						+ " free core(s) and " + options.executorMemory() + " of free memory, or the workers cannot"
						+ " start executors (see the master's web UI and the workers' logs). Start workers"
						+ " (labelbench cluster start), stop what holds their cores, or ask for less with"
						+ " --executor-memory");
			}
			try {
				Thread.sleep(200);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new ClusterException("interrupted while waiting for executors");
			}
		}
	}

	/**
	 * Why the master gives this application no executor, as its web UI tells (no worker alive, none with the cores
	 * and memory asked for), or null when it has room, the application already has cores coming, or the web UI
	 * does not answer (then the wait decides).
	 */
	static String shortage(String applicationId, ClusterOptions options) {
		try {
			java.net.HttpURLConnection c = (java.net.HttpURLConnection) java.net.URI.create(options.masterUi() + "/json/")
					.toURL().openConnection();
			c.setConnectTimeout(1000);
			c.setReadTimeout(3000);
			com.fasterxml.jackson.databind.JsonNode json;
			try (InputStream in = c.getInputStream()) {
				json = new ObjectMapper().readTree(in);
			} finally {
				c.disconnect();
			}
			for (com.fasterxml.jackson.databind.JsonNode app : json.path("activeapps")) {
				if (app.path("id").asText().equals(applicationId) && app.path("cores").asInt() > 0) {
					return null; // granted: its executors are starting
				}
			}
			List<String> workers = new ArrayList<>();
			for (com.fasterxml.jackson.databind.JsonNode w : json.path("workers")) {
				if (!w.path("state").asText().equals("ALIVE")) {
					continue;
				}
				int freeCores = w.path("cores").asInt() - w.path("coresused").asInt();
				long freeMb = w.path("memory").asLong() - w.path("memoryused").asLong();
				if (freeCores >= options.executorCores() && freeMb >= options.executorMemoryMb()) {
					return null;
				}
				workers.add(w.path("host").asText() + " " + freeCores + " of " + w.path("cores").asInt() + " cores and "
						+ freeMb + " of " + w.path("memory").asLong() + " MB free");
			}
			if (workers.isEmpty()) {
				return "it has no worker alive (its web UI " + options.masterUi() + ")";
			}
			return "no worker has " + options.executorCores() + " free core(s) and " + options.executorMemory()
					+ " of free memory (" + String.join("; ", workers) + ")";
		} catch (IOException | RuntimeException e) {
			return null;
		}
	}

	/** The folders of the spec's models and embeddings, as Spark will read them. */
	private static List<Path> modelFolders(ServerSpec spec) {
		List<Path> out = new ArrayList<>();
		spec.embeddings().stream().map(ModelRef::path).map(Path::of).forEach(out::add);
		spec.models().stream().map(ModelSpec::path).map(Path::of).forEach(out::add);
		return out;
	}

	/**
	 * Copies each model folder once to the store (named by folder and content digest, so a model already there is
	 * not copied again) and has Spark read it from there.
	 */
	private static void copyToStore(SparkSession spark, List<Path> folders, String store)
			throws IOException, ClusterException {
		Configuration conf = spark.sparkContext().hadoopConfiguration();
		org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(store);
		FileSystem fs;
		try {
			fs = root.getFileSystem(conf);
			root = fs.makeQualified(root);
			fs.mkdirs(root);
		} catch (IOException e) {
			throw new ClusterException("cannot use the model store " + store + ": " + e.getMessage()
					+ " (give a folder every worker reads, or an hdfs:// or s3a:// location with its client on the"
					+ " class path)");
		}
		for (Path folder : folders) {
			org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(root,
					folder.getFileName() + "-" + digest(folder));
			org.apache.hadoop.fs.Path complete = new org.apache.hadoop.fs.Path(target, "_LABELBENCH_COMPLETE");
			if (!fs.exists(complete)) {
				long t0 = System.nanoTime();
				org.apache.hadoop.fs.Path part = new org.apache.hadoop.fs.Path(root,
						"." + target.getName() + ".part-" + UUID.randomUUID());
				fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(folder.toAbsolutePath().toUri()), part);
				fs.delete(target, true);
				if (!fs.rename(part, target)) {
					fs.delete(part, true);
					throw new IOException("could not move the copy of " + folder + " into place at " + target);
				}
				fs.create(complete, true).close();
				log(String.format("copied %s to %s in %.1f s", folder.getFileName(), target, seconds(t0)));
			}
			SparkPaths.register(folder, target.toString());
		}
	}

	/** A digest of a model folder's files (names and contents' sizes and metadata). */
	private static String digest(Path folder) throws IOException {
		try (Stream<Path> files = Files.walk(folder)) {
			MessageDigest md = MessageDigest.getInstance("SHA-256");
			for (Path f : files.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList()) {
				md.update(folder.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
				md.update(Long.toString(Files.size(f)).getBytes(StandardCharsets.UTF_8));
				if (f.toString().contains("metadata")) {
					md.update(Files.readAllBytes(f));
				}
			}
			return HexFormat.of().formatHex(md.digest(), 0, 6);
		} catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Has every executor open each model's metadata where Spark will read it, so that storage the workers do not
	 * share is named now, not found in a stack trace of the first load.
	 */
	private static void checkReadable(SparkSession spark, ClusterOptions options, List<Path> folders)
			throws ClusterException, IOException {
		// plain ArrayLists: Kryo, Spark's serializer here, cannot rebuild the JDK's immutable lists
		ArrayList<String> locations = new ArrayList<>(folders.stream()
				.map(f -> SparkPaths.of(f.resolve(SavedModel.METADATA_FILE))).toList());
		int slots = Math.max(1, (spark.sparkContext().statusTracker().getExecutorInfos().length - 1)
				* options.executorCores());
		JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
		List<String> problems = within(spark, options, "checking that the executors read the models",
				() -> jsc.parallelize(new ArrayList<>(java.util.Collections.nCopies(2 * slots, locations)), 2 * slots)
						.flatMap(ClusterDriver::unreadable).distinct().collect());
		if (!problems.isEmpty()) {
			throw new ClusterException("executors cannot read the models: " + String.join("; ", problems)
					+ ". Put them where every worker reads them: --model-store with a shared folder, hdfs:// or"
					+ " s3a:// location");
		}
	}

	/** On an executor: the locations it cannot read, each with the executor's host. */
	private static Iterator<String> unreadable(ArrayList<String> locations) throws IOException {
		List<String> out = new ArrayList<>();
		Configuration conf = org.apache.spark.deploy.SparkHadoopUtil.get()
				.newConfiguration(org.apache.spark.SparkEnv.get().conf());
		String host = java.net.InetAddress.getLocalHost().getHostName();
		for (String location : locations) {
			org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(location);
			try (InputStream in = path.getFileSystem(conf).open(path)) {
				in.read();
			} catch (IOException e) {
				out.add("the executor on " + host + " cannot read " + location + " (" + e.getClass().getSimpleName()
						+ ")");
			}
		}
		return out.iterator();
	}

	/**
	 * Runs Spark jobs that must finish within the wait: a first job that hangs (executors that cannot fetch the
	 * jars, reach the driver or start) is cancelled and named.
	 */
	private static <T> T within(SparkSession spark, ClusterOptions options, String what, Callable<T> work)
			throws ClusterException, IOException {
		SparkContext sc = spark.sparkContext();
		String group = "labelbench-start-" + UUID.randomUUID();
		AtomicBoolean late = new AtomicBoolean();
		ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor();
		watch.schedule(() -> {
			late.set(true);
			sc.cancelJobGroup(group);
		}, options.waitSeconds() * 3L, TimeUnit.SECONDS);
		sc.setJobGroup(group, what, true);
		try {
			return work.call();
		} catch (IOException | RuntimeException | ClusterException e) {
			if (late.get()) {
				throw new ClusterException(what + " did not finish in " + options.waitSeconds() * 3 + " s: the"
						+ " executors may not reach the driver (--driver-host), fetch the jars (--jars), or read the"
						+ " models; see the workers' logs");
			}
			if (e instanceof RuntimeException r && r.getMessage() != null) {
				throw new ClusterException(what + " failed: " + firstLine(r));
			}
			throw e;
		} catch (Exception e) {
			throw new IOException(what + " failed: " + e.getMessage(), e);
		} finally {
			watch.shutdownNow();
			sc.clearJobGroup();
		}
	}

	private static String firstLine(Throwable e) {
		Throwable root = e;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = String.valueOf(root.getMessage());
		int nl = message.indexOf('\n');
		return (nl < 0 ? message : message.substring(0, nl)) + " (" + root.getClass().getSimpleName() + ")";
	}

	private static byte[] serialize(Object o) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(o);
		}
		return bytes.toByteArray();
	}

	/** Java deserialization with the task's class loader, which holds the shipped jars. */
	static Object deserialize(byte[] bytes) throws IOException, ClassNotFoundException {
		ClassLoader loader = Thread.currentThread().getContextClassLoader();
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes)) {
			@Override
			protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
				try {
					return Class.forName(desc.getName(), false, loader);
				} catch (ClassNotFoundException e) {
					return super.resolveClass(desc);
				}
			}
		}) {
			return in.readObject();
		}
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	private static void log(String message) {
		System.out.println("cluster: " + message);
	}
}
