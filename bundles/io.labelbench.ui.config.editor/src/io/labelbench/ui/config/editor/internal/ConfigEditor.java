package io.labelbench.ui.config.editor.internal;

import java.util.List;
import java.util.ResourceBundle;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.text.DefaultIndentLineAutoEditStrategy;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IAutoEditStrategy;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.contentassist.ContentAssistant;
import org.eclipse.jface.text.contentassist.IContentAssistant;
import org.eclipse.jface.text.presentation.IPresentationReconciler;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.quickassist.IQuickAssistAssistant;
import org.eclipse.jface.text.quickassist.QuickAssistAssistant;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.editors.text.TextEditor;
import org.eclipse.ui.editors.text.TextSourceViewerConfiguration;
import org.eclipse.ui.texteditor.ContentAssistAction;
import org.eclipse.ui.texteditor.ITextEditorActionDefinitionIds;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;

import io.labelbench.config.Diagnostic;
import io.labelbench.config.LabelingConfig;
import io.labelbench.ui.config.ConfigBuilder;
import io.labelbench.ui.config.ConfigMarkers;
import io.labelbench.ui.ModelCachePreference;
import io.labelbench.rules.PromptFiles;
import io.labelbench.rules.PromptLibrary;
import io.labelbench.rules.engine.Prompt;
import io.labelbench.rules.engine.RuleException;

/**
 * The labeling-config editor: syntax colours, content assist ({@link ConfigAssist}), hover with the problems
 * and the tag's documentation ({@link ConfigHover}), and validation of the text
 * as it is typed, a short pause after the last keystroke, in a job; the findings become the same problem markers
 * the builder writes on save (with quick fixes, {@link ConfigQuickFixes}), and only markers whose finding changed
 * are touched.
 */
public final class ConfigEditor extends TextEditor {

	public static final String ID = "io.labelbench.ui.editors.configEditor";
	/** The key binding context of the editor: the text editor's, and Ctrl+Y for Redo. */
	public static final String CONTEXT_ID = "io.labelbench.ui.editors.configEditorScope";
	/** Family of the validation jobs: tests wait on it. */
	public static final Object FAMILY_VALIDATION = new Object();
	static final long DEBOUNCE_MS = 300;

	private final ValidationJob validation = new ValidationJob();
	private ConfigOutline outline;
	/** Views that show the config as it is typed (the label palette); called on the UI thread. */
	private final List<java.util.function.Consumer<LabelingConfig>> configListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
	private volatile LabelingConfig current;
	private final IDocumentListener listener = new IDocumentListener() {
		@Override
		public void documentAboutToBeChanged(DocumentEvent event) {
			// validation runs after the change
		}

		@Override
		public void documentChanged(DocumentEvent event) {
			validation.cancel();
			validation.schedule(DEBOUNCE_MS);
		}
	};

	public ConfigEditor() {
		setSourceViewerConfiguration(new TextSourceViewerConfiguration(getPreferenceStore()) {
			@Override
			public IPresentationReconciler getPresentationReconciler(ISourceViewer viewer) {
				PresentationReconciler reconciler = new PresentationReconciler();
				DefaultDamagerRepairer colours = new DefaultDamagerRepairer(new ConfigScanner());
				reconciler.setDamager(colours, IDocument.DEFAULT_CONTENT_TYPE);
				reconciler.setRepairer(colours, IDocument.DEFAULT_CONTENT_TYPE);
				return reconciler;
			}

			@Override
			public ITextHover getTextHover(ISourceViewer viewer, String contentType) {
				return new ConfigHover(viewer);
			}

			@Override
			public IContentAssistant getContentAssistant(ISourceViewer viewer) {
				ContentAssistant assistant = new ContentAssistant();
				assistant.setContentAssistProcessor(new ConfigAssist(ModelCachePreference::cache, ConfigEditor.this::prompts),
						IDocument.DEFAULT_CONTENT_TYPE);
				assistant.enableAutoActivation(true);
				assistant.setAutoActivationDelay(300);
				assistant.setInformationControlCreator(getInformationControlCreator(viewer));
				return assistant;
			}

			/**
			 * Indentation only: the platform's default also wraps a selection in brackets or quotes when one is
			 * typed, so typing {@code <} over a selected tag would give {@code <tag>} instead of replacing it.
			 */
			@Override
			public IAutoEditStrategy[] getAutoEditStrategies(ISourceViewer viewer, String contentType) {
				return new IAutoEditStrategy[] { new DefaultIndentLineAutoEditStrategy() };
			}

			@Override
			public IQuickAssistAssistant getQuickAssistAssistant(ISourceViewer viewer) {
				QuickAssistAssistant assistant = new QuickAssistAssistant();
				assistant.setQuickAssistProcessor(new ConfigQuickAssist());
				assistant.setInformationControlCreator(getInformationControlCreator(viewer));
				return assistant;
			}
		});
	}

	/** The text editor's keys plus Ctrl+Y for Redo (see plugin.xml). */
	@Override
	protected void initializeKeyBindingScopes() {
		setKeyBindingScopes(new String[] { CONTEXT_ID });
	}

	@Override
	protected void createActions() {
		super.createActions();
		ContentAssistAction assist = new ContentAssistAction(
				ResourceBundle.getBundle("io.labelbench.ui.config.editor.internal.actions"), "ContentAssistProposal.", this);
		assist.setActionDefinitionId(ITextEditorActionDefinitionIds.CONTENT_ASSIST_PROPOSALS);
		setAction("ContentAssistProposal", assist);
	}

	/** Opens the content assist popup at the caret, as Ctrl+Space does. */
	public void showContentAssist() {
		((ITextOperationTarget) getSourceViewer()).doOperation(ISourceViewer.CONTENTASSIST_PROPOSALS);
	}

	@Override
	public <T> T getAdapter(Class<T> adapter) {
		if (adapter == IContentOutlinePage.class) {
			if (outline == null) {
				outline = new ConfigOutline(this);
				IDocument document = getDocumentProvider().getDocument(getEditorInput());
				if (document != null) {
					outline.update(LabelingConfig.parse(document.get()));
				}
			}
			return adapter.cast(outline);
		}
		return super.getAdapter(adapter);
	}

	/** The config as last validated (null before the first validation). */
	public LabelingConfig currentConfig() {
		return current;
	}

	public void addConfigListener(java.util.function.Consumer<LabelingConfig> listener) {
		configListeners.add(listener);
	}

	public void removeConfigListener(java.util.function.Consumer<LabelingConfig> listener) {
		configListeners.remove(listener);
	}

	/** For tests: the Outline's top-level entries. */
	public List<String> outlineEntries() {
		return outline == null ? List.of() : outline.topLabels();
	}

	/** For tests: the viewer the proposals are computed for. */
	public ISourceViewer viewer() {
		return getSourceViewer();
	}

	@Override
	protected void doSetInput(IEditorInput input) throws CoreException {
		IDocument old = getDocumentProvider() == null || getEditorInput() == null ? null
				: getDocumentProvider().getDocument(getEditorInput());
		if (old != null) {
			old.removeDocumentListener(listener);
		}
		super.doSetInput(input);
		// every project's config has the same file name: the project tells their tabs apart
		IFile file = input == null ? null : input.getAdapter(IFile.class);
		if (file != null) {
			setPartName(file.getName() + " [" + file.getProject().getName() + "]");
		}
		IDocument document = getDocumentProvider().getDocument(input);
		if (document != null) {
			document.addDocumentListener(listener);
			validation.schedule();
		}
	}

	@Override
	public void dispose() {
		validation.cancel();
		if (getDocumentProvider() != null && getEditorInput() != null) {
			IDocument document = getDocumentProvider().getDocument(getEditorInput());
			if (document != null) {
				document.removeDocumentListener(listener);
			}
		}
		super.dispose();
	}

	private IFile file() {
		return getEditorInput() == null ? null : getEditorInput().getAdapter(IFile.class);
	}

	/** The prompts the config can name: the project's ({@code prompts/}) and the prompt library's; unreadable ones are left out. */
	private List<Prompt> prompts() {
		List<Prompt> out = new java.util.ArrayList<>();
		IFile file = file();
		if (file != null && file.getProject().getLocation() != null) {
			addReadable(out, () -> PromptFiles.readFolder(file.getProject().getLocation().toFile().toPath().resolve("prompts")));
		}
		addReadable(out, () -> PromptLibrary.defaultLibrary().prompts());
		return out;
	}

	private interface PromptSource {
		List<Prompt> read() throws RuleException;
	}

	private static void addReadable(List<Prompt> into, PromptSource source) {
		try {
			into.addAll(source.read());
		} catch (RuleException e) {
			// content assist offers what can be read; the prompt files themselves report what is wrong
		}
	}

	/** Validates the editor's text (saved or not) and updates the file's markers. */
	private final class ValidationJob extends WorkspaceJob {
		ValidationJob() {
			super(Messages.ConfigEditor_validating);
			setSystem(true);
		}

		@Override
		public boolean belongsTo(Object family) {
			return family == FAMILY_VALIDATION;
		}

		@Override
		public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
			IFile file = file();
			IDocument document = getDocumentProvider() == null ? null : getDocumentProvider().getDocument(getEditorInput());
			if (file == null || document == null || !file.exists() || monitor.isCanceled()) {
				return Status.OK_STATUS;
			}
			String text = document.get();
			List<Diagnostic> diagnostics = ConfigBuilder.validator(file.getProject()).validate(text);
			LabelingConfig parsed = LabelingConfig.parse(text);
			current = parsed;
			ConfigOutline shown = outline;
			org.eclipse.swt.widgets.Display.getDefault().asyncExec(() -> {
				if (shown != null) {
					shown.update(parsed);
				}
				configListeners.forEach(listener -> listener.accept(parsed));
			});
			ConfigMarkers.update(file, diagnostics);
			return Status.OK_STATUS;
		}
	}
}
