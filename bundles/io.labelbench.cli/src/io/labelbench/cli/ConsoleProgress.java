package io.labelbench.cli;

import java.io.PrintStream;

import io.labelbench.core.io.Progress;

/** Prints each phase and every tenth of it on standard error, so standard output stays machine-readable. */
final class ConsoleProgress implements Progress {

	private final PrintStream err;
	private long total;
	private long done;
	private int lastTenth;
	private String task;

	private final java.util.function.Supplier<String> detail;
	private long started;

	ConsoleProgress(PrintStream err) {
		this(err, null);
	}

	/** Each tenth also tells tasks done, tasks per second and {@code detail} (e.g. the executors in use). */
	ConsoleProgress(PrintStream err, java.util.function.Supplier<String> detail) {
		this.err = err;
		this.detail = detail;
	}

	@Override
	public void begin(String task, long totalUnits) {
		this.task = task;
		this.total = totalUnits;
		this.done = 0;
		this.lastTenth = 0;
		this.started = System.nanoTime();
		err.println(task + (totalUnits >= 0 ? "" : " …"));
	}

	@Override
	public void worked(long units) {
		done += units;
		if (total >= 100) {
			int tenth = (int) (done * 10 / total);
			if (tenth > lastTenth && tenth < 10) {
				lastTenth = tenth;
				if (detail == null) {
					err.println("  " + task + ": " + tenth * 10 + "%");
				} else {
					double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
					err.printf(java.util.Locale.ROOT, "  %s: %d%% (%d tasks, %.0f tasks/s, %s)%n", task, tenth * 10,
							done, done / seconds, detail.get());
				}
			}
		}
	}

	@Override
	public boolean isCanceled() {
		return false;
	}
}
