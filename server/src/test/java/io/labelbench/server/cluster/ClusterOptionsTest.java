package io.labelbench.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.labelbench.server.nlp.SparkPaths;

class ClusterOptionsTest {

	@Test
	void withoutClusterTheServerRunsAlone() {
		assertNull(ClusterOptions.from(Map.of("spec", "s.json")));
	}

	@Test
	void defaultsAndALoopbackMasterKeepTheDriverOnLoopback() {
		ClusterOptions o = ClusterOptions.from(Map.of("cluster", "spark://127.0.0.1:7077"));
		assertEquals(2, o.executors());
		assertEquals(1, o.executorCores());
		assertEquals("1g", o.executorMemory());
		assertTrue(o.shipJars());
		assertEquals("127.0.0.1", o.driverHost());
		assertNull(ClusterOptions.from(Map.of("cluster", "spark://spark-master.example:7077")).driverHost(),
				"a remote master reaches the driver at this machine's name, not its loopback");
		assertEquals(false, ClusterOptions.from(Map.of("cluster", "spark://h:7077", "jars", "installed")).shipJars());
	}

	@Test
	void badOptionsSayWhatTheyTake() {
		assertTrue(message(Map.of("cluster", "yarn")).contains("spark://HOST:PORT"));
		assertTrue(message(Map.of("cluster", "spark://host")).contains("spark://HOST:PORT"));
		assertTrue(message(Map.of("cluster", "spark://h:1", "executors", "0")).contains("--executors takes a number"));
		assertTrue(message(Map.of("cluster", "spark://h:1", "executor-memory", "lots")).contains("such as 1g"));
		assertTrue(message(Map.of("cluster", "spark://h:1", "jars", "some")).contains("ship or installed"));
	}

	@Test
	void sparkReadsARegisteredModelFromItsCopy(@org.junit.jupiter.api.io.TempDir Path dir) {
		Path model = dir.resolve("ner_x");
		assertEquals(model.toAbsolutePath().toString(), SparkPaths.of(model));
		SparkPaths.register(model, "hdfs://nn:8020/models/ner_x-abc/");
		assertEquals("hdfs://nn:8020/models/ner_x-abc", SparkPaths.of(model));
		assertEquals("hdfs://nn:8020/models/ner_x-abc/metadata/part-00000",
				SparkPaths.of(model.resolve("metadata/part-00000")));
		assertEquals(dir.resolve("ner_y").toString(), SparkPaths.of(dir.resolve("ner_y")));
	}

	private static String message(Map<String, String> options) {
		return assertThrows(IllegalArgumentException.class, () -> ClusterOptions.from(options)).getMessage();
	}
}
