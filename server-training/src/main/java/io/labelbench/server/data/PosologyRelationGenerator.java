package io.labelbench.server.data;

import java.util.ArrayList;
import java.util.List;

import io.labelbench.server.data.NerCorpus.Sample;
import io.labelbench.server.data.NerCorpus.SentenceBuilder;
import io.labelbench.server.data.NerCorpus.Variant;

/**
 * Seeded synthetic medication sentences with the posology entity labels and the relations between each DRUG and
 * its DOSAGE, STRENGTH, FREQUENCY, ROUTE, FORM and DURATION. Many sentences name several drugs, and pairing an
 * attribute with the nearest drug is often wrong: "aspirin and ibuprofen 81 mg and 200 mg respectively",
 * "ibuprofen for pain, and 500 mg of metformin twice daily", lists, parentheses, attributes shared by two drugs,
 * drugs without attributes.
 * <p>
 * {@link Variant#HELDOUT} uses other sentence frames and drug names that never occur in training.
 */
public final class PosologyRelationGenerator {

	public static final String HEAD = "DRUG";
	public static final List<String> ATTRIBUTES = List.of("DOSAGE", "STRENGTH", "FREQUENCY", "ROUTE", "FORM",
			"DURATION");
	public static final List<String> RELATIONS = ATTRIBUTES.stream().map(a -> HEAD + "-" + a).toList();

	/** A relation from span {@code from} (the drug) to span {@code to} (its attribute), indexes into the spans. */
	public record Link(int from, int to, String label) {
	}

	/** A sentence, its entities and the relations between them. */
	public record RelationSample(Sample sample, List<Link> links) {
	}

	private static final String[] DRUGS_TRAIN = { "aspirin", "ibuprofen", "lisinopril", "atorvastatin", "amlodipine",
			"omeprazole", "losartan", "gabapentin", "sertraline", "furosemide", "prednisone", "tramadol", "warfarin",
			"clopidogrel", "levothyroxine", "azithromycin", "ciprofloxacin", "doxycycline", "acetaminophen",
			"naproxen", "ondansetron", "metoprolol", "allopurinol", "tamsulosin", "heparin", "morphine", "oxycodone",
			"folic acid", "potassium chloride", "albuterol" };
	private static final String[] DRUGS_HELDOUT = { "rosuvastatin", "valsartan", "duloxetine", "bupropion",
			"pregabalin", "famotidine", "nitrofurantoin", "clindamycin", "apixaban", "diltiazem", "baclofen",
			"quetiapine", "calcium carbonate", "dexamethasone", "metformin" };
	private static final String[] STRENGTH_NUM = { "0.5", "1", "2.5", "5", "10", "20", "25", "40", "50", "81", "100",
			"200", "250", "325", "400", "500", "750", "1000" };
	private static final String[] STRENGTH_UNIT = { "mg", "mg", "mg", "mcg", "g" };
	private static final String[] DOSE_NUM = { "1", "2", "one", "two" };
	private static final String[] FORM_SG = { "tablet", "capsule", "patch", "lozenge" };
	private static final String[] FORM_PL = { "tablets", "capsules", "patches", "lozenges" };
	private static final String[] UNIT_DOSE = { "10 units", "2 puffs", "5 mL", "15 mL", "8 units", "2 drops" };
	private static final String[] ROUTES = { "orally", "PO", "by mouth", "IV", "subcutaneously", "IM", "topically",
			"sublingually", "inhaled" };
	private static final String[] FREQS = { "daily", "once daily", "twice daily", "three times daily", "BID", "TID",
			"every 6 hours", "at bedtime", "nightly", "every morning", "weekly", "every 8 hours", "as needed" };
	private static final String[] DURATIONS = { "for 5 days", "for 7 days", "for 10 days", "for two weeks",
			"for one month", "for 3 months", "for another week" };
	private static final String[] PURPOSES = { "pain", "fever", "nausea", "sleep", "anxiety", "headache" };

	/** {@code count} sentences from {@code seed}; same arguments, same sentences. */
	public List<RelationSample> generate(long seed, int count, Variant variant) {
		Run run = new Run(seed, variant);
		List<RelationSample> out = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			out.add(run.next());
		}
		return out;
	}

	private static final class Run extends NerCorpus.Dice {
		private final Variant variant;
		private SentenceBuilder b;
		private int spans;
		private List<Link> links;
		private final java.util.Set<String> drugs = new java.util.HashSet<>();
		private final List<String> labels = new ArrayList<>();

		Run(long seed, Variant variant) {
			super(seed);
			this.variant = variant;
		}

		private boolean training() {
			return variant == Variant.TRAIN;
		}

		RelationSample next() {
			b = new SentenceBuilder();
			spans = 0;
			links = new ArrayList<>();
			drugs.clear();
			labels.clear();
			if (training()) {
				switch (roll(11)) {
				case 0 -> { o(pick("Start", "Give", "Continue", "Resume")); int d = drug(); regimen(d, true); }
				case 1 -> { int d1 = drugCap(); regimen(d1, false); o(pick("and", ";", ", and")); int d2 = drug(); regimen(d2, false); }
				case 2 -> respectively("and", "respectively");
				case 3 -> { int d1 = drugCap(); o(pick("for", "as needed for") + " " + pick(PURPOSES) + ", and"); ofDrug(); }
				case 4 -> { int d1 = drugCap(); parenthesis(d1); o("and"); int d2 = drug(); parenthesis(d2); }
				case 5 -> { o("Medications:"); int d = drug(); regimen(d, false); int n = 1 + roll(2);
						for (int i = 0; i < n; i++) { o(","); int di = drug(); regimen(di, false); } }
				case 6 -> { o(pick("Take", "Use")); ofDrug(); o("and"); ofDrug(); }
				case 7 -> shared("and", pick("both", ""));
				case 8 -> { o(pick("Stop", "Hold")); drug(); o("and start"); int d2 = drug(); regimen(d2, true); }
				case 9 -> { int d1 = drugCap(); regimen(d1, false); o("with"); drug(); o(pick("as needed", "if required")); }
				default -> { int d1 = drugCap(); link(d1, strength()); o("was replaced by"); int d2 = drug(); regimen(d2, true); }
				}
			} else {
				switch (roll(11)) {
				case 0 -> { o("The patient was started on"); int d = drug(); regimen(d, true); }
				case 1 -> { int d1 = drugCap(); regimen(d1, false); o("as well as"); int d2 = drug(); regimen(d2, false); }
				case 2 -> respectively("plus", ", respectively");
				case 3 -> { int d1 = drugCap(); o("when needed for " + pick(PURPOSES) + ", with"); ofDrug(); }
				case 4 -> { o("Discharge on"); int d1 = drug(); parenthesis(d1); o("plus"); int d2 = drug(); parenthesis(d2); }
				case 5 -> { o("Current list:"); int d = drug(); regimen(d, false); o(","); int d2 = drug(); regimen(d2, false);
						o("and"); int d3 = drug(); regimen(d3, false); }
				case 6 -> { o("Dispense"); ofDrug(); o("along with"); ofDrug(); }
				case 7 -> shared("plus", "");
				case 8 -> { o("Discontinue"); drug(); o("; begin"); int d2 = drug(); regimen(d2, true); }
				// compositions no training frame has: "respectively" inside parentheses, a frequency shared by
				// two drugs that each have their own strength
				case 9 -> { o("Give"); int d1 = drug(); o("plus"); int d2 = drug(); o("("); int s1 = strength();
						o("and"); int s2 = strength(); o(", respectively )"); link(d1, s1); link(d2, s2); }
				default -> { int d1 = drugCap(); link(d1, strength()); o("and"); int d2 = drug(); link(d2, strength());
						o(", each"); int f = entity(pick(FREQS), "FREQUENCY"); link(d1, f); link(d2, f); }
				}
			}
			return new RelationSample(b.end(), List.copyOf(links));
		}

		/** Strength, then some of route, frequency, duration, all of the drug {@code d}. */
		private void regimen(int d, boolean full) {
			if (chance(0.8)) {
				link(d, strength());
			} else {
				link(d, entity(pick(UNIT_DOSE), "DOSAGE"));
			}
			if (full || chance(0.4)) {
				link(d, entity(pick(ROUTES), "ROUTE"));
			}
			if (full || chance(0.7)) {
				link(d, entity(pick(FREQS), "FREQUENCY"));
			}
			if (chance(full ? 0.5 : 0.2)) {
				link(d, entity(pick(DURATIONS), "DURATION"));
			}
		}

		/** "D1 and D2 S1 and S2 respectively": the second drug is nearer the first strength. */
		private void respectively(String and, String respectively) {
			int d1 = drugCap();
			o(and);
			int d2 = drug();
			boolean frequency = chance(0.3);
			int a1 = frequency ? entity(pick(FREQS), "FREQUENCY") : strength();
			o("and");
			int a2 = frequency ? entity(pick(FREQS), "FREQUENCY") : strength();
			link(d1, a1);
			link(d2, a2);
			o(respectively);
			if (chance(0.4)) {
				int route = entity(pick(ROUTES), "ROUTE");
				link(d1, route);
				link(d2, route);
			}
		}

		/** "2 tablets of D daily": the attributes come before the drug. */
		private void ofDrug() {
			boolean strength = chance(0.5);
			int a = strength ? strength() : dose();
			int form = strength ? -1 : spans - 1;
			o("of");
			int d = drug();
			link(d, a);
			if (form >= 0) {
				link(d, form);
			}
			if (chance(0.8)) {
				link(d, entity(pick(FREQS), "FREQUENCY"));
			}
		}

		/** "D (S FORM) F" */
		private void parenthesis(int d) {
			o("(");
			link(d, strength());
			if (chance(0.5)) {
				link(d, entity(pick(FORM_SG), "FORM"));
			}
			o(")");
			if (chance(0.7)) {
				link(d, entity(pick(FREQS), "FREQUENCY"));
			}
		}

		/** "D1 and D2 R F": both drugs take the route and frequency. */
		private void shared(String and, String both) {
			int d1 = drugCap();
			o(and);
			int d2 = drug();
			if (!both.isEmpty()) {
				o(", " + both);
			}
			int r = entity(pick(ROUTES), "ROUTE");
			int f = entity(pick(FREQS), "FREQUENCY");
			for (int d : new int[] { d1, d2 }) {
				link(d, r);
				link(d, f);
			}
		}

		private int dose() {
			String n = pick(DOSE_NUM);
			int dose = entity(n, "DOSAGE");
			entity(n.equals("1") || n.equals("one") ? pick(FORM_SG) : pick(FORM_PL), "FORM");
			return dose;
		}

		private int strength() {
			return entity(pick(STRENGTH_NUM) + " " + pick(STRENGTH_UNIT), "STRENGTH");
		}

		private int drug() {
			return entity(drugName(), HEAD);
		}

		private int drugCap() {
			String d = drugName();
			return entity(Character.toUpperCase(d.charAt(0)) + d.substring(1), HEAD);
		}

		private String drugName() {
			String name;
			do {
				name = pick(training() ? DRUGS_TRAIN : DRUGS_HELDOUT);
			} while (!drugs.add(name));
			return name;
		}

		private int entity(String words, String label) {
			b.entity(words, label);
			labels.add(label);
			return spans++;
		}

		private void o(String words) {
			if (!words.isBlank()) {
				for (String w : words.split(" ")) {
					// "for pain," and "list:" are written with their punctuation: one token each
					if (w.length() > 1 && (w.endsWith(",") || w.endsWith(":"))) {
						b.o(w.substring(0, w.length() - 1));
						b.o(w.substring(w.length() - 1));
					} else {
						b.o(w);
					}
				}
			}
		}

		private void link(int drug, int attribute) {
			String label = HEAD + "-" + attributeLabel(attribute);
			links.add(new Link(drug, attribute, label));
		}

		private String attributeLabel(int span) {
			return labels.get(span);
		}
	}
}
