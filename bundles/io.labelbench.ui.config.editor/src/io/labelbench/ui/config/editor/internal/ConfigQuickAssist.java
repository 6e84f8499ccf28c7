package io.labelbench.ui.config.editor.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.eclipse.core.resources.IMarker;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.quickassist.IQuickAssistInvocationContext;
import org.eclipse.jface.text.quickassist.IQuickAssistProcessor;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IMarkerResolution2;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.MarkerAnnotation;

import io.labelbench.ui.config.ConfigMarkers;

/**
 * Quick Fix in the config editor (Ctrl+1, the context menu): the fixes of the config problems at the caret or
 * selection, the same ones the Problems view offers for their markers ({@link ConfigQuickFixes}).
 */
final class ConfigQuickAssist implements IQuickAssistProcessor {

	@Override
	public String getErrorMessage() {
		return null;
	}

	@Override
	public boolean canFix(Annotation annotation) {
		IMarker marker = configMarker(annotation);
		return marker != null && IDE.getMarkerHelpRegistry().hasResolutions(marker);
	}

	@Override
	public boolean canAssist(IQuickAssistInvocationContext context) {
		return false;
	}

	@Override
	public ICompletionProposal[] computeQuickAssistProposals(IQuickAssistInvocationContext context) {
		IAnnotationModel model = context.getSourceViewer().getAnnotationModel();
		List<ICompletionProposal> proposals = new ArrayList<>();
		if (model == null) {
			return new ICompletionProposal[0];
		}
		int start = context.getOffset();
		int end = start + Math.max(0, context.getLength());
		for (Iterator<Annotation> annotations = model.getAnnotationIterator(); annotations.hasNext();) {
			Annotation annotation = annotations.next();
			IMarker marker = configMarker(annotation);
			Position position = model.getPosition(annotation);
			// the caret touching a problem's range (at its end too) asks for its fixes
			if (marker != null && position != null && position.getOffset() <= end
					&& start <= position.getOffset() + position.getLength()) {
				for (IMarkerResolution resolution : IDE.getMarkerHelpRegistry().getResolutions(marker)) {
					proposals.add(new FixProposal(marker, resolution));
				}
			}
		}
		return proposals.toArray(ICompletionProposal[]::new);
	}

	private static IMarker configMarker(Annotation annotation) {
		if (annotation instanceof MarkerAnnotation markerAnnotation && !annotation.isMarkedDeleted()) {
			IMarker marker = markerAnnotation.getMarker();
			try {
				return marker.exists() && marker.isSubtypeOf(ConfigMarkers.TYPE) ? marker : null;
			} catch (org.eclipse.core.runtime.CoreException e) {
				return null;
			}
		}
		return null;
	}

	/** A marker's fix as a proposal: applying it runs the fix (an edit of the editor's document). */
	private record FixProposal(IMarker marker, IMarkerResolution resolution) implements ICompletionProposal {

		@Override
		public void apply(IDocument document) {
			resolution.run(marker);
		}

		@Override
		public Point getSelection(IDocument document) {
			return null;
		}

		@Override
		public String getAdditionalProposalInfo() {
			return resolution instanceof IMarkerResolution2 described ? described.getDescription() : null;
		}

		@Override
		public String getDisplayString() {
			return resolution.getLabel();
		}

		@Override
		public Image getImage() {
			return resolution instanceof IMarkerResolution2 described ? described.getImage() : null;
		}

		@Override
		public IContextInformation getContextInformation() {
			return null;
		}
	}
}
