package io.labelbench.ui;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.EditorPart;

/**
 * An editor that shows what it is given and edits nothing (a training run, an evaluation report): it takes one kind
 * of {@link TransientEditorInput}, is named after it, and has nothing to save.
 */
public abstract class ReadOnlyEditor<I extends IEditorInput> extends EditorPart {

	private final Class<I> inputType;

	protected ReadOnlyEditor(Class<I> inputType) {
		this.inputType = inputType;
	}

	@Override
	public final void init(IEditorSite site, IEditorInput input) throws PartInitException {
		if (!inputType.isInstance(input)) {
			throw new PartInitException(getClass().getSimpleName() + " cannot show " + input.getName());
		}
		setSite(site);
		setInput(input);
		setPartName(input.getName());
		setTitleToolTip(input.getToolTipText());
		shows(inputType.cast(input));
	}

	/** Takes what the editor shows, before its controls are created. */
	protected abstract void shows(I input);

	@Override
	public final void doSave(IProgressMonitor monitor) {
		// nothing is edited
	}

	@Override
	public final void doSaveAs() {
		// nothing is edited
	}

	@Override
	public final boolean isDirty() {
		return false;
	}

	@Override
	public final boolean isSaveAsAllowed() {
		return false;
	}
}
