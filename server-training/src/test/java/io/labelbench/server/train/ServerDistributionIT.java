package io.labelbench.server.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The shipped server distribution runs models and fits project models ({@code io.labelbench.server.fit}); it does not
 * carry the build's model training code or the seeded corpora.
 */
class ServerDistributionIT {

	@Test
	void theShippedServerHasNoTrainingCodeAndNoCorpora() throws IOException {
		Path lib = Path.of(System.getProperty("labelbench.server.dist"), "lib");
		List<String> found = new ArrayList<>();
		int ourJars = 0;
		try (Stream<Path> jars = Files.list(lib)) {
			for (Path jar : jars.filter(p -> p.getFileName().toString().startsWith("io.labelbench.")).toList()) {
				ourJars++;
				try (JarFile file = new JarFile(jar.toFile())) {
					file.stream().map(e -> e.getName())
							.filter(n -> n.endsWith(".class") && (n.startsWith("io/labelbench/server/train/")
									|| n.startsWith("io/labelbench/server/data/")))
							.forEach(n -> found.add(jar.getFileName() + "!" + n));
				}
			}
		}
		assertTrue(ourJars >= 1, "no Labelbench jar in " + lib);
		assertEquals(List.of(), found);
	}
}
