package io.labelbench.ui.servers;

import java.nio.file.Path;

import org.eclipse.core.filesystem.EFS;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.editors.text.TextEditor;
import org.eclipse.ui.ide.FileStoreEditorInput;

/**
 * A server's log, whole and read-only: opened by id, so no large-file association replaces it by another editor,
 * and nothing typed can change the log the server writes.
 */
public final class ServerLogEditor extends TextEditor {

	public static final String ID = "io.labelbench.ui.servers.logEditor";

	/** Opens (or brings forward) the log file. */
	public static IEditorPart open(IWorkbenchPage page, Path log) throws PartInitException {
		return page.openEditor(new FileStoreEditorInput(EFS.getLocalFileSystem().getStore(log.toUri())), ID);
	}

	@Override
	public boolean isEditable() {
		return false;
	}

	@Override
	public boolean isEditorInputReadOnly() {
		return true;
	}

	@Override
	public boolean isEditorInputModifiable() {
		return false;
	}
}
