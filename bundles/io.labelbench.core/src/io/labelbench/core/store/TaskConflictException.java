package io.labelbench.core.store;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;

import io.labelbench.core.model.TaskId;

/** A new task's id is taken by a task another writer created meanwhile; that task was left as it is. */
public final class TaskConflictException extends FileAlreadyExistsException {

	private static final long serialVersionUID = 1L;

	private final transient TaskId id;

	public TaskConflictException(Path file, TaskId id) {
		super(file.toString(), null, "task " + id + " already exists (another writer created it meanwhile);"
				+ " it was not overwritten");
		this.id = id;
	}

	public TaskId id() {
		return id;
	}
}
