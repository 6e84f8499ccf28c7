package io.labelbench.ui.navigator;

import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;

import io.labelbench.ui.Messages;

/** Names and icons of the Tasks node, ranges and tasks. */
public final class TasksLabelProvider extends LabelProvider {

	@Override
	public String getText(Object element) {
		if (element instanceof TasksNode node) {
			int count = countOf(node);
			return NLS.bind(Messages.Navigator_tasks, count);
		}
		if (element instanceof TaskRange range) {
			return NLS.bind(Messages.Navigator_range, range.ids().get(0), range.ids().get(range.ids().size() - 1));
		}
		if (element instanceof TaskEntry entry) {
			return NLS.bind(Messages.Navigator_task, entry.id());
		}
		return null;
	}

	private static int countOf(TasksNode node) {
		var project = io.labelbench.ui.LabelbenchProjects.of(node.project());
		try {
			return project == null ? 0 : project.tasks().ids().size();
		} catch (java.io.IOException e) {
			return 0;
		}
	}

	@Override
	public Image getImage(Object element) {
		ISharedImages images = PlatformUI.getWorkbench().getSharedImages();
		if (element instanceof TasksNode || element instanceof TaskRange) {
			return images.getImage(ISharedImages.IMG_OBJ_FOLDER);
		}
		if (element instanceof TaskEntry) {
			return images.getImage(ISharedImages.IMG_OBJ_FILE);
		}
		return null;
	}

}
