package io.labelbench.core.eval;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import io.labelbench.core.model.Task;
import io.labelbench.core.model.TaskId;

/**
 * Which tasks are held out for testing. Generative AI Lab lets a project tag tasks (its default tags include
 * "Test" and "Train") and its training can split by those tags; the public documentation does not show where an
 * export puts them, so a task counts as tagged when a {@code tags} list (or one tag as a string) at the task's top
 * level, in its {@code data} or in its {@code meta} (Label Studio's free-form task metadata) holds "test" in any
 * case. When no task of a project is tagged, a fraction of tasks can be held out instead: by a hash of the task id,
 * so a task stays on its side however many tasks are added or removed, and training and evaluation agree on it.
 */
public final class TestSelection {

	public static final String TEST_TAG = "test";
	public static final String TAGS = "tags";

	private TestSelection() {
	}

	public static boolean isTaggedTest(Task task) {
		JsonNode json = task.json();
		return hasTestTag(json.get(TAGS)) || hasTestTag(json.path(Task.DATA).get(TAGS))
				|| hasTestTag(json.path("meta").get(TAGS));
	}

	private static boolean hasTestTag(JsonNode tags) {
		if (tags == null) {
			return false;
		}
		if (tags.isTextual()) {
			return isTest(tags.asText());
		}
		for (JsonNode tag : tags) {
			if (tag.isTextual() && isTest(tag.asText())) {
				return true;
			}
		}
		return false;
	}

	private static boolean isTest(String tag) {
		return tag.trim().toLowerCase(Locale.ROOT).equals(TEST_TAG);
	}

	/** Whether the task falls into a held-out fraction ({@code 0 < fraction <= 1}) of the project's tasks. */
	public static boolean inSplit(TaskId id, double fraction) {
		checkFraction(fraction);
		return position(id) < fraction;
	}

	public static void checkFraction(double fraction) {
		if (!(fraction > 0 && fraction <= 1)) {
			throw new IllegalArgumentException("a test split is a fraction of the tasks above 0 and at most 1, not "
					+ fraction);
		}
	}

	/** Where the id falls in [0, 1): the first 53 bits of the SHA-256 of its text. */
	static double position(TaskId id) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.value().getBytes(StandardCharsets.UTF_8));
			long bits = 0;
			for (int i = 0; i < 8; i++) {
				bits = bits << 8 | (digest[i] & 0xff);
			}
			return (bits >>> 11) * 0x1.0p-53;
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-256", e);
		}
	}
}
