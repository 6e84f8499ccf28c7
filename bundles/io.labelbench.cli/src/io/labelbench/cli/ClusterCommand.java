package io.labelbench.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.labelbench.preannotate.cluster.LocalCluster;
import io.labelbench.preannotate.cluster.LocalCluster.MasterStatus;
import io.labelbench.preannotate.cluster.LocalCluster.Member;
import io.labelbench.preannotate.cluster.LocalCluster.State;
import io.labelbench.preannotate.server.ServerException;
import io.labelbench.preannotate.server.ServerRegistry;

/**
 * {@code labelbench cluster start [--workers N] [--cores C] [--memory M]}, {@code cluster stop},
 * {@code cluster list}: a Spark standalone cluster on 127.0.0.1 for {@code preannotate --cluster}.
 */
final class ClusterCommand {
	private final PrintStream out;
	private final PrintStream err;

	ClusterCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	int run(List<String> args) throws IOException {
		if (args.isEmpty()) {
			throw new UsageException("cluster: say start, stop or list");
		}
		List<String> rest = args.subList(1, args.size());
		LocalCluster cluster = LocalCluster.defaultCluster();
		switch (args.get(0)) {
		case "start" -> {
			Arguments a = new Arguments("cluster start", rest, Set.of("workers", "cores", "memory"), Set.of());
			int workers = number(a.optional("workers", "2"), "--workers", 1, 64);
			int cores = number(a.optional("cores", "1"), "--cores", 1, 1024);
			String memory = a.optional("memory", "1g");
			if (!memory.matches("\\d+[mMgG]")) {
				throw new UsageException("cluster start: --memory takes a size such as 1g or 1536m");
			}
			long t0 = System.nanoTime();
			try {
				State state = cluster.start(ServerRegistry.defaultDistribution(), workers, cores, memory, err::println);
				err.printf(java.util.Locale.ROOT, "cluster started in %.1f s%s%n", (System.nanoTime() - t0) / 1e9,
						state.authenticate() ? ", with Spark authentication" : "");
				print(state);
			} catch (LocalCluster.ClusterException | ServerException e) {
				throw new IOException(e.getMessage(), e);
			}
		}
		case "stop" -> {
			new Arguments("cluster stop", rest, Set.of(), Set.of());
			List<String> stopped = cluster.stop(err::println);
			out.println(stopped.isEmpty() ? "no cluster runs here" : "stopped " + String.join(", ", stopped));
		}
		case "list" -> {
			new Arguments("cluster list", rest, Set.of(), Set.of());
			Optional<State> state = cluster.state();
			if (state.isEmpty()) {
				out.println("no cluster runs here (labelbench cluster start)");
			} else {
				print(state.get());
			}
		}
		default -> throw new UsageException("cluster: unknown action '" + args.get(0) + "'");
		}
		return Labelbench.OK;
	}

	private void print(State state) {
		MasterStatus status = LocalCluster.masterStatus(state.webUi());
		out.println("master\t" + state.master() + "\tweb UI " + state.webUi());
		for (Member m : state.members()) {
			out.println(m.role() + "\tpid " + m.pid() + "\t" + (m.alive() ? "alive" : "dead") + "\tweb UI http://127.0.0.1:"
					+ m.webUiPort());
		}
		out.println(status == null ? "the master's web UI does not answer"
				: status.aliveWorkers() + " worker(s) alive, " + status.coresUsed() + " of " + status.cores()
						+ " cores in use, " + state.memory() + " per worker"
						+ (status.applications().isEmpty() ? "" : "; running: " + String.join(", ", status.applications())));
	}

	private static int number(String text, String option, int min, int max) {
		try {
			int n = Integer.parseInt(text);
			if (n < min || n > max) {
				throw new NumberFormatException();
			}
			return n;
		} catch (NumberFormatException e) {
			throw new UsageException("cluster start: " + option + " takes a number from " + min + " to " + max);
		}
	}
}
