package io.labelbench.server.nlp;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where Spark reads a saved model from. A server reads each model folder where the spec names it; the driver of a
 * Spark cluster first copies the folders to storage every executor reads (a shared folder, {@code hdfs://},
 * {@code s3a://}) and registers each copy here, since Spark's loaders run jobs whose executors read the files
 * themselves. What Labelbench checks before loading (metadata, parts present) still reads the local folder.
 */
public final class SparkPaths {
	private static final Map<Path, String> COPIES = new ConcurrentHashMap<>();

	private SparkPaths() {
	}

	/** From now on Spark loads the model in {@code local} (or anything inside it) from {@code uri}. */
	public static void register(Path local, String uri) {
		COPIES.put(local.toAbsolutePath().normalize(), uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri);
	}

	/** The location Spark loads {@code folder} from: its registered copy, or the folder itself. */
	public static String of(Path folder) {
		Path path = folder.toAbsolutePath().normalize();
		for (Path p = path; p != null; p = p.getParent()) {
			String copy = COPIES.get(p);
			if (copy != null) {
				return p.equals(path) ? copy : copy + "/" + p.relativize(path).toString().replace('\\', '/');
			}
		}
		return path.toString();
	}
}
