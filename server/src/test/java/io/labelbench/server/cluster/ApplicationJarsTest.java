package io.labelbench.server.cluster;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.onnxruntime.OrtEnvironment;
import io.labelbench.server.prompt.MiniLm;

/**
 * What a driver ships to executors with {@code spark.jars} on a cluster whose workers have Spark's jars only: the
 * jars the built-in prompt engine loads its runtime and its model from, beside Spark NLP's; never Spark's own.
 */
class ApplicationJarsTest {

	private static String jarOf(Class<?> type) throws Exception {
		return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
	}

	/** The jar a class-path resource is read from ({@code jar:file:/…/x.jar!/name}). */
	private static String jarOf(String resource) throws Exception {
		URL url = MiniLm.class.getResource(resource);
		String spec = url.toString();
		return Path.of(new URL(spec.substring("jar:".length(), spec.indexOf("!/"))).toURI()).toString();
	}

	@Test
	void thePromptEnginesRuntimeAndModelJarsAreShipped() throws Exception {
		String onnxRuntime = jarOf(OrtEnvironment.class);
		String miniLm = jarOf("/all-minilm-l6-v2-q.onnx");
		String sparkNlp = jarOf(com.johnsnowlabs.nlp.LightPipeline.class);
		String sparkCore = jarOf(org.apache.spark.SparkContext.class);
		String classPath = String.join(File.pathSeparator, sparkCore, sparkNlp, onnxRuntime, miniLm);

		List<String> shipped = ClusterDriver.applicationJars(classPath);

		for (String needed : List.of(onnxRuntime, miniLm, sparkNlp)) {
			assertTrue(shipped.contains(Path.of(needed).toUri().toString()), needed + " not shipped: " + shipped);
		}
		assertFalse(shipped.contains(Path.of(sparkCore).toUri().toString()), "Spark's own jar is the workers'");
	}
}
