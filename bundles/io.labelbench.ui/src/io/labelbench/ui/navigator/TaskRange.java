package io.labelbench.ui.navigator;

import java.util.List;

import org.eclipse.core.resources.IProject;

import io.labelbench.core.model.TaskId;

/** A group of consecutive tasks ("1001–2000") so that a large project expands at once. */
public record TaskRange(IProject project, List<TaskId> ids) {
}
