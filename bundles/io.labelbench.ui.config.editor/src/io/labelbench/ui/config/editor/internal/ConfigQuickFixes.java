package io.labelbench.ui.config.editor.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IMarkerResolution2;
import org.eclipse.ui.IMarkerResolutionGenerator2;

import io.labelbench.config.ConfigAttribute;
import io.labelbench.config.ConfigElement;
import io.labelbench.config.ConfigValidator;
import io.labelbench.config.ControlTag;
import io.labelbench.config.LabelValue;
import io.labelbench.config.LabelingConfig;
import io.labelbench.config.Tags;
import io.labelbench.ui.config.ConfigMarkers;
import io.labelbench.ui.hub.ModelDownloadJob;

/**
 * Quick fixes for labeling-config problems, from the fix data the validator puts on each finding: point a
 * {@code toName} at an existing object, add a missing {@code toName}, remove a duplicate value, move a relation
 * into a Relations block, add back a label tasks still use, take a surplus model out, make a label naming an
 * assertion model an assertion label, add the NER labels an assertion or relation model works on. The edit goes through the file's text buffer, so an open editor shows it (and keeps it
 * undoable); a file no editor has open is saved at once.
 */
public final class ConfigQuickFixes implements IMarkerResolutionGenerator2 {

	@Override
	public boolean hasResolutions(IMarker marker) {
		return getResolutions(marker).length > 0;
	}

	@Override
	public IMarkerResolution[] getResolutions(IMarker marker) {
		String code = marker.getAttribute(ConfigMarkers.CODE, "");
		int start = marker.getAttribute(IMarker.CHAR_START, -1);
		int end = marker.getAttribute(IMarker.CHAR_END, -1);
		List<IMarkerResolution> out = new ArrayList<>();
		if (start < 0 || end < start) {
			return new IMarkerResolution[0];
		}
		switch (code) {
		case ConfigValidator.TONAME_UNKNOWN -> {
			for (String object : list(fix(marker, "objects"))) {
				out.add(new Fix(NLS.bind(Messages.QuickFix_pointToName, object), start, end, object));
			}
		}
		case ConfigValidator.TONAME_MISSING -> {
			for (String object : list(fix(marker, "objects"))) {
				out.add(new Fix(NLS.bind(Messages.QuickFix_addToName, object), end, end, " toName=\"" + object + "\""));
			}
		}
		case ConfigValidator.VALUE_DUPLICATE -> {
			int removeStart = number(fix(marker, "removeStart"));
			int removeEnd = number(fix(marker, "removeEnd"));
			if (removeStart >= 0 && removeEnd > removeStart) {
				out.add(new Fix(Messages.QuickFix_removeDuplicate, removeStart, removeEnd, ""));
			}
		}
		case ConfigValidator.RELATION_WITHOUT_BLOCK -> {
			int elementStart = number(fix(marker, "elementStart"));
			int elementEnd = number(fix(marker, "elementEnd"));
			int insertAt = number(fix(marker, "insertAt"));
			if (elementStart >= 0 && elementEnd > elementStart && insertAt >= 0) {
				out.add(new MoveFix(elementStart, elementEnd, insertAt, Boolean.parseBoolean(fix(marker, "newBlock"))));
			}
		}
		case ConfigValidator.LABEL_USED_BY_TASKS -> {
			String label = fix(marker, "label");
			if (!label.isEmpty()) {
				out.add(new AddLabelFix(label));
			}
		}
		case ConfigValidator.MODEL_TOO_MANY -> {
			String model = fix(marker, "model");
			if (!model.isEmpty()) {
				out.add(new RemoveModelFix(model));
			}
		}
		case ConfigValidator.MODEL_WRONG_KIND -> {
			int insertAt = number(fix(marker, "insertAt"));
			if (insertAt >= 0 && !fix(marker, "insert").isEmpty()) {
				out.add(new Fix(Messages.QuickFix_addAssertion, insertAt, insertAt, fix(marker, "insert")));
			}
		}
		case ConfigValidator.MODEL_ENTITIES_MISSING -> {
			List<String> labels = list(fix(marker, "labels"));
			if (!labels.isEmpty()) {
				out.add(new AddEntityLabelsFix(fix(marker, "model"), labels));
			}
		}
		case ConfigValidator.MODEL_EMBEDDINGS_MISSING -> {
			String embeddings = fix(marker, "embeddings");
			if (!embeddings.isEmpty()) {
				out.add(new DownloadFix(embeddings));
			}
		}
		default -> {
			// no automatic fix: the message says what to do
		}
		}
		return out.toArray(IMarkerResolution[]::new);
	}

	private static String fix(IMarker marker, String key) {
		return marker.getAttribute(ConfigMarkers.FIX + key, "");
	}

	private static List<String> list(String commaSeparated) {
		List<String> out = new ArrayList<>();
		for (String part : commaSeparated.split(",")) {
			if (!part.isBlank()) {
				out.add(part.strip());
			}
		}
		return out;
	}

	private static int number(String text) {
		try {
			return Integer.parseInt(text);
		} catch (NumberFormatException e) {
			return -1;
		}
	}

	/** Applies an edit to the marker's file through its shared text buffer. */
	abstract static class Edit implements IMarkerResolution2 {
		@Override
		public void run(IMarker marker) {
			if (!(marker.getResource() instanceof IFile file)) {
				return;
			}
			ITextFileBufferManager manager = FileBuffers.getTextFileBufferManager();
			try {
				manager.connect(file.getFullPath(), LocationKind.IFILE, null);
				try {
					ITextFileBuffer buffer = manager.getTextFileBuffer(file.getFullPath(), LocationKind.IFILE);
					boolean wasDirty = buffer.isDirty();
					apply(buffer.getDocument());
					if (!wasDirty) { // nothing unsaved: the fix is saved; with unsaved edits the editor keeps it for its save
						buffer.commit(null, true);
					}
				} finally {
					manager.disconnect(file.getFullPath(), LocationKind.IFILE, null);
				}
			} catch (CoreException | BadLocationException e) {
				throw new IllegalStateException(Messages.QuickFix_failed + " " + e.getMessage(), e);
			}
		}

		abstract void apply(IDocument document) throws BadLocationException;

		@Override
		public String getDescription() {
			return getLabel();
		}

		@Override
		public org.eclipse.swt.graphics.Image getImage() {
			return null;
		}
	}

	/** Replaces a range of the text. */
	static final class Fix extends Edit {
		private final String label;
		private final int start;
		private final int end;
		private final String text;

		Fix(String label, int start, int end, String text) {
			this.label = label;
			this.start = start;
			this.end = end;
			this.text = text;
		}

		@Override
		public String getLabel() {
			return label;
		}

		@Override
		void apply(IDocument document) throws BadLocationException {
			document.replace(start, end - start, text);
		}
	}

	/** Adds a label that tasks still use back to the first Labels control. */
	static final class AddLabelFix extends Edit {
		private final String label;

		AddLabelFix(String label) {
			this.label = label;
		}

		@Override
		public String getLabel() {
			return NLS.bind(Messages.QuickFix_addLabel, label);
		}

		@Override
		void apply(IDocument document) throws BadLocationException {
			for (ControlTag control : LabelingConfig.parse(document.get()).controlTags()) {
				ConfigElement e = control.element();
				if (Tags.LABEL_CONTROLS.contains(e.key()) && !e.selfClosing()) {
					document.replace(e.endTagStart(), 0, "  <Label value=\"" + label.replace("\"", "&quot;") + "\"/>\n  ");
					return;
				}
			}
			throw new BadLocationException(Messages.QuickFix_noLabels);
		}
	}

	/**
	 * Adds the NER labels an assertion or relation model works on to the Labels control holding the others, as the
	 * Models Hub does when it adds the model's labels.
	 */
	static final class AddEntityLabelsFix extends Edit {
		private final String model;
		private final List<String> labels;

		AddEntityLabelsFix(String model, List<String> labels) {
			this.model = model;
			this.labels = List.copyOf(labels);
		}

		@Override
		public String getLabel() {
			return NLS.bind(Messages.QuickFix_addEntityLabels, model, String.join(", ", labels));
		}

		@Override
		void apply(IDocument document) throws BadLocationException {
			io.labelbench.config.TextEdit edit;
			try {
				edit = io.labelbench.config.PredefinedLabels.planRelations(document.get(), null, List.of(), labels).edit();
			} catch (IllegalArgumentException e) {
				throw new BadLocationException(e.getMessage());
			}
			document.replace(edit.offset(), edit.length(), edit.replacement());
		}
	}

	/** Takes a surplus model out of the config: its {@code model} attributes go, the labels stay. */
	static final class RemoveModelFix extends Edit {
		private final String model;

		RemoveModelFix(String model) {
			this.model = model;
		}

		@Override
		public String getLabel() {
			return NLS.bind(Messages.QuickFix_removeModel, model);
		}

		@Override
		void apply(IDocument document) throws BadLocationException {
			List<ConfigAttribute> attributes = new ArrayList<>();
			for (LabelValue value : LabelingConfig.parse(document.get()).allValues()) {
				ConfigAttribute attribute = value.element().attribute("model");
				if (model.equals(value.model()) && attribute != null) {
					attributes.add(attribute);
				}
			}
			// from the end, so earlier offsets stay valid; the space before the attribute goes with it
			attributes.sort((a, b) -> Integer.compare(b.nameStart(), a.nameStart()));
			for (ConfigAttribute a : attributes) {
				int start = a.nameStart();
				while (start > 0 && Character.isWhitespace(document.getChar(start - 1))) {
					start--;
				}
				int end = a.valueEnd() < document.getLength() && "\"'".indexOf(document.getChar(a.valueEnd())) >= 0
						? a.valueEnd() + 1 : a.valueEnd();
				document.replace(start, end - start, "");
			}
		}
	}

	/** Downloads missing embeddings from the Models Hub, then validates the config again. */
	static final class DownloadFix implements IMarkerResolution2 {
		private final String name;

		DownloadFix(String name) {
			this.name = name;
		}

		@Override
		public String getLabel() {
			return NLS.bind(Messages.QuickFix_downloadEmbeddings, name);
		}

		@Override
		public String getDescription() {
			return getLabel();
		}

		@Override
		public org.eclipse.swt.graphics.Image getImage() {
			return null;
		}

		@Override
		public void run(IMarker marker) {
			org.eclipse.core.runtime.jobs.Job job = ModelDownloadJob.byName(name);
			if (marker.getResource() instanceof IFile file) {
				job.addJobChangeListener(new org.eclipse.core.runtime.jobs.JobChangeAdapter() {
					@Override
					public void done(org.eclipse.core.runtime.jobs.IJobChangeEvent event) {
						try {
							io.labelbench.ui.config.ConfigBuilder.validate(file.getProject(), file);
						} catch (CoreException e) {
							// the next build validates it
						}
					}
				});
			}
			job.schedule();
		}
	}

	/** Moves a relation into the Relations block (or into a new one right after {@code <View>}). */
	static final class MoveFix extends Edit {
		private final int start;
		private final int end;
		private final int insertAt;
		private final boolean newBlock;

		MoveFix(int start, int end, int insertAt, boolean newBlock) {
			this.start = start;
			this.end = end;
			this.insertAt = insertAt;
			this.newBlock = newBlock;
		}

		@Override
		public String getLabel() {
			return newBlock ? Messages.QuickFix_newRelations : Messages.QuickFix_moveRelation;
		}

		@Override
		void apply(IDocument document) throws BadLocationException {
			String element = document.get(start, end - start);
			String inserted = newBlock ? "\n  <Relations>\n    " + element + "\n  </Relations>" : "\n    " + element;
			// the later range first, so the earlier offsets stay valid
			if (insertAt >= end) {
				document.replace(insertAt, 0, inserted);
				document.replace(start, end - start, "");
			} else {
				document.replace(start, end - start, "");
				document.replace(insertAt, 0, inserted);
			}
		}
	}
}
