package io.labelbench.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.labelbench.hub.HubEntry;
import io.labelbench.hub.HubLocation;
import io.labelbench.hub.InstalledModel;
import io.labelbench.hub.ModelCache;
import io.labelbench.hub.ModelDownloader;
import io.labelbench.hub.ModelsHub;

/**
 * {@code labelbench hub list|download NAME|labels NAME|remove NAME [--force] [--hub URL|DIR] [--cache DIR]}.
 * Downloading a model also downloads the embeddings it runs on; removing embeddings that downloaded models run
 * on is refused unless {@code --force}.
 */
final class HubCommand {

	private final PrintStream out;
	private final PrintStream err;

	HubCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	int run(List<String> args) throws IOException {
		if (args.isEmpty()) {
			throw new UsageException("hub: say list, download NAME, labels NAME or remove NAME");
		}
		String action = args.get(0);
		Arguments options = new Arguments("hub " + action, args.subList(1, args.size()), Set.of("hub", "cache"), Set.of("force"));
		ModelCache cache = options.optional("cache", null) == null ? ModelCache.defaultCache()
				: new ModelCache(Path.of(options.optional("cache", null)));
		return switch (action) {
		case "list" -> list(hub(options), cache);
		case "download" -> download(hub(options), cache, name(options));
		case "labels" -> labels(options, cache, name(options));
		case "remove" -> remove(cache, name(options), options.flag("force"));
		default -> throw new UsageException("hub: unknown action '" + action + "'");
		};
	}

	private ModelsHub hub(Arguments options) {
		String given = options.optional("hub", null);
		List<HubLocation> hubs = given != null ? List.of(HubLocation.parse(given)) : ModelsHub.configuredHubs();
		if (hubs.isEmpty()) {
			throw new UsageException("hub: no Models Hub configured; pass --hub URL|DIR");
		}
		ModelsHub hub = ModelsHub.read(hubs);
		hub.problems().forEach(problem -> err.println("warning: " + problem));
		if (hub.offers().isEmpty() && !hub.problems().isEmpty()) {
			throw new UsageException("hub: no hub could be read");
		}
		return hub;
	}

	private static String name(Arguments options) {
		if (options.operands().size() != 1) {
			throw new UsageException("name one model");
		}
		return options.operands().get(0);
	}

	private int list(ModelsHub hub, ModelCache cache) throws IOException {
		for (ModelsHub.Offer offer : hub.offers()) {
			var entry = offer.entry();
			String status = cache.contains(entry) ? "downloaded"
					: cache.find(entry.name()).isPresent() ? "update-available" : "available";
			out.println(entry.name() + "\t" + entry.task() + "\t" + entry.domain() + "\t" + entry.language() + "\t"
					+ status + "\t" + String.join(",", entry.labels()) + "\t" + metrics(entry));
		}
		return Labelbench.OK;
	}

	/** The held-out scores the hub publishes with the model, or "-" when it has none (embeddings). */
	static String metrics(HubEntry entry) {
		JsonNode metrics = entry.metrics();
		if (metrics == null || !metrics.has("f1")) {
			return "-";
		}
		StringBuilder text = new StringBuilder();
		for (String name : List.of("precision", "recall", "f1")) {
			if (metrics.has(name)) {
				text.append(text.length() == 0 ? "" : " ").append(name).append('=')
						.append(String.format(Locale.ROOT, "%.3f", metrics.get(name).asDouble()));
			}
		}
		if (metrics.has("heldoutExamples")) {
			text.append(" heldout=").append(metrics.get("heldoutExamples").asInt());
		}
		return text.toString();
	}

	private int download(ModelsHub hub, ModelCache cache, String name) throws IOException {
		ModelsHub.Offer offer = hub.find(name)
				.orElseThrow(() -> new IOException("no model '" + name + "' in the hub for Spark NLP "
						+ ModelsHub.SPARK_NLP_VERSION + " / Spark " + ModelsHub.SPARK_VERSION));
		String embeddings = offer.entry().embeddings();
		List<ModelsHub.Offer> plan = hub.withEmbeddings(offer, cache);
		if (embeddings != null && plan.size() == 1 && cache.find(embeddings).isEmpty() && !embeddings.equals(name)) {
			err.println("warning: " + name + " runs on the embeddings '" + embeddings
					+ "', which no hub offers: it cannot be deployed without them");
		}
		for (ModelsHub.Offer step : plan) {
			InstalledModel model = new ModelDownloader(cache).download(step.hub(), step.entry(), new ConsoleProgress(err));
			out.println("downloaded " + model.name() + " (" + model.entry().key() + ") to " + model.folder()
					+ (step == offer ? "" : " (the embeddings " + name + " runs on)"));
		}
		return Labelbench.OK;
	}

	/** Labels of an installed model, read from the model itself; else those the catalog lists. */
	private int labels(Arguments options, ModelCache cache, String name) throws IOException {
		Optional<InstalledModel> installed = cache.find(name);
		if (installed.isPresent() && !installed.get().metadata().labels().isEmpty()) {
			installed.get().metadata().labels().forEach(out::println);
			entityNote(name, installed.get().metadata().task(), installed.get().metadata().entityLabels());
			return Labelbench.OK;
		}
		ModelsHub.Offer offer = hub(options).find(name)
				.orElseThrow(() -> new IOException("no model '" + name + "' installed or in the hub"));
		offer.entry().labels().forEach(out::println);
		entityNote(name, offer.entry().task(), offer.entry().entityLabels());
		return Labelbench.OK;
	}

	/**
	 * Where assertion and relation labels go in a config, and which NER labels they need, on standard error so
	 * that standard output stays one label a line.
	 */
	private void entityNote(String name, String task, List<String> entityLabels) {
		String needs = entityLabels.isEmpty() ? "" : " of " + String.join(", ", entityLabels);
		if (task.equals("assertion")) {
			err.println(name + " is an assertion model: put its statuses on Labels with assertion=\"true\" model=\""
					+ name + "\" beside the NER labels" + needs);
		} else if (task.equals("relation")) {
			err.println(name + " is a relation model: put its labels on <Relation value=… model=\"" + name
					+ "\"> inside <Relations>; it relates chunks" + needs);
		}
	}

	private int remove(ModelCache cache, String name, boolean force) throws IOException {
		List<String> dependents = cache.dependents(name);
		if (!dependents.isEmpty() && !force) {
			throw new IOException(name + " is the embeddings of " + String.join(", ", dependents)
					+ ", which cannot be deployed without it: remove them first, or pass --force");
		}
		int removed = cache.remove(name);
		if (removed == 0) {
			throw new IOException("no model '" + name + "' in the cache " + cache.folder());
		}
		out.println("removed " + name + (dependents.isEmpty() ? ""
				: " (" + String.join(", ", dependents) + " cannot be deployed until it is downloaded again)"));
		return Labelbench.OK;
	}
}
