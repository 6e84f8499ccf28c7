package io.labelbench.core.json;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Input that is not a valid task file. The message is one line naming the file and the position:
 * {@code tasks.json:12:7: task 3: /predictions/0/result: expected an array}.
 */
public class TaskFormatException extends IOException {

	private static final long serialVersionUID = 1L;

	private final Path file;
	private final long line;
	private final long column;
	private final String problem;

	public TaskFormatException(Path file, long line, long column, String problem) {
		this(file, line, column, problem, null);
	}

	public TaskFormatException(Path file, long line, long column, String problem, Throwable cause) {
		super(format(file, line, column, problem), cause);
		this.file = file;
		this.line = line;
		this.column = column;
		this.problem = problem;
	}

	/** A fault at a position described in words, such as {@code tasks.csv:12} or {@code notes/a.txt}. */
	public TaskFormatException(String position, String problem) {
		super(position + ": " + problem);
		this.file = null;
		this.line = 0;
		this.column = 0;
		this.problem = problem;
	}

	private static String format(Path file, long line, long column, String problem) {
		StringBuilder text = new StringBuilder(file == null ? "<input>" : file.toString());
		if (line > 0) {
			text.append(':').append(line);
			if (column > 0) {
				text.append(':').append(column);
			}
		}
		return text.append(": ").append(problem).toString();
	}

	public Path file() {
		return file;
	}

	public long line() {
		return line;
	}

	public long column() {
		return column;
	}

	/** The problem without the file and position. */
	public String problem() {
		return problem;
	}
}
