package io.labelbench.core.eval;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.labelbench.core.edit.TaskEditSession;
import io.labelbench.core.model.Annotation;
import io.labelbench.core.model.Task;

/**
 * Which prediction of a task is compared with its completion: the newest one of those this choice accepts. Newest
 * is by timestamp ({@link TaskEditSession#timeOf}) when every accepted prediction has one, else the last in the
 * file (pre-annotation appends, and replaces the prediction of its own model version).
 * <p>
 * A pre-annotation server writes {@code model_version} as its models, embeddings and rules joined by {@code +},
 * each {@code name@version} ({@code ner_posology_labelbench@1733...+rules@3f2a...}), and {@code created_username}
 * as {@code server:<server name>}; project rules write {@code rules@<digest>} and {@code rules}. So a model name
 * matches a prediction when one {@code +} part of its model version is the name or starts with {@code name@}, or
 * when its author is the name or {@code server:name}. The whole prediction is compared, including what other
 * models of the same server added.
 */
public final class PredictionChoice {

	public enum Kind {
		/** The newest prediction of any model. */
		LATEST,
		/** Predictions whose {@code model_version} is exactly the value. */
		VERSION,
		/** Predictions of a model or server name. */
		MODEL
	}

	private final Kind kind;
	private final String value;

	private PredictionChoice(Kind kind, String value) {
		this.kind = kind;
		this.value = value;
	}

	public static PredictionChoice latest() {
		return new PredictionChoice(Kind.LATEST, null);
	}

	public static PredictionChoice version(String modelVersion) {
		return new PredictionChoice(Kind.VERSION, requireText(modelVersion, "model version"));
	}

	public static PredictionChoice model(String name) {
		return new PredictionChoice(Kind.MODEL, requireText(name, "model name"));
	}

	private static String requireText(String value, String what) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("the " + what + " is empty");
		}
		return value;
	}

	public Kind kind() {
		return kind;
	}

	/** The model version or name; {@code null} for {@link Kind#LATEST}. */
	public String value() {
		return value;
	}

	public boolean accepts(Annotation prediction) {
		return switch (kind) {
		case LATEST -> true;
		case VERSION -> value.equals(prediction.modelVersion());
		case MODEL -> matchesModel(prediction);
		};
	}

	private boolean matchesModel(Annotation prediction) {
		String version = prediction.modelVersion();
		if (version != null) {
			for (String part : version.split("\\+")) {
				if (part.equals(value) || part.startsWith(value + "@")) {
					return true;
				}
			}
		}
		String author = prediction.author();
		return value.equals(author) || ("server:" + value).equals(author);
	}

	/** The newest accepted prediction of the task, or {@code null}. */
	public Annotation of(Task task) {
		List<Annotation> accepted = task.predictions().stream().filter(this::accepts).toList();
		if (accepted.isEmpty()) {
			return null;
		}
		Annotation newest = accepted.get(accepted.size() - 1);
		Instant newestTime = null;
		for (Annotation prediction : accepted) {
			Instant time = TaskEditSession.timeOf(prediction);
			if (time == null) {
				return accepted.get(accepted.size() - 1);
			}
			if (newestTime == null || !time.isBefore(newestTime)) {
				newest = prediction;
				newestTime = time;
			}
		}
		return newest;
	}

	/** For people: "the latest prediction of each task", "model version X", "model X". */
	public String describe() {
		return switch (kind) {
		case LATEST -> "the latest prediction of each task";
		case VERSION -> "predictions of model version " + value;
		case MODEL -> "predictions of model " + value;
		};
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof PredictionChoice choice && choice.kind == kind && Objects.equals(choice.value, value);
	}

	@Override
	public int hashCode() {
		return Objects.hash(kind, value);
	}
}
