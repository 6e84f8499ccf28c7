package io.labelbench.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.core.store.Permission;
import io.labelbench.hub.ModelCache;
import io.labelbench.preannotate.server.PipelineSpec;
import io.labelbench.preannotate.server.ServerException;
import io.labelbench.preannotate.server.ServerRecord;
import io.labelbench.preannotate.server.ServerRegistry;
import io.labelbench.preannotate.server.ServerStatus;
import io.labelbench.project.ProjectPipeline;
import io.labelbench.protocol.ServerInfo;

/**
 * {@code labelbench server deploy --project DIR [--name NAME] [--heap MB] [--library] [--cache DIR]},
 * {@code server list}, {@code server info ID|NAME}, {@code server stop ID|NAME},
 * {@code server register URL --token TOKEN [--name NAME]}.
 */
final class ServerCommand {
	static final int DEFAULT_HEAP_MB = 2048;

	private final PrintStream out;
	private final PrintStream err;

	ServerCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	int run(List<String> args) throws IOException {
		if (args.isEmpty()) {
			throw new UsageException("server: say deploy, list, info ID, stop ID or register URL");
		}
		String action = args.get(0);
		List<String> rest = args.subList(1, args.size());
		ServerRegistry registry = ServerRegistry.defaultRegistry();
		try {
			switch (action) {
			case "deploy" -> {
				Arguments a = new Arguments("server deploy", rest, Set.of("project", "name", "heap", "cache"),
						Set.of("library"));
				LabelbenchProject project = Labelbench.existingProject(a.project());
				ServerRecord server = deploy(registry, project, a.optional("name", null),
						heap(a.optional("heap", String.valueOf(DEFAULT_HEAP_MB))), a.flag("library"), cache(a));
				out.println(server.id() + "\t" + server.url() + "\t" + String.join(",", server.models()));
			}
			case "list" -> {
				new Arguments("server list", rest, Set.of(), Set.of());
				for (ServerRecord server : registry.list()) {
					ServerStatus status = registry.status(server);
					out.println(String.join("\t", server.id(), server.name(), status.state().name().toLowerCase(),
							server.remote() ? "remote" : "pid " + server.pid(), server.url().toString(),
							String.join(",", status.modelsAndPrompts()), "tasks " + status.tasksDone(),
							server.project() == null ? "" : server.project()));
				}
			}
			case "info" -> {
				Arguments a = new Arguments("server info", rest, Set.of(), Set.of());
				if (a.operands().size() != 1) {
					throw new UsageException("server info: name one server (ID or name; see server list)");
				}
				ServerRecord server = find(registry, a.operands().get(0));
				ServerStatus status = registry.status(server);
				if (status.info() == null) {
					throw new IOException("server " + server.id() + " (" + server.name() + ") is "
							+ status.state().name().toLowerCase() + " and does not answer (see its log: "
							+ server.log() + ")");
				}
				info(server, status);
			}
			case "stop" -> {
				Arguments a = new Arguments("server stop", rest, Set.of(), Set.of());
				if (a.operands().size() != 1) {
					throw new UsageException("server stop: name one server (ID or name; see server list)");
				}
				ServerRecord server = find(registry, a.operands().get(0));
				registry.stop(server, Duration.ofSeconds(20));
				out.println("stopped " + server.id() + " (" + server.name() + ")");
			}
			case "register" -> {
				Arguments a = new Arguments("server register", rest, Set.of("token", "name"), Set.of());
				if (a.operands().size() != 1) {
					throw new UsageException("server register: give the server's URL");
				}
				URI url = URI.create(a.operands().get(0));
				ServerRecord server = registry.register(a.optional("name", url.getHost() + ":" + url.getPort()), url,
						a.required("token"));
				out.println(server.id() + "\t" + server.url() + "\t" + String.join(",", server.models()));
			}
			default -> throw new UsageException("server: unknown action '" + action + "'");
			}
		} catch (ServerException e) {
			throw new IOException(e.getMessage(), e);
		}
		return Labelbench.OK;
	}

	/** What {@code /info} says, one {@code field<TAB>value} line each (a model or prompt a line). */
	private void info(ServerRecord server, ServerStatus status) {
		ServerInfo info = status.info();
		out.println("id\t" + server.id());
		out.println("name\t" + info.name());
		out.println("state\t" + status.state().name().toLowerCase());
		out.println("url\t" + server.url());
		out.println("model version\t" + info.modelVersion());
		for (ServerInfo.ModelInfo m : info.models()) {
			out.println("model\t" + m.name() + " (" + m.kind() + "): " + String.join(", ", m.labels()));
		}
		out.println("rules\t" + info.rules());
		for (ServerInfo.PromptInfo p : info.prompts()) {
			out.println("prompt\t" + p + ": " + p.label());
		}
		out.println("labels\t" + String.join(", ", info.labels()));
		if (!info.assertionLabels().isEmpty()) {
			out.println("assertion labels\t" + String.join(", ", info.assertionLabels()));
		}
		if (!info.relationLabels().isEmpty()) {
			out.println("relation labels\t" + String.join(", ", info.relationLabels()));
		}
		out.println("tasks done\t" + info.tasksDone());
		if (info.versions() != null) {
			out.println("versions\tSpark NLP " + info.versions().sparkNlp() + ", Spark " + info.versions().spark()
					+ ", Java " + info.versions().java());
		}
	}

	static ModelCache cache(Arguments a) {
		String dir = a.optional("cache", null);
		return dir == null ? ModelCache.defaultCache() : new ModelCache(Path.of(dir));
	}

	static ServerRecord find(ServerRegistry registry, String idOrName) throws IOException {
		Optional<ServerRecord> server = registry.find(idOrName);
		if (server.isEmpty()) {
			throw new IOException("no server '" + idOrName + "' (see labelbench server list)");
		}
		return server.get();
	}

	/** The project's spec: its config, the cache's models, its rules (and the library's with {@code library}). */
	static PipelineSpec spec(LabelbenchProject project, String name, boolean library, ModelCache cache)
			throws IOException {
		return ProjectPipeline.of(project, library).spec(name, cache);
	}

	ServerRecord deploy(ServerRegistry registry, LabelbenchProject project, String name, int heapMb, boolean library,
			ModelCache cache) throws IOException, ServerException {
		if (!project.may(Permission.PRE_ANNOTATE)) {
			throw new IOException("user '" + LabelbenchProject.currentUser() + "' may not deploy servers for "
					+ project.folder() + " (Owner or Manager only)");
		}
		String serverName = name != null ? name : project.folder().getFileName().toString();
		PipelineSpec spec = spec(project, serverName, library, cache);
		long t0 = System.nanoTime();
		ServerRecord server = registry.deploy(
				new ServerRegistry.DeployRequest(serverName, project.folder(), spec, heapMb),
				ServerRegistry.defaultDistribution(), ServerRegistry.Budget.configured(), new ConsoleProgress(err));
		err.printf(java.util.Locale.ROOT, "server %s healthy after %.1f s (%s)%n", server.id(),
				(System.nanoTime() - t0) / 1e9, Instant.now());
		return server;
	}

	private static int heap(String text) {
		try {
			int mb = Integer.parseInt(text);
			if (mb < 512 || mb > 65536) {
				throw new NumberFormatException();
			}
			return mb;
		} catch (NumberFormatException e) {
			throw new UsageException("server deploy: --heap takes megabytes from 512 to 65536");
		}
	}
}
