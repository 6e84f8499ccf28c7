package io.labelbench.ui.training;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

/** One training run; not kept across restarts (the published model and its scores are, in the Models Hub). */
public final class TrainingInput implements IEditorInput {

	private final TrainingRun run;

	public TrainingInput(TrainingRun run) {
		this.run = run;
	}

	public TrainingRun run() {
		return run;
	}

	@Override
	public boolean exists() {
		return false;
	}

	@Override
	public ImageDescriptor getImageDescriptor() {
		return null;
	}

	@Override
	public String getName() {
		return NLS.bind(Messages.Editor_title, run.request().type().id(), run.projectName());
	}

	@Override
	public IPersistableElement getPersistable() {
		return null;
	}

	@Override
	public String getToolTipText() {
		return getName();
	}

	@Override
	public <T> T getAdapter(Class<T> adapter) {
		return null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof TrainingInput input && input.run == run;
	}

	@Override
	public int hashCode() {
		return System.identityHashCode(run);
	}
}
