package io.labelbench.core.eval;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.labelbench.core.edit.TaskEditSession;
import io.labelbench.core.model.Annotation;
import io.labelbench.core.model.Task;

/**
 * Which completion of a task is its reference answer, for evaluation and for training alike:
 * <ol>
 * <li>Completions marked cancelled (Label Studio's {@code was_cancelled}, a skipped task) never count.</li>
 * <li>A ground-truth completion wins over every other, newer or not: Label Studio writes
 * {@code "ground_truth": true}, Generative AI Lab (and Labelbench's editor, {@link TaskEditSession#GROUND_TRUTH})
 * {@code "honeypot": true}. A reviewer set it on purpose, so it counts even without {@code submitted_at}.</li>
 * <li>Otherwise the latest submitted completion. Submitted means it has {@code submitted_at} (GAL and Labelbench
 * stamp it on submit), or it is a Label Studio annotation ({@code completed_by} and no
 * {@code created_username}): Label Studio creates an annotation only on submit and keeps drafts apart, under
 * {@code drafts}. A Labelbench or GAL completion without {@code submitted_at} is a draft and does not count.</li>
 * </ol>
 * Latest (also among several ground-truth completions) is decided by {@code submitted_at} (ISO 8601; without an
 * offset it is taken as UTC), then by the creation
 * time ({@code created_at}, {@code created_ago}, {@code updated_at}: {@link TaskEditSession#timeOf}), then by the
 * larger numeric {@code id}, then by the place in the file, later first; a missing or unreadable value sorts
 * before any present one. A task without a counting completion has no reference answer and is left out.
 */
public final class CountedCompletion {

	/** Label Studio's ground-truth flag on an annotation. */
	public static final String GROUND_TRUTH = "ground_truth";

	private CountedCompletion() {
	}

	/** The completion that counts for the task, or {@code null} when none does. */
	public static Annotation of(Task task) {
		List<Annotation> completions = task.completions();
		Annotation best = latest(completions, true);
		return best != null ? best : latest(completions, false);
	}

	public static boolean isGroundTruth(Annotation completion) {
		return completion.json().path(GROUND_TRUTH).asBoolean(false)
				|| completion.json().path(TaskEditSession.GROUND_TRUTH).asBoolean(false);
	}

	public static boolean isSubmitted(Annotation completion) {
		JsonNode json = completion.json();
		return json.hasNonNull(TaskEditSession.SUBMITTED_AT)
				|| json.hasNonNull("completed_by") && !json.hasNonNull("created_username");
	}

	/** When the completion was submitted ({@code submitted_at}, read as {@link #LATEST} reads it), or {@code null}. */
	public static Instant submittedAt(Annotation completion) {
		return instant(completion.json().get(TaskEditSession.SUBMITTED_AT));
	}

	public static boolean isCancelled(Annotation completion) {
		return completion.json().path("was_cancelled").asBoolean(false);
	}

	private static Annotation latest(List<Annotation> completions, boolean groundTruth) {
		Annotation best = null;
		for (Annotation completion : completions) {
			if (isCancelled(completion) || (groundTruth ? !isGroundTruth(completion) : !isSubmitted(completion))) {
				continue;
			}
			// later in the file wins a tie, so >= 0
			if (best == null || LATEST.compare(completion, best) >= 0) {
				best = completion;
			}
		}
		return best;
	}

	private static final Comparator<Instant> INSTANTS = Comparator.nullsFirst(Comparator.naturalOrder());
	private static final Comparator<BigInteger> IDS = Comparator.nullsFirst(Comparator.naturalOrder());

	/** Older first: submitted_at, then creation time, then numeric id. */
	static final Comparator<Annotation> LATEST = Comparator
			.comparing((Annotation a) -> instant(a.json().get(TaskEditSession.SUBMITTED_AT)), INSTANTS)
			.thenComparing(TaskEditSession::timeOf, INSTANTS)
			.thenComparing(CountedCompletion::numericId, IDS);

	private static Instant instant(JsonNode value) {
		if (value == null || !value.isTextual()) {
			return null;
		}
		String text = value.asText();
		try {
			return OffsetDateTime.parse(text).toInstant();
		} catch (DateTimeParseException e) {
			// Python's isoformat() of a naive time, as some exports write it: read as UTC
			try {
				return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
			} catch (DateTimeParseException notLocal) {
				return null;
			}
		}
	}

	private static BigInteger numericId(Annotation annotation) {
		JsonNode id = annotation.json().get("id");
		return id != null && id.isIntegralNumber() ? id.bigIntegerValue() : null;
	}
}
