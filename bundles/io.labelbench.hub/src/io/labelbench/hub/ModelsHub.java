package io.labelbench.hub;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hubs the user configured, read together: for each model the newest entry compatible with the Spark NLP
 * and Spark versions the pre-annotation server runs; an earlier hub wins a tie. Hubs that cannot be read are
 * reported, not fatal, so one dead mirror does not hide the others.
 */
public final class ModelsHub {

	/** The versions of the pre-annotation server's engine. */
	public static final Version SPARK_NLP_VERSION = Version.parse("5.5.3");
	public static final Version SPARK_VERSION = Version.parse("3.5.7");

	/** A model offered by one of the hubs. */
	public record Offer(HubLocation hub, HubEntry entry) {
	}

	private final List<Offer> offers;
	private final List<String> problems;

	private ModelsHub(List<Offer> offers, List<String> problems) {
		this.offers = List.copyOf(offers);
		this.problems = List.copyOf(problems);
	}

	public static ModelsHub read(List<HubLocation> hubs) {
		Map<String, Offer> chosen = new LinkedHashMap<>();
		List<String> problems = new ArrayList<>();
		for (HubLocation hub : hubs) {
			try {
				ModelCatalog catalog = ModelCatalog.read(hub);
				for (HubEntry entry : catalog.newestCompatible(SPARK_NLP_VERSION, SPARK_VERSION)) {
					String id = entry.name() + "\u0000" + entry.language();
					Offer known = chosen.get(id);
					if (known == null || known.entry().time().isBefore(entry.time())) {
						chosen.put(id, new Offer(hub, entry));
					}
				}
			} catch (IOException e) {
				problems.add(hub + ": " + e.getMessage());
			}
		}
		return new ModelsHub(new ArrayList<>(chosen.values()), problems);
	}

	/**
	 * The hubs named by the {@code labelbench.hub} system property (comma-separated folders or URLs); the
	 * product's launcher points it at the bundled mirror.
	 */
	public static List<HubLocation> configuredHubs() {
		String value = System.getProperty("labelbench.hub", "");
		List<HubLocation> hubs = new ArrayList<>();
		for (String part : value.split(",")) {
			if (!part.isBlank()) {
				hubs.add(HubLocation.parse(part.strip()));
			}
		}
		return hubs;
	}

	public List<Offer> offers() {
		return offers;
	}

	public Optional<Offer> find(String name) {
		return offers.stream().filter(offer -> offer.entry().name().equals(name)).findFirst();
	}

	/**
	 * What downloading {@code offer} takes: the embeddings its entry says it runs on, when the cache lacks them
	 * and a hub offers them, then the model itself. A model without its embeddings cannot be deployed.
	 */
	public List<Offer> withEmbeddings(Offer offer, ModelCache cache) throws IOException {
		List<Offer> plan = new ArrayList<>(2);
		String embeddings = offer.entry().embeddings();
		if (embeddings != null && !embeddings.isBlank() && !embeddings.equals(offer.entry().name())
				&& cache.find(embeddings).isEmpty()) {
			find(embeddings).ifPresent(plan::add);
		}
		plan.add(offer);
		return plan;
	}

	/** Hubs that could not be read, one message each. */
	public List<String> problems() {
		return problems;
	}
}
