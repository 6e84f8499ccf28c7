package io.labelbench.ui;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

/**
 * The input of a {@link ReadOnlyEditor}: something shown that is not a file and is not reopened after a restart
 * (what it shows is kept elsewhere: a model in the Models Hub, a report's JSON export). Subclasses name it and say
 * when two inputs show the same thing, so that showing it again brings its editor forward.
 */
public abstract class TransientEditorInput implements IEditorInput {

	@Override
	public abstract boolean equals(Object other);

	@Override
	public abstract int hashCode();

	@Override
	public boolean exists() {
		return false;
	}

	@Override
	public ImageDescriptor getImageDescriptor() {
		return null;
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
}
