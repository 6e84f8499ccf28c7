package io.labelbench.ui.activelearning;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.eclipse.osgi.util.NLS;

import io.labelbench.project.training.ActiveLearning;
import io.labelbench.ui.training.TrainingRun;

/** Active learning's status in words: long for the property page, short for the project's decoration. */
final class StatusText {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
			.withZone(ZoneId.systemDefault());

	/** How much of a failure's reason the project's decoration shows. */
	static final int REASON_CHARS = 60;

	private StatusText() {
	}

	/** When the next training is due, in one sentence; empty when active learning is off. */
	static String next(ActiveLearning.Status status, boolean running) {
		if (!status.settings().enabled()) {
			return Messages.Status_off;
		}
		if (running) {
			return Messages.Status_running;
		}
		return Messages.format(Messages.Status_next, status.remaining(), status.submitted(), status.settings().every(),
				time(status.since()));
	}

	/** What the last training scored, or why it failed. */
	static String last(ActiveLearning.Status status) {
		ActiveLearning.LastTraining last = status.last();
		if (last == null) {
			return Messages.Status_lastNone;
		}
		if (last.failed()) {
			return NLS.bind(Messages.Status_failed, time(last.finished()), last.error());
		}
		String deployed = last.deployed() ? Messages.Status_deployed : "";
		if (last.score() == null) {
			return Messages.format(Messages.Status_lastNoScore, last.model(), last.version(), time(last.finished()),
					deployed);
		}
		return Messages.format(Messages.Status_last, last.model(), last.version(), last.metric(), score(last.score()),
				last.testTasks(), time(last.finished()), deployed);
	}

	/** The short form beside the project: {@code next training in 38, F1 0.871}; empty when off. */
	static String decoration(ActiveLearning.Status status, boolean running) {
		if (!status.settings().enabled()) {
			return "";
		}
		StringBuilder text = new StringBuilder(running ? Messages.Decoration_running
				: status.due() ? Messages.Decoration_due
						: Messages.format(Messages.Decoration_next, status.remaining()));
		ActiveLearning.LastTraining last = status.last();
		if (last != null && last.failed()) {
			text.append(", ").append(NLS.bind(Messages.Decoration_failed, shortReason(last.error())));
		} else if (last != null && last.score() != null) {
			text.append(", ").append(NLS.bind(Messages.Decoration_last, last.metric(), score(last.score())));
		}
		return text.toString();
	}

	/**
	 * Why a run failed, as remembered: the first line of the trainer's reason (a failed JVM's output tail stays in
	 * its log), and where the run's log is.
	 */
	static String failure(TrainingRun run) {
		String reason = run.reason() == null || run.reason().isBlank() ? run.state().name().toLowerCase(Locale.ROOT)
				: run.reason().lines().findFirst().orElse("").replaceFirst(" The end of its output:$", "");
		return run.logFile().map(log -> NLS.bind(Messages.Status_failedLog, reason, log)).orElse(reason);
	}

	/** The first line of a remembered failure, cut to fit beside a project's name. */
	static String shortReason(String error) {
		String first = error.lines().findFirst().orElse("").strip();
		return first.length() <= REASON_CHARS ? first : first.substring(0, REASON_CHARS - 1).strip() + "\u2026";
	}

	static String score(double value) {
		return String.format(Locale.ROOT, "%.3f", value);
	}

	private static String time(Instant instant) {
		return instant == null ? "?" : TIME.format(instant);
	}
}
