package io.labelbench.ui.hub;

import java.io.ByteArrayInputStream;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.commands.operations.AbstractOperation;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.osgi.util.NLS;
import org.eclipse.text.undo.DocumentUndoManagerRegistry;
import org.eclipse.text.undo.IDocumentUndoManager;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;

import io.labelbench.config.ConfigEncoding;
import io.labelbench.config.TextEdit;

/**
 * One edit of a labeling config (adding a model's labels, deploying a trained model) as one operation on the
 * workbench's undo history: applied to the open editor's document when the config is open, else to the file. Undo
 * puts the config back as it was, provided nobody changed it since.
 */
public final class ConfigEditOperation extends AbstractOperation {

	private final IFile config;
	private final TextEdit edit;
	private String before;
	private String after;
	/** The config's encoding and byte order mark, kept when writing it back. */
	private ConfigEncoding encoding;

	public ConfigEditOperation(String label, IFile config, TextEdit edit) {
		super(label);
		this.config = config;
		this.edit = edit;
	}

	@Override
	public IStatus execute(IProgressMonitor monitor, IAdaptable info) throws ExecutionException {
		try {
			encoding = ConfigEncoding.decode(config.readAllBytes());
			before = encoding.text();
			after = edit.apply(before);
			write(after, monitor);
			return Status.OK_STATUS;
		} catch (CoreException | IllegalArgumentException e) {
			throw new ExecutionException(e.getMessage(), e);
		}
	}

	@Override
	public IStatus undo(IProgressMonitor monitor, IAdaptable info) throws ExecutionException {
		return replace(after, before, monitor);
	}

	@Override
	public IStatus redo(IProgressMonitor monitor, IAdaptable info) throws ExecutionException {
		return replace(before, after, monitor);
	}

	private IStatus replace(String expected, String replacement, IProgressMonitor monitor) throws ExecutionException {
		try {
			String now = ConfigEncoding.decode(config.readAllBytes()).text();
			if (!now.equals(expected)) {
				return Status.error(NLS.bind(Messages.AddLabels_changedSince, config.getFullPath()));
			}
			write(replacement, monitor);
			return Status.OK_STATUS;
		} catch (CoreException e) {
			throw new ExecutionException(e.getMessage(), e);
		}
	}

	private void write(String text, IProgressMonitor monitor) throws CoreException {
		ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager().getTextFileBuffer(config.getFullPath(),
				LocationKind.IFILE);
		if (buffer == null) {
			config.setContents(new ByteArrayInputStream(encoding.encode(text)), IResource.KEEP_HISTORY, monitor);
			return;
		}
		// The config is open in an editor: change its document and save it, then clear the editor's typing undo.
		// Otherwise the editor records the change as typing, and Ctrl+Z there takes the added labels apart
		// behind this operation's back; this operation undoes them, in one step.
		IDocument document = buffer.getDocument();
		String old = document.get();
		int start = 0;
		int max = Math.min(old.length(), text.length());
		while (start < max && old.charAt(start) == text.charAt(start)) {
			start++;
		}
		int oldEnd = old.length();
		int newEnd = text.length();
		while (oldEnd > start && newEnd > start && old.charAt(oldEnd - 1) == text.charAt(newEnd - 1)) {
			oldEnd--;
			newEnd--;
		}
		try {
			document.replace(start, oldEnd - start, text.substring(start, newEnd));
		} catch (BadLocationException e) {
			throw new CoreException(Status.error(e.getMessage(), e));
		}
		buffer.commit(monitor, true);
		IDocumentUndoManager typingUndo = DocumentUndoManagerRegistry.getDocumentUndoManager(document);
		if (typingUndo != null) {
			typingUndo.reset();
		}
	}

	/** Whether the file is open in an editor of the active page with unsaved changes. */
	public static boolean isDirtyInEditor(IFile file) {
		var window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		if (window == null || window.getActivePage() == null) {
			return false;
		}
		for (IEditorReference reference : window.getActivePage().getEditorReferences()) {
			try {
				if (file.equals(reference.getEditorInput().getAdapter(IFile.class))) {
					IEditorPart editor = reference.getEditor(false);
					return editor != null && editor.isDirty();
				}
			} catch (PartInitException e) {
				// an editor that cannot restore holds no unsaved text
			}
		}
		return false;
	}
}
