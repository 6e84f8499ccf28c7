package io.labelbench.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

class DownloadsTest {

	private final Downloads downloads = new Downloads();
	private final List<String> events = new ArrayList<>();

	DownloadsTest() {
		downloads.addListener(new Downloads.Listener() {
			@Override
			public void progressed(String name) {
				events.add("progress " + name);
			}

			@Override
			public void started(String name) {
				events.add("started " + name);
			}

			@Override
			public void ended(String name) {
				events.add("ended " + name);
			}
		});
	}

	@Test
	void aModelDownloadsOnceAtATimeAndShowsItsProgress() {
		assertTrue(downloads.start("ner", () -> { }));
		assertFalse(downloads.start("ner", () -> { }), "a second download of the same model is refused");
		assertEquals(OptionalDouble.of(0.0), downloads.share("ner"));
		downloads.progress("ner", 0.42);
		downloads.progress("ner", 1.7);
		assertEquals(OptionalDouble.of(1.0), downloads.share("ner"));
		downloads.ended("ner", null);
		downloads.progress("ner", 0.5);
		assertFalse(downloads.isRunning("ner"));
		assertEquals(OptionalDouble.empty(), downloads.share("ner"), "a late progress report changes nothing");
		assertEquals(Optional.empty(), downloads.failure("ner"));
		assertEquals(List.of("started ner", "progress ner", "progress ner", "ended ner"), events);
		assertTrue(downloads.start("ner", () -> { }), "downloadable again once ended");
	}

	@Test
	void cancelReachesTheRunningDownloadOnly() {
		List<String> cancelled = new ArrayList<>();
		downloads.start("ner", () -> cancelled.add("ner"));
		downloads.start("classifier", () -> cancelled.add("classifier"));
		assertTrue(downloads.cancel("ner"));
		assertFalse(downloads.cancel("assertion"), "nothing of that name runs");
		assertEquals(List.of("ner"), cancelled);
		assertTrue(downloads.isRunning("classifier"));
	}

	@Test
	void aFailureIsKeptUntilTheModelIsDownloadedAgain() {
		downloads.start("ner", () -> { });
		downloads.ended("ner", "ner: checksum mismatch");
		assertEquals(Optional.of("ner: checksum mismatch"), downloads.failure("ner"));
		downloads.start("ner", () -> { });
		assertEquals(Optional.empty(), downloads.failure("ner"));
	}
}
