package io.labelbench.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Where models, servers, rules and the workspace live: $HOME as for every Unix tool, or LABELBENCH_HOME. */
class LabelbenchHomeTest {

	@Test
	void followsHomeNotThePasswordDatabase() {
		assertEquals(Path.of("/home/other/.labelbench"),
				LabelbenchHome.folder(Map.of("HOME", "/home/other"), "/home/passwd-entry"));
	}

	@Test
	void labelbenchHomeReplacesTheWholeFolder() {
		assertEquals(Path.of("/srv/lb"),
				LabelbenchHome.folder(Map.of("HOME", "/home/other", "LABELBENCH_HOME", "/srv/lb/"), "/home/passwd-entry"));
		assertEquals(Path.of("/home/other/.labelbench"),
				LabelbenchHome.folder(Map.of("HOME", "/home/other", "LABELBENCH_HOME", " "), "/root"), "blank is unset");
	}

	@Test
	void userHomeOnlyWithoutHome() {
		assertEquals(Path.of("/home/passwd-entry/.labelbench"), LabelbenchHome.folder(Map.of(), "/home/passwd-entry"));
	}
}
