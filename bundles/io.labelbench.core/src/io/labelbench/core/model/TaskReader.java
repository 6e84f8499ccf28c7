package io.labelbench.core.model;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.json.Json;
import io.labelbench.core.json.TaskFormatException;

/**
 * Streams tasks out of a GAL or Label Studio export, one task in memory at a time. Accepts what Label Studio
 * accepts: a JSON array of tasks, a single task object, JSON Lines (or concatenated objects), and flat tasks
 * without a {@code data} wrapper. Label Studio's {@code annotations} become {@code completions}. Every task is
 * checked for shape ({@link TaskShape}); a fault is a {@link TaskFormatException} naming file and position.
 */
public final class TaskReader implements Closeable {

	/** Default upper bound of one task's JSON: a task beyond it is refused before it fills the heap. */
	public static final long DEFAULT_MAX_TASK_BYTES = 64L * 1024 * 1024;

	private final Path file;
	private final BudgetStream input;
	private final JsonParser parser;
	private boolean inArray;
	private boolean started;
	private boolean finished;
	private JsonLocation lastTaskStart;

	private TaskReader(Path file, InputStream in, long maxTaskBytes) throws IOException {
		this.file = file;
		this.input = new BudgetStream(in, maxTaskBytes);
		this.parser = Json.mapper().createParser(input);
	}

	public static TaskReader open(Path file) throws IOException {
		return open(file, DEFAULT_MAX_TASK_BYTES);
	}

	public static TaskReader open(Path file, long maxTaskBytes) throws IOException {
		return new TaskReader(file, Files.newInputStream(file), maxTaskBytes);
	}

	/** Reads from a stream; {@code name} is used in messages only. */
	public static TaskReader open(Path name, InputStream in, long maxTaskBytes) throws IOException {
		return new TaskReader(name, in, maxTaskBytes);
	}

	/** The next task, or {@code null} at the end of the input. */
	public Task next() throws TaskFormatException {
		if (finished) {
			return null;
		}
		try {
			JsonToken token = parser.nextToken();
			if (!started) {
				started = true;
				if (token == null) {
					throw fault(parser.currentLocation(), "empty file: expected a task object or an array of tasks", null);
				}
				if (token == JsonToken.START_ARRAY) {
					inArray = true;
					token = parser.nextToken();
				}
			}
			if (token == null || (inArray && token == JsonToken.END_ARRAY)) {
				if (inArray && token == null) {
					throw fault(parser.currentLocation(), "unexpected end of file inside the array of tasks", null);
				}
				if (inArray && parser.nextToken() != null) {
					throw fault(parser.currentLocation(), "unexpected content after the array of tasks", null);
				}
				finished = true;
				return null;
			}
			if (token != JsonToken.START_OBJECT) {
				throw fault(parser.currentLocation(), "expected a task object, found " + describe(token), null);
			}
			lastTaskStart = parser.currentTokenLocation();
			input.startBudget();
			JsonNode node = parser.readValueAsTree();
			input.stopBudget();
			Task task = normalize((ObjectNode) node);
			String problem = TaskShape.problem(task);
			if (problem != null) {
				throw fault(lastTaskStart, describeTask(task) + problem, null);
			}
			return task;
		} catch (TaskFormatException e) {
			finished = true;
			throw e;
		} catch (TaskTooLargeException e) {
			finished = true;
			throw fault(lastTaskStart, "task larger than " + input.budget / (1024 * 1024)
					+ " MB (the limit for one task); split the document or raise the limit", e);
		} catch (StreamConstraintsException e) {
			finished = true;
			throw fault(lastTaskStart != null ? lastTaskStart : parser.currentLocation(),
					"value too large: " + firstLine(e.getOriginalMessage()), e);
		} catch (JsonProcessingException e) {
			finished = true;
			JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
			throw fault(at, "malformed JSON: " + firstLine(e.getOriginalMessage()), e);
		} catch (IOException e) {
			finished = true;
			throw fault(parser.currentLocation(), "cannot read: " + e.getMessage(), e);
		}
	}

	/** Where the last task returned by {@link #next()} starts, as {@code line:column}. */
	public String lastTaskPosition() {
		return lastTaskStart == null ? "" : lastTaskStart.getLineNr() + ":" + lastTaskStart.getColumnNr();
	}

	public long lastTaskLine() {
		return lastTaskStart == null ? 0 : lastTaskStart.getLineNr();
	}

	public Path file() {
		return file;
	}

	@Override
	public void close() throws IOException {
		parser.close();
		input.close();
	}

	/**
	 * Brings Label Studio's variants into the GAL shape the store keeps: a flat task becomes {@code data},
	 * {@code annotations} becomes {@code completions} in the same position.
	 */
	static Task normalize(ObjectNode node) {
		ObjectNode result = node;
		if (!node.has(Task.DATA)) {
			result = Json.nodes().objectNode();
			ObjectNode data = Json.nodes().objectNode();
			for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
				Map.Entry<String, JsonNode> field = it.next();
				if (isTaskLevel(field.getKey())) {
					result.set(field.getKey(), field.getValue());
				} else {
					data.set(field.getKey(), field.getValue());
				}
			}
			result.set(Task.DATA, data);
		}
		if (result.has(Task.ANNOTATIONS) && !result.has(Task.COMPLETIONS)) {
			result = renameField(result, Task.ANNOTATIONS, Task.COMPLETIONS);
		}
		return new Task(result);
	}

	private static boolean isTaskLevel(String key) {
		return key.equals(Task.ID) || key.equals(Task.PREDICTIONS) || key.equals(Task.COMPLETIONS)
				|| key.equals(Task.ANNOTATIONS);
	}

	static ObjectNode renameField(ObjectNode node, String from, String to) {
		ObjectNode renamed = Json.nodes().objectNode();
		node.fields().forEachRemaining(field -> renamed.set(field.getKey().equals(from) ? to : field.getKey(),
				field.getValue()));
		return renamed;
	}

	private static String describeTask(Task task) {
		JsonNode id = task.json().get(Task.ID);
		return id != null && (id.isIntegralNumber() || id.isTextual()) ? "task " + id.asText() + ": " : "";
	}

	private static String describe(JsonToken token) {
		return switch (token) {
		case START_ARRAY -> "an array";
		case VALUE_STRING -> "a string";
		case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
		case VALUE_TRUE, VALUE_FALSE -> "a boolean";
		case VALUE_NULL -> "null";
		default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
		};
	}

	private static String firstLine(String text) {
		if (text == null) {
			return "";
		}
		int newline = text.indexOf('\n');
		return newline < 0 ? text : text.substring(0, newline);
	}

	private TaskFormatException fault(JsonLocation at, String problem, Throwable cause) {
		long line = at == null ? 0 : at.getLineNr();
		long column = at == null ? 0 : at.getColumnNr();
		return new TaskFormatException(file, line, column, problem, cause);
	}

	private static final class TaskTooLargeException extends IOException {
		private static final long serialVersionUID = 1L;
	}

	/** Counts bytes handed to the parser and refuses to go past the per-task budget while one is set. */
	private static final class BudgetStream extends FilterInputStream {
		final long budget;
		private long count;
		private long budgetStart = -1;

		BudgetStream(InputStream in, long budget) {
			super(in);
			this.budget = budget;
		}

		void startBudget() {
			budgetStart = count;
		}

		void stopBudget() {
			budgetStart = -1;
		}

		private void check() throws IOException {
			if (budgetStart >= 0 && count - budgetStart > budget) {
				throw new TaskTooLargeException();
			}
		}

		@Override
		public int read() throws IOException {
			check();
			int b = super.read();
			if (b >= 0) {
				count++;
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			check();
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				count += n;
			}
			return n;
		}
	}
}
