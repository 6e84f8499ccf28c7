package io.labelbench.server.data;

import java.util.List;

import io.labelbench.server.data.NerCorpus.Sample;
import io.labelbench.server.data.NerCorpus.SentenceBuilder;
import io.labelbench.server.data.NerCorpus.Variant;

/**
 * Deterministic synthetic posology corpus: templated clinical sentences with 7 entity types, BIO-tagged, written
 * as CoNLL-2003 ("token -X- -X- TAG"). Same seed + variant -> byte-identical output (java.util.Random is specified).
 * <p>
 * {@link Variant#TRAIN} and {@link Variant#HELDOUT} use disjoint sentence frames and disjoint drug lists, so a
 * held-out score is not simple memorisation. The drugs of the three "real-looking" demo sentences (metformin,
 * amoxicillin, insulin glargine) and the frequency "at night" are in neither list.
 */
public final class PosologyGenerator extends NerCorpus.TemplateGenerator {

	public static final List<String> LABELS = List.of("DRUG", "DOSAGE", "FREQUENCY", "ROUTE", "FORM", "STRENGTH",
			"DURATION");


	// ---- word lists (written for this generator) ----
	private static final String[] DRUGS_TRAIN = { "lisinopril", "atorvastatin", "amlodipine", "omeprazole",
			"simvastatin", "losartan", "gabapentin", "hydrochlorothiazide", "sertraline", "furosemide", "pantoprazole",
			"prednisone", "tramadol", "warfarin", "clopidogrel", "levothyroxine", "azithromycin", "ciprofloxacin",
			"doxycycline", "cephalexin", "ibuprofen", "acetaminophen", "naproxen", "ondansetron", "citalopram",
			"fluoxetine", "trazodone", "montelukast", "carvedilol", "metoprolol", "propranolol", "spironolactone",
			"allopurinol", "tamsulosin", "meloxicam", "cyclobenzaprine", "clonazepam", "lorazepam", "enoxaparin",
			"heparin", "morphine", "oxycodone", "vancomycin", "ceftriaxone", "valproic acid", "folic acid",
			"potassium chloride", "magnesium oxide", "ferrous sulfate", "albuterol" };
	private static final String[] DRUGS_HELDOUT = { "rosuvastatin", "valsartan", "duloxetine", "bupropion",
			"venlafaxine", "pregabalin", "esomeprazole", "famotidine", "nitrofurantoin", "clindamycin", "levofloxacin",
			"apixaban", "rivaroxaban", "diltiazem", "verapamil", "hydralazine", "baclofen", "methocarbamol",
			"quetiapine", "risperidone", "calcium carbonate", "sodium bicarbonate", "ascorbic acid", "dexamethasone",
			"methylprednisolone" };
	private static final String[] STRENGTH_NUM = { "0.5", "1", "2", "2.5", "5", "10", "12.5", "20", "25", "40",
			"50", "75", "81", "100", "125", "150", "200", "250", "300", "325", "400", "500", "600", "750", "800",
			"1000" };
	private static final String[] STRENGTH_UNIT = { "mg", "mg", "mg", "mg", "mcg", "g", "mEq" };
	private static final String[] DOSE_NUM = { "1", "2", "3", "one", "two" };
	private static final String[] DOSE_UNIT_NUM = { "2", "4", "5", "6", "8", "10", "12", "15", "20", "30" };
	private static final String[] DOSE_UNIT = { "units", "puffs", "mL", "drops", "units" };
	private static final String[] FORM_SG = { "tablet", "capsule", "patch", "suppository", "lozenge" };
	private static final String[] FORM_PL = { "tablets", "capsules", "patches", "suppositories", "lozenges" };
	private static final String[] FORM_MASS = { "suspension", "solution", "syrup", "cream", "ointment", "inhaler",
			"injection", "gel" };
	private static final String[] ROUTES = { "orally", "PO", "by mouth", "IV", "intravenously", "subcutaneously",
			"SC", "IM", "intramuscularly", "topically", "sublingually", "per rectum", "inhaled", "via nebulizer" };
	private static final String[] FREQ_TRAIN = { "daily", "once daily", "twice daily", "three times daily",
			"four times daily", "BID", "TID", "QID", "q6h", "q8h", "every morning", "every evening", "at bedtime",
			"nightly", "once a day", "twice a day", "every other day", "weekly", "every 4 hours", "every 6 hours",
			"every 8 hours", "three times a day" };
	private static final String[] FREQ_HELDOUT = { "once daily", "twice daily", "BID", "TID", "every 12 hours",
			"every 24 hours", "q12h", "in the morning", "every evening", "twice a day", "three times a day",
			"once weekly", "QHS" };
	private static final String[] DUR_NUM = { "3", "5", "7", "10", "14", "21", "30", "one", "two", "three", "five",
			"seven", "ten" };
	private static final String[] DUR_UNIT = { "days", "weeks", "months" };
	private static final String[] DUR_LEAD_TRAIN = { "for", "for", "for", "for another", "x" };
	private static final String[] DUR_LEAD_HELDOUT = { "for", "for", "for the next", "over" };
	private static final String[] LEAD_TRAIN = { "Start", "Give", "Administer", "Resume", "Order", "Begin",
			"Initiate", "Restart", "Continue", "Hold", "Stop", "Discontinue", "Taper", "Refill", "Plan : start",
			"Advised to take", "Will begin", "Okay to give", "Change her to", "Add" };
	private static final String[] CONTEXT_TRAIN = { "The patient was given", "Patient is on", "Currently taking",
			"Continues", "Home medications :", "Was maintained on", "He received", "She was treated with",
			"Medication list includes", "Reports taking", "Tolerating", "Nurse gave", "Last dose of",
			"Family says he takes", "Outpatient regimen :" };
	private static final String[] NO_ENTITY_TRAIN = { "No known drug allergies.", "Patient denies chest pain.",
			"Follow up in 2 weeks.", "Blood pressure was 130 over 85.", "She reports mild nausea since Monday.",
			"Labs were within normal limits.", "He walked 3 blocks without shortness of breath.",
			"Return to clinic in one month.", "Temperature 38.2 this morning.", "She lives with her daughter.",
			"Chest X-ray shows no acute process.", "Heart rate 88 and regular.", "Weight is 72 kg today.",
			"Smoked 1 pack a day for 20 years.", "He has two children and works nights.",
			"MRI scheduled for next Tuesday." };
	private static final String[] NO_ENTITY_HELDOUT = { "Vital signs were stable overnight.",
			"The patient is alert and oriented.", "Repeat the blood test in 10 days.",
			"Pain score is 4 out of 10.", "Discussed diet and exercise at length." };

	public PosologyGenerator() {
		super("posology", LABELS, Run::new);
	}

	private static final class Run extends NerCorpus.Run {
		Run(long seed, Variant variant) {
			super(seed, variant);
		}

		@Override
		protected Sample next() {
			SentenceBuilder b = new SentenceBuilder();
			if (training()) {
				switch (roll(12)) {
				case 0 -> { b.o(pick(LEAD_TRAIN)); drug(b); strength(b); route(b); freq(b); optDuration(b, 0.6); }
				case 1 -> { b.o(pick("Take", "Dispense", "Use", "Chew")); formDose(b); b.o("of"); drug(b); strength(b); route(b); freq(b); optDuration(b, 0.5); }
				case 2 -> { b.o(pick(CONTEXT_TRAIN)); drug(b); strength(b); route(b); freq(b); }
				case 3 -> { drugCap(b); strength(b); b.entity(pick(FORM_SG), "FORM"); b.o(":"); b.o(pick("take", "use", "give")); dose(b); route(b); freq(b); optDuration(b, 0.4); }
				case 4 -> { b.o(pick(CONTEXT_TRAIN)); drug(b); unitDose(b); route(b); freq(b); }
				case 5 -> { drugCap(b); unitDose(b); route(b); freq(b); optDuration(b, 0.5); }
				case 6 -> { b.o(pick("She takes", "He takes", "They take", "Mother gives her", "He uses")); drug(b); strength(b); freq(b); }
				case 7 -> { b.o(pick(LEAD_TRAIN)); drug(b); strength(b); b.entity(pick(FORM_SG), "FORM"); freq(b); optDuration(b, 0.5); }
				case 8 -> { drugCap(b); strength(b); freq(b); b.o("and"); drug(b); strength(b); freq(b); }
				case 9 -> { b.o(pick("Apply", "Rub in", "Place")); drug(b); b.entity(pick("cream", "ointment", "gel", "patch"), "FORM"); route(b); freq(b); optDuration(b, 0.7); }
				case 10 -> { b.o(pick("Change to", "Switch to", "Increase", "Decrease", "Titrate")); drug(b); b.o("to"); strength(b); freq(b); }
				default -> { return SentenceBuilder.plain(pick(NO_ENTITY_TRAIN)); }
				}
			} else {
				switch (roll(8)) {
				case 0 -> { b.o("The patient was started on"); drug(b); strength(b); route(b); freq(b); optDuration(b, 0.7); }
				case 1 -> { b.o("Please administer"); formDose(b); b.o("of"); drug(b); route(b); freq(b); }
				case 2 -> { drugCap(b); strength(b); b.o("was prescribed"); freq(b); duration(b); }
				case 3 -> { b.o("Discharge medications include"); drug(b); strength(b); b.entity(pick(FORM_SG), "FORM"); freq(b); }
				case 4 -> { b.o("Recommend"); drug(b); unitDose(b); route(b); freq(b); duration(b); }
				case 5 -> { b.o("Instructed to use"); drug(b); b.entity(pick(FORM_MASS), "FORM"); route(b); freq(b); }
				case 6 -> { b.o("We will continue"); drug(b); strength(b); route(b); freq(b); b.o("and reassess"); }
				default -> { return SentenceBuilder.plain(pick(NO_ENTITY_HELDOUT)); }
				}
			}
			return b.end();
		}

		private void formDose(SentenceBuilder b) {
			String n = pick(DOSE_NUM);
			b.entity(n, "DOSAGE");
			boolean plural = !(n.equals("1") || n.equals("one"));
			b.entity(plural ? pick(FORM_PL) : pick(FORM_SG), "FORM");
		}

		private String drugName() {
			return pick(training() ? DRUGS_TRAIN : DRUGS_HELDOUT);
		}

		private void drug(SentenceBuilder b) {
			b.entity(drugName(), "DRUG");
		}

		private void drugCap(SentenceBuilder b) {
			String d = drugName();
			b.entity(Character.toUpperCase(d.charAt(0)) + d.substring(1), "DRUG");
		}

		private void strength(SentenceBuilder b) {
			b.entity(pick(STRENGTH_NUM) + " " + pick(STRENGTH_UNIT), "STRENGTH");
		}

		private void dose(SentenceBuilder b) {
			b.entity(pick("1", "2", "one", "two"), "DOSAGE");
		}

		private void unitDose(SentenceBuilder b) {
			b.entity(pick(DOSE_UNIT_NUM) + " " + pick(DOSE_UNIT), "DOSAGE");
		}

		private void route(SentenceBuilder b) {
			b.entity(pick(ROUTES), "ROUTE");
		}

		private void freq(SentenceBuilder b) {
			b.entity(pick(training() ? FREQ_TRAIN : FREQ_HELDOUT), "FREQUENCY");
		}

		private void duration(SentenceBuilder b) {
			String lead = pick(training() ? DUR_LEAD_TRAIN : DUR_LEAD_HELDOUT);
			String n = pick(DUR_NUM);
			String unit = pick(DUR_UNIT);
			if (n.equals("one")) {
				unit = unit.substring(0, unit.length() - 1); // one day / week / month
			}
			b.entity(lead + " " + n + " " + unit, "DURATION");
		}

		private void optDuration(SentenceBuilder b, double p) {
			if (chance(p)) {
				duration(b);
			}
		}
	}
}
