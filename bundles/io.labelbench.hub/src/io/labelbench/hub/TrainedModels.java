package io.labelbench.hub;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The models trained on this machine among the installed ones (published with a {@code version}, see
 * {@link ModelCache#publish}), grouped by name: {@code notes_ner} v1, v2 … each with its time, what it was trained
 * on, its parameters and its held-out {@link ModelScores}.
 */
public final class TrainedModels {

	/** One published version of a trained model. */
	public record Version(InstalledModel model, int version, Instant time, String description, JsonNode parameters,
			String trainingDataHash, ModelScores scores) {

		public String name() {
			return model.name();
		}
	}

	private TrainedModels() {
	}

	/** Whether a catalog entry is one of a trained model's versions. */
	public static boolean isTrained(HubEntry entry) {
		return entry.json().path("version").canConvertToInt() && entry.json().has("trainingDataHash");
	}

	/** By model name, each name's versions oldest first. */
	public static Map<String, List<Version>> of(List<InstalledModel> installed) {
		Map<String, List<Version>> byName = new TreeMap<>();
		for (InstalledModel model : installed) {
			HubEntry entry = model.entry();
			if (!isTrained(entry)) {
				continue;
			}
			JsonNode json = entry.json();
			byName.computeIfAbsent(model.name(), n -> new ArrayList<>())
					.add(new Version(model, json.path("version").asInt(), entry.time(), entry.description(),
							json.path("parameters"), json.path("trainingDataHash").asText(""),
							ModelScores.of(entry.metrics())));
		}
		byName.values().forEach(versions -> versions
				.sort(Comparator.comparingInt(Version::version).thenComparing(Version::time)));
		return byName;
	}
}
