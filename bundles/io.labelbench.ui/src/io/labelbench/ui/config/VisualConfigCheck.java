package io.labelbench.ui.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;

import io.labelbench.config.ConfigTemplate;
import io.labelbench.config.LabelingConfig;
import io.labelbench.config.VisualConfig;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.ui.Messages;

/**
 * PDF and image tasks need an Image object with a RectangleLabels control in the config. Before importing
 * documents into a project without them, or opening such a task there, the user is told and offered the fix.
 */
public final class VisualConfigCheck {

	/** The dialog's buttons, in order. */
	public static final int FIX = 0, PROCEED = 1, CANCEL = 2;

	private VisualConfigCheck() {
	}

	/** Whether the project's config lacks an Image object with RectangleLabels (or the project has no config). */
	public static boolean lacksImageBoxes(IProject project) {
		IFile config = project.getFile(LabelbenchProject.CONFIG_FILE);
		if (!config.exists()) {
			return true;
		}
		try {
			return !VisualConfig.hasImageBoxes(LabelingConfig.parse(read(config)));
		} catch (CoreException | IOException e) {
			return false; // an unreadable config is the config editor's and the builder's to report
		}
	}

	/**
	 * Says what is missing and offers to add it. Returns whether to go on: after the fix, or when the user goes
	 * on without it; false when the user cancelled or the fix failed (the failure is shown).
	 */
	public static boolean offerFix(Shell shell, IProject project, String message, String proceedLabel) {
		MessageDialog dialog = new MessageDialog(shell, Messages.VisualConfig_title, null, message,
				MessageDialog.WARNING, FIX, Messages.VisualConfig_fix, proceedLabel, IDialogConstants.CANCEL_LABEL);
		int answer = dialog.open();
		if (answer == FIX) {
			try {
				addImageBoxes(project);
			} catch (CoreException | IOException e) {
				MessageDialog.openError(shell, Messages.VisualConfig_title,
						NLS.bind(Messages.VisualConfig_fixed, project.getName(), e.getMessage()));
				return false;
			}
			return true;
		}
		return answer == PROCEED;
	}

	/** Adds an Image object and RectangleLabels with the config's labels (or writes the Visual NER template). */
	public static void addImageBoxes(IProject project) throws CoreException, IOException {
		IFile config = project.getFile(LabelbenchProject.CONFIG_FILE);
		if (!config.exists()) {
			byte[] template = ConfigTemplate.VISUAL_NER.text().getBytes(java.nio.charset.StandardCharsets.UTF_8);
			config.create(new ByteArrayInputStream(template), true, null);
			return;
		}
		String charset = config.getCharset();
		String fixed = VisualConfig.withImageBoxes(read(config));
		config.setContents(new ByteArrayInputStream(fixed.getBytes(Charset.forName(charset))),
				IResource.FORCE | IResource.KEEP_HISTORY, null);
	}

	private static String read(IFile file) throws CoreException, IOException {
		try (InputStream in = file.getContents(true)) {
			return new String(in.readAllBytes(), Charset.forName(file.getCharset()));
		}
	}
}
