package io.labelbench.ui.training;

import java.util.Objects;

import org.eclipse.osgi.util.NLS;

import io.labelbench.ui.TransientEditorInput;

/**
 * One training run; not kept across restarts (the published model, its scores and its log are, in the Models Hub).
 * The saved run of a published version is the same input however often it is read back.
 */
public final class TrainingInput extends TransientEditorInput {

	private final TrainingRun run;

	public TrainingInput(TrainingRun run) {
		this.run = run;
	}

	public TrainingRun run() {
		return run;
	}

	@Override
	public String getName() {
		if (run.saved() != null) {
			return NLS.bind(Messages.Editor_savedTitle, run.saved().name(), run.saved().version());
		}
		return NLS.bind(Messages.Editor_title, run.request().type().id(), run.projectName());
	}

	@Override
	public boolean equals(Object other) {
		if (!(other instanceof TrainingInput input)) {
			return false;
		}
		if (run.saved() != null && input.run.saved() != null) {
			return run.saved().model().folder().equals(input.run.saved().model().folder());
		}
		return input.run == run;
	}

	@Override
	public int hashCode() {
		return run.saved() != null ? Objects.hashCode(run.saved().model().folder()) : System.identityHashCode(run);
	}
}
