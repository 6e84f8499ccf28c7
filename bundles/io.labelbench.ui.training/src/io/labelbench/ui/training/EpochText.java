package io.labelbench.ui.training;

import java.util.Locale;

import io.labelbench.project.training.TrainingEpoch;

/** An epoch in one line, for the progress view, the log and the training editor. */
final class EpochText {

	private EpochText() {
	}

	static String line(TrainingEpoch epoch) {
		StringBuilder line = new StringBuilder(Messages.format(Messages.Epoch_line, epoch.epoch(), epoch.epochs(),
				decimals(epoch.loss(), 4), decimals(epoch.seconds(), 1)));
		if (epoch.accuracy() != null) {
			line.append(Messages.format(Messages.Epoch_accuracy, decimals(epoch.accuracy(), 3)));
		}
		if (epoch.validated()) {
			line.append(Messages.format(Messages.Epoch_validation, decimals(epoch.microF1(), 3),
					epoch.macroF1() == null ? "-" : decimals(epoch.macroF1(), 3)));
		}
		return line.toString();
	}

	static String decimals(double value, int places) {
		return String.format(Locale.ROOT, "%." + places + "f", value);
	}
}
