package io.labelbench.ui.activelearning;

import java.io.IOException;

import org.eclipse.core.resources.IProject;
import org.eclipse.jface.viewers.ILabelProviderListener;
import org.eclipse.jface.viewers.IDecoration;
import org.eclipse.jface.viewers.ILightweightLabelDecorator;
import org.eclipse.ui.PlatformUI;

import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.project.training.ActiveLearning;
import io.labelbench.ui.LabelbenchProjects;

/**
 * Beside a Labelbench project with active learning on, in the Project Explorer: when the next training is due
 * and what the last one scored, e.g. {@code [next training in 38, F1 0.871]}.
 */
public final class ActiveLearningDecorator implements ILightweightLabelDecorator {

	public static final String ID = "io.labelbench.ui.activelearning.decorator";

	@Override
	public void decorate(Object element, IDecoration decoration) {
		if (!(element instanceof IProject project) || !project.isOpen()) {
			return;
		}
		LabelbenchProject lb = LabelbenchProjects.of(project);
		if (lb == null) {
			return;
		}
		try {
			String text = StatusText.decoration(new ActiveLearning(lb).status(), ActiveTrainings.active(project));
			if (!text.isEmpty()) {
				decoration.addSuffix("  [" + text + "]");
			}
		} catch (IOException e) {
			// an unreadable project.json: the Problems view and the properties page say so
		}
	}

	/** Decorates every project again, after the count or a training changed. */
	public static void refresh() {
		if (PlatformUI.isWorkbenchRunning()) {
			PlatformUI.getWorkbench().getDisplay().asyncExec(() -> {
				if (PlatformUI.isWorkbenchRunning()) {
					PlatformUI.getWorkbench().getDecoratorManager().update(ID);
				}
			});
		}
	}

	@Override
	public void addListener(ILabelProviderListener listener) {
		// refreshed through the decorator manager
	}

	@Override
	public void removeListener(ILabelProviderListener listener) {
		// refreshed through the decorator manager
	}

	@Override
	public boolean isLabelProperty(Object element, String property) {
		return false;
	}

	@Override
	public void dispose() {
		// nothing held
	}
}
