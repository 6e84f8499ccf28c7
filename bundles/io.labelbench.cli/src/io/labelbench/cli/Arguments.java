package io.labelbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The options ({@code --name value}, {@code --flag}) and operands of one command. */
final class Arguments {

	private final String command;
	private final Map<String, String> options = new HashMap<>();
	private final List<String> operands = new ArrayList<>();

	/**
	 * @param valued options that take a value
	 * @param flags  options that do not
	 */
	Arguments(String command, List<String> args, Set<String> valued, Set<String> flags) {
		this.command = command;
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (arg.equals("--")) {
				operands.addAll(args.subList(i + 1, args.size()));
				break;
			}
			if (arg.startsWith("--")) {
				String name = arg.substring(2);
				String value = null;
				int equals = name.indexOf('=');
				if (equals >= 0) {
					value = name.substring(equals + 1);
					name = name.substring(0, equals);
				}
				if (flags.contains(name) && value == null) {
					options.put(name, "true");
				} else if (valued.contains(name)) {
					if (value == null) {
						if (i + 1 >= args.size()) {
							throw new UsageException(command + ": --" + name + " needs a value");
						}
						value = args.get(++i);
					}
					options.put(name, value);
				} else {
					throw new UsageException(command + ": unknown option --" + name);
				}
			} else {
				operands.add(arg);
			}
		}
	}

	String required(String name) {
		String value = options.get(name);
		if (value == null || value.isBlank()) {
			throw new UsageException(command + ": --" + name + " is required");
		}
		return value;
	}

	String optional(String name, String otherwise) {
		return options.getOrDefault(name, otherwise);
	}

	boolean flag(String name) {
		return options.containsKey(name);
	}

	Path project() {
		return Path.of(required("project"));
	}

	List<String> operands() {
		return operands;
	}
}
