package io.labelbench.server.train;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.labelbench.cli.Labelbench;
import io.labelbench.config.LabelingConfig;

/**
 * {@code labelbench <command>} in a JVM of its own, on this module's test class path with the workbench's Jackson:
 * the headless bundles need Jackson 2.20, which the server's Spark (on this module's class path) does not take.
 */
public final class LabelbenchMain {

	/** The Jackson of the target platform (targetplatform/labelbench.target), from the local Maven repository. */
	private static final List<String> JACKSON = List.of("com/fasterxml/jackson/core/jackson-core/2.20.1/jackson-core-2.20.1.jar",
			"com/fasterxml/jackson/core/jackson-databind/2.20.1/jackson-databind-2.20.1.jar",
			"com/fasterxml/jackson/core/jackson-annotations/2.20/jackson-annotations-2.20.jar",
			"com/fasterxml/jackson/dataformat/jackson-dataformat-csv/2.20.1/jackson-dataformat-csv-2.20.1.jar");

	private LabelbenchMain() {
	}

	public static void main(String[] args) {
		System.exit(new Labelbench(System.out, System.err, LabelbenchMain::config).run(List.of(args)));
	}

	private static LabelingConfig config(Path file) {
		try {
			return Files.exists(file) ? LabelingConfig.read(file) : null;
		} catch (IOException e) {
			return null;
		}
	}

	/** The command that runs {@code labelbench args…} with these system properties ({@code -Dk=v}). */
	public static List<String> command(List<String> properties, String... args) {
		Path repository = Path.of(System.getProperty("maven.repo.local",
				Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
		StringBuilder classPath = new StringBuilder();
		for (String jar : JACKSON) {
			Path file = repository.resolve(jar);
			if (!Files.isRegularFile(file)) {
				throw new IllegalStateException(file + " is missing: build the bundles first (./mvnw verify)");
			}
			classPath.append(file).append(File.pathSeparator);
		}
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			if (!entry.matches(".*jackson-(core|databind|annotations|dataformat-csv)-[0-9].*")) {
				classPath.append(entry).append(File.pathSeparator);
			}
		}
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
				.toString(), "-Xmx512m"));
		command.addAll(properties);
		command.addAll(List.of("-cp", classPath.toString(), LabelbenchMain.class.getName()));
		command.addAll(List.of(args));
		return command;
	}
}
