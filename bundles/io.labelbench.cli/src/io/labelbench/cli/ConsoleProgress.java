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

	ConsoleProgress(PrintStream err) {
		this.err = err;
	}

	@Override
	public void begin(String task, long totalUnits) {
		this.task = task;
		this.total = totalUnits;
		this.done = 0;
		this.lastTenth = 0;
		err.println(task + (totalUnits >= 0 ? "" : " …"));
	}

	@Override
	public void worked(long units) {
		done += units;
		if (total >= 100) {
			int tenth = (int) (done * 10 / total);
			if (tenth > lastTenth && tenth < 10) {
				lastTenth = tenth;
				err.println("  " + task + ": " + tenth * 10 + "%");
			}
		}
	}

	@Override
	public boolean isCanceled() {
		return false;
	}
}
