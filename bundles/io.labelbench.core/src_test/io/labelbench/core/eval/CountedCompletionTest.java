package io.labelbench.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import io.labelbench.core.model.Task;

/** Which completion of a task is its reference answer. */
class CountedCompletionTest {

	private static Task task(String completions) {
		return new Task(Results.object("{\"id\": 1, \"data\": {\"text\": \"x\"}, \"completions\": [" + completions + "]}"));
	}

	private static String counted(Task task) {
		var completion = CountedCompletion.of(task);
		return completion == null ? null : completion.id();
	}

	@Test
	void groundTruthBeatsANewerSubmittedCompletion() {
		assertEquals("1", counted(task("""
				{"id": 1, "created_username": "ana", "submitted_at": "2026-11-01T10:00:00Z", "honeypot": true, "result": []},
				{"id": 2, "created_username": "bo", "submitted_at": "2026-11-20T10:00:00Z", "result": []}""")));
		// Label Studio's flag, on an annotation Label Studio wrote (no submitted_at)
		assertEquals("7", counted(task("""
				{"id": 7, "completed_by": 3, "ground_truth": true, "created_at": "2026-11-01T10:00:00Z", "result": []},
				{"id": 8, "created_username": "bo", "submitted_at": "2026-11-20T10:00:00Z", "result": []}""")));
		// among several ground truths, the latest
		assertEquals("2", counted(task("""
				{"id": 2, "submitted_at": "2026-11-02T10:00:00Z", "honeypot": true, "result": []},
				{"id": 1, "submitted_at": "2026-11-01T10:00:00Z", "honeypot": true, "result": []}""")));
	}

	@Test
	void unsubmittedDraftsAndCancelledCompletionsDoNotCount() {
		assertEquals("1", counted(task("""
				{"id": 1, "created_username": "ana", "submitted_at": "2026-11-01T10:00:00Z", "result": []},
				{"id": 2, "created_username": "ana", "created_at": "2026-11-30T10:00:00Z", "result": []},
				{"id": 3, "completed_by": 1, "was_cancelled": true, "result": []}""")));
		assertNull(counted(task("""
				{"id": 2, "created_username": "ana", "created_at": "2026-11-30T10:00:00Z", "result": []}""")));
		assertNull(counted(task("""
				{"id": 3, "submitted_at": "2026-11-01T10:00:00Z", "honeypot": true, "was_cancelled": true, "result": []}""")));
	}

	@Test
	void latestSubmittedBySubmissionTimeThenCreationTimeThenId() {
		// file order does not decide: submitted_at does
		assertEquals("2", counted(task("""
				{"id": 2, "submitted_at": "2026-11-20T10:00:00Z", "created_at": "2026-11-01T10:00:00Z", "result": []},
				{"id": 1, "submitted_at": "2026-11-10T10:00:00Z", "created_at": "2026-11-05T10:00:00Z", "result": []}""")));
		// a time without offset (as Python writes a naive one) is UTC
		assertEquals("6", counted(task("""
				{"id": 6, "submitted_at": "2026-11-20 10:00:00.250", "result": []},
				{"id": 1, "submitted_at": "2026-11-20T09:00:00Z", "result": []}""")));
		// the same submission time: the later created
		assertEquals("4", counted(task("""
				{"id": 4, "submitted_at": "2026-11-20T10:00:00Z", "created_at": "2026-11-03T10:00:00Z", "result": []},
				{"id": 5, "submitted_at": "2026-11-20T10:00:00Z", "created_at": "2026-11-02T10:00:00Z", "result": []}""")));
		// no times to go by: the larger id, then the later in the file
		assertEquals("9", counted(task("""
				{"id": 9, "submitted_at": "soon", "result": []},
				{"id": 8, "submitted_at": "soon", "result": []}""")));
		assertEquals("b", counted(task("""
				{"id": "a", "submitted_at": "soon", "result": []},
				{"id": "b", "submitted_at": "soon", "result": []}""")));
	}

	@Test
	void labelStudioAnnotationsCountAsSubmitted() {
		Task task = new Task(Results.object("""
				{"id": 1, "data": {"text": "x"}, "annotations": [
				 {"id": 11, "completed_by": 1, "created_at": "2026-11-01T10:00:00Z", "result": []},
				 {"id": 12, "completed_by": 2, "created_at": "2026-11-02T10:00:00Z", "result": []}]}"""));
		assertEquals("12", counted(task));
	}
}
