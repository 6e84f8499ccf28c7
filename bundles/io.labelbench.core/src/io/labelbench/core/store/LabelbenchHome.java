package io.labelbench.core.store;

import java.nio.file.Path;
import java.util.Map;

/**
 * The folder of a user's Labelbench state (models, servers, rules library, workspace): {@code LABELBENCH_HOME}
 * when set, else {@code $HOME/.labelbench}. It follows {@code $HOME} as every Unix tool does; the JVM's
 * {@code user.home} comes from the password database and would make a user with another {@code HOME} share
 * state with others. {@code user.home} is only the last resort, when {@code HOME} is not set at all.
 */
public final class LabelbenchHome {

	public static final String VARIABLE = "LABELBENCH_HOME";

	private LabelbenchHome() {
	}

	/** The folder for this process's environment. */
	public static Path folder() {
		return folder(System.getenv(), System.getProperty("user.home"));
	}

	/** A sub-folder of {@link #folder()}, e.g. {@code models}. */
	public static Path resolve(String child) {
		return folder().resolve(child);
	}

	static Path folder(Map<String, String> environment, String userHome) {
		String configured = environment.get(VARIABLE);
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured).toAbsolutePath().normalize();
		}
		String home = environment.get("HOME");
		return Path.of(home != null && !home.isBlank() ? home : userHome, ".labelbench").toAbsolutePath().normalize();
	}
}
