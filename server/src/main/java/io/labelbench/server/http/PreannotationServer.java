package io.labelbench.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.spark.sql.SparkSession;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.labelbench.protocol.PredictRequest;
import io.labelbench.protocol.PredictResponse;
import io.labelbench.protocol.PredictResponse.TaskResult;
import io.labelbench.protocol.ServerInfo;
import io.labelbench.protocol.ServerSpec;
import io.labelbench.protocol.ServerSpec.ModelRef;
import io.labelbench.protocol.ServerSpec.ModelSpec;
import io.labelbench.server.cluster.ClusterDriver;
import io.labelbench.server.cluster.ClusterOptions;
import io.labelbench.server.nlp.PipelineAssembler;
import io.labelbench.server.nlp.PipelineAssembler.Assembled;
import io.labelbench.server.nlp.SavedModel;
import io.labelbench.server.nlp.SparkSupport;

/**
 * The pre-annotation server: Spark NLP models and rules of a {@link ServerSpec} behind an HTTP/JSON API. Every
 * request needs {@code Authorization: Bearer TOKEN}, the token coming from the environment variable
 * {@value #TOKEN_ENV} (never the command line, which other users can read).
 *
 * <pre>
 * GET  /health    {"status": "ok"}
 * GET  /info      {@link ServerInfo}: name, modelVersion, specHash, models with kind and labels, rules, prompts
 *                  (name, kind, engine, label), labels, assertionLabels, relationLabels, limits, versions, and how
 *                  the server is doing
 * POST /predict   {@link PredictRequest} {"texts": ["...", ...]} -> {@link PredictResponse}
 *                  {"results": [{"result": [GAL regions], "score": 0.97}], "modelVersion": "...", "tookMs": 12}
 * POST /shutdown  {"status": "stopping"}, then the process exits
 * </pre>
 *
 * Errors are JSON {"error": "..."} with 400 (bad JSON or fields), 401 (token), 404, 405, 413 (over the request
 * limit), 503 (a prediction abandoned at its deadline) or 500. The messages are the records of
 * {@code io.labelbench.protocol}, shared with the workbench. Usage: {@code PreannotationServer --spec FILE
 * [--host 127.0.0.1] [--port 0] [--ready-file F] [--max-request-mb 8] [--max-request-seconds 600]}; port 0 takes a
 * free port, written with the pid to the ready file once healthy.
 * <p>
 * <b>Work per request is bounded</b>: by the body limit, {@value #MAX_TEXTS} texts, and a deadline. A client
 * sends how long it waits in {@value #TIMEOUT_HEADER} (milliseconds); the JDK HTTP server cannot see a client
 * hang up, so the server instead stops a prediction when that time has passed since the request arrived, or
 * after {@code --max-request-seconds}, whichever comes first. It checks between batches of text pieces (a few
 * seconds of work each, see {@link Predictor}) and drops the rest: a client that gave up no longer keeps the
 * server busy.
 */
public final class PreannotationServer {
	public static final String TOKEN_ENV = "LABELBENCH_SERVER_TOKEN";
	public static final int MAX_TEXTS = PredictRequest.MAX_TEXTS;
	/** Request header: how many milliseconds the client waits for the answer. */
	public static final String TIMEOUT_HEADER = PredictRequest.TIMEOUT_HEADER;
	public static final String SPARK_NLP_VERSION = "5.5.3";

	/** Writes the protocol's records; a component that is null is left out (GAL regions carry only theirs). */
	private final ObjectMapper json = protocolMapper();
	private final ServerSpec spec;
	private final String specHash;
	private final ServerPipeline pipeline;
	private final byte[] token;
	private final long maxRequestBytes;
	private final long maxRequestMillis;
	private final AtomicInteger busy = new AtomicInteger();
	private final AtomicLong tasksDone = new AtomicLong();
	private final AtomicLong lastUsed = new AtomicLong(System.currentTimeMillis());
	private volatile Runnable shutdown = () -> {
	};
	/** Where texts are predicted: this JVM's pipeline, or a Spark cluster's executors running the same one. */
	private Predicting predicting;

	/** Predicts texts, one result each, in order; stops with {@link Predictor.Abandoned} once {@code stop} says so. */
	public interface Predicting {
		List<TaskResult> predict(List<String> texts, java.util.function.BooleanSupplier stop) throws Exception;
	}

	PreannotationServer(ServerSpec spec, String specHash, ServerPipeline pipeline, String token,
			long maxRequestBytes, long maxRequestMillis) {
		this.spec = spec;
		this.specHash = specHash;
		this.pipeline = pipeline;
		this.token = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
		this.maxRequestBytes = maxRequestBytes;
		this.maxRequestMillis = maxRequestMillis;
		this.predicting = pipeline.predictor()::predict;
	}

	public static void main(String[] args) throws Exception {
		try {
			serve(args);
		} catch (IOException | IllegalArgumentException | io.labelbench.rules.engine.RuleException
				| ClusterDriver.ClusterException e) {
			// a bad spec, model folder or rule: one line for the log the workbench shows, no stack trace
			System.err.println("ERROR " + e.getMessage());
			System.exit(2);
		}
	}

	private static void serve(String[] args) throws Exception {
		Map<String, String> options = options(args);
		Path specFile = Path.of(required(options, "spec"));
		String host = options.getOrDefault("host", "127.0.0.1");
		int port = Integer.parseInt(options.getOrDefault("port", "0"));
		long maxRequest = Long.parseLong(options.getOrDefault("max-request-mb", "8")) * 1024 * 1024;
		long maxRequestMillis = Long.parseLong(options.getOrDefault("max-request-seconds", "600")) * 1000;
		String token = System.getenv(TOKEN_ENV);
		if (token == null || token.isBlank()) {
			token = HexFormat.of().formatHex(SecureRandom.getInstanceStrong().generateSeed(16));
			System.err.println("no " + TOKEN_ENV + " in the environment: requests need the token " + token);
		}
		ServerSpec spec = readSpec(specFile);
		String specHash = HexFormat.of().formatHex(
				MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(specFile)), 0, 8);

		// bind first: a port in use fails in a second, not after loading the models
		HttpServer http;
		try {
			http = HttpServer.create(new InetSocketAddress(host, port), 64);
		} catch (java.net.BindException e) {
			System.err.println("ERROR port " + port + " on " + host + " is in use (" + e.getMessage() + ")");
			System.exit(3);
			return;
		}
		SparkSession[] spark = new SparkSession[1];
		ClusterOptions cluster = ClusterOptions.from(options);
		ClusterDriver driver = null;
		ServerPipeline pipeline;
		if (cluster == null) {
			pipeline = ServerPipeline.load(spec, () -> spark[0] = SparkSupport.localSession("labelbench-server", 1));
		} else {
			driver = ClusterDriver.start(spec, Files.readString(specFile), cluster);
			spark[0] = driver.session();
			pipeline = driver.pipeline();
		}
		PreannotationServer app = new PreannotationServer(spec, specHash, pipeline, token, maxRequest,
				maxRequestMillis);
		if (driver != null) {
			app.predicting = driver::predict;
		}

		ExecutorService pool = Executors.newFixedThreadPool(Integer.getInteger("threads", 2));
		http.setExecutor(pool);
		app.routes(http);
		SparkSession session = spark[0];
		Runnable stop = () -> {
			http.stop(0);
			pool.shutdownNow();
			if (session != null) {
				session.stop();
			}
		};
		Runtime.getRuntime().addShutdownHook(new Thread(stop));
		app.shutdown = () -> new Thread(() -> System.exit(0), "shutdown").start();
		if (options.containsKey("idle-exit-seconds")) {
			// a cluster's driver holds the cluster's cores: it goes when its client is gone
			long idle = Long.parseLong(options.get("idle-exit-seconds")) * 1000;
			Thread watch = new Thread(() -> {
				while (app.busy.get() > 0 || System.currentTimeMillis() - app.lastUsed.get() < idle) {
					try {
						Thread.sleep(1000);
					} catch (InterruptedException e) {
						return;
					}
				}
				System.out.println("idle for " + idle / 1000 + " s: exiting");
				System.exit(0);
			}, "idle-exit");
			watch.setDaemon(true);
			watch.start();
		}
		http.start();
		int actualPort = http.getAddress().getPort();
		double startup = (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1000.0;
		if (options.containsKey("ready-file")) {
			Path ready = Path.of(options.get("ready-file"));
			Path tmp = ready.resolveSibling(ready.getFileName() + ".tmp");
			Files.writeString(tmp, "{\"port\":" + actualPort + ",\"pid\":" + ProcessHandle.current().pid() + "}");
			Files.move(tmp, ready, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		System.out.printf("READY http://%s:%d models=%s rules=%d healthy %.1f s after JVM start%n", host, actualPort,
				spec.models().stream().map(ModelSpec::name).toList(), spec.rules().size(), startup);
	}

	/** The spec file the workbench wrote, mapped onto the shared protocol records by the server's Jackson. */
	public static ServerSpec readSpec(Path file) throws IOException {
		ServerSpec spec = protocolMapper().readValue(file.toFile(), ServerSpec.class);
		List<String> problems = spec.problems();
		if (!problems.isEmpty()) {
			throw new IOException(file + ": " + String.join("; ", problems));
		}
		return spec;
	}

	/**
	 * The spec's NER and classification models in one pipeline, as the server runs them (its assertion and
	 * relation models are no pipeline stages: see {@link ServerPipeline}).
	 */
	public static Assembled assemble(ServerSpec spec, SparkSession spark) throws IOException {
		PipelineAssembler assembler = new PipelineAssembler();
		for (ModelRef e : spec.embeddings()) {
			assembler.embeddings(SavedModel.read(Path.of(e.path())));
		}
		for (ModelSpec m : spec.models()) {
			SavedModel model = SavedModel.read(Path.of(m.path()));
			if (!PipelineAssembler.runsAfterThePipeline(model.kind())) {
				assembler.model(m.name(), model);
			}
		}
		return assembler.assemble(spark);
	}

	void routes(HttpServer http) {
		http.createContext("/", ex -> respond(ex, 404, error("no such endpoint: " + ex.getRequestURI().getPath())));
		http.createContext("/health", ex -> handle(ex, "GET", () -> json.createObjectNode().put("status", "ok")));
		http.createContext("/info", ex -> handle(ex, "GET", this::info));
		http.createContext("/predict", ex -> handle(ex, "POST", () -> predict(ex)));
		http.createContext("/shutdown", ex -> {
			handle(ex, "POST", () -> json.createObjectNode().put("status", "stopping"));
			if (ex.getResponseCode() == 200) {
				shutdown.run(); // only once the answer is written: exiting first cut it off mid-body
			}
		});
	}

	private ServerInfo info() {
		Runtime rt = Runtime.getRuntime();
		return new ServerInfo(spec.name(), spec.modelVersion(), specHash, pipeline.models(), spec.rules().size(),
				pipeline.labels(), pipeline.assertionLabels(), pipeline.relationLabels(),
				new ServerInfo.Limits(ServerSpec.MAX_MODELS, MAX_TEXTS, maxRequestBytes, maxRequestMillis / 1000),
				new ServerInfo.Versions(SPARK_NLP_VERSION, org.apache.spark.package$.MODULE$.SPARK_VERSION(),
						Runtime.version().toString()),
				ProcessHandle.current().pid(), rt.totalMemory() - rt.freeMemory(), rt.maxMemory(),
				ManagementFactory.getRuntimeMXBean().getUptime() / 1000, busy.get() > 0, tasksDone.get(),
				lastUsed.get(), spec.prompts().stream().map(p -> ServerInfo.PromptInfo.of(p.prompt())).toList());
	}

	private PredictResponse predict(HttpExchange ex) throws Exception {
		long received = System.currentTimeMillis();
		long waitMillis = clientWaitMillis(ex);
		long deadline = received + Math.min(waitMillis, maxRequestMillis);
		PredictRequest request = readRequest(readBody(ex));
		List<String> texts = request.texts();
		busy.incrementAndGet();
		try {
			long t0 = System.nanoTime();
			List<TaskResult> results;
			try {
				results = predicting.predict(texts, () -> System.currentTimeMillis() > deadline);
			} catch (Predictor.Abandoned e) {
				throw new Abandoned("prediction of " + texts.size() + " texts abandoned after "
						+ (System.currentTimeMillis() - received) / 1000 + " s, "
						+ (waitMillis <= maxRequestMillis ? "the time the client waits"
								: "the server's limit per request")
						+ " (" + e.getMessage() + "); send fewer or shorter texts per request");
			}
			tasksDone.addAndGet(texts.size());
			return new PredictResponse(results, spec.modelVersion(), (System.nanoTime() - t0) / 1_000_000);
		} finally {
			lastUsed.set(System.currentTimeMillis());
			busy.decrementAndGet();
		}
	}

	/**
	 * The request body as the protocol's record; JSON that is not {"texts": [strings or nulls]} is refused with
	 * what was expected.
	 */
	private PredictRequest readRequest(byte[] body) throws IOException {
		PredictRequest request;
		try {
			request = json.readValue(body, PredictRequest.class);
		} catch (MismatchedInputException e) {
			request = null; // valid JSON of another shape
		}
		String problem = request == null ? new PredictRequest(null).problem() : request.problem();
		if (problem != null) {
			throw new IllegalArgumentException(problem);
		}
		return request;
	}

	/**
	 * The mapper of the protocol's records: unknown fields are skipped (a newer client may send more), numbers and
	 * booleans are not taken for text, and null components are left out of what is written.
	 */
	public static ObjectMapper protocolMapper() {
		ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
				.setSerializationInclusion(JsonInclude.Include.NON_NULL);
		mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
		return mapper;
	}

	/** The client's {@value #TIMEOUT_HEADER}, or no limit when it sends none (or garbage). */
	private static long clientWaitMillis(HttpExchange ex) {
		String header = ex.getRequestHeaders().getFirst(TIMEOUT_HEADER);
		try {
			return header == null ? Long.MAX_VALUE : Math.max(0, Long.parseLong(header.trim()));
		} catch (NumberFormatException e) {
			return Long.MAX_VALUE;
		}
	}

	/** Thrown when a prediction passed its deadline: the client has given up, or the request took too long. */
	private static final class Abandoned extends Exception {
		private static final long serialVersionUID = 1L;

		Abandoned(String message) {
			super(message);
		}
	}

	/** Thrown for a request body over the limit. */
	private static final class TooLarge extends Exception {
		private static final long serialVersionUID = 1L;

		TooLarge(String message) {
			super(message);
		}
	}

	private byte[] readBody(HttpExchange ex) throws IOException, TooLarge {
		String length = ex.getRequestHeaders().getFirst("Content-Length");
		try (InputStream in = ex.getRequestBody()) {
			if (length != null && Long.parseLong(length.trim()) > maxRequestBytes) {
				drain(in);
				throw new TooLarge("request of " + length.trim() + " bytes, the limit is " + maxRequestBytes);
			}
			byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxRequestBytes + 1));
			if (bytes.length > maxRequestBytes) {
				drain(in);
				throw new TooLarge("request over the limit of " + maxRequestBytes + " bytes");
			}
			return bytes;
		}
	}

	/**
	 * Reads and drops what is left of an oversized body (up to a few times the limit), so the client gets the 413
	 * answer instead of a connection reset; anything beyond that is cut off with the connection.
	 */
	private void drain(InputStream in) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long budget = 4 * maxRequestBytes;
		for (int n; budget > 0 && (n = in.read(buffer)) > 0;) {
			budget -= n;
		}
	}

	/** What an endpoint answers: a protocol record or a small JSON object. */
	interface Body {
		Object get() throws Exception;
	}

	private void handle(HttpExchange ex, String method, Body body) throws IOException {
		String auth = ex.getRequestHeaders().getFirst("Authorization");
		if (auth == null || !MessageDigest.isEqual(token, auth.getBytes(StandardCharsets.UTF_8))) {
			respond(ex, 401, error("missing or wrong bearer token"));
			return;
		}
		if (!method.equals(ex.getRequestMethod())) {
			respond(ex, 405, error("use " + method + " for " + ex.getRequestURI().getPath()));
			return;
		}
		int status = 200;
		Object result;
		try {
			result = body.get();
		} catch (TooLarge e) {
			status = 413;
			result = error(e.getMessage());
		} catch (Abandoned e) {
			status = 503;
			result = error(e.getMessage());
			System.err.println("WARN " + e.getMessage());
		} catch (IllegalArgumentException | JacksonException e) {
			status = 400;
			result = error(e instanceof JacksonException j ? "bad JSON: " + j.getOriginalMessage() : e.getMessage());
		} catch (Exception e) {
			status = 500;
			result = error(e.toString());
		}
		respond(ex, status, result);
	}

	private ObjectNode error(String message) {
		return json.createObjectNode().put("error", String.valueOf(message));
	}

	private void respond(HttpExchange ex, int status, Object body) throws IOException {
		byte[] bytes = json.writeValueAsBytes(body);
		ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
		if (status == 413) {
			ex.getResponseHeaders().set("Connection", "close"); // the unread body is not drained
		}
		ex.sendResponseHeaders(status, bytes.length);
		try (var os = ex.getResponseBody()) {
			os.write(bytes);
		}
		ex.close();
	}

	static Map<String, String> options(String[] args) {
		Map<String, String> out = new java.util.HashMap<>();
		for (int i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--") || i + 1 >= args.length) {
				throw new IllegalArgumentException("usage: --spec FILE [--host H] [--port N] [--ready-file F]"
						+ " [--max-request-mb N] [--max-request-seconds N] [" + ClusterOptions.USAGE + "]; bad argument "
						+ args[i]);
			}
			out.put(args[i].substring(2), args[++i]);
		}
		return out;
	}

	static String required(Map<String, String> options, String name) {
		String v = options.get(name);
		if (v == null) {
			throw new IllegalArgumentException("--" + name + " is required");
		}
		return v;
	}
}
