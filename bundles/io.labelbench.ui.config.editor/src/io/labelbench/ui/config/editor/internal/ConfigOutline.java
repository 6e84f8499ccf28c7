package io.labelbench.ui.config.editor.internal;

import java.util.List;

import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.views.contentoutline.ContentOutlinePage;

import io.labelbench.config.ConfigElement;
import io.labelbench.config.LabelingConfig;

/**
 * The Outline of a labeling config: its tags as a tree, each shown with the attribute that names it
 * ({@code name}, else {@code value}); selecting one selects the tag in the editor.
 */
final class ConfigOutline extends ContentOutlinePage {
	private final ConfigEditor editor;
	private LabelingConfig config;

	ConfigOutline(ConfigEditor editor) {
		this.editor = editor;
	}

	@Override
	public void createControl(Composite parent) {
		super.createControl(parent);
		TreeViewer viewer = getTreeViewer();
		viewer.setContentProvider(new ITreeContentProvider() {
			@Override
			public Object[] getElements(Object input) {
				ConfigElement root = input instanceof LabelingConfig c ? c.root() : null;
				return root == null ? new Object[0] : new Object[] { root };
			}

			@Override
			public Object[] getChildren(Object element) {
				return ((ConfigElement) element).children().toArray();
			}

			@Override
			public Object getParent(Object element) {
				return ((ConfigElement) element).parent();
			}

			@Override
			public boolean hasChildren(Object element) {
				return !((ConfigElement) element).children().isEmpty();
			}
		});
		viewer.setLabelProvider(new LabelProvider() {
			@Override
			public String getText(Object element) {
				return label((ConfigElement) element);
			}
		});
		viewer.addSelectionChangedListener(event -> {
			if (event.getSelection() instanceof IStructuredSelection s && s.getFirstElement() instanceof ConfigElement e) {
				editor.selectAndReveal(e.start(), e.end() - e.start());
			}
		});
		if (config != null) {
			viewer.setInput(config);
			viewer.expandAll();
		}
	}

	/** {@code Labels label -> text}, {@code Label DRUG}, {@code Text text}. */
	static String label(ConfigElement e) {
		String name = e.get("name");
		String shown = name != null ? name : e.get("value");
		String toName = e.get("toName");
		return e.tag() + (shown == null ? "" : " " + shown) + (toName == null ? "" : " \u2192 " + toName);
	}

	/** Shows a newly parsed config (call on the UI thread). */
	void update(LabelingConfig parsed) {
		config = parsed;
		TreeViewer viewer = getTreeViewer();
		if (viewer != null && !viewer.getControl().isDisposed()) {
			viewer.setInput(parsed);
			viewer.expandAll();
		}
	}

	/** For tests: the labels of the top-level tags' children. */
	List<String> topLabels() {
		ConfigElement root = config == null ? null : config.root();
		return root == null ? List.of() : root.children().stream().map(ConfigOutline::label).toList();
	}
}
