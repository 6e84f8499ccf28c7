package io.labelbench.ui.navigator;

import org.eclipse.core.resources.IProject;

/** The "Tasks (N)" node under a Labelbench project in the explorer. */
public record TasksNode(IProject project) {
}
